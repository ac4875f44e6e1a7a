package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceSnapshot;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.EnrollmentFigures;
import org.jspecify.annotations.Nullable;

/**
 * The state of an {@code AttendanceAccumulator}: per school ({@link AccumulatorSchool}) a bitmap of the year's
 * instructional days with a prefix count rebuilt lazily after a change, the school type and the students with an
 * enrollment there that overlaps the year; per student ({@link AccumulatorStudent}) the enrollments keyed by (school,
 * entry date) and, per school, the attendance records keyed by day of the year ({@link DayRecords}), each record
 * reduced to its category and the share of the day absent under the definition. Every event is one or two hash-table
 * updates (and drops the cached aggregate of the school it concerns). Figures are computed on reading with the batch
 * engine's rules ({@link ColumnarChronicAbsence#figures}, {@link ChronicAbsenceDefinition#classify},
 * {@link Aggregator}). Mutable, single writer, not thread-safe (reading uses scratch buffers and fills caches).
 */
public final class AccumulatorState {
    private static final int CATEGORIES = AttendanceCategory.values().length;

    private final SchoolYear year;
    private final ChronicAbsenceDefinition definition;
    private final int firstEpoch;
    private final int lastEpoch;
    private final Map<SchoolId, AccumulatorSchool> schools = new HashMap<>();
    private final Map<StudentId, AccumulatorStudent> students = new HashMap<>();
    private int currentEpoch = Integer.MIN_VALUE;

    /** An empty state for {@code year} under {@code definition}. */
    public AccumulatorState(SchoolYear year, ChronicAbsenceDefinition definition) {
        this.year = Objects.requireNonNull(year, "year");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.firstEpoch = (int) year.firstDay().toEpochDay();
        this.lastEpoch = (int) year.lastDay().toEpochDay();
    }

    /** The school year. */
    public SchoolYear year() {
        return year;
    }

    /** The definition. */
    public ChronicAbsenceDefinition definition() {
        return definition;
    }

    private AccumulatorSchool school(SchoolId id) {
        return schools.computeIfAbsent(id, k -> new AccumulatorSchool(firstEpoch, lastEpoch));
    }

    private boolean inYear(int epoch) {
        return epoch >= firstEpoch && epoch <= lastEpoch;
    }

    // ---- events ----

    /** Declares the school's type (REGULAR until declared). */
    public void schoolType(SchoolId school, SchoolType type) {
        Objects.requireNonNull(type, "type");
        AccumulatorSchool s = school(Objects.requireNonNull(school, "school"));
        s.type = type;
        s.cached = null;
    }

    /** Adds ({@code instructional}) or removes an instructional day of the school's calendar; days outside the year are ignored. */
    public void calendarDay(SchoolId school, LocalDate day, boolean instructional) {
        Objects.requireNonNull(school, "school");
        int e = (int) Objects.requireNonNull(day, "day").toEpochDay();
        if (!inYear(e)) {
            return;
        }
        AccumulatorSchool s = school(school);
        if (s.days.get(e - firstEpoch) != instructional) {
            s.days.set(e - firstEpoch, instructional);
            s.prefix = null;
            s.cached = null;
        }
    }

    /** Adds the enrollment, or replaces the one of the same student, school and entry date. */
    public void enroll(Enrollment enrollment) {
        Objects.requireNonNull(enrollment, "enrollment");
        AccumulatorStudent st = students.computeIfAbsent(enrollment.studentId(), k -> new AccumulatorStudent());
        Enrollment old = st.enrollments.put(new AccumulatorStudent.EnrollmentKey(enrollment.schoolId(), enrollment.entryDate()), enrollment);
        AccumulatorSchool school = school(enrollment.schoolId());
        school.cached = null;
        index(enrollment.studentId(), school, old != null && overlapsYear(old), overlapsYear(enrollment));
    }

    private boolean overlapsYear(Enrollment e) {
        return e.entryDate().toEpochDay() <= lastEpoch && e.exitWithdrawDate().map(x -> x.toEpochDay() >= firstEpoch).orElse(true);
    }

    /** Keeps the school's index of students with an enrollment overlapping the year. */
    private static void index(StudentId student, AccumulatorSchool school, boolean before, boolean after) {
        if (after && !before) {
            school.enrolled.merge(student, 1, Integer::sum);
        } else if (before && !after) {
            school.enrolled.computeIfPresent(student, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The enrollment of this student at this school with this entry date, if known. */
    public Optional<Enrollment> enrollment(StudentId student, SchoolId school, LocalDate entryDate) {
        AccumulatorStudent st = students.get(student);
        return st == null ? Optional.empty() : Optional.ofNullable(st.enrollments.get(new AccumulatorStudent.EnrollmentKey(school, entryDate)));
    }

    /** Removes the enrollment; returns whether it existed. */
    public boolean unenroll(StudentId student, SchoolId school, LocalDate entryDate) {
        AccumulatorStudent st = students.get(student);
        Enrollment old = st == null ? null : st.enrollments.remove(new AccumulatorStudent.EnrollmentKey(school, entryDate));
        if (old == null) {
            return false;
        }
        AccumulatorSchool s = schools.get(school);
        s.cached = null;
        index(student, s, overlapsYear(old), false);
        return true;
    }

    /** Sets (adds or replaces) the record of the student at the school on {@code day}; days outside the year are ignored. */
    public void record(StudentId student, SchoolId school, LocalDate day, AttendanceCategory category, int durationTenThousandths) {
        int e = (int) day.toEpochDay();
        if (!inYear(e)) {
            return;
        }
        int share = definition.absentShare(category, durationTenThousandths);
        students.computeIfAbsent(student, k -> new AccumulatorStudent()).recordsForUpdate(school).put(e - firstEpoch, category.ordinal(), share);
        invalidate(school);
        advanceTo(e);
    }

    /** Removes the record of the student at the school on {@code day}; returns whether it existed. */
    public boolean removeRecord(StudentId student, SchoolId school, LocalDate day) {
        AccumulatorStudent st = students.get(student);
        if (st == null) {
            return false;
        }
        DayRecords r = st.records(school);
        int e = (int) day.toEpochDay();
        if (r != null && inYear(e) && r.remove(e - firstEpoch)) {
            invalidate(school);
            return true;
        }
        return false;
    }

    private void invalidate(SchoolId school) {
        AccumulatorSchool s = schools.get(school);
        if (s != null) {
            s.cached = null;
        }
    }

    /** Moves the current date forward to {@code epochDay} (never back). */
    public void advanceTo(int epochDay) {
        currentEpoch = Math.max(currentEpoch, epochDay);
    }

    /** The current date: the latest attendance day or declared date, if any. */
    public Optional<LocalDate> currentDate() {
        return currentEpoch == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(currentEpoch));
    }

    // ---- merge ----

    /** A deep copy. */
    public AccumulatorState copy() {
        AccumulatorState c = new AccumulatorState(year, definition);
        c.mergeFrom(this);
        return c;
    }

    /** Checks that {@code other} can be merged in: same year and definition, disjoint students, agreeing school types. */
    public void checkMergeable(AccumulatorState other) {
        if (!other.year.equals(year) || !other.definition.equals(definition)) {
            throw new IllegalArgumentException("accumulators merge only for the same school year and definition: "
                    + year + " " + definition.name() + " and " + other.year + " " + other.definition.name());
        }
        for (StudentId s : other.students.keySet()) {
            if (students.containsKey(s)) {
                throw new IllegalArgumentException("accumulators merge only over disjoint students (shard by student); both hold " + s);
            }
        }
        other.schools.forEach((id, o) -> {
            AccumulatorSchool mine = schools.get(id);
            if (mine != null && mine.type != null && o.type != null && mine.type != o.type) {
                throw new IllegalArgumentException("school " + id + " has type " + mine.type + " in one accumulator and " + o.type + " in the other");
            }
        });
    }

    /** Adds everything of {@code other} (checked with {@link #checkMergeable}); {@code other} is not changed. */
    public void mergeFrom(AccumulatorState other) {
        checkMergeable(other);
        other.schools.forEach((id, o) -> {
            AccumulatorSchool mine = school(id);
            if (o.type != null) {
                mine.type = o.type;
            }
            BitSet before = (BitSet) mine.days.clone();
            mine.days.or(o.days);
            if (!before.equals(mine.days)) {
                mine.prefix = null;
            }
            o.enrolled.forEach((s, n) -> mine.enrolled.merge(s, n, Integer::sum));
        });
        other.students.forEach((id, s) -> students.put(id, s.copy()));
        schools.values().forEach(s -> s.cached = null);
        currentEpoch = Math.max(currentEpoch, other.currentEpoch);
    }

    // ---- reading ----

    private SchoolType typeOf(SchoolId school) {
        AccumulatorSchool s = schools.get(school);
        return s == null || s.type == null ? SchoolType.REGULAR : s.type;
    }

    // ---- the slots of one student: reusable buffers (reading is single-threaded like writing) ----

    private Enrollment[] slotEnrollment = new Enrollment[8];
    private int[] slotFirst = new int[8];
    private int[] slotLast = new int[8];
    private int[] slotDays = new int[8];
    private long[] slotAbsent = new long[8 * CATEGORIES];
    private EnrolledDays.Calendar[] slotCalendar = new EnrolledDays.Calendar[8];
    private int[] slotIndex = new int[8];

    // ---- the stays of one student (its slots at one school combined), filled by stays() ----

    private SchoolId[] staySchool = new SchoolId[8];
    private LocalDate[] stayEntry = new LocalDate[8];
    private GradeLevel[] stayGrade = new GradeLevel[8];
    private int[] stayFirst = new int[8];
    private int[] stayLast = new int[8];
    private int[] stayDays = new int[8];
    private long[] stayAbsent = new long[8 * CATEGORIES];

    /**
     * Fills the buffers with the student's enrollments counted up to {@code last} (epoch day), only those at
     * {@code only} when given, sorted by entry date then school as the batch engine sorts them, and adds each record
     * to the first enrollment at its school that contains its day when that day is instructional (the batch rule).
     * Returns the number of slots.
     */
    private int slots(AccumulatorStudent st, @Nullable SchoolId only, int last) {
        int n = 0;
        for (Enrollment e : st.enrollments.values()) {
            if (only != null && !e.schoolId().equals(only)) {
                continue;
            }
            if (!definition.considers(e.entryGrade(), typeOf(e.schoolId()))) {
                continue;
            }
            int s = Math.max((int) e.entryDate().toEpochDay(), firstEpoch);
            int end = e.exitWithdrawDate().isPresent() ? (int) Math.min(e.exitWithdrawDate().get().toEpochDay(), last) : last;
            if (end < s) {
                continue;
            }
            int[] p = schools.get(e.schoolId()).prefix();
            int days = p[end - firstEpoch + 1] - p[s - firstEpoch];
            if (days == 0) {
                continue;
            }
            if (n == slotDays.length) {
                slotEnrollment = java.util.Arrays.copyOf(slotEnrollment, n * 2);
                slotFirst = java.util.Arrays.copyOf(slotFirst, n * 2);
                slotLast = java.util.Arrays.copyOf(slotLast, n * 2);
                slotDays = java.util.Arrays.copyOf(slotDays, n * 2);
                slotCalendar = java.util.Arrays.copyOf(slotCalendar, n * 2);
                slotAbsent = new long[n * 2 * CATEGORIES];
            }
            int i = n++;
            while (i > 0 && after(slotEnrollment[i - 1], e)) {
                slotEnrollment[i] = slotEnrollment[i - 1];
                slotFirst[i] = slotFirst[i - 1];
                slotLast[i] = slotLast[i - 1];
                slotDays[i] = slotDays[i - 1];
                slotCalendar[i] = slotCalendar[i - 1];
                i--;
            }
            slotEnrollment[i] = e;
            slotFirst[i] = s;
            slotLast[i] = end;
            slotDays[i] = days;
            slotCalendar[i] = schools.get(e.schoolId());
        }
        java.util.Arrays.fill(slotAbsent, 0, n * CATEGORIES, 0L);
        if (n == 0) {
            return 0;
        }
        int count = n;
        for (int r = 0; r < st.recordCount; r++) {
            SchoolId school = st.recordSchools[r];
            if (only != null && !school.equals(only)) {
                continue;
            }
            AccumulatorSchool ss = schools.get(school);
            if (ss == null) {
                continue;
            }
            BitSet calendar = ss.days;
            st.records[r].forEach((day, category, units) -> {
                int epoch = day + firstEpoch;
                for (int i = 0; i < count; i++) {
                    if (epoch >= slotFirst[i] && epoch <= slotLast[i] && slotEnrollment[i].schoolId().equals(school)) {
                        if (calendar.get(day)) {
                            slotAbsent[i * CATEGORIES + category] += units;
                        }
                        return;
                    }
                }
            });
        }
        return n;
    }

    /**
     * Combines the {@code n} slots of the buffers into the student's stays, one per school (in the order of the
     * schools' first slots), each counting its enrolled days once ({@link EnrolledDays}); returns their number.
     */
    private int stays(int n) {
        if (staySchool.length < n) {
            staySchool = new SchoolId[n];
            stayEntry = new LocalDate[n];
            stayGrade = new GradeLevel[n];
            stayFirst = new int[n];
            stayLast = new int[n];
            stayDays = new int[n];
            stayAbsent = new long[n * CATEGORIES];
        }
        if (slotIndex.length < n) {
            slotIndex = new int[slotEnrollment.length];
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            SchoolId school = slotEnrollment[i].schoolId();
            boolean seen = false;
            for (int k = 0; k < count && !seen; k++) {
                seen = staySchool[k].equals(school);
            }
            if (seen) {
                continue;
            }
            int m = 0;
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            java.util.Arrays.fill(stayAbsent, count * CATEGORIES, (count + 1) * CATEGORIES, 0L);
            for (int j = i; j < n; j++) {
                if (slotEnrollment[j].schoolId().equals(school)) {
                    slotIndex[m++] = j;
                    first = Math.min(first, slotFirst[j]);
                    last = Math.max(last, slotLast[j]);
                    for (int c = 0; c < CATEGORIES; c++) {
                        stayAbsent[count * CATEGORIES + c] += slotAbsent[j * CATEGORIES + c];
                    }
                    stayGrade[count] = slotEnrollment[j].entryGrade(); // sorted by entry date: the latest one's
                }
            }
            staySchool[count] = school;
            stayEntry[count] = slotEnrollment[i].entryDate();
            stayFirst[count] = first;
            stayLast[count] = last;
            stayDays[count] = EnrolledDays.union(m, slotIndex, slotFirst, slotLast, slotDays, slotCalendar);
            count++;
        }
        return count;
    }

    /** The days of the student-year of the {@code n} slots of the buffers, each day once ({@link EnrolledDays}). */
    private int pooledDays(int n) {
        if (slotIndex.length < n) {
            slotIndex = new int[slotEnrollment.length];
        }
        for (int i = 0; i < n; i++) {
            slotIndex[i] = i;
        }
        return EnrolledDays.union(n, slotIndex, slotFirst, slotLast, slotDays, slotCalendar);
    }

    private long stayAbsentTotal(int stay) {
        long t = 0;
        for (int c = 0; c < CATEGORIES; c++) {
            t += stayAbsent[stay * CATEGORIES + c];
        }
        return t;
    }

    private static boolean after(Enrollment a, Enrollment b) {
        int c = a.entryDate().compareTo(b.entryDate());
        return c > 0 || c == 0 && a.schoolId().compareTo(b.schoolId()) > 0;
    }

    private long absentTotal(int slot) {
        long t = 0;
        for (int c = 0; c < CATEGORIES; c++) {
            t += slotAbsent[slot * CATEGORIES + c];
        }
        return t;
    }

    private int lastDay(LocalDate asOf) {
        return (int) Math.min(Objects.requireNonNull(asOf, "asOf").toEpochDay(), lastEpoch);
    }

    /**
     * The student-enrollments at {@code school} as of {@code asOf}, aggregated: O(records and enrollments of the
     * school's students), or O(1) when nothing at the school changed since it was last read as of the same date.
     */
    public AttendanceAggregate school(SchoolId school, LocalDate asOf) {
        int last = lastDay(asOf);
        Aggregator a = new Aggregator();
        AccumulatorSchool s = schools.get(school);
        if (s == null || last < firstEpoch) {
            return a.result();
        }
        AttendanceAggregate cached = s.cached;
        if (cached != null && s.cachedLast == last) {
            return cached;
        }
        for (StudentId student : s.enrolled.keySet()) {
            int n = stays(slots(students.get(student), school, last));
            for (int i = 0; i < n; i++) {
                long total = stayAbsentTotal(i);
                a.add(stayDays[i], total, definition.classify(stayDays[i], total));
            }
        }
        s.cached = a.result();
        s.cachedLast = last;
        return s.cached;
    }

    /** The student-enrollments at any of {@code group}'s schools as of {@code asOf}, aggregated. */
    public AttendanceAggregate schools(Collection<SchoolId> group, LocalDate asOf) {
        int last = lastDay(asOf);
        Aggregator a = new Aggregator();
        java.util.Set<SchoolId> set = new java.util.HashSet<>(group);
        java.util.Set<StudentId> seen = new java.util.HashSet<>();
        if (last < firstEpoch) {
            return a.result();
        }
        for (SchoolId id : set) {
            AccumulatorSchool s = schools.get(id);
            if (s == null) {
                continue;
            }
            for (StudentId student : s.enrolled.keySet()) {
                if (!seen.add(student)) {
                    continue;
                }
                int n = stays(slots(students.get(student), null, last));
                for (int i = 0; i < n; i++) {
                    if (set.contains(staySchool[i])) {
                        long total = stayAbsentTotal(i);
                        a.add(stayDays[i], total, definition.classify(stayDays[i], total));
                    }
                }
            }
        }
        return a.result();
    }

    /**
     * The students of {@code group} as of {@code asOf}, aggregated as the district is (pooled student-years or
     * student-enrollments, by the definition's aggregation).
     */
    public AttendanceAggregate students(Collection<StudentId> group, LocalDate asOf) {
        return students(new java.util.HashSet<>(group), asOf, definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED);
    }

    /** Every student as of {@code asOf}: pooled student-years ({@code pooled}) or student-enrollments. */
    public AttendanceAggregate district(LocalDate asOf, boolean pooled) {
        return students(students.keySet(), asOf, pooled);
    }

    private AttendanceAggregate students(Collection<StudentId> group, LocalDate asOf, boolean pooled) {
        int last = lastDay(asOf);
        Aggregator a = new Aggregator();
        if (last < firstEpoch) {
            return a.result();
        }
        for (StudentId id : group) {
            AccumulatorStudent st = students.get(id);
            int n = st == null ? 0 : slots(st, null, last);
            if (n == 0) {
                continue;
            }
            if (pooled) {
                int days = pooledDays(n);
                long absent = 0;
                for (int i = 0; i < n; i++) {
                    absent += absentTotal(i);
                }
                a.add(days, absent, definition.classify(days, absent));
            } else {
                int stays = stays(n);
                for (int i = 0; i < stays; i++) {
                    long total = stayAbsentTotal(i);
                    a.add(stayDays[i], total, definition.classify(stayDays[i], total));
                }
            }
        }
        return a.result();
    }

    /** Everything as of {@code asOf}: O(all enrollments and records). */
    public AttendanceSnapshot snapshot(LocalDate asOf) {
        int last = lastDay(asOf);
        List<EnrollmentFigures> enrollments = new ArrayList<>();
        Map<StudentId, AttendanceFigures> pooled = new TreeMap<>();
        Map<StudentId, GradeLevel> grades = new TreeMap<>();
        if (last >= firstEpoch) {
            students.forEach((id, st) -> {
                int n = slots(st, null, last);
                if (n == 0) {
                    return;
                }
                long[] sum = new long[CATEGORIES];
                LocalDate latestEntry = LocalDate.MIN;
                GradeLevel grade = slotEnrollment[0].entryGrade();
                for (int j = 0; j < n; j++) {
                    Enrollment e = slotEnrollment[j];
                    for (int c = 0; c < CATEGORIES; c++) {
                        sum[c] += slotAbsent[j * CATEGORIES + c];
                    }
                    if (!e.entryDate().isBefore(latestEntry)) {
                        latestEntry = e.entryDate();
                        grade = e.entryGrade();
                    }
                }
                int days = pooledDays(n);
                int stays = stays(n);
                for (int j = 0; j < stays; j++) {
                    enrollments.add(new EnrollmentFigures(id, staySchool[j], stayEntry[j], stayGrade[j],
                            DateRange.closed(LocalDate.ofEpochDay(stayFirst[j]), LocalDate.ofEpochDay(stayLast[j])),
                            ColumnarChronicAbsence.figures(definition, stayDays[j], stayAbsentTotal(j), stayAbsent, j * CATEGORIES)));
                }
                long total = 0;
                for (long u : sum) {
                    total += u;
                }
                pooled.put(id, ColumnarChronicAbsence.figures(definition, days, total, sum, 0));
                grades.put(id, grade);
            });
        }
        enrollments.sort(Comparator.comparing(EnrollmentFigures::studentId).thenComparing(EnrollmentFigures::entryDate)
                .thenComparing(EnrollmentFigures::schoolId));
        Map<SchoolId, Integer> daysInSession = new TreeMap<>();
        schools.forEach((id, s) -> {
            if (!s.days.isEmpty()) {
                daysInSession.put(id, last < firstEpoch ? 0 : s.prefix()[last - firstEpoch + 1]);
            }
        });
        return new AttendanceSnapshot(definition, year, asOf, enrollments, pooled, grades, daysInSession);
    }
}
