package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.LocalDate;
import java.util.function.IntFunction;
import org.communityschools.core.data.AttendanceDayFilter;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * The compact columnar attendance store: rows sorted by student, then date, then school; the student is implied by
 * a per-student offsets array; per row a school index ({@code char}), an epoch day ({@code int}) and one packed
 * {@code int} holding the category (3 bits), the duration in ten-thousandths (14 bits) and a dictionary-encoded
 * reason (15 bits, 0 = none): 10 bytes per row plus 4 bytes per student. Immutable and thread-safe once built.
 */
public final class AttendanceColumns {
    static final int CATEGORY_SHIFT = 29;
    static final int DURATION_SHIFT = 15;
    static final int DURATION_MASK = (1 << 14) - 1;
    static final int REASON_MASK = (1 << 15) - 1;
    /** The largest number of distinct reasons the dictionary holds. */
    public static final int MAX_REASONS = REASON_MASK;
    private static final AttendanceCategory[] CATEGORIES = AttendanceCategory.values();

    private final int[] offsets;
    private final char[] school;
    private final int[] day;
    private final int[] packed;
    private final String[] reasons;
    private final IntFunction<StudentId> students;
    private final IntFunction<SchoolId> schools;
    /** The rows of students changed since the base (student index to rows); null when none. */
    private final @Nullable IntTrie<Rows> overrides;
    private final int studentCount;
    private final int size;

    /** One student's rows in a later version, in the order of the store, reason codes of that version's dictionary. */
    public record Rows(char[] school, int[] day, int[] packed) {
        /** The number of rows. */
        public int size() {
            return day.length;
        }
    }

    AttendanceColumns(int[] offsets, char[] school, int[] day, int[] packed, String[] reasons,
                      IntFunction<StudentId> students, IntFunction<SchoolId> schools) {
        this(offsets, school, day, packed, reasons, students, schools, null, offsets.length - 1, day.length);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private AttendanceColumns(int[] offsets, char[] school, int[] day, int[] packed, String[] reasons,
                              IntFunction<StudentId> students, IntFunction<SchoolId> schools,
                              @Nullable IntTrie<Rows> overrides, int studentCount, int size) {
        this.offsets = offsets;
        this.school = school;
        this.day = day;
        this.packed = packed;
        this.reasons = reasons;
        this.students = students;
        this.schools = schools;
        this.overrides = overrides;
        this.studentCount = studentCount;
        this.size = size;
    }

    /**
     * A later version of these columns: the students of {@code changed} have exactly those rows (reason codes of
     * {@code reasons}, which extends this dictionary), {@code studentCount} students in all, identifiers from the new
     * version's tables. Shares every other row; costs the size of the change.
     */
    public AttendanceColumns with(Map<Integer, Rows> changed, String[] reasons, int studentCount,
                                  IntFunction<StudentId> students, IntFunction<SchoolId> schools) {
        IntTrie<Rows> o = overrides == null ? IntTrie.empty() : overrides;
        int n = size;
        for (Map.Entry<Integer, Rows> e : changed.entrySet()) {
            n += e.getValue().size() - rowCount(e.getKey());
        }
        o = o.withAll(changed);
        return new AttendanceColumns(offsets, school, day, packed, reasons, students, schools, o, studentCount, n);
    }

    /** The rows of the student at {@code student}, in store order: read only, never write to their arrays. */
    public Rows rowsOf(int student) {
        Rows r = overrides == null ? null : overrides.get(student);
        if (r != null) {
            return r;
        }
        if (student >= offsets.length - 1) {
            return new Rows(new char[0], new int[0], new int[0]);
        }
        int from = offsets[student];
        int to = offsets[student + 1];
        return new Rows(Arrays.copyOfRange(school, from, to), Arrays.copyOfRange(day, from, to),
                Arrays.copyOfRange(packed, from, to));
    }

    /** The reason dictionary (code - 1 to text), shared: never write to it. */
    public String[] reasons() {
        return reasons;
    }

    /** The number of rows of the student at {@code student}. */
    public int rowCount(int student) {
        Rows r = overrides == null ? null : overrides.get(student);
        if (r != null) {
            return r.size();
        }
        return student < offsets.length - 1 ? offsets[student + 1] - offsets[student] : 0;
    }

    /** Packs category, duration and reason code into one int. */
    public static int pack(int category, int durationTenThousandths, int reasonCode) {
        return (category << CATEGORY_SHIFT) | (durationTenThousandths << DURATION_SHIFT) | reasonCode;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The number of students the offsets cover. */
    public int studentCount() {
        return studentCount;
    }

    /** Whether no student's rows were changed (only then do the row accessors below cover every row). */
    public boolean isFlat() {
        return overrides == null;
    }

    /** The first row of the student at {@code student} in the base store ({@link #isFlat()}). */
    public int start(int student) {
        return offsets[student];
    }

    /** One past the last row of the student at {@code student}. */
    public int end(int student) {
        return offsets[student + 1];
    }

    /** The school index of row {@code row}. */
    public int school(int row) {
        return school[row];
    }

    /** The epoch day of row {@code row}. */
    public int epochDay(int row) {
        return day[row];
    }

    /** The packed category, duration and reason code of row {@code row}. */
    public int packed(int row) {
        return packed[row];
    }

    /** The category of row {@code row}. */
    public AttendanceCategory category(int row) {
        return CATEGORIES[packed[row] >>> CATEGORY_SHIFT];
    }

    /** The duration of row {@code row}, in ten-thousandths of a day. */
    public int duration(int row) {
        return (packed[row] >>> DURATION_SHIFT) & DURATION_MASK;
    }

    /** The reason of row {@code row}, if any. */
    public Optional<String> reason(int row) {
        int code = packed[row] & REASON_MASK;
        return code == 0 ? Optional.empty() : Optional.of(reasons[code - 1]);
    }

    /** Visits every row in storage order with primitive arguments. */
    public void forEach(RowVisitor visitor) {
        forEach(0, studentCount, visitor);
    }

    /**
     * Visits the students with index in [{@code from}, {@code to}) that have rows, one call per student with the
     * arrays holding its rows and their range (read only: never write to them), in storage order.
     */
    public void forEachStudent(int from, int to, BlockVisitor visitor) {
        int students = offsets.length - 1;
        for (int s = Math.max(0, from), end = Math.min(to, studentCount); s < end; s++) {
            Rows changed = overrides == null ? null : overrides.get(s);
            if (changed != null) {
                if (changed.size() > 0) {
                    visitor.visit(s, changed.school(), changed.day(), changed.packed(), 0, changed.size());
                }
            } else if (s < students && offsets[s + 1] > offsets[s]) {
                visitor.visit(s, school, day, packed, offsets[s], offsets[s + 1]);
            }
        }
    }

    /** The category held in a packed row. */
    public static AttendanceCategory categoryOf(int packed) {
        return CATEGORIES[packed >>> CATEGORY_SHIFT];
    }

    /** The duration held in a packed row, in ten-thousandths of a day. */
    public static int durationOf(int packed) {
        return (packed >>> DURATION_SHIFT) & DURATION_MASK;
    }

    /** Visits the rows of the students with index in [{@code from}, {@code to}), in storage order. */
    public void forEach(int from, int to, RowVisitor visitor) {
        int students = offsets.length - 1;
        for (int s = Math.max(0, from), end = Math.min(to, studentCount); s < end; s++) {
            Rows changed = overrides == null ? null : overrides.get(s);
            if (changed != null) {
                for (int r = 0; r < changed.size(); r++) {
                    int p = changed.packed()[r];
                    visitor.visit(s, changed.school()[r], changed.day()[r], CATEGORIES[p >>> CATEGORY_SHIFT],
                            (p >>> DURATION_SHIFT) & DURATION_MASK);
                }
                continue;
            }
            if (s >= students) {
                continue;
            }
            for (int r = offsets[s], e = offsets[s + 1]; r < e; r++) {
                int p = packed[r];
                visitor.visit(s, school[r], day[r], CATEGORIES[p >>> CATEGORY_SHIFT], (p >>> DURATION_SHIFT) & DURATION_MASK);
            }
        }
    }

    /** The record at {@code row}, materialized. */
    public AttendanceRecord record(int student, int row) {
        return new AttendanceRecord(students.apply(student), schools.apply(school[row]), LocalDate.ofEpochDay(day[row]),
                category(row), DayShare.ofTenThousandths(duration(row)), reason(row));
    }

    /**
     * The records of the student at {@code student} whose school and day pass {@code keep}, in date order (then
     * school): {@code keep} is asked once per row, in that order, and only the rows it keeps are materialized.
     */
    public List<AttendanceRecord> records(int student, AttendanceDayFilter keep) {
        if (student < 0 || student >= studentCount) {
            return List.of();
        }
        Rows changed = overrides == null ? null : overrides.get(student);
        char[] sc = changed != null ? changed.school() : school;
        int[] dy = changed != null ? changed.day() : day;
        int[] pk = changed != null ? changed.packed() : packed;
        int from = 0;
        int to = 0;
        if (changed != null) {
            to = changed.size();
        } else if (student < offsets.length - 1) {
            from = offsets[student];
            to = offsets[student + 1];
        }
        // asked for every row of a student on every record view: the school of the last row is kept (a student's rows
        // are mostly at one school), the student looked up once, and the kept records are handed over without a copy
        ArrayList<AttendanceRecord> out = null;
        StudentId id = null;
        int lastSchool = -1;
        SchoolId s = null;
        for (int r = from; r < to; r++) {
            if (sc[r] != lastSchool) {
                lastSchool = sc[r];
                s = schools.apply(lastSchool);
            }
            if (keep.keep(s, dy[r])) {
                if (out == null) {
                    out = new ArrayList<>(Math.min(to - r, 16));
                    id = students.apply(student);
                }
                int p = pk[r];
                int code = p & REASON_MASK;
                out.add(new AttendanceRecord(id, s, LocalDate.ofEpochDay(dy[r]), CATEGORIES[p >>> CATEGORY_SHIFT],
                        DayShare.ofTenThousandths((p >>> DURATION_SHIFT) & DURATION_MASK),
                        code == 0 ? Optional.empty() : Optional.of(reasons[code - 1])));
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** The records of the student at {@code student}, optionally only at one school (-1 for all), in date order. */
    public List<AttendanceRecord> records(int student, int schoolIndex) {
        if (student < 0 || student >= studentCount) {
            return List.of();
        }
        Rows changed = overrides == null ? null : overrides.get(student);
        if (changed != null) {
            List<AttendanceRecord> out = new ArrayList<>(changed.size());
            for (int r = 0; r < changed.size(); r++) {
                if (schoolIndex < 0 || changed.school()[r] == schoolIndex) {
                    int p = changed.packed()[r];
                    int code = p & REASON_MASK;
                    out.add(new AttendanceRecord(students.apply(student), schools.apply(changed.school()[r]),
                            LocalDate.ofEpochDay(changed.day()[r]), CATEGORIES[p >>> CATEGORY_SHIFT],
                            DayShare.ofTenThousandths((p >>> DURATION_SHIFT) & DURATION_MASK),
                            code == 0 ? Optional.empty() : Optional.of(reasons[code - 1])));
                }
            }
            return List.copyOf(out);
        }
        if (student >= offsets.length - 1) {
            return List.of();
        }
        List<AttendanceRecord> out = new ArrayList<>(offsets[student + 1] - offsets[student]);
        for (int r = offsets[student], e = offsets[student + 1]; r < e; r++) {
            if (schoolIndex < 0 || school[r] == schoolIndex) {
                out.add(record(student, r));
            }
        }
        return List.copyOf(out);
    }

    /** The bytes held by the arrays (headers excluded), including the reason dictionary's references and changed rows. */
    public long estimatedBytes() {
        long bytes = 4L * offsets.length + 2L * school.length + 4L * day.length + 4L * packed.length + 8L * reasons.length;
        if (overrides != null) {
            long[] changed = new long[1];
            overrides.forEach((s, rows) -> changed[0] += 10L * rows.size() + 48);
            bytes += changed[0];
        }
        for (String r : reasons) {
            bytes += 40 + r.length();
        }
        return bytes;
    }

    /** A visitor of one student's rows at a time, in place. */
    @FunctionalInterface
    public interface BlockVisitor {
        /** The rows [{@code from}, {@code to}) of the arrays, all of student {@code studentIndex}. */
        void visit(int studentIndex, char[] school, int[] day, int[] packed, int from, int to);
    }

    /** A primitive visitor over rows. */
    @FunctionalInterface
    public interface RowVisitor {
        /** One row. */
        void visit(int studentIndex, int schoolIndex, int epochDay, AttendanceCategory category, int durationTenThousandths);
    }
}
