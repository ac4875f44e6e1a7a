package org.communityschools.core.internal.read;

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
 * {@link AttendanceReader} to check again on its thread and report. A range holding a row that is not
 * {@link PlainRows plain} is {@link #odd()}: its rows are dropped and it is read again with {@link CsvRows}.
 */
final class AttendanceChunk implements CsvRanges.Parsed {
    private static final AttendanceCategory[] CATEGORIES = AttendanceCategory.values();
    private static final byte[][] CATEGORY_NAMES = new byte[CATEGORIES.length][];

    static {
        for (int i = 0; i < CATEGORIES.length; i++) {
            CATEGORY_NAMES[i] = CATEGORIES[i].name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private int size;
    private int[] student;
    private char[] school;
    private int[] day;
    private int[] packed;
    private int[] line;
    private final List<String[]> deferred = new ArrayList<>();
    private final ByteKeys reasons = new ByteKeys();
    private final List<String> reasonList = new ArrayList<>();
    private boolean odd;
    private long newlines;

    /** A chunk sized for about {@code rows} rows, so that its columns rarely grow. */
    private AttendanceChunk(int rows) {
        student = new int[rows];
        school = new char[rows];
        day = new int[rows];
        packed = new int[rows];
        line = new int[rows];
    }

    /** Parses the bytes of one range, rows of {@code width} cells, checked against {@code assembler}. */
    static AttendanceChunk parse(byte[] b, int width, int[] positions, Assembler assembler, ReadLimits limits) {
        // rows of a typical attendance file have 30 to 60 bytes; the columns grow when the guess is short
        AttendanceChunk chunk = new AttendanceChunk(Math.max(16, b.length / 40));
        Row row = new Row(positions);
        ByteKeys dates = new ByteKeys();
        ByteKeys durations = new ByteKeys();
        PlainRows scan = PlainRows.scan(b, width, limits, (rows, rel) -> {
            row.rows = rows;
            if (rows.cells() != width || !chunk.accept(row, rel, assembler, dates, durations)) {
                chunk.defer(rows.texts(), rel);
            }
        });
        chunk.odd = scan.odd();
        chunk.newlines = scan.newlines();
        return chunk;
    }

    /** The cells of the current row: the plain row, and the header positions of the six columns. */
    private static final class Row {
        final int[] positions;
        PlainRows rows;

        Row(int[] positions) {
            this.positions = positions;
        }

        int from(int column) {
            int p = positions[column];
            return p < 0 ? 0 : rows.start(p);
        }

        int to(int column) {
            int p = positions[column];
            return p < 0 ? 0 : rows.end(p);
        }
    }

    /** Adds the row when every rule holds for it; false (nothing added) when one does not. */
    private boolean accept(Row r, int rel, Assembler assembler, ByteKeys dates, ByteKeys durations) {
        byte[] b = r.rows.bytes();
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

    private void defer(String[] cells, int rel) {
        deferred.add(cells);
        add(-1, 0, 0, deferred.size() - 1, rel);
    }

    private void add(int st, int sc, int dy, int pk, int rel) {
        if (size == student.length) {
            int n = size + (size >> 1) + 16;
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

    @Override
    public boolean odd() {
        return odd;
    }

    @Override
    public long newlines() {
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
