package org.communityschools.core.live;

/**
 * Told of every version a {@link LiveDistrict} publishes, on the writer's thread, after the version is current and
 * (with a journal) durable, in the order the listeners were added. A listener that keeps figures up to date (an
 * attendance accumulator, early-warning figures, a policy engine) reads the batch's changes and the two versions.
 */
@FunctionalInterface
public interface VersionListener {
    /**
     * {@code current} was made from {@code previous} by {@code batch}.
     *
     * @param previous the version before the batch
     * @param current the version the batch made
     * @param batch the batch that was applied
     */
    void applied(DistrictVersion previous, DistrictVersion current, ChangeBatch batch);
}
