package org.communityschools.privacy.internal.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureSink;

/** A sink in memory, with the same sequence numbers and chain hashes as a file. Thread-safe (synchronized). */
public final class InMemorySink implements DisclosureSink {
    private final List<DisclosureEntry> entries = new ArrayList<>();
    private String lastHash = LogCodec.GENESIS;
    private boolean closed;

    @Override
    public synchronized DisclosureEntry append(Disclosure disclosure) {
        Objects.requireNonNull(disclosure, "disclosure");
        if (closed) {
            throw new IllegalStateException("the disclosure sink is closed");
        }
        long seq = entries.size() + 1L;
        lastHash = LogCodec.disclosureHash(seq, lastHash, disclosure);
        DisclosureEntry entry = new DisclosureEntry(seq, disclosure);
        entries.add(entry);
        return entry;
    }

    /** Appends the batch under the sink's monitor, so its sequence numbers are consecutive. */
    @Override
    public synchronized List<DisclosureEntry> appendAll(List<Disclosure> disclosures) {
        List<Disclosure> batch = List.copyOf(disclosures);
        DisclosureEntry[] out = new DisclosureEntry[batch.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = append(batch.get(i));
        }
        return List.of(out);
    }

    @Override
    public synchronized List<DisclosureEntry> historyOf(StudentId student) {
        Objects.requireNonNull(student, "student");
        List<DisclosureEntry> out = new ArrayList<>();
        for (DisclosureEntry e : entries) {
            if (e.disclosure().student().equals(student)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized Optional<Checkpoint> checkpoint() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(new Checkpoint(entries.size(), lastHash));
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "DisclosureSink[in memory]";
    }
}
