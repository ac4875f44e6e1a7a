package org.communityschools.privacy.publication;

import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.Ratio;

/**
 * One cell of a {@link CountTable}: a count of students with the outcome (the numerator, such as chronically absent
 * students) out of a group (the denominator, such as enrolled students, or days for an attendance table).
 * Immutable and thread-safe.
 *
 * @param key       the cell's address
 * @param count     the numerator, {@code 0 ≤ count ≤ groupSize}
 * @param groupSize the denominator, not negative
 */
public record Cell(CellKey key, long count, long groupSize) {
    /**
     * Checks {@code 0 ≤ count ≤ groupSize}.
     *
     * @param key the cell's address
     * @param count the numerator, {@code 0 ≤ count ≤ groupSize}
     * @param groupSize the denominator, not negative
     */
    public Cell {
        Objects.requireNonNull(key, "key");
        if (count < 0 || count > groupSize) {
            throw new IllegalArgumentException("a cell's count must be between 0 and its group size, cell " + key
                    + " has " + count + " of " + groupSize);
        }
    }

    /** {@return the exact rate {@code count/groupSize}, empty when the group is empty} */
    public Optional<Ratio> rate() {
        return groupSize == 0 ? Optional.empty() : Optional.of(Ratio.of(count, groupSize));
    }
}
