package org.communityschools.privacy.publication;

/**
 * The exact range {@code lower..upper} (both inclusive) of the integer values a hidden cell can take given everything
 * published: the published cells, the totals, the coded ranges, the group sizes and non-negativity. Immutable.
 *
 * @param lower the smallest consistent value
 * @param upper the largest consistent value
 */
public record AuditedRange(long lower, long upper) {
    /**
     * Checks {@code 0 ≤ lower ≤ upper}.
     *
     * @param lower the smallest consistent value
     * @param upper the largest consistent value
     */
    public AuditedRange {
        if (lower < 0 || upper < lower) {
            throw new IllegalArgumentException("an audited range needs 0 ≤ lower ≤ upper, was " + lower + ".." + upper);
        }
    }

    /**
     * {@code upper - lower}: 0 when the cell is pinned to one value.
     *
     * @return the width of the range
     */
    public long width() {
        return upper - lower;
    }

    /**
     * {@return whether {@code value} is in the range}
     *
     * @param value a count
     */
    public boolean contains(long value) {
        return lower <= value && value <= upper;
    }

    @Override
    public String toString() {
        return lower + ".." + upper;
    }
}
