package org.communityschools.privacy.policy;

import java.util.List;
import java.util.Objects;
import org.communityschools.core.model.DataCategory;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.internal.FieldPaths;

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
        fields = FieldPaths.sortedDistinct(Objects.requireNonNull(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a denial names at least one field");
        }
        Objects.requireNonNull(reason, "reason");
    }
}
