package org.communityschools.core.internal.read;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.AsciiText;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceCategory;
import org.jspecify.annotations.Nullable;

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

    /**
     * The categories by {@link #slot} of their names (the index + 1, 0 for none), when no two names share a slot; then a
     * cell is compared with one name only instead of each in turn (22.6M cells a NYC year).
     */
    private static final int[] CATEGORY_AT_SLOT = new int[64];
    private static final boolean CATEGORY_SLOTS_UNIQUE;

    static {
        boolean unique = true;
        for (int i = 0; i < CATEGORIES.length; i++) {
            byte[] name = CATEGORIES[i].name().getBytes(StandardCharsets.US_ASCII);
            CATEGORY_NAMES[i] = name;
            int slot = slot(name, 0, name.length);
            unique &= slot >= 0 && CATEGORY_AT_SLOT[slot] == 0;
            if (slot >= 0) {
                CATEGORY_AT_SLOT[slot] = i + 1;
            }
        }
        CATEGORY_SLOTS_UNIQUE = unique;
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
    /** The last student and school found by their bytes, and where their bytes are in the range (-1: none yet). */
    private int lastStudent = -1;
    private int lastStudentFrom;
    private int lastStudentTo;
    private int lastSchool = -1;
    private int lastSchoolFrom;
    private int lastSchoolTo;
    /** The enrollment rule for this range's rows, remembering the enrollment of the last row that fit. */
    private AttendanceRules.@Nullable Fits fits;

    /** A chunk sized for about {@code rows} rows, so that its columns rarely grow. */
    private AttendanceChunk(int rows) {
        student = new int[rows];
        school = new char[rows];
        day = new int[rows];
        packed = new int[rows];
        line = new int[rows];
    }

    /**
     * Parses one range, the first {@code length} bytes of {@code b}, rows of {@code width} cells, checked against
     * {@code assembler}.
     */
    static AttendanceChunk parse(byte[] b, int length, int width, int[] positions, Assembler assembler,
                                 ReadLimits limits) {
        // rows of a typical attendance file have 30 to 60 bytes; the columns grow when the guess is short
        AttendanceChunk chunk = new AttendanceChunk(Math.max(16, length / 40));
        Row row = new Row(positions);
        Days dates = new Days();
        ByteKeys durations = new ByteKeys();
        PlainRows scan = PlainRows.scan(b, length, width, limits, (rows, rel) -> {
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
    private boolean accept(Row r, int rel, Assembler assembler, Days dates, ByteKeys durations) {
        byte[] b = r.rows.bytes();
        int from = r.from(0);
        int to = r.to(0);
        // rows come grouped by student and school: the previous accepted row's ids are tried first, by their bytes
        int st;
        if (lastStudent >= 0 && AsciiText.sameBytes(b, from, to, b, lastStudentFrom, lastStudentTo)) {
            st = lastStudent;
        } else {
            st = from == to ? -1 : assembler.studentIndex(b, from, to, lastStudent >= 0 ? lastStudent + 1 : -1);
            if (st < 0) {
                return false;
            }
            lastStudent = st;
            lastStudentFrom = from;
            lastStudentTo = to;
        }
        from = r.from(1);
        to = r.to(1);
        int sc;
        if (lastSchool >= 0 && AsciiText.sameBytes(b, from, to, b, lastSchoolFrom, lastSchoolTo)) {
            sc = lastSchool;
        } else {
            sc = from == to ? -1 : assembler.schoolIndex(b, from, to);
            if (sc < 0) {
                return false;
            }
            lastSchool = sc;
            lastSchoolFrom = from;
            lastSchoolTo = to;
        }
        int dy = dates.epochDay(b, r.from(2), r.to(2));
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
        if (fits == null) {
            fits = assembler.attendance().new Fits();
        }
        if (!fits.test(st, sc, dy)) {
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

    /**
     * The dates of a range's rows, read from their bytes as {@link Values#parseEpochDay} reads their text: a row's
     * {@code yyyy-MM-dd} is the first day of its month (remembered from the previous row, which is most often in the
     * same month) plus its day of month, checked against the month's length. Not thread-safe; one per range.
     */
    static final class Days {
        private int month = -1;
        private int monthStart;
        private int monthLength;

        /** The epoch day of {@code b[from, to)}, or {@link ByteKeys#ABSENT} when {@link Values#parseEpochDay} fails. */
        int epochDay(byte[] b, int from, int to) {
            if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
                return parseDate(b, from, to);
            }
            int y = digits(b, from, from + 4);
            int m = digits(b, from + 5, from + 7);
            int d = digits(b, from + 8, from + 10);
            if (y < 0 || m < 1 || m > 12 || d < 1) {
                return ByteKeys.ABSENT;
            }
            int ym = y * 16 + m;
            if (ym != month) {
                LocalDate first = LocalDate.of(y, m, 1);
                month = ym;
                monthStart = (int) first.toEpochDay();
                monthLength = first.lengthOfMonth();
            }
            return d <= monthLength ? monthStart + d - 1 : ByteKeys.ABSENT;
        }

        private static int digits(byte[] b, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                int c = b[i] - '0';
                if (c < 0 || c > 9) {
                    return -1;
                }
                v = v * 10 + c;
            }
            return v;
        }
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

    /** Whether {@link #category} finds a name by its slot (no two categories' names share one); for tests. */
    static boolean categoriesBySlot() {
        return CATEGORY_SLOTS_UNIQUE;
    }

    /** A slot of 0..63 for the text {@code b[from, to)} from its length and first two bytes; -1 when shorter. */
    private static int slot(byte[] b, int from, int to) {
        int n = to - from;
        return n < 2 ? -1 : (n * 7 + b[from] * 3 + b[from + 1]) & 63;
    }

    /** The index of the category whose name is the text {@code b[from, to)}, or -1. */
    static int category(byte[] b, int from, int to) {
        if (CATEGORY_SLOTS_UNIQUE) {
            int slot = slot(b, from, to);
            int at = slot < 0 ? 0 : CATEGORY_AT_SLOT[slot];
            if (at == 0) {
                return -1;
            }
            byte[] name = CATEGORY_NAMES[at - 1];
            if (name.length != to - from) {
                return -1;
            }
            for (int i = 0; i < name.length; i++) {
                if (name[i] != b[from + i]) {
                    return -1;
                }
            }
            return at - 1;
        }
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
