package org.communityschools.privacy.disclosure;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a disclosure log ({@link DisclosureLogs#verify}): intact, or the first defect. Immutable
 * and thread-safe.
 *
 * @param intactLines the number of lines, from the first, that verified (all of them when intact); these lines can be
 *                    trusted as far as the hash chain goes
 * @param head        the checkpoint of the last line that verified; empty for an empty log or a defect on line 1
 * @param defect      the first defect, or empty when the log is intact
 */
public record VerificationReport(long intactLines, Optional<Checkpoint> head, Optional<LogDefect> defect) {
    /**
     * Checks consistency.
     *
     * @param intactLines the number of lines, from the first, that verified (all of them when intact); these lines can
     *     be trusted as far as the hash chain goes
     * @param head the checkpoint of the last line that verified; empty for an empty log or a defect on line 1
     * @param defect the first defect, or empty when the log is intact
     */
    public VerificationReport {
        if (intactLines < 0) {
            throw new IllegalArgumentException("intactLines must not be negative, was " + intactLines);
        }
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(defect, "defect");
        if (head.isPresent() != intactLines > 0) {
            throw new IllegalArgumentException("head is present exactly when at least one line verified");
        }
    }

    /**
     * {@return whether the log is intact: every line verified (and, when verified against a checkpoint, it reaches it)}
     */
    public boolean isIntact() {
        return defect.isEmpty();
    }

    @Override
    public String toString() {
        return defect.map(d -> "NOT INTACT at line " + d.line() + ": " + d.kind() + " (" + d.detail() + "); "
                        + intactLines + " lines verified before it")
                .orElse("intact, " + intactLines + " lines" + head.map(h -> ", head " + h).orElse(""));
    }
}
