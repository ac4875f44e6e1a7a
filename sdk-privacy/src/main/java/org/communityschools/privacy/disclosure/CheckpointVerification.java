package org.communityschools.privacy.disclosure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a disclosure log against its signed checkpoints
 * ({@link DisclosureLogs#verify(java.nio.file.Path, CheckpointStore, CheckpointKey)}): the log's own report, checked
 * against every authentic checkpoint, and the first defect among the checkpoints. Immutable and thread-safe.
 *
 * @param log              the log's report: its hash chain, whether it still reaches every checkpoint with the same
 *                         hash there ({@link LogDefect.Kind#TRUNCATED}, {@link LogDefect.Kind#ALTERED}), and whether
 *                         lines follow a closing checkpoint ({@link LogDefect.Kind#APPENDED_AFTER_CLOSE})
 * @param checkpoints      the checkpoints that verified, in store order, up to the first defect
 * @param checkpointDefect the first checkpoint that is not authentic or not consistent with those before it
 */
public record CheckpointVerification(VerificationReport log, List<SignedCheckpoint> checkpoints,
                                     Optional<CheckpointDefect> checkpointDefect) {
    /**
     * Copies the list.
     *
     * @param log the log's report: its hash chain, whether it still reaches every checkpoint with the same hash there
     *     ({@link LogDefect.Kind#TRUNCATED}, {@link LogDefect.Kind#ALTERED}), and whether lines follow a closing
     *     checkpoint ({@link LogDefect.Kind#APPENDED_AFTER_CLOSE})
     * @param checkpoints the checkpoints that verified, in store order, up to the first defect
     * @param checkpointDefect the first checkpoint that is not authentic or not consistent with those before it
     */
    public CheckpointVerification {
        Objects.requireNonNull(log, "log");
        checkpoints = List.copyOf(checkpoints);
        Objects.requireNonNull(checkpointDefect, "checkpointDefect");
    }

    /**
     * {@return whether the log verified, reaches every checkpoint, and every checkpoint is authentic and consistent}
     */
    public boolean isIntact() {
        return log.isIntact() && checkpointDefect.isEmpty();
    }

    /** {@return the latest checkpoint that verified; empty when there is none} */
    public Optional<SignedCheckpoint> latest() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /**
     * How many lines of an intact log follow its latest checkpoint: appended since, and not yet covered by a
     * checkpoint (all of them when there is no checkpoint). Not a defect: a sink may be appending, or may have
     * stopped before it could close. 0 when the verification failed.
     *
     * @return the number of lines after the latest checkpoint
     */
    public long uncoveredLineCount() {
        if (!isIntact()) {
            return 0;
        }
        return log.intactLines() - latest().map(c -> c.head().sequence()).orElse(0L);
    }

    @Override
    public String toString() {
        if (checkpointDefect.isPresent()) {
            CheckpointDefect d = checkpointDefect.get();
            return "CHECKPOINT " + d.position() + " " + d.kind() + " (" + d.detail() + "); log " + log;
        }
        String covered = latest().map(c -> (log.isIntact() ? "; reaches checkpoint " : "; checked against checkpoint ")
                + checkpoints.size() + " at sequence " + c.head().sequence() + " (" + c.occasion().label() + ", "
                + c.at() + ")").orElse("; no checkpoint");
        String uncovered = isIntact() && uncoveredLineCount() > 0
                ? "; " + uncoveredLineCount() + " line(s) not yet covered by a checkpoint" : "";
        return log + covered + uncovered;
    }
}
