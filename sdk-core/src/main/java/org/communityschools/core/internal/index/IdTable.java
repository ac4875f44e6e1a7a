package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    private static final Object REMOVED = new Object();

    private long[] slots = new long[16];
    private String[] keys = new String[16];
    private final ArrayList<I> ids;
    private final ArrayList<R> records;
    private final Function<R, I> idOf;
    /**
     * For a table made by {@link #with}: the identifiers added or removed since the base (text to index, -1 when
     * removed), the records replaced, added or removed by index, the identifiers added by index, and the number of
     * indexes. The base's arrays are shared, never written. Null for a table built by loading.
     */
    private final @Nullable Layer layer;
    private volatile @Nullable List<R> layeredRecords;

    private record Layer(HashTrie<String, Integer> keys, IntTrie<Object> records, IntTrie<Object> ids, int size) {}
    /** The last key found while loading (single-threaded): rows of a file sorted by student repeat it. */
    private @Nullable String lastKey;
    private int lastIndex;
    /**
     * While loading: the index of the identifier a reader's worker resolved for the record being added, tried first by
     * identity (the record carries the canonical instance, whose text is the key itself), or -1.
     */
    private int hint = -1;
    private boolean frozen;

    /** A table whose records carry their identifier, read by {@code idOf}. */
    public IdTable(Function<R, I> idOf) {
        this.idOf = idOf;
        this.ids = new ArrayList<>();
        this.records = new ArrayList<>();
        this.layer = null;
    }

    private IdTable(IdTable<I, R> base, Layer layer) {
        this.idOf = base.idOf;
        this.slots = base.slots;
        this.keys = base.keys;
        this.ids = base.ids;
        this.records = base.records;
        this.frozen = true;
        this.layer = layer;
    }

    /**
     * A later version of this (trimmed) table: {@code upserts} (identifier text to record) replace the record with
     * the same identifier in place or are added after the others; {@code removals} lose their index (which is not
     * reused). Shares this table's arrays; costs the size of the change. The result is read-only and thread-safe.
     */
    public IdTable<I, R> with(Map<String, R> upserts, Collection<String> removals) {
        if (!frozen) {
            throw new IllegalStateException("trim() the table before making versions of it");
        }
        if (upserts.isEmpty() && removals.isEmpty()) {
            return this;
        }
        Layer l = layer != null ? layer : new Layer(HashTrie.empty(), IntTrie.empty(), IntTrie.empty(), records.size());
        HashTrie<String, Integer> k = l.keys();
        IntTrie<Object> recs = l.records();
        IntTrie<Object> idz = l.ids();
        int size = l.size();
        IdTable<I, R> view = this;
        for (Map.Entry<String, R> e : upserts.entrySet()) {
            int i = view.indexOf(e.getKey());
            if (i < 0) {
                i = size++;
                k = k.with(e.getKey(), i);
                idz = idz.with(i, idOf.apply(e.getValue()));
            }
            recs = recs.with(i, e.getValue());
            view = new IdTable<>(this, new Layer(k, recs, idz, size));
        }
        for (String id : removals) {
            int i = view.indexOf(id);
            if (i >= 0) {
                recs = recs.with(i, REMOVED);
                k = k.with(id, -1);
                view = new IdTable<>(this, new Layer(k, recs, idz, size));
            }
        }
        return view;
    }
    /** The dense index of the record with this identifier text, or -1. */
    public int indexOf(String id) {
        if (layer != null) {
            Integer i = layer.keys().get(id);
            if (i != null) {
                return i;
            }
        }
        if (!frozen) {
            int h = hint;
            if (h >= 0 && keys[h] == id) {
                return h;
            }
            if (id.equals(lastKey)) {
                return lastIndex;
            }
        }
        int index = probe(id);
        if (index >= 0 && !frozen) {
            lastKey = id;
            lastIndex = index;
        }
        return index;
    }

    /** The dense index of the identifier in the loaded slots (not the layer), or -1; reads only. */
    private int probe(String id) {
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
                    return index;
                }
            }
        }
    }

    /**
     * The dense index of the record whose identifier is the ASCII text {@code bytes[from, to)}, or -1. Reads only, so
     * that several threads may look up while no record is added (the parallel attendance reader); the layer of a
     * version is not consulted (this is for tables being loaded).
     */
    public int indexOfAscii(byte[] bytes, int from, int to) {
        return indexOfAscii(bytes, from, to, -1);
    }

    /**
     * {@link #indexOfAscii(byte[], int, int)}, trying the key at index {@code near} first (-1 or out of range: none).
     * A reader of rows sorted as the table was loaded (the files of a district directory come sorted by student, as
     * students.csv) passes the index after the last one it found: the next row's id is most often that key, whose
     * string sits next to the last one in memory, where a hash probe would reach a slot, a key and its bytes at three
     * random places of a large table. Same answer either way.
     */
    public int indexOfAscii(byte[] bytes, int from, int to, int near) {
        String[] k = keys;
        if (near >= 0 && near < records.size() && AsciiText.same(k[near], bytes, from, to)) {
            return near;
        }
        int h = AsciiText.spread(AsciiText.hashCode(bytes, from, to));
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = s[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h) {
                int index = (int) slot - 1;
                if (AsciiText.same(k[index], bytes, from, to)) {
                    return index;
                }
            }
        }
    }

    /**
     * The canonical identifier whose text is the ASCII text {@code bytes[from, to)}, or null; reads only, as
     * {@link #indexOfAscii}.
     */
    public @Nullable I canonicalAscii(byte[] bytes, int from, int to) {
        if (layer != null) {
            return canonical(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
        }
        int i = indexOfAscii(bytes, from, to);
        return i < 0 ? null : ids.get(i);
    }

    private static int hash(String id) {
        return AsciiText.spread(id.hashCode());
    }

    /**
     * While loading, names the index that the next lookups most likely ask for (or -1): a lookup whose text is the very
     * key instance at that index answers without probing. A wrong hint costs nothing but the check.
     */
    public void hint(int index) {
        hint = index >= 0 && index < records.size() ? index : -1;
    }

    /**
     * Makes room for about {@code count} records in all (a loader that knows a file's size), so that adding them does
     * not grow the table again and again: the slots sized as {@link #add} would size them for {@code count} records,
     * the keys and lists given that capacity. Nothing else changes; adding more than {@code count} still works.
     *
     * @param count the number of records expected in all
     */
    public void expect(int count) {
        if (layer != null || frozen || count <= records.size()) {
            return;
        }
        int capacity = slots.length;
        while (capacity < 2L * count && capacity < 1 << 30) {
            capacity *= 2;
        }
        if (capacity > slots.length) {
            rehash(capacity);
        }
        if (keys.length < count) {
            keys = java.util.Arrays.copyOf(keys, count);
        }
        ids.ensureCapacity(count);
        records.ensureCapacity(count);
    }

    /** Puts {@code id} at the next index of the key array, growing it when full; returns that index. */
    private int appendKey(String id) {
        int index = records.size();
        if (index == keys.length) {
            keys = java.util.Arrays.copyOf(keys, Math.max(16, index * 2));
        }
        keys[index] = id;
        return index;
    }

    /** Whether a record has this identifier text. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** Adds a record whose identifier has this text (not already present); returns its index. */
    public int add(String id, R record) {
        int index = appendKey(id);
        if ((index + 1) * 2L > slots.length) {
            rehash(slots.length * 2);
        }
        insert(hash(id), index);
        ids.add(idOf.apply(record));
        records.add(record);
        return index;
    }

    /**
     * Adds a record whose identifier has this text unless one is already present, with one probe of the table
     * (instead of {@link #contains} then {@link #add}): returns the new index, or -1 (and adds nothing) when the
     * identifier is already there.
     *
     * @param id the identifier's text
     * @param record the record
     * @return the record's new index, or -1 when the identifier is already in the table
     */
    public int addIfAbsent(String id, R record) {
        if (layer != null) {
            return contains(id) ? -1 : add(id, record);
        }
        int h = hash(id);
        int mask = slots.length - 1;
        int i = h & mask;
        for (long slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
            if ((int) (slot >>> 32) == h && keys[(int) slot - 1].equals(id)) {
                return -1;
            }
        }
        int index = appendKey(id);
        if ((index + 1) * 2L > slots.length) {
            rehash(slots.length * 2);
            insert(h, index);
        } else {
            slots[i] = ((long) h << 32) | ((index + 1) & 0xFFFFFFFFL);
        }
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
    @SuppressWarnings("unchecked")
    public I id(int index) {
        if (layer != null) {
            Object id = layer.ids().get(index);
            if (id != null) {
                return (I) id;
            }
        }
        return ids.get(index);
    }

    /**
     * The canonical identifier with this text, or null. Reads only (no lookup cache is written), so that several
     * threads may look up while no record is added (the parallel reader's workers).
     */
    public @Nullable I canonical(String id) {
        int i = layer != null ? indexOf(id) : probe(id);
        return i < 0 ? null : id(i);
    }

    /** The record at {@code index}. */
    @SuppressWarnings("unchecked")
    public R record(int index) {
        if (layer != null) {
            Object r = layer.records().get(index);
            if (r == REMOVED) {
                throw new IllegalStateException("the record at " + index + " was removed");
            }
            if (r != null) {
                return (R) r;
            }
        }
        return records.get(index);
    }

    /** The number of indexes (records, and removed records whose index is not reused). */
    public int size() {
        return layer != null ? layer.size() : records.size();
    }

    /** The records in index order (removed ones left out), unmodifiable. */
    @SuppressWarnings("unchecked")
    public List<R> records() {
        if (layer == null) {
            return Collections.unmodifiableList(records);
        }
        List<R> list = layeredRecords;
        if (list == null) {
            List<R> out = new ArrayList<>(layer.size());
            for (int i = 0; i < layer.size(); i++) {
                Object r = layer.records().get(i);
                if (r == null) {
                    out.add(records.get(i));
                } else if (r != REMOVED) {
                    out.add((R) r);
                }
            }
            list = Collections.unmodifiableList(out);
            layeredRecords = list;
        }
        return list;
    }

    /** Trims the backing lists once loading is over; the table is read-only (and thread-safe) from then on. */
    public void trim() {
        if (frozen) {
            return;
        }
        frozen = true;
        lastKey = null;
        keys = java.util.Arrays.copyOf(keys, records.size());
        ids.trimToSize();
        records.trimToSize();
    }
}
