package org.communityschools.core.internal.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Text keys looked up by a range of an ASCII byte array without making a {@link String} of it: the hash of
 * {@code bytes[from, to)} equals {@link String#hashCode()} of the same characters, and a key is compared with the range
 * character by character. Shared by the tables that the readers probe with the bytes of a cell ({@link IdTable},
 * {@link TextCache}). Stateless.
 */
public final class AsciiText {
    private AsciiText() {
    }

    /**
     * The hash of the ASCII text {@code bytes[from, to)}: {@link String#hashCode()} of the string of those characters.
     *
     * @param bytes the bytes
     * @param from the first byte
     * @param to the end of the text (exclusive)
     * @return the hash
     */
    public static int hashCode(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /**
     * Whether {@code key} has exactly the characters of the ASCII text {@code bytes[from, to)}.
     *
     * @param key the key
     * @param bytes the bytes
     * @param from the first byte
     * @param to the end of the text (exclusive)
     * @return whether they are the same text
     */
    public static boolean same(String key, byte[] bytes, int from, int to) {
        int n = to - from;
        if (key.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (key.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an array read eight at a time, in place. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Whether {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)} hold the same bytes, as
     * {@link java.util.Arrays#equals(byte[], int, int, byte[], int, int)} of the two ranges (which must lie within their
     * arrays, {@code from <= to}), compared eight bytes at a time in place and the rest one by one: the ranges the
     * readers compare per row (a student id with the previous row's, a cell with the text a cache found last) are a few
     * bytes long, where the library's vectorized comparison costs more to call than it saves.
     *
     * @param a the first array
     * @param aFrom the first byte of its range
     * @param aTo the end of its range (exclusive)
     * @param b the second array
     * @param bFrom the first byte of its range
     * @param bTo the end of its range (exclusive)
     * @return whether the ranges are equal
     */
    public static boolean sameBytes(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int n = aTo - aFrom;
        if (n != bTo - bFrom) {
            return false;
        }
        int i = 0;
        for (; i <= n - Long.BYTES; i += Long.BYTES) {
            if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(b, bFrom + i)) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Spreads a {@link String#hashCode()} over the bits of a power-of-two table (Fibonacci hashing), so that the hashes
     * of sequential identifiers do not form probe clusters.
     *
     * @param hashCode the string hash
     * @return the spread hash
     */
    public static int spread(int hashCode) {
        int h = hashCode * 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
