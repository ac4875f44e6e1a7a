package org.communityschools.privacy.disclosure;

import java.util.Objects;

/**
 * The first thing wrong with the checkpoints of a disclosure log. Immutable and thread-safe.
 *
 * @param position the 1-based position of the checkpoint in its {@link CheckpointStore}: its line in a checkpoint file
 * @param kind     what is wrong
 * @param detail   an explanation for people; it names sequence numbers, hashes and key ids, never a key
 */
public record CheckpointDefect(long position, Kind kind, String detail) {
    /**
     * Checks that the position is positive.
     *
     * @param position the 1-based position of the checkpoint in its {@link CheckpointStore}: its line in a checkpoint
     *     file
     * @param kind what is wrong
     * @param detail an explanation for people; it names sequence numbers, hashes and key ids, never a key
     */
    public CheckpointDefect {
        if (position < 1) {
            throw new IllegalArgumentException("position must be 1 or more, was " + position);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** What can be wrong with a checkpoint. */
    public enum Kind {
        /** Its MAC does not match its content under the key, or it names another key id: forged or altered. */
        NOT_AUTHENTIC,
        /**
         * It contradicts an earlier checkpoint: a lower sequence number (checkpoints only go forward), or another hash
         * for the same sequence number (two different histories were signed: a fork).
         */
        INCONSISTENT
    }
}
