package org.communityschools.privacy.disclosure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
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

    /** A sink that keeps its entries in memory, with the same sequence numbers and hash chain as a file; for tests and embedding. */
    public static DisclosureSink inMemory() {
        return new InMemorySink();
    }

    /**
     * A sink that appends to a JSON Lines file, creating it when absent. An existing file is verified first, and the
     * sink continues its chain. The sink holds an exclusive lock on the file until closed.
     *
     * @throws DisclosureLogException when the existing file is not intact (a torn last line must be
     *                                {@linkplain #repair(Path) repaired} first; any other defect is evidence of
     *                                tampering and is left for people to investigate), when another sink holds it, or
     *                                when it cannot be opened
     */
    public static DisclosureSink jsonLinesFile(Path file) {
        return JsonLinesFileSink.open(Objects.requireNonNull(file, "file"));
    }

    /**
     * Verifies a log file: every line canonical and matching its hash, sequence numbers 1, 2, 3, ..., each line chained
     * to the one before, and the last line complete. Does not detect lines cut from the end: use
     * {@link #verify(Path, Checkpoint)} for that. A log being appended to concurrently may show its line in progress
     * as torn.
     *
     * @throws DisclosureLogException when the file cannot be read
     */
    public static VerificationReport verify(Path file) {
        return LogFiles.verify(Objects.requireNonNull(file, "file"), Optional.empty());
    }

    /**
     * Verifies a log file as {@link #verify(Path)} does, and also that it still reaches {@code checkpoint} with the
     * same hash there: a log cut short reports {@link LogDefect.Kind#TRUNCATED}.
     *
     * @throws DisclosureLogException when the file cannot be read
     */
    public static VerificationReport verify(Path file, Checkpoint checkpoint) {
        return LogFiles.verify(Objects.requireNonNull(file, "file"), Optional.of(Objects.requireNonNull(checkpoint, "checkpoint")));
    }

    /** {@link #repair(Path, Clock)} with the system clock. */
    public static Optional<LogRepair> repair(Path file) {
        return repair(file, Clock.systemUTC());
    }

    /**
     * Repairs a log whose only defect is a torn last line: cuts the torn bytes (an entry that was never acknowledged)
     * and appends a repair line to the chain recording when, how many bytes, and their SHA-256, so the cut stays
     * visible. Does nothing to an intact log.
     *
     * @return the repair made, or empty when the log was intact
     * @throws DisclosureLogException when the log has any other defect (which is evidence, not a crash, and is never
     *                                changed), when a sink holds it, or on an I/O failure
     */
    public static Optional<LogRepair> repair(Path file, Clock clock) {
        return LogFiles.repair(Objects.requireNonNull(file, "file"), Objects.requireNonNull(clock, "clock"));
    }
}
