package org.communityschools.privacy.internal.disclosure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.CheckpointDefect;
import org.communityschools.privacy.disclosure.CheckpointKey;
import org.communityschools.privacy.disclosure.CheckpointStore;
import org.communityschools.privacy.disclosure.CheckpointVerification;
import org.communityschools.privacy.disclosure.DisclosureLogException;
import org.communityschools.privacy.disclosure.LogDefect;
import org.communityschools.privacy.disclosure.SignedCheckpoint;
import org.communityschools.privacy.disclosure.SignedCheckpoint.Occasion;
import org.communityschools.privacy.disclosure.VerificationReport;

/** Verification of a log against its signed checkpoints, and checkpoints taken on demand. Stateless. */
public final class Checkpoints {
    private Checkpoints() {}

    /** Verifies the log file against every checkpoint in the store. */
    public static CheckpointVerification verify(Path log, CheckpointStore store, CheckpointKey key) {
        return verify(store.checkpoints(), key, heads -> LogFiles.verify(log, heads));
    }

    /**
     * Checks each checkpoint's MAC and its consistency with those before it, up to the first defect; scans the log
     * against the checkpoints that passed; and reports lines after a closing checkpoint.
     *
     * @param scan verifies the log against a list of consistent heads
     */
    public static CheckpointVerification verify(List<SignedCheckpoint> checkpoints, CheckpointKey key,
                                                Function<List<Checkpoint>, VerificationReport> scan) {
        List<SignedCheckpoint> good = new ArrayList<>();
        Optional<CheckpointDefect> defect = Optional.empty();
        Map<Long, String> hashes = new HashMap<>();
        long highest = 0;
        for (SignedCheckpoint c : checkpoints) {
            long position = good.size() + 1L;
            long seq = c.head().sequence();
            String known = hashes.get(seq);
            if (!c.keyId().equals(key.keyId())) {
                defect = Optional.of(new CheckpointDefect(position, CheckpointDefect.Kind.NOT_AUTHENTIC, "signed under key id '"
                        + c.keyId() + "', not under the key given ('" + key.keyId() + "')"));
            } else if (!c.isAuthentic(key)) {
                defect = Optional.of(new CheckpointDefect(position, CheckpointDefect.Kind.NOT_AUTHENTIC, "its MAC does not "
                        + "match its content under key '" + key.keyId() + "': the checkpoint was forged or altered"));
            } else if (seq < highest) {
                defect = Optional.of(new CheckpointDefect(position, CheckpointDefect.Kind.INCONSISTENT, "sequence " + seq
                        + " after a checkpoint at sequence " + highest + ": checkpoints only go forward"));
            } else if (known != null && !known.equals(c.head().hash())) {
                defect = Optional.of(new CheckpointDefect(position, CheckpointDefect.Kind.INCONSISTENT, "a second hash "
                        + "for sequence " + seq + ": two different histories were signed"));
            }
            if (defect.isPresent()) {
                break;
            }
            good.add(c);
            hashes.put(seq, c.head().hash());
            highest = seq;
        }
        VerificationReport log = scan.apply(good.stream().map(SignedCheckpoint::head).toList());
        return new CheckpointVerification(afterClose(log, good), good, defect);
    }

    /** The report with {@link LogDefect.Kind#APPENDED_AFTER_CLOSE} when lines follow a close that was never reopened. */
    private static VerificationReport afterClose(VerificationReport log, List<SignedCheckpoint> good) {
        if (!log.isIntact()) {
            return log;
        }
        for (int i = good.size() - 1; i >= 0; i--) {
            SignedCheckpoint c = good.get(i);
            if (c.occasion() == Occasion.OPENED) {
                return log;
            }
            if (c.occasion() == Occasion.CLOSED) {
                long closedAt = c.head().sequence();
                if (log.intactLines() <= closedAt) {
                    return log;
                }
                return new VerificationReport(closedAt, Optional.of(c.head()), Optional.of(new LogDefect(closedAt + 1,
                        LogDefect.Kind.APPENDED_AFTER_CLOSE, (log.intactLines() - closedAt) + " line(s) after the log "
                        + "was closed at sequence " + closedAt + " (checkpoint " + (i + 1) + ", " + c.at()
                        + "), with no checkpoint recording that a sink reopened it")));
            }
        }
        return log;
    }

    /**
     * Signs the head of an intact log as an {@link Occasion#ON_DEMAND} checkpoint and appends it to the store,
     * after verifying the log against the store's checkpoints.
     */
    public static SignedCheckpoint write(Path log, CheckpointStore store, CheckpointKey key, Clock clock) {
        CheckpointVerification v = verify(log, store, key);
        if (!v.isIntact()) {
            throw new DisclosureLogException("refusing to sign the head of " + log + ", which does not verify: " + v);
        }
        Checkpoint head = v.log().head().orElseThrow(() ->
                new DisclosureLogException("the disclosure log " + log + " is empty: there is no head to sign"));
        SignedCheckpoint signed = SignedCheckpoint.sign(head, clock.instant(), Occasion.ON_DEMAND, key);
        store.append(signed);
        return signed;
    }
}
