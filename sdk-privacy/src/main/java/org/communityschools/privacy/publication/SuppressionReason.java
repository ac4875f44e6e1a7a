package org.communityschools.privacy.publication;

/** Why a cell of a protected table is suppressed (NCES 2011-603). */
public enum SuppressionReason {
    /** Primary: the group size is below the minimum {@code n}. */
    PRIMARY_SMALL_GROUP,
    /** Primary: the count, or the group size minus the count, is below the minimum {@code k}. */
    PRIMARY_SMALL_COUNT,
    /**
     * Primary: the count was already suppressed in the input (such as {@code s} in a published file) and stays
     * suppressed; it is never filled in from another source.
     */
    WITHHELD_IN_INPUT,
    /** Complementary: suppressed so that other suppressed cells cannot be recovered from published totals. */
    COMPLEMENTARY,
    /**
     * Not part of the release: a cell of a joint table that this release does not publish (the cross-classification
     * of groupings released together, or a grouping left out), audited with the others but not protected itself,
     * unless an earlier release hid it ({@link TableProtector#protectTogether}).
     */
    NOT_RELEASED;

    /** {@return whether this is a primary reason (a cell hidden for what it is, not to protect another)} */
    public boolean isPrimary() {
        return this != COMPLEMENTARY && this != NOT_RELEASED;
    }
}
