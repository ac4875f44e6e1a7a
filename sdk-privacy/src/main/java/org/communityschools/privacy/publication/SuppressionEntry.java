package org.communityschools.privacy.publication;

import java.util.Objects;

/**
 * One line of the suppression report: a suppressed cell, why, and the exact range of values still consistent with
 * the published table. Immutable.
 *
 * @param key    the cell
 * @param reason why it is suppressed
 * @param range  its audited range
 */
public record SuppressionEntry(CellKey key, SuppressionReason reason, AuditedRange range) {
    /**
     * Checks that every member is present.
     *
     * @param key the cell
     * @param reason why it is suppressed
     * @param range its audited range
     */
    public SuppressionEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(range, "range");
    }
}
