package org.communityschools.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes applied together, whole or not at all: the batch is validated against the data it is applied to with the
 * rules of the district data directory, and either every change takes effect in one new version or none does
 * ({@link LiveDistrict#apply(ChangeBatch)}). A key may appear once in a batch ({@code change.repeated-key}).
 * Immutable and thread-safe.
 */
public final class ChangeBatch {
    private final List<Change> changes;

    private ChangeBatch(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * {@return a batch of these changes, in order}
     *
     * @param changes the changes, applied in this order
     */
    public static ChangeBatch of(List<? extends Change> changes) {
        return new ChangeBatch(new ArrayList<>(Objects.requireNonNull(changes, "changes")));
    }

    /** {@return a builder; changes made in code have the origin {@code batch} and their 1-based place in the batch} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the changes, in order} */
    public List<Change> changes() {
        return changes;
    }

    /** {@return the number of changes} */
    public int size() {
        return changes.size();
    }

    /** {@return whether the batch has no change} */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeBatch b && b.changes.equals(changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "ChangeBatch[" + changes.size() + " changes]";
    }

    /** Collects changes in order. Not thread-safe; builds once. */
    public static final class Builder {
        private final List<Change> changes = new ArrayList<>();
        private boolean built;

        private Builder() {}

        private ChangeOrigin next() {
            return new ChangeOrigin("batch", changes.size() + 1L);
        }

        private Builder add(Change c) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            changes.add(c);
            return this;
        }

        /**
         * Adds or replaces {@code record} (any record type of the district data directory).
         *
         * @param record the record to add or replace
         * @return this builder
         * @throws IllegalArgumentException when {@code record} is of no record type of the directory
         */
        public Builder upsert(Object record) {
            return add(new Change.Upsert(record, RecordKey.of(record), next()));
        }

        /**
         * As {@link #upsert(Object)}, from {@code origin}.
         *
         * @param record the record to add or replace
         * @param origin where the change came from
         * @return this builder
         */
        public Builder upsert(Object record, ChangeOrigin origin) {
            return add(new Change.Upsert(record, RecordKey.of(record), origin));
        }

        /**
         * Removes the records with {@code key}.
         *
         * @param key the key of the records to remove
         * @return this builder
         */
        public Builder delete(RecordKey key) {
            return add(new Change.Delete(key, next()));
        }

        /**
         * As {@link #delete(RecordKey)}, from {@code origin}.
         *
         * @param key the key of the records to remove
         * @param origin where the change came from
         * @return this builder
         */
        public Builder delete(RecordKey key, ChangeOrigin origin) {
            return add(new Change.Delete(key, origin));
        }

        /**
         * Removes the records with the key of {@code record}.
         *
         * @param record a record whose key names the records to remove
         * @return this builder
         */
        public Builder deleteRecordOf(Object record) {
            return delete(RecordKey.of(record));
        }

        /** {@return the batch} */
        public ChangeBatch build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            return new ChangeBatch(changes);
        }
    }
}
