package org.communityschools.core.internal.index;

/**
 * The parsed values of the repeated cells of one column, keyed by the cell's text and looked up either by a
 * {@link String} or by the ASCII bytes of a cell ({@link AsciiText}), so that a reader of plain rows finds a known
 * value without making a string of the cell. An open-addressing table of string keys and values; holds at most
 * {@code limit} keys, after which {@link #full()} is true and nothing more is added. Not thread-safe.
 */
public final class TextCache {
    private final int limit;
    private String[] keys = new String[64];
    private Object[] values = new Object[64];
    private int size;

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
    public Object get(String key) {
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
    public Object get(byte[] bytes, int from, int to) {
        String[] k = keys;
        int mask = k.length - 1;
        for (int i = AsciiText.spread(AsciiText.hashCode(bytes, from, to)) & mask; ; i = (i + 1) & mask) {
            String s = k[i];
            if (s == null) {
                return null;
            }
            if (AsciiText.same(s, bytes, from, to)) {
                return values[i];
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
            Object[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new Object[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(key, value);
        size++;
    }

    private void insert(String key, Object value) {
        int mask = keys.length - 1;
        int i = AsciiText.spread(key.hashCode()) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }
}
