package org.communityschools.core.internal.read;

import org.communityschools.core.internal.index.AsciiText;

/**
 * The identifier a parser last found by its bytes, and its dense index: the rows of course_marks.csv, enrollments.csv,
 * student_staff.csv and student_characteristics.csv come grouped by student, so the next row's id is most often the
 * same, found by comparing its bytes with a copy of the last id's instead of hashing them and probing the table. The
 * copy (not a position in the row's buffer) keeps it right across ranges and reused buffers. One per parser, so per
 * worker thread of a parallel read; not thread-safe.
 */
final class LastId {
    private byte[] bytes = new byte[32];
    private int length = -1;
    private int index;

    /**
     * How a table finds the dense index of the id {@code b[from, to)} by its bytes (-1: not there), trying the key at
     * index {@code near} first ({@link org.communityschools.core.internal.index.IdTable#indexOfAscii(byte[], int, int,
     * int)}).
     */
    @FunctionalInterface
    interface Table {
        int indexOf(byte[] b, int from, int to, int near);
    }

    /**
     * The dense index of the id {@code b[from, to)}: the last one's when it is the same, else {@code table}'s answer
     * (asked to try the index after the last one first: the files are sorted by student, as the table was loaded),
     * remembered when found; -1 when the table does not hold it.
     */
    int indexOf(byte[] b, int from, int to, Table table) {
        int i = find(b, from, to);
        if (i < 0) {
            i = table.indexOf(b, from, to, length >= 0 ? index + 1 : -1);
            if (i >= 0) {
                remember(b, from, to, i);
            }
        }
        return i;
    }

    /** The index remembered for the id {@code b[from, to)} when it is the last one found, else -1. */
    int find(byte[] b, int from, int to) {
        return length >= 0 && AsciiText.sameBytes(bytes, 0, length, b, from, to) ? index : -1;
    }

    /** Remembers that the id {@code b[from, to)} is at dense index {@code index} (not negative). */
    void remember(byte[] b, int from, int to, int index) {
        int n = to - from;
        if (n > bytes.length) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        System.arraycopy(b, from, bytes, 0, n);
        length = n;
        this.index = index;
    }
}
