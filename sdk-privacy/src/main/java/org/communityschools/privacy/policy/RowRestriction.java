package org.communityschools.privacy.policy;

import java.util.Objects;
import org.communityschools.privacy.FieldPath;

/**
 * A row restriction of a {@link Rule}: when the rule grants {@code field}, only the rows (records) that pass
 * {@code filter} are shown. Immutable and thread-safe.
 *
 * @param field  the restricted field, which the rule must grant and the filter must apply to ({@link RowFilter#field()})
 * @param filter which rows are shown
 */
public record RowRestriction(FieldPath field, RowFilter filter) {
    /**
     * Checks that nothing is missing.
     *
     * @param field the restricted field, which the rule must grant and the filter must apply to ({@link
     *     RowFilter#field()})
     * @param filter which rows are shown
     */
    public RowRestriction {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(filter, "filter");
    }
}
