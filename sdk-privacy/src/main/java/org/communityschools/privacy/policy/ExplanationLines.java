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
    private static final byte SUPPLIED = 0;
    private static final byte NOT_FOR_PURPOSE = 1;
    private static final byte NO_ROLE = 2;

    private final RequestFacts x;
    /** Per line: a {@code Supplier<String>} or a {@link Rule}, as {@link #kinds} says. */
    private Object[] parts;
    private byte[] kinds;
    private int size;

    ExplanationLines(RequestFacts x, int capacity) {
        this.x = x;
        this.parts = new Object[Math.max(4, capacity)];
        this.kinds = new byte[parts.length];
    }

    /** Adds a line whose text {@code line} gives. */
    void add(Supplier<String> line) {
        append(line, SUPPLIED);
    }

    /** Adds "Rule '...' does not apply: it serves [...], not '...'." for {@code r}. */
    void notForPurpose(Rule r) {
        append(r, NOT_FOR_PURPOSE);
    }

    /** Adds "Rule '...' does not apply: the requester holds none of its roles [...] on DATE." for {@code r}. */
    void noRole(Rule r) {
        append(r, NO_ROLE);
    }

    private void append(Object part, byte kind) {
        if (size == parts.length) {
            parts = Arrays.copyOf(parts, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        parts[size] = part;
        kinds[size] = kind;
        size++;
    }

    /** The text of line {@code i}. */
    @SuppressWarnings("unchecked")
    private String line(int i) {
        Object part = parts[i];
        return switch (kinds[i]) {
            case NOT_FOR_PURPOSE -> "Rule '" + ((Rule) part).id() + "' does not apply: it serves "
                    + x.index.purposes((Rule) part) + ", not '" + x.purpose + "'.";
            case NO_ROLE -> "Rule '" + ((Rule) part).id() + "' does not apply: the requester holds none of its roles "
                    + x.index.roles((Rule) part) + " on " + x.date + ".";
            default -> ((Supplier<String>) part).get();
        };
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
