package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Records with a unique identifier, each given a dense index in insertion order, found by the identifier's text in
 * O(1). Keeps one canonical identifier instance per record. Mutable while loading, then read-only.
 *
 * @param <I> the identifier type
 * @param <R> the record type
 */
public final class IdTable<I, R> {
    private final Map<String, Integer> positions = new HashMap<>();
    private final ArrayList<I> ids = new ArrayList<>();
    private final ArrayList<R> records = new ArrayList<>();
    private final Function<R, I> idOf;

    /** A table whose records carry their identifier, read by {@code idOf}. */
    public IdTable(Function<R, I> idOf) {
        this.idOf = idOf;
    }

    /** The dense index of the record with this identifier text, or -1. */
    public int indexOf(String id) {
        Integer p = positions.get(id);
        return p == null ? -1 : p;
    }

    /** Whether a record has this identifier text. */
    public boolean contains(String id) {
        return positions.containsKey(id);
    }

    /** Adds a record whose identifier has this text (not already present); returns its index. */
    public int add(String id, R record) {
        int index = records.size();
        positions.put(id, index);
        ids.add(idOf.apply(record));
        records.add(record);
        return index;
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

    /** Trims the backing lists once loading is over. */
    public void trim() {
        ids.trimToSize();
        records.trimToSize();
    }
}
