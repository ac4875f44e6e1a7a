package org.communityschools.core.internal.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.index.Grouped;
import org.communityschools.core.internal.index.Ranks;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * Where and when students can be, for the {@link Assembler}: the schools' calendars (instructional days by school
 * index, sorted, duplicates reported as {@code unique.calendar-day} when calendar.csv ends) and the enrollments
 * (a list per student and school while loading, to find duplicates and overlaps; then grouped by student with
 * primitive school, entry and exit columns for {@link #enrolledBetween}). Once {@link #calendarsReady} and
 * {@link #enrollmentIndex} were called, the checks only read and may run on several threads. Not thread-safe
 * while loading.
 */
final class Placements {
    private static final int OPEN_END = Integer.MAX_VALUE;

    private final Violations violations;
    private final IdTable<StudentId, Student> students;
    private final Supplier<IdTable<SchoolId, School>> schools;
    private final List<long[]> calendarRows = new ArrayList<>();
    private int[] calendarCount = new int[0];
    private int[][] calendars = new int[0][];
    private boolean calendarsPreset;
    private final List<Enrollment> enrollments = new ArrayList<>();
    private int[] enrollmentHead = new int[0];
    private int[] enrollmentNext = new int[16];
    private int[] enrollmentSchool = new int[16];
    /** Per enrollment added, its student's index: the key of the grouping when the file ends, without a lookup. */
    private int[] enrollmentStudent = new int[16];
    private @Nullable Grouped<Enrollment> enrollmentsByStudent;
    private int[] enrSchool = new int[0];
    private int[] enrFrom = new int[0];
    private int[] enrTo = new int[0];

    Placements(Violations violations, IdTable<StudentId, Student> students,
               Supplier<IdTable<SchoolId, School>> schools) {
        this.violations = violations;
        this.students = students;
        this.schools = schools;
    }

    /** A calendar row: school {@code s} teaches on {@code epochDay} (read on {@code line}). */
    void addDay(int s, int epochDay, long line) {
        int size = schools.get().size();
        if (calendarCount.length < size) {
            calendarCount = Arrays.copyOf(calendarCount, size);
            while (calendarRows.size() < size) {
                calendarRows.add(new long[0]);
            }
        }
        long[] rows = calendarRows.get(s);
        if (calendarCount[s] == rows.length) {
            rows = Arrays.copyOf(rows, Math.max(8, rows.length * 2));
            calendarRows.set(s, rows);
        }
        rows[calendarCount[s]++] = ((long) epochDay << 32) | (line & 0xFFFFFFFFL);
    }

    /** Uses {@code calendars} (by school index, sorted epoch days) of data already checked instead of rows. */
    void preset(int[][] calendars) {
        this.calendars = calendars;
        this.calendarsPreset = true;
        this.calendarRows.clear();
        this.calendarCount = new int[0];
    }

    /** The calendars by school index (complete after {@link #calendarsReady}). */
    int[][] calendars() {
        return calendars;
    }

    /** The number of calendar rows dropped as duplicates. */
    long finishCalendar() {
        if (calendarsPreset) {
            return 0;
        }
        IdTable<SchoolId, School> table = schools.get();
        long dropped = 0;
        calendars = new int[table.size()][];
        for (int s = 0; s < table.size(); s++) {
            int n = s < calendarCount.length ? calendarCount[s] : 0;
            if (n == 0) {
                calendars[s] = new int[0];
                continue;
            }
            long[] rows = calendarRows.get(s);
            Arrays.sort(rows, 0, n);
            int[] days = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                int day = (int) (rows[i] >> 32);
                if (k > 0 && days[k - 1] == day) {
                    long line = rows[i] & 0xFFFFFFFFL;
                    String id = table.id(s).value();
                    violations.error(DataFile.CALENDAR, line, line == 0 ? 0 : 1, "school_id", id, "unique.calendar-day",
                            "a school's instructional day may appear once; school '" + id + "', date "
                                    + LocalDate.ofEpochDay(day) + " is repeated");
                    dropped++;
                    continue;
                }
                days[k++] = day;
            }
            calendars[s] = k == n ? days : Arrays.copyOf(days, k);
        }
        calendarRows.clear();
        calendarCount = new int[0];
        return dropped;
    }

    /** The calendars, finished first when a school has none yet. */
    int[][] calendarsReady() {
        if (calendars.length < schools.get().size()) {
            finishCalendar();
        }
        return calendars;
    }

    /** The enrollments accepted so far, in reading order. */
    List<Enrollment> enrollments() {
        return enrollments;
    }

    /**
     * An enrollment of student {@code st} at school {@code sc} already added that has the entry date of {@code e} or
     * overlaps it, or null.
     */
    @Nullable Enrollment conflicting(Enrollment e, int st, int sc) {
        if (enrollmentHead.length < students.size()) {
            int old = enrollmentHead.length;
            enrollmentHead = Arrays.copyOf(enrollmentHead, students.size());
            Arrays.fill(enrollmentHead, old, enrollmentHead.length, -1);
        }
        for (int i = enrollmentHead[st]; i >= 0; i = enrollmentNext[i]) {
            if (enrollmentSchool[i] != sc) {
                continue;
            }
            Enrollment other = enrollments.get(i);
            if (other.entryDate().equals(e.entryDate()) || other.period().overlaps(e.period())) {
                return other;
            }
        }
        return null;
    }

    /** Adds an enrollment for which {@link #conflicting} found none. */
    void addEnrollment(Enrollment e, int st, int sc) {
        int i = enrollments.size();
        if (i == enrollmentNext.length) {
            enrollmentNext = Arrays.copyOf(enrollmentNext, i * 2);
            enrollmentSchool = Arrays.copyOf(enrollmentSchool, i * 2);
            enrollmentStudent = Arrays.copyOf(enrollmentStudent, i * 2);
        }
        enrollmentNext[i] = enrollmentHead[st];
        enrollmentSchool[i] = sc;
        enrollmentStudent[i] = st;
        enrollmentHead[st] = i;
        enrollments.add(e);
    }

    /**
     * Groups the enrollments by student (by entry date, then school id) and fills the primitive columns. With each
     * enrollment's student and school index kept from when it was added, the order is a rank per enrollment
     * ({@link #ranks}) instead of comparisons of its records ({@link GroupOrders#ENROLLMENTS_OF_STUDENT}, the same order,
     * ties included); without them (finished before, or the ranks need more than 63 bits), the students are looked up
     * and the records compared.
     */
    void finishEnrollments() {
        IdTable<SchoolId, School> table = schools.get();
        int n = enrollments.size();
        boolean kept = enrollmentStudent.length >= n;
        long[] ranks = kept ? ranks(enrollmentSchool, table) : null;
        Grouped<Enrollment> byStudent = ranks != null
                ? Grouped.ofRanks(enrollments, students.size(), enrollmentStudent, ranks)
                : kept ? Grouped.ofKeys(enrollments, students.size(), enrollmentStudent, GroupOrders.ENROLLMENTS_OF_STUDENT)
                : Grouped.of(enrollments, students.size(), e -> students.indexOf(e.studentId().value()),
                        GroupOrders.ENROLLMENTS_OF_STUDENT);
        enrSchool = new int[byStudent.size()];
        enrFrom = new int[byStudent.size()];
        enrTo = new int[byStudent.size()];
        for (int i = 0; i < byStudent.size(); i++) {
            Enrollment e = byStudent.at(i);
            enrSchool[i] = kept ? enrollmentSchool[byStudent.sourcePosition(i)] : table.indexOf(e.schoolId().value());
            enrFrom[i] = (int) e.entryDate().toEpochDay();
            enrTo[i] = e.exitWithdrawDate().map(d -> (int) d.toEpochDay()).orElse(OPEN_END);
        }
        enrollmentsByStudent = byStudent;
        enrollmentHead = new int[0];
        enrollmentNext = new int[0];
        // kept, trimmed, for the grouping by school at the end of the read (8 bytes an enrollment: 14 MB a NYC year)
        enrollmentSchool = kept ? Arrays.copyOf(enrollmentSchool, n) : new int[0];
        enrollmentStudent = kept ? Arrays.copyOf(enrollmentStudent, n) : new int[0];
    }

    /**
     * The enrollments grouped by school, each school's by entry date, then student id
     * ({@link GroupOrders#ENROLLMENTS_AT_SCHOOL}): by a rank per enrollment when the students' and schools' indexes of
     * the enrollments are still kept ({@link #finishEnrollments}), else by looking each school up and comparing the
     * records. Either way the same groups; the kept indexes are let go.
     */
    Grouped<Enrollment> enrollmentsAtSchool() {
        IdTable<SchoolId, School> table = schools.get();
        int n = enrollments.size();
        boolean kept = enrollmentStudent.length >= n && enrollmentSchool.length >= n;
        long[] ranks = kept ? ranks(enrollmentStudent, students) : null;
        Grouped<Enrollment> atSchool = ranks != null
                ? Grouped.ofRanks(enrollments, table.size(), enrollmentSchool, ranks)
                : Grouped.of(enrollments, table.size(), e -> table.indexOf(e.schoolId().value()),
                        GroupOrders.ENROLLMENTS_AT_SCHOOL);
        enrollmentSchool = new int[0];
        enrollmentStudent = new int[0];
        return atSchool;
    }

    /**
     * Per enrollment (in the list's order), a rank that orders as its entry date, then the id of the party at
     * {@code party} (an index into {@code ids}) in id order ({@link Ranks#ofIds}), packed from the entry date down:
     * equal dates and parties give equal ranks, so ties stay ties. Null when the two need more than 63 bits.
     */
    private <K extends Comparable<K>> long @Nullable [] ranks(int[] party, IdTable<K, ?> ids) {
        int n = enrollments.size();
        if (n == 0) {
            return new long[0];
        }
        long[] day = new long[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            day[i] = enrollments.get(i).entryDate().toEpochDay();
            min = Math.min(min, day[i]);
            max = Math.max(max, day[i]);
        }
        int idBits = Ranks.bits(ids.size());
        if (64 - Long.numberOfLeadingZeros(max - min) + idBits > 63) {
            return null;
        }
        int[] idRank = Ranks.ofIds(ids);
        for (int i = 0; i < n; i++) {
            day[i] = ((day[i] - min) << idBits) | idRank[party[i]];
        }
        return day;
    }

    /** The enrollments grouped by student, built on first use. */
    Grouped<Enrollment> enrollmentIndex() {
        Grouped<Enrollment> g = enrollmentsByStudent;
        if (g == null) {
            finishEnrollments();
            g = enrollmentsByStudent;
        }
        return g;
    }

    /**
     * The enrollment of the student at {@code st} at school {@code sc} that holds epoch day {@code day} (entry day to
     * exit day, both inclusive, as {@link #enrolledBetween} counts them), as a position for {@link #entryDay} and
     * {@link #exitDay}; -1 when there is none.
     */
    int enrollmentOn(int st, int sc, int day) {
        Grouped<Enrollment> g = enrollmentIndex();
        for (int i = g.start(st), end = g.end(st); i < end; i++) {
            if (enrSchool[i] == sc && enrFrom[i] <= day && enrTo[i] >= day) {
                return i;
            }
        }
        return -1;
    }

    /** The entry epoch day of the enrollment at {@code position} ({@link #enrollmentOn}). */
    int entryDay(int position) {
        return enrFrom[position];
    }

    /** The exit epoch day of the enrollment at {@code position} ({@link #enrollmentOn}); the largest int when open. */
    int exitDay(int position) {
        return enrTo[position];
    }

    /** Whether the student at {@code st} was enrolled at school {@code sc} on an epoch day in [from, to] (inclusive). */
    boolean enrolledBetween(int st, int sc, int from, int to) {
        Grouped<Enrollment> g = enrollmentIndex();
        for (int i = g.start(st), end = g.end(st); i < end; i++) {
            if (enrSchool[i] == sc && enrFrom[i] <= to && enrTo[i] >= from) {
                return true;
            }
        }
        return false;
    }
}
