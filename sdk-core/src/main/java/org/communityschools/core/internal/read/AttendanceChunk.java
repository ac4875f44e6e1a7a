package org.communityschools.core.internal.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceCategory;

/**
 * One byte range of {@code attendance.csv} parsed on a worker thread, without reporting anything and without changing
 * the {@link Assembler}: per row, either the accepted values (student and school index, epoch day, category and
 * duration packed with a reason code local to the range) or, for a row that breaks a rule, its cells, for
 * {@link AttendanceReader} to check again on its thread and report. A range holding a row that is not plain (a quote,
 * a byte outside printable ASCII and tab, a carriage return not before a line feed, a row long enough to reach a
 * {@link ReadLimits} limit) is {@link #odd()}: its rows are dropped and it is read again with {@link CsvRows}.
 */
final class AttendanceChunk {
    private static final AttendanceCategory[] CATEGORIES = AttendanceCategory.values();
    private static final byte[][] CATEGORY_NAMES = new byte[CATEGORIES.length][];

    static {
        for (int i = 0; i < CATEGORIES.length; i++) {
            CATEGORY_NAMES[i] = CATEGORIES[i].name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private int size;
    private int[] student = new int[1024];
    private char[] school = new char[1024];
    private int[] day = new int[1024];
    private int[] packed = new int[1024];
    private int[] line = new int[1024];
    private final List<String[]> deferred = new ArrayList<>();
    private final ByteKeys reasons = new ByteKeys();
    private final List<String> reasonList = new ArrayList<>();
    private boolean odd;
    private long newlines;

    private AttendanceChunk() {
    }

    /**
     * The starts of the ranges of about {@code chunkBytes} from {@code from} to {@code size}: each after a line feed
     * (so at the start of a line, not always of a row), the last element {@code size}.
     */
    static long[] boundaries(FileChannel channel, long from, long size, int chunkBytes) throws IOException {
        List<Long> starts = new ArrayList<>();
        starts.add(from);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long p = from + chunkBytes;
        while (p < size) {
            long nl = -1;
            long at = p - 1;
            while (nl < 0 && at < size) {
                buf.clear();
                int n = channel.read(buf, at);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        nl = at + i;
                        break;
                    }
                }
                at += n;
            }
            if (nl < 0 || nl + 1 >= size) {
                break;
            }
            starts.add(nl + 1);
            p = nl + 1 + chunkBytes;
        }
        long[] out = new long[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            out[i] = starts.get(i);
        }
        out[starts.size()] = size;
        return out;
    }

    /** The line feeds in bytes {@code [from, to)} of the file. */
    static long countNewlines(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long n = 0;
        for (long at = from; at < to; ) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - at));
            int r = channel.read(buf, at);
            if (r <= 0) {
                break;
            }
            for (int i = 0; i < r; i++) {
                if (buf.get(i) == '\n') {
                    n++;
                }
            }
            at += r;
        }
        return n;
    }

    /** Parses bytes {@code [from, to)}, rows of {@code width} cells, checked against {@code assembler}. */
    static AttendanceChunk parse(FileChannel channel, long from, long to, int width, int[] positions,
                                 Assembler assembler, ReadLimits limits) {
        byte[] b = new byte[Math.toIntExact(to - from)];
        ByteBuffer buf = ByteBuffer.wrap(b);
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf, from + buf.position()) < 0) {
                    throw new IOException("attendance.csv became shorter while it was read");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AttendanceChunk chunk = new AttendanceChunk();
        chunk.scan(b, width, positions, assembler, limits);
        return chunk;
    }

    private void scan(byte[] b, int width, int[] positions, Assembler assembler, ReadLimits limits) {
        int maxChars = Math.min(limits.maxCellChars(), limits.maxLineChars());
        int maxCells = Math.min(limits.maxCellsPerRow(), width + 1);
        int[] starts = new int[maxCells + 1];
        int[] ends = new int[maxCells + 1];
        Row row = new Row(b, starts, ends, positions);
        ByteKeys dates = new ByteKeys();
        ByteKeys durations = new ByteKeys();
        int n = b.length;
        int p = 0;
        int rel = 0;
        while (p < n) {
            int cells = 0;
            int cellStart = p;
            int q = p;
            int end = -1;
            boolean plain = true;
            while (q < n) {
                byte c = b[q];
                if (c == ',') {
                    if (cells < maxCells) {
                        starts[cells] = cellStart;
                        ends[cells] = q;
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
            if (!plain || rowEnd - p > maxChars || cells + 1 > limits.maxCellsPerRow()) {
                odd = true;
                newlines = rel + countNewlines(b, p);
                return;
            }
            if (cells < maxCells) {
                starts[cells] = cellStart;
                ends[cells] = rowEnd;
            }
            cells++;
            int next = end < 0 ? n : (b[end] == '\r' ? end + 2 : end + 1);
            if (rowEnd > p || width <= 1) {
                row.cells = cells;
                if (cells != width || !accept(row, rel, assembler, dates, durations)) {
                    defer(b, p, rowEnd, rel);
                }
            }
            if (end >= 0) {
                rel++;
            }
            p = next;
        }
        newlines = rel;
    }

    private static long countNewlines(byte[] b, int from) {
        long n = 0;
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The cells of the current row: byte offsets into the range, and the header positions of the six columns. */
    private static final class Row {
        final byte[] b;
        final int[] starts;
        final int[] ends;
        final int[] positions;
        int cells;

        Row(byte[] b, int[] starts, int[] ends, int[] positions) {
            this.b = b;
            this.starts = starts;
            this.ends = ends;
            this.positions = positions;
        }

        int from(int column) {
            int p = positions[column];
            return p < 0 ? 0 : starts[p];
        }

        int to(int column) {
            int p = positions[column];
            return p < 0 ? 0 : ends[p];
        }
    }

    /** Adds the row when every rule holds for it; false (nothing added) when one does not. */
    private boolean accept(Row r, int rel, Assembler assembler, ByteKeys dates, ByteKeys durations) {
        byte[] b = r.b;
        int from = r.from(0);
        int to = r.to(0);
        int st = from == to ? -1 : assembler.studentIndex(b, from, to);
        if (st < 0) {
            return false;
        }
        from = r.from(1);
        to = r.to(1);
        int sc = from == to ? -1 : assembler.schoolIndex(b, from, to);
        if (sc < 0) {
            return false;
        }
        int dy = dates.get(b, r.from(2), r.to(2));
        if (dy == ByteKeys.ABSENT) {
            dy = parseDate(b, r.from(2), r.to(2));
            dates.put(b, r.from(2), r.to(2), dy);
        }
        if (dy == ByteKeys.ABSENT) {
            return false;
        }
        int category = category(b, r.from(3), r.to(3));
        if (category < 0) {
            return false;
        }
        int duration;
        from = r.from(4);
        to = r.to(4);
        if (from == to) {
            duration = AttendanceReader.defaultDuration(CATEGORIES[category]);
        } else {
            duration = durations.get(b, from, to);
            if (duration == ByteKeys.ABSENT) {
                duration = parseDuration(b, from, to);
                durations.put(b, from, to, duration);
            }
        }
        if (duration < 0) {
            return false;
        }
        int reason = 0;
        from = r.from(5);
        to = r.to(5);
        if (from < to) {
            if (to - from > 64 || blank(b, from, to)) {
                return false;
            }
            reason = reasons.get(b, from, to);
            if (reason == ByteKeys.ABSENT) {
                if (reasonList.size() >= AttendanceColumns.MAX_REASONS) {
                    return false;
                }
                reasonList.add(new String(b, from, to - from, StandardCharsets.US_ASCII));
                reason = reasonList.size();
                reasons.put(b, from, to, reason);
            }
        }
        if (!assembler.attendance().fits(st, sc, dy)) {
            return false;
        }
        add(st, sc, dy, AttendanceColumns.pack(category, duration, reason), rel);
        return true;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The epoch day, or {@link ByteKeys#ABSENT} when {@link Values#parseEpochDay} would not accept it. */
    private static int parseDate(byte[] b, int from, int to) {
        if (from == to) {
            return ByteKeys.ABSENT;
        }
        try {
            return (int) Values.parseEpochDay(new String(b, from, to - from, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | DateTimeException e) {
            return ByteKeys.ABSENT;
        }
    }

    /** The duration in ten-thousandths, or -1 when {@link Values#parseDayShareTenThousandths} would not accept it. */
    private static int parseDuration(byte[] b, int from, int to) {
        try {
            return Values.parseDayShareTenThousandths(new String(b, from, to - from, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static int category(byte[] b, int from, int to) {
        for (int i = 0; i < CATEGORY_NAMES.length; i++) {
            if (Arrays.equals(CATEGORY_NAMES[i], 0, CATEGORY_NAMES[i].length, b, from, to)) {
                return i;
            }
        }
        return -1;
    }

    private void defer(byte[] b, int from, int to, int rel) {
        List<String> cells = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ',') {
                cells.add(new String(b, start, i - start, StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        deferred.add(cells.toArray(new String[0]));
        add(-1, 0, 0, deferred.size() - 1, rel);
    }

    private void add(int st, int sc, int dy, int pk, int rel) {
        if (size == student.length) {
            int n = size * 2;
            student = Arrays.copyOf(student, n);
            school = Arrays.copyOf(school, n);
            day = Arrays.copyOf(day, n);
            packed = Arrays.copyOf(packed, n);
            line = Arrays.copyOf(line, n);
        }
        student[size] = st;
        school[size] = (char) sc;
        day[size] = dy;
        packed[size] = pk;
        line[size] = rel;
        size++;
    }

    /** Whether the range holds a row that is not plain; its rows are then to be read again. */
    boolean odd() {
        return odd;
    }

    /** The line feeds in the range. */
    long newlines() {
        return newlines;
    }

    /** The number of rows kept (accepted or deferred). */
    int size() {
        return size;
    }

    /** The most new reasons applying the range can add to the dictionary. */
    int reasonBudget() {
        return reasonList.size() + deferred.size();
    }

    /** The reasons of the range's local codes (code {@code i} at {@code i - 1}). */
    List<String> reasons() {
        return reasonList;
    }

    /** The row's line, counted from the range's first line (0). */
    int line(int r) {
        return line[r];
    }

    /** The row's student index, or -1 for a deferred row. */
    int student(int r) {
        return student[r];
    }

    int school(int r) {
        return school[r];
    }

    int day(int r) {
        return day[r];
    }

    /** The packed category, duration and local reason code. */
    int packed(int r) {
        return packed[r];
    }

    /** The cells of a deferred row. */
    String[] deferred(int r) {
        return deferred.get(packed[r]);
    }
}
