package org.communityschools.privacy.policy;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The lines of the explanation of one evaluation, kept as their parts and rendered only when the decision's
 * explanation is read: the usual lines about a rule that does not apply (it serves other purposes, the requester
 * holds none of its roles) are a rule and a kind, not a closure each; any other line is a supplier of its text.
 * Filled by one evaluation (not thread-safe while filled); once handed to its decision it is only read, and
 * {@link #get()} returns the same text on every call from any thread.
 */
final class ExplanationLines implements Supplier<String> {
    /** A line about a rule none of whose roles the requester holds (one per rule, kept by the index). */
    record NoRole(Rule rule) {}

    private static final Supplier<String> NOTHING_PERMITTED = () -> "Nothing is permitted.";

    private final RequestFacts x;
    /**
     * Per line: a {@code Supplier<String>}; a {@link Rule} that does not serve the purpose; a {@link NoRole}; or the
     * {@link GrantSet} whose "Permitted" line ends the explanation.
     */
    private Object[] parts;
    private int size;

    ExplanationLines(RequestFacts x, int capacity) {
        this.x = x;
        this.parts = new Object[Math.max(4, capacity)];
    }

    /** Adds a line whose text {@code line} gives. */
    void add(Supplier<String> line) {
        append(line);
    }

    /** Adds the last line: "Nothing is permitted." or "Permitted: [...]." for {@code grants}. */
    void permitted(GrantSet grants) {
        append(grants.fieldCount() == 0 ? NOTHING_PERMITTED : grants);
    }

    /** Adds "Rule '...' does not apply: it serves [...], not '...'." for {@code r}. */
    void notForPurpose(Rule r) {
        append(r);
    }

    /** Adds "Rule '...' does not apply: the requester holds none of its roles [...] on DATE." for {@code r}'s line. */
    void noRole(NoRole r) {
        append(r);
    }

    private void append(Object part) {
        if (size == parts.length) {
            parts = Arrays.copyOf(parts, size * 2);
        }
        parts[size] = part;
        size++;
    }

    /** The text of line {@code i}. */
    @SuppressWarnings("unchecked")
    private String line(int i) {
        Object part = parts[i];
        if (part instanceof Rule r) {
            return "Rule '" + r.id() + "' does not apply: it serves " + x.index.purposes(r) + ", not '" + x.purpose + "'.";
        }
        if (part instanceof NoRole n) {
            return "Rule '" + n.rule().id() + "' does not apply: the requester holds none of its roles "
                    + x.index.roles(n.rule()) + " on " + x.date + ".";
        }
        if (part instanceof GrantSet g) {
            return g.permittedLine();
        }
        return ((Supplier<String>) part).get();
    }

    /** {@return the lines, one per line} */
    @Override
    public String get() {
        StringBuilder b = new StringBuilder(128 * size);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(line(i));
        }
        return b.toString();
    }
}
