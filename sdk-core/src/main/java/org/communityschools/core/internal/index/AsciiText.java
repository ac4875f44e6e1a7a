package org.communityschools.core.internal.index;

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
