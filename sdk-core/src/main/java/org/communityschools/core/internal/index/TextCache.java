package org.communityschools.core.internal.index;

import org.jspecify.annotations.Nullable;

/**
 * The parsed values of the repeated cells of one column, keyed by the cell's text and looked up either by a
 * {@link String} or by the ASCII bytes of a cell ({@link AsciiText}), so that a reader of plain rows finds a known
 * value without making a string of the cell. An open-addressing table of string keys (and of their ASCII bytes, compared
 * with the cell's bytes at once) and values, the last key found by its bytes tried first; holds at most
 * {@code limit} keys, after which {@link #full()} is true and nothing more is added. Not thread-safe.
 */
public final class TextCache {
    private final int limit;
    private String[] keys = new String[64];
    /** Each key's bytes when it is ASCII, else null (no plain cell has its text). */
    private byte[] @Nullable [] asciiKeys = new byte[64][];
    private Object[] values = new Object[64];
    private int size;
    /**
     * The ASCII key last found by {@link #get(byte[], int, int)} (the table's own array, never changed) and its value:
     * compared first, since rows grouped by student repeat a column's text (a school, a year, a term) row after row.
     */
    private byte @Nullable [] lastFound;
    private @Nullable Object lastValue;

    /**
     * An empty cache of at most {@code limit} keys.
     *
     * @param limit the most keys it holds
     */
    public TextCache(int limit) {
        this.limit = limit;
    }

    /**
     * The value of the text {@code key}, or null.
     *
     * @param key the text
     * @return its value, or null when absent
     */
    public @Nullable Object get(String key) {
        String[] k = keys;
        int mask = k.length - 1;
        for (int i = AsciiText.spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            String s = k[i];
            if (s == null) {
                return null;
            }
            if (s.equals(key)) {
                return values[i];
            }
        }
    }

    /**
     * The value of the ASCII text {@code bytes[from, to)}, or null.
     *
     * @param bytes the bytes
     * @param from the first byte
     * @param to the end of the text (exclusive)
     * @return its value, or null when absent
     */
    public @Nullable Object get(byte[] bytes, int from, int to) {
        byte[] last = lastFound;
        if (last != null && AsciiText.sameBytes(last, 0, last.length, bytes, from, to)) {
            return lastValue; // the same text as the last one found: a column's value repeats on the next rows
        }
        String[] k = keys;
        byte[][] a = asciiKeys;
        int mask = k.length - 1;
        for (int i = AsciiText.spread(AsciiText.hashCode(bytes, from, to)) & mask; ; i = (i + 1) & mask) {
            if (k[i] == null) {
                return null;
            }
            byte[] key = a[i];
            if (key != null && AsciiText.sameBytes(key, 0, key.length, bytes, from, to)) {
                lastFound = key;
                lastValue = values[i];
                return lastValue;
            }
        }
    }

    /**
     * Whether the cache holds its {@code limit} keys, and takes no more.
     *
     * @return whether it is full
     */
    public boolean full() {
        return size >= limit;
    }

    /**
     * Maps {@code key}, which is not there, to {@code value}; ignored when {@link #full()}.
     *
     * @param key the text
     * @param value its value
     */
    public void put(String key, Object value) {
        if (full()) {
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            String[] oldKeys = keys;
            byte[][] oldAscii = asciiKeys;
            Object[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            asciiKeys = new byte[oldKeys.length * 2][];
            values = new Object[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldAscii[i], oldValues[i]);
                }
            }
        }
        insert(key, ascii(key), value);
        size++;
    }

    private void insert(String key, byte @Nullable [] ascii, Object value) {
        int mask = keys.length - 1;
        int i = AsciiText.spread(key.hashCode()) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        asciiKeys[i] = ascii;
        values[i] = value;
    }

    /** The key's bytes when every character is ASCII, else null. */
    private static byte @Nullable [] ascii(String key) {
        byte[] b = new byte[key.length()];
        for (int i = 0; i < b.length; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            b[i] = (byte) c;
        }
        return b;
    }
}
