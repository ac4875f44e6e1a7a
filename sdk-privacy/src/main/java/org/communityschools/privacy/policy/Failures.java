package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why the fields of one evaluation failed the checks of the rules that would have granted them, by the field's
 * position in the catalog: the distinct reasons in the order they were found, joined with {@code "; "}. Most fields
 * fail for one reason, held as it is; a list is made only for a second one. Not thread-safe, used once.
 */
final class Failures {
    private final @Nullable String[] first;
    private @Nullable List<String> @Nullable [] more;

    Failures(int fields) {
        this.first = new String[fields];
    }

    /** Adds {@code reason} for the field at {@code k}, unless it is already among its reasons. */
    @SuppressWarnings("unchecked")
    void add(int k, String reason) {
        String known = first[k];
        if (known == null) {
            first[k] = reason;
            return;
        }
        if (known.equals(reason)) {
            return;
        }
        if (more == null) {
            more = new List[first.length];
        }
        List<String> others = more[k];
        if (others == null) {
            others = new ArrayList<>(2);
            more[k] = others;
        }
        if (!others.contains(reason)) {
            others.add(reason);
        }
    }

    /**
     * The array of each field's first reason, handed to the decision's assembly to be overwritten, position by
     * position after {@link #reason} has read that position, with each field's whole reason (one array per decision
     * instead of two); nothing is added after.
     */
    @Nullable String[] firstReasons() {
        return first;
    }

    /** {@return the reasons of the field at {@code k}, joined with "; ", or null when it failed no check} */
    @Nullable String reason(int k) {
        String known = first[k];
        List<String> others = more == null ? null : more[k];
        if (known == null || others == null) {
            return known;
        }
        StringBuilder b = new StringBuilder(known);
        for (int i = 0; i < others.size(); i++) {
            b.append("; ").append(others.get(i));
        }
        return b.toString();
    }
}
