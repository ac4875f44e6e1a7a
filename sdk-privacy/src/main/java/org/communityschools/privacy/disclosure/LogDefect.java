package org.communityschools.privacy.disclosure;

import java.util.Objects;

/**
 * The first thing wrong with a disclosure log: on which line (1-based) and what. Immutable and thread-safe.
 *
 * @param line   the 1-based line number where the log stops being trustworthy
 * @param kind   what is wrong
 * @param detail an explanation for people; it names sequence numbers and hashes, never log contents
 */
public record LogDefect(long line, Kind kind, String detail) {
    /**
     * Checks that the line is positive.
     *
     * @param line the 1-based line number where the log stops being trustworthy
     * @param kind what is wrong
     * @param detail an explanation for people; it names sequence numbers and hashes, never log contents
     */
    public LogDefect {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** What can be wrong with a log. */
    public enum Kind {
        /**
         * The line is not what was written: not a valid entry, not in canonical form, its hash does not match its
         * content, or it does not chain to the line before (that line was altered and rehashed, or this link changed);
         * or, against a checkpoint, its hash differs from the checkpoint's (history rewritten at or before it).
         */
        ALTERED,
        /** Lines are missing: the line's sequence number is higher than expected and the expected one is nowhere later. */
        REMOVED,
        /** Lines are out of order or repeated: the expected sequence number appears later, or this one appeared before. */
        REORDERED,
        /**
         * The log ends before a {@link Checkpoint} taken earlier: lines were cut from the end. Only detectable against
         * a checkpoint; the line reported is the first missing one. (A log that reaches the checkpoint with another
         * hash there was rewritten, and reports {@link #ALTERED}.)
         */
        TRUNCATED,
        /**
         * The last line has no line end, or is not a complete JSON object (it does not start with '{' and end with
         * '}', or holds a NUL byte): a write that never completed, typically a process killed while appending, or
         * blocks lost in a power failure. Such an entry was never acknowledged; {@link DisclosureLogs#repair} removes
         * it and records the fact. (A complete object that fails its checks is {@link #ALTERED}.)
         */
        TORN_LAST_LINE,
        /**
         * Lines follow a {@linkplain SignedCheckpoint.Occasion#CLOSED closing checkpoint} with no later checkpoint
         * recording that a sink reopened the log: they were appended by something other than a sink (a sink that
         * reopens a log signs an {@linkplain SignedCheckpoint.Occasion#OPENED opening checkpoint} first). The line
         * reported is the first one after the closing checkpoint.
         */
        APPENDED_AFTER_CLOSE
    }
}
