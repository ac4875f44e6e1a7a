package org.communityschools.privacy.disclosure;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link DisclosureLogs#repair} did to a log whose last line was torn: it copied the log as it was to a backup
 * beside it, cut the torn bytes (and nothing else), and appended a repair line, in the hash chain, recording when,
 * how many bytes, and their SHA-256. Immutable and thread-safe.
 *
 * @param line          the 1-based line number of the repair line
 * @param at            when the repair was made
 * @param droppedBytes  how many bytes were cut, 1 or more
 * @param droppedSha256 the SHA-256 of the cut bytes, 64 lower-case hexadecimal digits
 * @param backup        the copy of the log as it was before the repair, torn line included
 */
public record LogRepair(long line, Instant at, long droppedBytes, String droppedSha256, Path backup) {
    /**
     * Checks the values.
     *
     * @param line the 1-based line number of the repair line
     * @param at when the repair was made
     * @param droppedBytes how many bytes were cut, 1 or more
     * @param droppedSha256 the SHA-256 of the cut bytes, 64 lower-case hexadecimal digits
     * @param backup the copy of the log as it was before the repair, torn line included
     */
    public LogRepair {
        if (line < 1 || droppedBytes < 1) {
            throw new IllegalArgumentException("line and droppedBytes must be 1 or more, were " + line + ", " + droppedBytes);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(droppedSha256, "droppedSha256");
        Objects.requireNonNull(backup, "backup");
        if (!droppedSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("droppedSha256 must be 64 lower-case hexadecimal digits");
        }
    }
}
