package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Records with a unique identifier, each given a dense index in insertion order, found by the identifier's text in
 * O(1). Keeps one canonical identifier instance per record. Mutable while loading, then read-only.
 *
 * <p>The lookup is an open-addressing hash table of {@code long} slots (the key's hash in the high half, the dense
 * index + 1 in the low half) over an array of the key strings: a lookup touches the slot, the key and its bytes,
 * with no boxed values or nodes, which matters for the 20M student lookups of a year of attendance.
 *
 * @param <I> the identifier type
 * @param <R> the record type
 */
public final class IdTable<I, R> {
    private long[] slots = new long[16];
    private String[] keys = new String[16];
    private final ArrayList<I> ids = new ArrayList<>();
    private final ArrayList<R> records = new ArrayList<>();
    private final Function<R, I> idOf;
    /** The last key found while loading (single-threaded): rows of a file sorted by student repeat it. */
    private @Nullable String lastKey;
    private int lastIndex;
    private boolean frozen;

    /** A table whose records carry their identifier, read by {@code idOf}. */
    public IdTable(Function<R, I> idOf) {
        this.idOf = idOf;
    }

    /** The dense index of the record with this identifier text, or -1. */
    public int indexOf(String id) {
        if (!frozen && id.equals(lastKey)) {
            return lastIndex;
        }
        int h = hash(id);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h) {
                int index = (int) slot - 1;
                if (keys[index].equals(id)) {
                    if (!frozen) {
                        lastKey = id;
                        lastIndex = index;
                    }
                    return index;
                }
            }
        }
    }

    private static int hash(String id) {
        int h = id.hashCode() * 0x9E3779B9; // Fibonacci hashing: sequential ids must not form probe clusters
        return h ^ (h >>> 15);
    }

    /** Whether a record has this identifier text. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** Adds a record whose identifier has this text (not already present); returns its index. */
    public int add(String id, R record) {
        int index = records.size();
        if (index == keys.length) {
            keys = java.util.Arrays.copyOf(keys, Math.max(16, index * 2));
        }
        keys[index] = id;
        if ((index + 1) * 2L > slots.length) {
            rehash(slots.length * 2);
        }
        insert(hash(id), index);
        ids.add(idOf.apply(record));
        records.add(record);
        return index;
    }

    private void insert(int h, int index) {
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = ((long) h << 32) | ((index + 1) & 0xFFFFFFFFL);
    }

    private void rehash(int capacity) {
        slots = new long[capacity];
        for (int index = 0; index < records.size(); index++) {
            insert(hash(keys[index]), index);
        }
    }

    /** The canonical identifier at {@code index}. */
    public I id(int index) {
        return ids.get(index);
    }

    /** The canonical identifier with this text, or null. */
    public @Nullable I canonical(String id) {
        int i = indexOf(id);
        return i < 0 ? null : ids.get(i);
    }

    /** The record at {@code index}. */
    public R record(int index) {
        return records.get(index);
    }

    /** The number of records. */
    public int size() {
        return records.size();
    }

    /** The records in index order, unmodifiable. */
    public List<R> records() {
        return Collections.unmodifiableList(records);
    }

    /** Trims the backing lists once loading is over; the table is read-only (and thread-safe) from then on. */
    public void trim() {
        frozen = true;
        lastKey = null;
        keys = java.util.Arrays.copyOf(keys, records.size());
        ids.trimToSize();
        records.trimToSize();
    }
}
