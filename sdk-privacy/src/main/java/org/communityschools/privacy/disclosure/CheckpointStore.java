package org.communityschools.privacy.disclosure;

import java.util.List;

/**
 * Where a host keeps the {@linkplain SignedCheckpoint signed checkpoints} of a disclosure log: somewhere the log's
 * writers cannot rewrite together with the log (another disk or machine, an auditor's mailbox, a write-once bucket).
 * {@link DisclosureLogs#checkpointFile(java.nio.file.Path)} is the file implementation, one checkpoint a line;
 * implement this interface to send checkpoints elsewhere. Implementations are thread-safe.
 */
public interface CheckpointStore {
    /**
     * Appends a checkpoint and returns once it is durable (for a file: written and forced to the storage device).
     *
     * @param checkpoint the signed checkpoint
     * @throws DisclosureLogException when it could not be made durable, or would go back before a checkpoint
     *                                already stored (a store holds checkpoints in order of sequence number)
     */
    void append(SignedCheckpoint checkpoint);

    /**
     * Every checkpoint stored, in the order appended (for a file, line 1 first). Checking their MACs and order is
     * the verifier's business ({@link DisclosureLogs#verify(java.nio.file.Path, CheckpointStore, CheckpointKey)}).
     *
     * @return the checkpoints, in the order appended
     * @throws DisclosureLogException when the store cannot be read, or holds something that is not a checkpoint
     *                                (the message names the place and the rule)
     */
    List<SignedCheckpoint> checkpoints();
}
