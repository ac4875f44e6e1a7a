package org.communityschools.privacy.policy;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.communityschools.core.model.DataCategory;
import org.communityschools.privacy.FieldPath;

/**
 * Fields of one category that a {@link Decision} denies, and the reason (the forbid rule, the failed check, or default
 * deny). A category whose fields are denied for different reasons has one denial per reason. Immutable and thread-safe.
 *
 * @param category the data category
 * @param fields   the denied fields of that category, sorted, at least one
 * @param reason   why, stating the rule; never personal data
 */
public record Denial(DataCategory category, List<FieldPath> fields, String reason) {
    /**
     * Checks that nothing is missing and sorts the fields.
     *
     * @param category the data category
     * @param fields the denied fields of that category, sorted, at least one
     * @param reason why, stating the rule; never personal data
     */
    public Denial {
        Objects.requireNonNull(category, "category");
        fields = sortedDistinct(Objects.requireNonNull(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a denial names at least one field");
        }
        Objects.requireNonNull(reason, "reason");
    }

    /** An unmodifiable sorted copy without duplicates; no tree is built when the fields are already strictly sorted. */
    private static List<FieldPath> sortedDistinct(List<FieldPath> fields) {
        List<FieldPath> copy = List.copyOf(fields);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i - 1).compareTo(copy.get(i)) >= 0) {
                return List.copyOf(new TreeSet<>(copy));
            }
        }
        return copy;
    }
}
