package org.communityschools.privacy.publication;

/** How a cell appears in a protected table. */
public enum CellStatus {
    /** Count, group size and rate are shown. */
    PUBLISHED,
    /** Count, group size and rate are replaced by a marker. */
    SUPPRESSED,
    /** The rate is shown only as at or below the coding threshold; the count is hidden. */
    BOTTOM_CODED,
    /** The rate is shown only as at or above 100 minus the coding threshold; the count is hidden. */
    TOP_CODED
}
