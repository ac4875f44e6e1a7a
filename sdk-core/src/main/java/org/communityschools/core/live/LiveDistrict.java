package org.communityschools.core.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.live.Applied;
import org.communityschools.core.internal.live.Applier;
import org.communityschools.core.internal.index.HashTrie;
import org.communityschools.core.internal.live.Journal;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * A district's data kept current by batches of changes: the holder of the current {@link DistrictVersion} for any
 * number of concurrent readers and one writer at a time. {@link #apply(ChangeBatch)} validates a batch against the
 * current version with the rules of the district data directory, writes it to the change journal and forces the
 * journal to disk (when the district has one), publishes the new version and tells the listeners; a batch that breaks
 * a rule changes nothing ({@link BatchRejectedException}). {@link #current()} is one volatile read: a reader that
 * holds a version keeps a consistent view of it, whatever is applied after.
 *
 * <p>With a journal ({@link Builder#journal(Path)}), every acknowledged batch survives a crash: on opening, the
 * district loads its last snapshot and replays the journal; {@link #compact()} writes a new snapshot and starts a new
 * journal. See docs/live-data.md.
 *
 * <p>Thread-safe: {@link #apply} and {@link #compact} are serialized; {@link #current} never blocks.
 */
public final class LiveDistrict implements AutoCloseable {
    private static final AtomicLong LINEAGES = new AtomicLong();

    private final long lineage = LINEAGES.incrementAndGet();
    private final DataElements dataElements;
    private final @Nullable Journal journal;
    private final List<VersionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile DistrictVersion current;
    private boolean closed;

    private LiveDistrict(DistrictData data, long number, DataElements dataElements, @Nullable Journal journal) {
        this.current = new DistrictVersion(lineage, number, data, HashTrie.empty(), HashTrie.empty(), 0);
        this.dataElements = dataElements;
        this.journal = journal;
    }

    /**
     * {@return a live district in memory only (no journal), starting at version 0 with {@code data}}
     *
     * @param data the data to start from
     */
    public static LiveDistrict of(DistrictData data) {
        return builder().data(data).build();
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the current version} */
    public DistrictVersion current() {
        return current;
    }

    /**
     * Applies {@code batch} whole or not at all and returns the new current version (the current one unchanged for an
     * empty batch). With a journal, the batch is on disk when this returns.
     *
     * @param batch the changes
     * @return the new current version
     * @throws BatchRejectedException with every violation, located at the changes, when the batch breaks a rule
     * @throws java.io.UncheckedIOException when the journal cannot be written (nothing was applied)
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized DistrictVersion apply(ChangeBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (closed) {
            throw new IllegalStateException("the live district is closed");
        }
        if (batch.isEmpty()) {
            return current;
        }
        DistrictVersion previous = current;
        Applied applied = Applier.apply(previous.data(), batch, dataElements);
        long number = previous.number() + 1;
        if (journal != null) {
            journal.append(number, batch);
        }
        DistrictVersion next = next(previous, applied, number);
        current = next;
        RuntimeException failure = null;
        for (VersionListener l : listeners) {
            try {
                l.applied(previous, next, batch);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return next;
    }

    private DistrictVersion next(DistrictVersion previous, Applied applied, long number) {
        HashTrie<StudentId, Long> students = previous.studentAccess();
        for (StudentId s : applied.students()) {
            students = students.with(s, number);
        }
        HashTrie<StaffId, Long> staff = previous.staffAccess();
        for (StaffId s : applied.staff()) {
            staff = staff.with(s, number);
        }
        return new DistrictVersion(lineage, number, applied.data(), students, staff,
                applied.everyone() ? number : previous.globalAccessVersion());
    }

    /**
     * Folds the changes applied so far into flat tables: the current version's data is assembled again in full (time
     * proportional to the district, on the writer's thread) and replaces the layered data under the same version
     * number (equal data: readers see no difference; the memory the layers held is given back once older versions are
     * released). With a journal, also writes the current version as a new snapshot and starts a new, empty journal,
     * so that opening replays nothing; then removes the older snapshot and journal. Version numbers continue.
     */
    public synchronized void compact() {
        if (closed) {
            throw new IllegalStateException("the live district is closed");
        }
        DistrictVersion v = current;
        if (journal != null) {
            journal.compact(v.number(), v.data());
        }
        current = v.withData(Applier.flatten(v.data(), dataElements));
    }

    /**
     * Adds a listener, told of every version published from now on (on the writer's thread, in the order listeners
     * were added). An exception a listener throws reaches the caller of {@link #apply} after the other listeners ran;
     * the batch stays applied.
     *
     * @param listener the listener
     */
    public void addListener(VersionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added before; false when it was not there.
     *
     * @param listener the listener
     * @return true when it was there and is removed
     */
    public boolean removeListener(VersionListener listener) {
        return listeners.remove(Objects.requireNonNull(listener, "listener"));
    }

    /** Closes the journal; the current version stays readable, {@link #apply} throws from now on. */
    @Override
    public synchronized void close() {
        closed = true;
        if (journal != null) {
            journal.close();
        }
    }

    @Override
    public String toString() {
        return "LiveDistrict[" + lineage + ", version " + current.number() + "]";
    }

    /** Builds a {@link LiveDistrict}: either from data in memory, or from a journal directory. Not thread-safe. */
    public static final class Builder {
        private @Nullable DistrictData data;
        private @Nullable Path journal;
        private @Nullable DataElements dataElements;

        private Builder() {}

        /**
         * The data to start from (version 0). With a journal directory that already holds a snapshot, the snapshot
         * and its journal are loaded instead and this data must not be set.
         *
         * @param data the data to start from (version 0)
         * @return this builder
         */
        public Builder data(DistrictData data) {
            if (this.data != null) {
                throw new IllegalStateException("data was already set");
            }
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * A directory for the snapshot and the change journal. When it holds a snapshot, the district opens at the
         * snapshot's version and replays the journal's batches; when it is empty (or absent), {@link #data} is
         * written as the first snapshot.
         *
         * @param directory a directory for the snapshot and the change journal
         * @return this builder
         */
        public Builder journal(Path directory) {
            if (this.journal != null) {
                throw new IllegalStateException("journal was already set");
            }
            this.journal = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The data elements agreements may name (default {@link DataElements#standard()}).
         *
         * @param dataElements the data elements agreements may name (default {@link DataElements#standard()})
         * @return this builder
         */
        public Builder dataElements(DataElements dataElements) {
            if (this.dataElements != null) {
                throw new IllegalStateException("dataElements was already set");
            }
            this.dataElements = Objects.requireNonNull(dataElements, "dataElements");
            return this;
        }

        /**
         * The live district.
         *
         * @return the live district
         * @throws IllegalStateException when neither data nor a journal with a snapshot was given, or both a snapshot
         *                               and data
         * @throws org.communityschools.core.data.DataValidationException when the snapshot breaks a rule
         */
        public LiveDistrict build() {
            DataElements elements = dataElements == null ? DataElements.standard() : dataElements;
            if (journal == null) {
                if (data == null) {
                    throw new IllegalStateException("set data(...) or journal(...)");
                }
                return new LiveDistrict(data, 0, elements, null);
            }
            Journal.Opened opened = Journal.open(journal, data, elements);
            LiveDistrict live = new LiveDistrict(opened.data(), opened.number(), elements, opened.journal());
            for (Journal.Entry e : opened.entries()) {
                DistrictVersion previous = live.current;
                Applied applied = Applier.apply(previous.data(), e.batch(), elements);
                live.current = live.next(previous, applied, e.number());
            }
            return live;
        }
    }
}
