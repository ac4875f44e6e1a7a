package org.communityschools.core.internal.read;

import java.util.Arrays;
import org.communityschools.core.internal.index.AsciiText;

/**
 * A small hash map from byte strings to {@code int}s, looked up by a range of a byte array without copying it: the
 * parsed values of the repeated cells of one range of a file (dates, durations, reasons). Holds at most 65,536 keys;
 * beyond that {@link #put} is ignored. Not thread-safe.
 */
final class ByteKeys {
    /** What {@link #get} returns for a key that is not there. */
    static final int ABSENT = Integer.MIN_VALUE;
    private static final int MAX_KEYS = 1 << 16;

    private byte[][] keys = new byte[64][];
    private int[] values = new int[64];
    private int size;

    /** The value of the key {@code b[from, to)}, or {@link #ABSENT}. */
    int get(byte[] b, int from, int to) {
        int mask = keys.length - 1;
        for (int i = hash(b, from, to) & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return ABSENT;
            }
            if (AsciiText.sameBytes(k, 0, k.length, b, from, to)) {
                return values[i];
            }
        }
    }

    /** Maps the key {@code b[from, to)}, which is not there, to {@code value}. */
    void put(byte[] b, int from, int to, int value) {
        if (size >= MAX_KEYS) {
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            byte[][] oldKeys = keys;
            int[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(Arrays.copyOfRange(b, from, to), value);
        size++;
    }

    private void insert(byte[] key, int value) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
