package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The state of an {@code AttendanceAccumulator}: per school a bitmap of the year's instructional days with a prefix
 * count rebuilt lazily after a change, the school type and the students enrolled there; per student the
 * enrollments keyed by (school, entry date) and the attendance records keyed by (school, day), each record reduced
 * to its category and the share of the day absent under the definition. Every event is one or two hash-map
 * updates. Figures are computed on reading with the batch engine's rules ({@link ChronicAbsenceEngine#figures},
 * {@link ChronicAbsenceDefinition#classify}, {@link Aggregator}). Mutable, single writer, not thread-safe.
 */
public final class AccumulatorState {
    private static final int CATEGORIES = AttendanceCategory.values().length;

    private final SchoolYear year;
    private final ChronicAbsenceDefinition definition;
    private final int firstEpoch;
    private final int lastEpoch;
    private final Map<SchoolId, SchoolState> schools = new HashMap<>();
    private final Map<StudentId, StudentState> students = new HashMap<>();
    private int currentEpoch = Integer.MIN_VALUE;

    private static final class SchoolState {
        @Nullable SchoolType type;
        final BitSet days;
        int @Nullable [] prefix;
        /** Students with at least one enrollment at the school, with their number of enrollments there. */
        final Map<StudentId, Integer> enrolled = new HashMap<>();

        SchoolState(BitSet days) {
            this.days = days;
        }
    }

    private record EnrollmentKey(SchoolId school, LocalDate entryDate) {}

    private static final class StudentState {
        final Map<EnrollmentKey, Enrollment> enrollments = new LinkedHashMap<>(4);
        /** By school: epoch day to (category ordinal << 16 | absent ten-thousandths). */
        final Map<SchoolId, HashMap<Integer, Integer>> records = new HashMap<>(4);

        StudentState copy() {
            StudentState s = new StudentState();
            s.enrollments.putAll(enrollments);
            records.forEach((k, v) -> s.records.put(k, new HashMap<>(v)));
            return s;
        }
    }

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

    private SchoolState school(SchoolId id) {
        return schools.computeIfAbsent(id, k -> new SchoolState(new BitSet(lastEpoch - firstEpoch + 1)));
    }

    private boolean inYear(int epoch) {
        return epoch >= firstEpoch && epoch <= lastEpoch;
    }

    // ---- events ----

    /** Declares the school's type (REGULAR until declared). */
    public void schoolType(SchoolId school, SchoolType type) {
        Objects.requireNonNull(type, "type");
        school(Objects.requireNonNull(school, "school")).type = type;
    }

    /** Adds ({@code instructional}) or removes an instructional day of the school's calendar; days outside the year are ignored. */
    public void calendarDay(SchoolId school, LocalDate day, boolean instructional) {
        Objects.requireNonNull(school, "school");
        int e = (int) Objects.requireNonNull(day, "day").toEpochDay();
        if (!inYear(e)) {
            return;
        }
        SchoolState s = school(school);
        if (s.days.get(e - firstEpoch) != instructional) {
            s.days.set(e - firstEpoch, instructional);
            s.prefix = null;
        }
    }

    /** Adds the enrollment, or replaces the one of the same student, school and entry date. */
    public void enroll(Enrollment enrollment) {
        Objects.requireNonNull(enrollment, "enrollment");
        StudentState st = students.computeIfAbsent(enrollment.studentId(), k -> new StudentState());
        if (st.enrollments.put(new EnrollmentKey(enrollment.schoolId(), enrollment.entryDate()), enrollment) == null) {
            school(enrollment.schoolId()).enrolled.merge(enrollment.studentId(), 1, Integer::sum);
        }
    }

    /** The enrollment of this student at this school with this entry date, if known. */
    public Optional<Enrollment> enrollment(StudentId student, SchoolId school, LocalDate entryDate) {
        StudentState st = students.get(student);
        return st == null ? Optional.empty() : Optional.ofNullable(st.enrollments.get(new EnrollmentKey(school, entryDate)));
    }

    /** Removes the enrollment; returns whether it existed. */
    public boolean unenroll(StudentId student, SchoolId school, LocalDate entryDate) {
        StudentState st = students.get(student);
        if (st == null || st.enrollments.remove(new EnrollmentKey(school, entryDate)) == null) {
            return false;
        }
        schools.get(school).enrolled.computeIfPresent(student, (k, n) -> n == 1 ? null : n - 1);
        return true;
    }

    /** Sets (adds or replaces) the record of the student at the school on {@code day}; days outside the year are ignored. */
    public void record(StudentId student, SchoolId school, LocalDate day, AttendanceCategory category, int durationTenThousandths) {
        int e = (int) day.toEpochDay();
        if (!inYear(e)) {
            return;
        }
        int share = definition.absentShare(category, durationTenThousandths);
        students.computeIfAbsent(student, k -> new StudentState()).records
                .computeIfAbsent(school, k -> new HashMap<>()).put(e, category.ordinal() << 16 | share);
        school(school);
        advanceTo(e);
    }

    /** Removes the record of the student at the school on {@code day}; returns whether it existed. */
    public boolean removeRecord(StudentId student, SchoolId school, LocalDate day) {
        StudentState st = students.get(student);
        if (st == null) {
            return false;
        }
        Map<Integer, Integer> m = st.records.get(school);
        return m != null && m.remove((int) day.toEpochDay()) != null;
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
        if (!other.year.equals(year) || other.definition != definition) {
            throw new IllegalArgumentException("accumulators merge only for the same school year and definition: "
                    + year + " " + definition.name() + " and " + other.year + " " + other.definition.name());
        }
        for (StudentId s : other.students.keySet()) {
            if (students.containsKey(s)) {
                throw new IllegalArgumentException("accumulators merge only over disjoint students (shard by student); both hold " + s);
            }
        }
        other.schools.forEach((id, o) -> {
            SchoolState mine = schools.get(id);
            if (mine != null && mine.type != null && o.type != null && mine.type != o.type) {
                throw new IllegalArgumentException("school " + id + " has type " + mine.type + " in one accumulator and " + o.type + " in the other");
            }
        });
    }

    /** Adds everything of {@code other} (checked with {@link #checkMergeable}); {@code other} is not changed. */
    public void mergeFrom(AccumulatorState other) {
        checkMergeable(other);
        other.schools.forEach((id, o) -> {
            SchoolState mine = school(id);
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
        currentEpoch = Math.max(currentEpoch, other.currentEpoch);
    }

    // ---- reading ----

    private int[] prefix(SchoolState s) {
        int[] p = s.prefix;
        if (p == null) {
            p = new int[lastEpoch - firstEpoch + 2];
            for (int i = 0; i < p.length - 1; i++) {
                p[i + 1] = p[i] + (s.days.get(i) ? 1 : 0);
            }
            s.prefix = p;
        }
        return p;
    }

    private SchoolType typeOf(SchoolId school) {
        SchoolState s = schools.get(school);
        return s == null || s.type == null ? SchoolType.REGULAR : s.type;
    }

    /** One student-enrollment counted as of a date: what the batch engine calls a slot. */
    private record Slot(Enrollment enrollment, int first, int last, int days) {}

    /** A student's enrollments and pooled year as of {@code asOf}; empty when the student has no enrolled day. */
    private record StudentResult(StudentId student, List<EnrollmentFigures> enrollments, AttendanceFigures pooled, GradeLevel grade) {}

    private @Nullable StudentResult student(StudentId id, StudentState st, int asOf) {
        int last = Math.min(asOf, lastEpoch);
        if (last < firstEpoch) {
            return null;
        }
        List<Slot> slots = new ArrayList<>(st.enrollments.size());
        for (Enrollment e : st.enrollments.values()) {
            if (!definition.considers(e.entryGrade(), typeOf(e.schoolId()))) {
                continue;
            }
            int s = Math.max((int) e.entryDate().toEpochDay(), firstEpoch);
            int end = e.exitWithdrawDate().map(x -> (int) Math.min(x.toEpochDay(), last)).orElse(last);
            if (end < s) {
                continue;
            }
            SchoolState school = schools.get(e.schoolId());
            int[] p = prefix(school);
            int days = p[end - firstEpoch + 1] - p[s - firstEpoch];
            if (days > 0) {
                slots.add(new Slot(e, s, end, days));
            }
        }
        if (slots.isEmpty()) {
            return null;
        }
        slots.sort(Comparator.comparing((Slot x) -> x.enrollment().entryDate()).thenComparing(x -> x.enrollment().schoolId()));
        long[] absent = new long[slots.size() * CATEGORIES];
        int n = slots.size();
        st.records.forEach((school, days) -> {
            BitSet calendar = schools.get(school).days;
            days.forEach((day, packed) -> {
                for (int i = 0; i < n; i++) {
                    Slot slot = slots.get(i);
                    if (day >= slot.first() && day <= slot.last() && slot.enrollment().schoolId().equals(school)) {
                        if (calendar.get(day - firstEpoch)) {
                            absent[i * CATEGORIES + (packed >>> 16)] += packed & 0xFFFF;
                        }
                        return;
                    }
                }
            });
        });
        List<EnrollmentFigures> out = new ArrayList<>(n);
        long[] pooled = new long[CATEGORIES];
        int pooledDays = 0;
        LocalDate latestEntry = LocalDate.MIN;
        GradeLevel grade = slots.get(0).enrollment().entryGrade();
        for (int j = 0; j < n; j++) {
            Slot slot = slots.get(j);
            Enrollment e = slot.enrollment();
            long total = 0;
            for (int c = 0; c < CATEGORIES; c++) {
                long u = absent[j * CATEGORIES + c];
                total += u;
                pooled[c] += u;
            }
            pooledDays += slot.days();
            if (!e.entryDate().isBefore(latestEntry)) {
                latestEntry = e.entryDate();
                grade = e.entryGrade();
            }
            out.add(new EnrollmentFigures(id, e.schoolId(), e.entryDate(), e.entryGrade(),
                    DateRange.closed(LocalDate.ofEpochDay(slot.first()), LocalDate.ofEpochDay(slot.last())),
                    ChronicAbsenceEngine.figures(definition, slot.days(), total, absent, j * CATEGORIES)));
        }
        long total = 0;
        for (long u : pooled) {
            total += u;
        }
        return new StudentResult(id, out, ChronicAbsenceEngine.figures(definition, pooledDays, total, pooled, 0), grade);
    }

    private int epoch(LocalDate asOf) {
        return (int) Objects.requireNonNull(asOf, "asOf").toEpochDay();
    }

    /** The student-enrollments at {@code school} as of {@code asOf}, aggregated: O(records and enrollments of the school's students). */
    public AttendanceAggregate school(SchoolId school, LocalDate asOf) {
        return schools(List.of(school), asOf);
    }

    /** The student-enrollments at any of {@code group}'s schools as of {@code asOf}, aggregated. */
    public AttendanceAggregate schools(Collection<SchoolId> group, LocalDate asOf) {
        int e = epoch(asOf);
        Aggregator a = new Aggregator();
        java.util.Set<SchoolId> set = new java.util.HashSet<>(group);
        java.util.Set<StudentId> seen = new java.util.HashSet<>();
        for (SchoolId id : set) {
            SchoolState s = schools.get(id);
            if (s == null) {
                continue;
            }
            for (StudentId student : s.enrolled.keySet()) {
                if (!seen.add(student)) {
                    continue;
                }
                StudentResult r = student(student, students.get(student), e);
                if (r != null) {
                    for (EnrollmentFigures f : r.enrollments()) {
                        if (set.contains(f.schoolId())) {
                            a.add(f.figures());
                        }
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
        int e = epoch(asOf);
        Aggregator a = new Aggregator();
        for (StudentId id : new java.util.HashSet<>(group)) {
            StudentState st = students.get(id);
            StudentResult r = st == null ? null : student(id, st, e);
            if (r != null) {
                add(a, r);
            }
        }
        return a.result();
    }

    private void add(Aggregator a, StudentResult r) {
        if (definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED) {
            a.add(r.pooled());
        } else {
            for (EnrollmentFigures f : r.enrollments()) {
                a.add(f.figures());
            }
        }
    }

    /** Everything as of {@code asOf}: O(all enrollments and records). */
    public AttendanceSnapshot snapshot(LocalDate asOf) {
        int e = epoch(asOf);
        List<EnrollmentFigures> enrollments = new ArrayList<>();
        Map<StudentId, AttendanceFigures> pooled = new TreeMap<>();
        Map<StudentId, GradeLevel> grades = new TreeMap<>();
        students.forEach((id, st) -> {
            StudentResult r = student(id, st, e);
            if (r != null) {
                enrollments.addAll(r.enrollments());
                pooled.put(id, r.pooled());
                grades.put(id, r.grade());
            }
        });
        enrollments.sort(Comparator.comparing(EnrollmentFigures::studentId).thenComparing(EnrollmentFigures::entryDate)
                .thenComparing(EnrollmentFigures::schoolId));
        Map<SchoolId, Integer> daysInSession = new TreeMap<>();
        int last = Math.min(e, lastEpoch);
        schools.forEach((id, s) -> {
            if (!s.days.isEmpty()) {
                daysInSession.put(id, last < firstEpoch ? 0 : prefix(s)[last - firstEpoch + 1]);
            }
        });
        return new AttendanceSnapshot(definition, year, asOf, enrollments, pooled, grades, daysInSession);
    }
}
