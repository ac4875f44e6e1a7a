package org.communityschools.core.internal.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.communityschools.core.data.ReadLimits;

/**
 * The plain rows of one byte range of a CSV file, for a {@link CsvRanges} parser: rows of printable ASCII and tab
 * cells separated by commas, ended by {@code \n} or {@code \r\n}, short enough that no {@link ReadLimits} limit is
 * near. On such rows {@link CsvRows} gives exactly the cells between the commas, so a worker may split them by byte.
 * A row that is not plain (a quote, another byte, a lone carriage return, a long row) makes the range
 * {@link #odd()}: the scan stops there, and the range is read again by {@link CsvRows}. The scan passes eight bytes at
 * a time over the printable bytes after the comma ({@link #special}), looking one by one only at the others. Not
 * thread-safe; one per range.
 */
final class PlainRows {
    /** Receives each row that is not an empty line (every row when the header has one column). */
    interface Sink {
        /** The current row of {@code rows}, on line {@code rel} counted from the range's first line (0). */
        void row(PlainRows rows, int rel);
    }

    /** Eight bytes of an array at any index, the first in the lowest bits. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Per byte, 0x80 - 0x2D: a byte's low seven bits plus this reach 0x80 when they are 0x2D or more. */
    private static final long FROM_DASH = 0x5353535353535353L;
    private static final long ONES = 0x0101010101010101L;

    /** The rows found per {@link #fill}, before they go to the sink. */
    private static final int BLOCK = 256;

    private final byte[] b;
    /** The end of the range in {@link #b} (exclusive): a reused buffer may be longer than its range. */
    private final int n;
    private final int width;
    private final int maxChars;
    private final int maxCells;
    private final int maxCellsPerRow;
    /** Per found row of the block: its first byte, its end (exclusive, before the line end), cells and line. */
    private final int[] rowFrom = new int[BLOCK];
    private final int[] rowTo = new int[BLOCK];
    private final int[] rowCells = new int[BLOCK];
    private final int[] rowLine = new int[BLOCK];
    /** Per found row, {@code maxCells} cell starts and ends from {@code row * maxCells}. */
    private final int[] starts;
    private final int[] ends;
    /** The rows in the block, and the current row's index in it (for the accessors). */
    private int rows;
    private int row;
    /** Where the scan goes on, and the line feeds before it. */
    private int p;
    private int rel;
    private boolean odd;
    private long newlines;

    private PlainRows(byte[] b, int length, int width, ReadLimits limits) {
        this.b = b;
        this.n = length;
        this.width = width;
        this.maxChars = Math.min(limits.maxCellChars(), limits.maxLineChars());
        this.maxCells = Math.min(limits.maxCellsPerRow(), width + 1);
        this.maxCellsPerRow = limits.maxCellsPerRow();
        this.starts = new int[BLOCK * maxCells];
        this.ends = new int[BLOCK * maxCells];
    }

    /**
     * Scans {@code b}, rows of a file whose header has {@code width} cells, handing each row to {@code sink}. The rows
     * are found a block at a time ({@link #fill}, which calls nothing), then handed over: the byte loop is then compiled
     * on its own, not again with each sink (and what the sink calls) that the JIT compiler would otherwise inline into it.
     */
    static PlainRows scan(byte[] b, int width, ReadLimits limits, Sink sink) {
        return scan(b, b.length, width, limits, sink);
    }

    /**
     * As {@link #scan(byte[], int, ReadLimits, Sink)}, over the first {@code length} bytes of {@code b} only (a reused
     * buffer longer than the range it holds: the bytes after {@code length} are never read).
     */
    static PlainRows scan(byte[] b, int length, int width, ReadLimits limits, Sink sink) {
        PlainRows r = new PlainRows(b, length, width, limits);
        while (r.fill()) {
            for (int i = 0, n = r.rows; i < n; i++) {
                r.row = i;
                sink.row(r, r.rowLine[i]);
            }
        }
        return r;
    }

    /**
     * Finds the next rows (up to {@link #BLOCK}) from {@link #p}; returns false when none is left. At a row that is not
     * plain it stops for good ({@link #odd}), keeping the rows before it.
     */
    private boolean fill() {
        byte[] b = this.b;
        int n = this.n;
        int maxCells = this.maxCells;
        int[] starts = this.starts;
        int[] ends = this.ends;
        int p = this.p;
        int rel = this.rel;
        int found = 0;
        while (p < n && found < BLOCK && !odd) {
            int base = found * maxCells;
            int cells = 0;
            int cellStart = p;
            int q = p;
            int end = -1;
            boolean plain = true;
            while (q < n) {
                if (q <= n - Long.BYTES) {
                    long special = special((long) WORDS.get(b, q));
                    if (special == 0) {
                        q += Long.BYTES; // eight printable bytes after the comma
                        continue;
                    }
                    q += Long.numberOfTrailingZeros(special) >>> 3; // the first byte the cases below must look at
                }
                byte c = b[q];
                if (c > ',' && c < 0x7f) {
                    q++; // the common case: a printable byte after the comma (digits, letters, '-', '_', '.'), no quote
                    continue;
                }
                if (c == ',') {
                    if (cells < maxCells) {
                        starts[base + cells] = cellStart;
                        ends[base + cells] = q;
                    }
                    cells++;
                    cellStart = q + 1;
                } else if (c == '\n') {
                    end = q;
                    break;
                } else if (c < 0x20 || c >= 0x7f || c == '"') {
                    if (c == '\r' && q + 1 < n && b[q + 1] == '\n') {
                        end = q;
                        break;
                    }
                    if (c != '\t') {
                        plain = false;
                        break;
                    }
                }
                q++;
            }
            int rowEnd = end < 0 ? q : end;
            if (!plain || rowEnd - p > maxChars || cells + 1 > maxCellsPerRow) {
                odd = true;
                newlines = rel + countNewlines(b, p, n);
                break;
            }
            if (cells < maxCells) {
                starts[base + cells] = cellStart;
                ends[base + cells] = rowEnd;
            }
            cells++;
            int next = end < 0 ? n : (b[end] == '\r' ? end + 2 : end + 1);
            if (rowEnd > p || width <= 1) {
                rowFrom[found] = p;
                rowTo[found] = rowEnd;
                rowCells[found] = cells;
                rowLine[found] = rel;
                found++;
            }
            if (end >= 0) {
                rel++;
            }
            p = next;
        }
        this.p = p;
        this.rel = rel;
        if (!odd) {
            newlines = rel;
        }
        rows = found;
        return found > 0;
    }

    /**
     * The high bit of each byte of {@code word} that is not a printable byte after the comma ({@code 0x2D..0x7E}, the
     * bytes the scan passes over without looking): a comma, a line feed, a carriage return, a quote, a space or tab, a
     * control byte, DEL or a byte of 0x80 and above; the other bits zero. Exact for every byte (no carry crosses from one
     * byte into the next: seven bits plus 0x53, or plus 1, stay below 0x100).
     */
    static long special(long word) {
        long low = word & LOW_BITS;
        return (word | ~(low + FROM_DASH) | (low + ONES)) & HIGH_BITS;
    }

    private static long countNewlines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Whether the scan stopped at a row that is not plain. */
    boolean odd() {
        return odd;
    }

    /** The line feeds in the range. */
    long newlines() {
        return newlines;
    }

    /** The range's bytes. */
    byte[] bytes() {
        return b;
    }

    /** The cells of the current row (its commas + 1). */
    int cells() {
        return rowCells[row];
    }

    /** Where cell {@code i} of the current row starts; only for {@code i < cells()} within the header's width. */
    int start(int i) {
        return starts[row * maxCells + i];
    }

    /** Where cell {@code i} of the current row ends (exclusive). */
    int end(int i) {
        return ends[row * maxCells + i];
    }

    /** The cells of the current row as text (plain rows are ASCII). */
    String[] texts() {
        int from = rowFrom[row];
        int to = rowTo[row];
        String[] out = new String[rowCells[row]];
        int start = from;
        int k = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ',') {
                out[k++] = new String(b, start, i - start, StandardCharsets.US_ASCII);
                start = i + 1;
            }
        }
        return out;
    }
}
