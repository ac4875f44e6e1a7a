package org.communityschools.privacy.publication;

import java.util.Objects;
import java.util.Optional;

/**
 * One cell of an earlier {@link Release} as a reader of that release knows it: a published count, or, for a cell
 * that was suppressed or coded, the range of values the audit of that release left open. Never the hidden value.
 * Immutable and thread-safe.
 *
 * @param key   the cell's address in its release
 * @param count the published count, present exactly when the cell was published
 * @param range {@code count..count} for a published cell, the audited range for a hidden one
 */
public record ReleasedCell(CellKey key, Optional<Long> count, AuditedRange range) {
    /**
     * Checks that a published cell's range is its count.
     *
     * @param key the cell's address in its release
     * @param count the published count, present exactly when the cell was published
     * @param range {@code count..count} for a published cell, the audited range for a hidden one
     */
    public ReleasedCell {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(range, "range");
        if (count.isPresent() && (range.lower() != count.get() || range.upper() != count.get())) {
            throw new IllegalArgumentException("a published cell's range is its count, cell " + key + " has " + count.get()
                    + " and " + range);
        }
    }

    /** {@return whether the cell was published with its count} */
    public boolean isPublished() {
        return count.isPresent();
    }
}
