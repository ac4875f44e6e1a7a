package org.communityschools.privacy.disclosure;

import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.StudentId;

/**
 * Where disclosures are recorded: an append-only log that numbers entries 1, 2, 3, ... without gaps and chains them
 * by hash (docs/privacy-disclosure-log.md). Get one from {@link DisclosureLogs}. Implementations are thread-safe:
 * concurrent appends are serialized, sequence numbers follow the order of the chain, and a file sink shares one
 * {@code force} among appenders waiting at the same time (group commit).
 *
 * <p>A policy decision carries the entry to append as an obligation
 * ({@link org.communityschools.privacy.policy.Obligation.RecordDisclosure}); the caller appends it <em>before</em>
 * releasing any data, and refuses the disclosure when {@link #append} throws: a disclosure that cannot be recorded
 * does not happen.
 */
public interface DisclosureSink extends AutoCloseable {
    /**
     * Records a disclosure and returns its entry once the entry is durable: for a file, written and forced to the
     * storage device ({@code FileChannel.force}); for memory, stored.
     *
     * @param disclosure the disclosure
     * @return the entry written, with its sequence number and hash
     * @throws DisclosureLogException when the entry could not be made durable; then nothing was acknowledged and the
     *                                sink refuses further appends
     * @throws IllegalStateException  when the sink is closed
     */
    DisclosureEntry append(Disclosure disclosure);

    /**
     * Records several disclosures in this order, with consecutive sequence numbers, and returns their entries once
     * all are durable: for a file, written and forced once, so a batch (one entry per student of a research extract)
     * costs one {@code force} instead of one per entry. The default appends one by one.
     *
     * @param disclosures the disclosures, in order
     * @return the entries written, in the same order
     * @throws DisclosureLogException when the entries could not be made durable; then none was acknowledged and the
     *                                sink refuses further appends
     * @throws IllegalStateException  when the sink is closed
     */
    default List<DisclosureEntry> appendAll(List<Disclosure> disclosures) {
        List<Disclosure> copy = List.copyOf(disclosures);
        List<DisclosureEntry> out = new java.util.ArrayList<>(copy.size());
        for (Disclosure d : copy) {
            out.add(append(d));
        }
        return List.copyOf(out);
    }

    /**
     * The disclosure history of one student, in log order: what a parent inspecting the record of disclosures
     * (34 CFR 99.32(c)) sees, plus the exempt entries, each tagged by {@link Disclosure#isFerpaRecord()}. A file sink
     * re-reads and re-verifies its file, so an entry altered since it was written is never returned silently.
     *
     * @param student the student
     * @return the student's entries, in log order
     * @throws DisclosureLogException when the log no longer verifies
     */
    List<DisclosureEntry> historyOf(StudentId student);

    /**
     * {@return the current head of the log, to keep outside it for later verification; empty while the log is empty}
     */
    Optional<Checkpoint> checkpoint();

    /**
     * Signs the current durable head as an {@linkplain SignedCheckpoint.Occasion#ON_DEMAND on-demand checkpoint} and
     * appends it to the sink's {@link CheckpointStore} (a sink built with
     * {@link FileSinkBuilder#checkpoints(CheckpointStore, CheckpointKey)}); returns it once durable.
     *
     * @return the checkpoint, or empty while the log is empty
     * @throws IllegalStateException  when the sink has no checkpoint store (the default), or is closed
     * @throws DisclosureLogException when the checkpoint could not be stored
     */
    default Optional<SignedCheckpoint> writeCheckpoint() {
        throw new IllegalStateException("this sink has no checkpoint store; build a file sink with "
                + "DisclosureLogs.jsonLinesFileBuilder(file).checkpoints(store, key)");
    }

    /** Releases the sink's resources (a file sink's lock and channel); appending afterwards throws. Idempotent. */
    @Override
    void close();
}
