package org.communityschools.privacy.publication;

/**
 * Which visible cell complementary suppression takes first from a sum that needs one more hidden cell. Ties go to the
 * other key, then to table order, so the choice is deterministic.
 */
public enum ComplementaryOrder {
    /** The cell with the smallest count, then the smallest group: hides the least information. The default. */
    SMALLEST_COUNT,
    /** The cell with the smallest group, then the smallest count: NYSED's "next smallest group". */
    SMALLEST_GROUP
}
