package org.communityschools.core.live;

import java.util.Objects;

/**
 * One change to a district's data: the upsert (add or replace) or the delete of the records with one
 * {@link RecordKey}. Made by {@link ChangeBatch.Builder}; a change is applied only as part of a batch. Immutable and
 * thread-safe; prints the key and origin only.
 */
public sealed interface Change permits Change.Upsert, Change.Delete {
    /** {@return the key of the records the change addresses} */
    RecordKey key();

    /**
     * Where the change came from.
     *
     * @return the origin: a file and line of a delta directory, or a place in a batch built in code
     */
    ChangeOrigin origin();

    /**
     * Adds {@code record}, replacing the records with the same key. The replacement is ordered last among its file's
     * records (as if its row had been moved to the end of the file).
     *
     * @param record a record of the district data directory (the types {@code DistrictDataBuilder} adds)
     * @param key    its key
     * @param origin where the change came from
     */
    record Upsert(Object record, RecordKey key, ChangeOrigin origin) implements Change {
        /**
         * Checks that the key is the record's key.
         *
         * @param record a record of the district data directory (the types {@code DistrictDataBuilder} adds)
         * @param key its key
         * @param origin where the change came from
         */
        public Upsert {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(origin, "origin");
            if (!RecordKey.of(record).equals(key)) {
                throw new IllegalArgumentException("the key " + key + " is not the record's key " + RecordKey.of(record));
            }
        }

        @Override
        public String toString() {
            return "upsert " + key + " from " + origin;
        }
    }

    /**
     * Removes the records with {@code key}; at least one must exist.
     *
     * @param key    the key
     * @param origin where the change came from
     */
    record Delete(RecordKey key, ChangeOrigin origin) implements Change {
        /**
         * Checks that nothing is missing.
         *
         * @param key the key
         * @param origin where the change came from
         */
        public Delete {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public String toString() {
            return "delete " + key + " from " + origin;
        }
    }
}
