package org.communityschools.privacy.disclosure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.privacy.internal.disclosure.CheckpointFile;
import org.communityschools.privacy.internal.disclosure.Checkpoints;
import org.communityschools.privacy.internal.disclosure.InMemorySink;
import org.communityschools.privacy.internal.disclosure.JsonLinesFileSink;
import org.communityschools.privacy.internal.disclosure.LogFiles;

/**
 * The entry point of the record of disclosures (34 CFR 99.32): named factories for {@link DisclosureSink}s, and the
 * verification and repair of log files. The format, the hash chain and the crash semantics are described in
 * docs/privacy-disclosure-log.md. Thread-safe (stateless).
 */
public final class DisclosureLogs {
    private DisclosureLogs() {}

    /**
     * {@return a sink that keeps its entries in memory, with the same sequence numbers and hash chain as a file; for
     * tests and embedding}
     */
    public static DisclosureSink inMemory() {
        return new InMemorySink();
    }

    /**
     * A sink that appends to a JSON Lines file, creating it when absent. An existing file is verified first, and the
     * sink continues its chain. The sink holds an exclusive lock on the file until closed.
     *
     * @param file the log file
     * @return the sink; close it to release the file
     * @throws DisclosureLogException when the existing file is not intact (a torn last line must be
     *                                {@linkplain #repair(Path) repaired} first; any other defect is evidence of
     *                                tampering and is left for people to investigate), when another sink holds it, or
     *                                when it cannot be opened
     */
    public static DisclosureSink jsonLinesFile(Path file) {
        return JsonLinesFileSink.open(Objects.requireNonNull(file, "file"));
    }

    /**
     * A builder for a sink appending to a JSON Lines file, with signed checkpoints at intervals, on open and on close.
     * {@code jsonLinesFileBuilder(file).build()} is {@link #jsonLinesFile(Path)}.
     *
     * @param file the log file
     * @return the builder
     */
    public static FileSinkBuilder jsonLinesFileBuilder(Path file) {
        return new FileSinkBuilder(file);
    }

    /**
     * A {@link CheckpointStore} in a file: one checkpoint a line ({@link SignedCheckpoint#toString()}), appended under
     * an exclusive file lock and forced to the storage device before {@code append} returns. An absent file holds no
     * checkpoints; the file is created by the first append. Keep it apart from the log (another disk or machine).
     *
     * @param file the file that holds the checkpoints
     * @return the store
     */
    public static CheckpointStore checkpointFile(Path file) {
        return new CheckpointFile(Objects.requireNonNull(file, "file"));
    }

    /**
     * Verifies a log file as {@link #verify(Path)} does, and against its signed checkpoints: every checkpoint in the
     * store authentic under {@code key} and consistent with those before it (sequence numbers never going back, one
     * hash per sequence number); the log reaching every one of them with the same hash; no line after a closing
     * checkpoint unless a sink reopened the log. Lines after the latest checkpoint are reported as not yet covered
     * ({@link CheckpointVerification#uncoveredLineCount()}), which is not a defect.
     *
     * @param file the log file
     * @param checkpoints the store of its signed checkpoints
     * @param key the key the checkpoints were signed with
     * @return what was verified, and the first defect found
     * @throws DisclosureLogException when the log or the store cannot be read, or the store holds something that is
     *                                not a checkpoint
     */
    public static CheckpointVerification verify(Path file, CheckpointStore checkpoints, CheckpointKey key) {
        return Checkpoints.verify(Objects.requireNonNull(file, "file"), Objects.requireNonNull(checkpoints, "checkpoints"),
                Objects.requireNonNull(key, "key"));
    }

    /**
     * Signs the head of a log file as an {@linkplain SignedCheckpoint.Occasion#ON_DEMAND on-demand checkpoint} and
     * appends it to the store, after verifying the log against the store's checkpoints. Reads the log without
     * locking it: a sink may be appending, and the checkpoint covers what was complete when it was read.
     *
     * @param file the log file
     * @param checkpoints the store of its signed checkpoints
     * @param key the key to sign with
     * @param clock the clock that dates the checkpoint
     * @return the checkpoint, once durable in the store
     * @throws DisclosureLogException when the log is empty or does not verify (nothing is signed then), or on an I/O
     *                                failure
     */
    public static SignedCheckpoint writeCheckpoint(Path file, CheckpointStore checkpoints, CheckpointKey key, Clock clock) {
        return Checkpoints.write(Objects.requireNonNull(file, "file"), Objects.requireNonNull(checkpoints, "checkpoints"),
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Verifies a log file: every line canonical and matching its hash, sequence numbers 1, 2, 3, ..., each line chained
     * to the one before, and the last line complete. Does not detect lines cut from the end: use
     * {@link #verify(Path, Checkpoint)} for that. A log being appended to concurrently may show its line in progress
     * as torn.
     *
     * @param file the log file
     * @return what was verified, and the first defect found
     * @throws DisclosureLogException when the file cannot be read
     */
    public static VerificationReport verify(Path file) {
        return LogFiles.verify(Objects.requireNonNull(file, "file"), Optional.empty());
    }

    /**
     * Verifies a log file as {@link #verify(Path)} does, and also that it still reaches {@code checkpoint} with the
     * same hash there: a log cut short reports {@link LogDefect.Kind#TRUNCATED}.
     *
     * @param file the log file
     * @param checkpoint a checkpoint of the log, kept outside it
     * @return what was verified, and the first defect found
     * @throws DisclosureLogException when the file cannot be read
     */
    public static VerificationReport verify(Path file, Checkpoint checkpoint) {
        return LogFiles.verify(Objects.requireNonNull(file, "file"), Optional.of(Objects.requireNonNull(checkpoint, "checkpoint")));
    }

    /**
     * {@link #repair(Path, Clock)} with the system clock.
     *
     * @param file the log file
     * @return the repair made, or empty when the log was intact
     */
    public static Optional<LogRepair> repair(Path file) {
        return repair(file, Clock.systemUTC());
    }

    /**
     * Repairs a log whose only defect is a torn last line ({@link LogDefect.Kind#TORN_LAST_LINE}): copies the log as
     * it is to {@code NAME.before-repair-YYYYMMDDTHHMMSSsssZ} beside it, cuts the torn bytes (an entry that was never
     * acknowledged) and nothing else, and appends a repair line to the chain recording when, how many bytes, and their
     * SHA-256, so the cut stays visible. Does nothing to an intact log.
     *
     * @param file the log file
     * @param clock the clock that names the copy
     * @return the repair made, or empty when the log was intact
     * @throws DisclosureLogException when the log has any other defect (which is evidence, not a crash, and is never
     *                                changed), when a sink holds it, or on an I/O failure
     */
    public static Optional<LogRepair> repair(Path file, Clock clock) {
        return LogFiles.repair(Objects.requireNonNull(file, "file"), Objects.requireNonNull(clock, "clock"));
    }
}
