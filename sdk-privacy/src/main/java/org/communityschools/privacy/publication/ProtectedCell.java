package org.communityschools.privacy.publication;

import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.Ratio;

/**
 * One cell of a {@link ProtectedTable} as it will be published. A published cell carries its count, group size and
 * rate; a suppressed cell carries only its marker, the reason and its audited range; a coded cell carries its group
 * size, its marker and its audited range. The hidden values themselves are never here. Immutable and thread-safe.
 *
 * @param key       the cell's address
 * @param status    how the cell is published
 * @param reason    why it is suppressed (present exactly when suppressed)
 * @param count     the count (present exactly when published)
 * @param groupSize the group size (absent when suppressed)
 * @param rate      the exact rate (present when published and the group is not empty)
 * @param marker    the text shown instead of the value (present when not published)
 * @param range     the audited range of the hidden count (present when not published)
 */
public record ProtectedCell(CellKey key, CellStatus status, Optional<SuppressionReason> reason, Optional<Long> count,
        Optional<Long> groupSize, Optional<Ratio> rate, Optional<String> marker, Optional<AuditedRange> range) {
    /**
     * Checks which members are present for the status.
     *
     * @param key the cell's address
     * @param status how the cell is published
     * @param reason why it is suppressed (present exactly when suppressed)
     * @param count the count (present exactly when published)
     * @param groupSize the group size (absent when suppressed)
     * @param rate the exact rate (present when published and the group is not empty)
     * @param marker the text shown instead of the value (present when not published)
     * @param range the audited range of the hidden count (present when not published)
     */
    public ProtectedCell {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(groupSize, "groupSize");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(range, "range");
        boolean published = status == CellStatus.PUBLISHED;
        if (reason.isPresent() != (status == CellStatus.SUPPRESSED) || count.isPresent() != published
                || marker.isPresent() == published || range.isPresent() == published
                || groupSize.isPresent() == (status == CellStatus.SUPPRESSED)) {
            throw new IllegalArgumentException("members inconsistent with status " + status + " for cell " + key);
        }
    }

    /** {@return whether the cell is suppressed} */
    public boolean isSuppressed() {
        return status == CellStatus.SUPPRESSED;
    }
}
