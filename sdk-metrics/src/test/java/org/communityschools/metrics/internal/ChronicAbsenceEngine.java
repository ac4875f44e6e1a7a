package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.ChronicAbsenceStatus;
import org.communityschools.metrics.EnrollmentAttendance;
import org.communityschools.metrics.SchoolAttendance;
import org.communityschools.metrics.StudentAttendance;
import org.communityschools.metrics.Subgroup;
import org.jspecify.annotations.Nullable;

/**
 * The batch chronic-absence calculation as it was before the columnar path (the oracle of
 * {@link ColumnarChronicAbsenceOracleTest} and of the earlier engine tests): one pass over the enrollments to size each student-enrollment, one pass
 * over the attendance records to add up absent time, then classification and aggregation; the last two by
 * contiguous ranges of students on several threads when the district is large enough. Stateless, thread-safe.
 */
public final class ChronicAbsenceEngine {
    private static final int CATEGORIES = AttendanceCategory.values().length;

    private ChronicAbsenceEngine() {}

    /** By student, then entry date, then school. */
    private static final Comparator<Slot> SLOT_ORDER = (x, y) -> {
        Enrollment a = x.enrollment();
        Enrollment b = y.enrollment();
        int c = a.studentId() == b.studentId() ? 0 : a.studentId().compareTo(b.studentId());
        if (c == 0) {
            c = a.entryDate().compareTo(b.entryDate());
            if (c == 0) {
                c = a.schoolId().compareTo(b.schoolId());
            }
        }
        return c;
    };

    private record Slot(Enrollment enrollment, LocalDate first, LocalDate last, int firstEpoch, int lastEpoch, int days, SchoolDays calendar) {}

    /**
     * One school's instructional days within the period calculated, read once from the source: a flag per day and a
     * prefix count, so that "is day d instructional" and "how many instructional days in [a, b]" take O(1); also
     * the school's community-school status. One per school and calculation; the status is asked before the ranges
     * are computed, after which it is only read (from several threads).
     */
    static final class SchoolDays implements EnrolledDays.Calendar {
        private final SchoolId school;
        /** The school's position among the calculation's schools (indexes the per-range school aggregates). */
        private final int index;
        private final int base;
        private final boolean[] instructional;
        private final int[] prefix; // prefix[i] = instructional days in [base, base + i)

        SchoolDays(AttendanceSource source, SchoolId school, int index, LocalDate first, LocalDate last) {
            this.school = school;
            this.index = index;
            base = (int) first.toEpochDay();
            int n = (int) (last.toEpochDay() - base) + 1;
            instructional = new boolean[n];
            prefix = new int[n + 1];
            LocalDate d = first;
            for (int i = 0; i < n; i++, d = d.plusDays(1)) {
                instructional[i] = source.isInstructionalDay(school, d);
                prefix[i + 1] = prefix[i] + (instructional[i] ? 1 : 0);
            }
        }

        /** Instructional days in [a, b] (epoch days within the period). */
        @Override
        public int count(int a, int b) {
            return prefix[b - base + 1] - prefix[a - base];
        }

        private @Nullable Boolean community;

        /** Whether the school was a community school in {@code year} (asked of the source once). */
        boolean community(AttendanceSource source, SchoolYear year) {
            Boolean c = community;
            if (c == null) {
                c = source.isCommunitySchool(school, year);
                community = c;
            }
            return c;
        }

        /** Whether epoch day {@code d} (within the period) is instructional. */
        @Override
        public boolean isInstructional(int d) {
            int i = d - base;
            return i >= 0 && i < instructional.length && instructional[i];
        }
    }

    /** Below this many student-enrollments per range the calculation stays on one thread (tasks would cost more). */
    public static final int MIN_SLOTS_PER_TASK = 8_192;

    /** The number of threads of a batch calculation: the available processors. */
    public static int parallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The report of {@code year} up to {@code asOf} (inclusive) under {@code definition}, on {@link #parallelism()} threads. */
    public static ChronicAbsenceReport calculate(AttendanceSource source, SchoolYear year,
                                                 ChronicAbsenceDefinition definition, LocalDate asOf) {
        return calculate(source, year, definition, asOf, parallelism(), MIN_SLOTS_PER_TASK);
    }

    /**
     * The report of {@code year} up to {@code asOf} (inclusive) under {@code definition}. After sizing and sorting
     * the student-enrollments (this thread), the students are split into at most {@code parallelism} contiguous
     * ranges of at least {@code minSlotsPerTask} student-enrollments; each range, on the common fork-join pool or
     * this thread, reads the attendance records keeping its own students', then classifies and aggregates them; the
     * ranges are merged in order: the report is equal, lists in the same order, whatever the parallelism (counts are
     * sums). One range when the source is not {@linkplain AttendanceSource#isThreadSafe() thread-safe}.
     */
    public static ChronicAbsenceReport calculate(AttendanceSource source, SchoolYear year, ChronicAbsenceDefinition definition,
                                                 LocalDate asOf, int parallelism, int minSlotsPerTask) {
        LocalDate first = year.firstDay();
        LocalDate last = asOf.isBefore(year.lastDay()) ? asOf : year.lastDay();
        List<Slot> slots = new ArrayList<>();
        Map<SchoolId, SchoolDays> calendars = new HashMap<>();
        if (!last.isBefore(first)) {
            for (Enrollment e : source.enrollments()) {
                if (!definition.considers(e.entryGrade(), source.schoolType(e.schoolId()))) {
                    continue;
                }
                LocalDate s = e.entryDate().isAfter(first) ? e.entryDate() : first;
                LocalDate end = e.exitWithdrawDate().filter(x -> x.isBefore(last)).orElse(last);
                if (end.isBefore(s)) {
                    continue;
                }
                SchoolDays calendar = calendars.computeIfAbsent(e.schoolId(), k -> new SchoolDays(source, k, calendars.size(), first, last));
                int firstEpoch = (int) s.toEpochDay();
                int lastEpoch = (int) end.toEpochDay();
                int days = calendar.count(firstEpoch, lastEpoch);
                if (days > 0) {
                    slots.add(new Slot(e, s, end, firstEpoch, lastEpoch, days, calendar));
                }
            }
        }
        slots.sort(SLOT_ORDER);
        Map<StudentId, int[]> byStudent = new HashMap<>();
        for (int i = 0; i < slots.size(); ) {
            StudentId student = slots.get(i).enrollment().studentId();
            int j = i + 1;
            while (j < slots.size() && slots.get(j).enrollment().studentId().equals(student)) {
                j++;
            }
            byStudent.put(student, new int[] {i, j});
            i = j;
        }
        // the absent share of a record by category: a constant, or -1 when the duration decides (no map lookup per row)
        int[] constantShare = new int[CATEGORIES];
        // and, for a category the duration decides, the share of every duration (0 to a whole day), asked of the definition
        int[][] shareByDuration = new int[CATEGORIES][];
        for (AttendanceCategory c : AttendanceCategory.values()) {
            boolean byDuration = definition.treatment(c) == ChronicAbsenceDefinition.CategoryTreatment.BY_DURATION;
            constantShare[c.ordinal()] = byDuration ? -1 : definition.absentShare(c, 0);
            if (byDuration) {
                int[] table = new int[DayShare.SCALE + 1];
                for (int d = 0; d <= DayShare.SCALE; d++) {
                    table[d] = definition.absentShare(c, d);
                }
                shareByDuration[c.ordinal()] = table;
            }
        }
        long[] absent = new long[slots.size() * CATEGORIES];
        // the community-school status of every school, asked once here so that the ranges below only read it
        List<SchoolDays> schoolList = new ArrayList<>(calendars.values());
        for (SchoolDays calendar : schoolList) {
            calendar.community(source, year);
        }
        int[] bounds = ranges(slots, parallelism, minSlotsPerTask, source.isThreadSafe());
        int tasks = bounds.length - 1;
        Part[] parts = new Part[tasks];
        if (tasks == 1) {
            addAbsent(source, definition, slots, byStudent, constantShare, shareByDuration, absent, 0, slots.size(), false);
            parts[0] = part(source, year, definition, slots, byStudent, absent, calendars.size(), 0, slots.size());
        } else {
            // each range reads every attendance record but adds up only its own students' (its own slots of absent),
            // then classifies them: ranges 1.. on the common pool, range 0 on this thread; merged in range order
            List<ForkJoinTask<Part>> forked = new ArrayList<>(tasks - 1);
            for (int t = 1; t < tasks; t++) {
                int from = bounds[t];
                int to = bounds[t + 1];
                forked.add(ForkJoinPool.commonPool().submit(() -> {
                    addAbsent(source, definition, slots, byStudent, constantShare, shareByDuration, absent, from, to, true);
                    return part(source, year, definition, slots, byStudent, absent, calendars.size(), from, to);
                }));
            }
            addAbsent(source, definition, slots, byStudent, constantShare, shareByDuration, absent, bounds[0], bounds[1], true);
            parts[0] = part(source, year, definition, slots, byStudent, absent, calendars.size(), bounds[0], bounds[1]);
            for (int t = 1; t < tasks; t++) {
                parts[t] = forked.get(t - 1).join();
            }
        }

        List<EnrollmentAttendance> enrollments = new ArrayList<>(slots.size());
        int studentCount = 0;
        for (Part part : parts) {
            studentCount += part.students.size();
        }
        List<StudentAttendance> students = new ArrayList<>(studentCount);
        Aggregator[] bySchool = new Aggregator[calendars.size()];
        Aggregator[] byCommunity = {new Aggregator(), new Aggregator()};
        Aggregator district = new Aggregator();
        Map<GradeLevel, Aggregator> byGrade = new EnumMap<>(GradeLevel.class);
        Map<Set<Subgroup>, Aggregator> bySubgroupSet = new IdentityHashMap<>();
        for (Part part : parts) {
            enrollments.addAll(part.enrollments);
            students.addAll(part.students);
            for (int k = 0; k < bySchool.length; k++) {
                if (part.bySchool[k] != null) {
                    (bySchool[k] == null ? bySchool[k] = new Aggregator() : bySchool[k]).addAll(part.bySchool[k]);
                }
            }
            byCommunity[0].addAll(part.byCommunity[0]);
            byCommunity[1].addAll(part.byCommunity[1]);
            district.addAll(part.district);
            part.byGrade.forEach((g, a) -> byGrade.computeIfAbsent(g, k -> new Aggregator()).addAll(a));
            part.bySubgroupSet.forEach((g, a) -> bySubgroupSet.computeIfAbsent(g, k -> new Aggregator()).addAll(a));
        }

        Map<SchoolId, SchoolAttendance> schools = new TreeMap<>();
        for (SchoolDays calendar : schoolList) {
            Aggregator a = bySchool[calendar.index];
            if (a != null) {
                schools.put(calendar.school, new SchoolAttendance(calendar.school, source.isCommunitySchool(calendar.school, year),
                        source.instructionalDays(calendar.school, DateRange.closed(first, last)), a.result()));
            }
        }
        Map<Boolean, Aggregator> communitySplit = new HashMap<>();
        for (int k = 0; k < 2; k++) {
            if (byCommunity[k].members() > 0) {
                communitySplit.put(k == 1, byCommunity[k]);
            }
        }
        Map<Subgroup, Aggregator> bySubgroup = new HashMap<>();
        bySubgroupSet.forEach((set, agg) -> {
            for (Subgroup g : set) {
                bySubgroup.computeIfAbsent(g, k -> new Aggregator()).addAll(agg);
            }
        });
        return new ChronicAbsenceReport(definition, year, asOf, enrollments, students, schools, district.result(),
                results(byGrade), results(bySubgroup), org.communityschools.metrics.CommunitySchoolSplit.of(results(communitySplit)));
    }

    /**
     * Adds the absent ten-thousandths of every attendance record of the students whose slots start in
     * {@code [from, to)} (all students unless {@code filtered}) to {@code absent}, by slot and category.
     */
    private static void addAbsent(AttendanceSource source, ChronicAbsenceDefinition definition, List<Slot> slots,
                                  Map<StudentId, int[]> byStudent, int[] constantShare, int[][] shareByDuration, long[] absent, int from, int to, boolean filtered) {
        Object[] lastStudent = new Object[1];
        int[][] lastRange = new int[1][];
        source.forEachAttendance((student, school, epochDay, category, duration) -> {
            // rows usually come grouped by student, and sdk-core shares one id instance per student: skip the hash lookup
            int[] range;
            if (student == lastStudent[0]) {
                range = lastRange[0];
            } else {
                range = byStudent.get(student);
                lastStudent[0] = student;
                lastRange[0] = range;
            }
            if (range == null || filtered && (range[0] < from || range[0] >= to)) {
                return;
            }
            for (int i = range[0]; i < range[1]; i++) {
                Slot slot = slots.get(i);
                if (epochDay >= slot.firstEpoch() && epochDay <= slot.lastEpoch() && slot.enrollment().schoolId().equals(school)) {
                    if (slot.calendar().isInstructional(epochDay)) {
                        int c = category.ordinal();
                        int share = constantShare[c];
                        absent[i * CATEGORIES + c] += share >= 0 ? share
                                : duration >= 0 && duration <= DayShare.SCALE ? shareByDuration[c][duration] : definition.absentShare(category, duration);
                    }
                    return;
                }
            }
        });

    }

    /**
     * The bounds of the contiguous slot ranges computed as separate tasks: {@code [0, n]} (one range) unless the
     * source may be read from several threads, {@code parallelism > 1} and there are at least two ranges of
     * {@code minSlotsPerTask} slots; every bound but the last starts a student (a student's slots stay in one range).
     */
    static int[] ranges(List<Slot> slots, int parallelism, int minSlotsPerTask, boolean threadSafeSource) {
        int n = slots.size();
        int tasks = threadSafeSource ? Math.min(parallelism, n / Math.max(1, minSlotsPerTask)) : 1;
        if (tasks <= 1) {
            return new int[] {0, n};
        }
        int[] bounds = new int[tasks + 1];
        int count = 1;
        for (int t = 1; t < tasks; t++) {
            int b = Math.max((int) ((long) n * t / tasks), bounds[count - 1] + 1);
            while (b < n && slots.get(b).enrollment().studentId().equals(slots.get(b - 1).enrollment().studentId())) {
                b++;
            }
            if (b < n && b > bounds[count - 1]) {
                bounds[count++] = b;
            }
        }
        bounds[count++] = n;
        return Arrays.copyOf(bounds, count);
    }

    /** The records and aggregates of the students whose slots are {@code [from, to)}; one per range, merged in range order. */
    private static final class Part {
        final List<EnrollmentAttendance> enrollments;
        final List<StudentAttendance> students = new ArrayList<>();
        final Aggregator[] bySchool;
        final Aggregator[] byCommunity = {new Aggregator(), new Aggregator()};
        final Aggregator district = new Aggregator();
        final Map<GradeLevel, Aggregator> byGrade = new EnumMap<>(GradeLevel.class);
        // each member is added once to the aggregate of its (shared) subgroup set; the merge adds sets to subgroups
        final Map<Set<Subgroup>, Aggregator> bySubgroupSet = new IdentityHashMap<>();

        Part(int slots, int schools) {
            enrollments = new ArrayList<>(slots);
            bySchool = new Aggregator[schools];
        }
    }

    /**
     * Classifies and aggregates the students whose slots are {@code [from, to)} (whole students): each student's
     * enrollments at one school combine into one stay there ({@link EnrolledDays}), and the student-year pools the
     * stays counting each enrolled day once. Reads shared state only.
     */
    private static Part part(AttendanceSource source, SchoolYear year, ChronicAbsenceDefinition definition, List<Slot> slots,
                             Map<StudentId, int[]> byStudent, long[] absent, int schoolCount, int from, int to) {
        Part part = new Part(to - from, schoolCount);
        List<EnrollmentAttendance> enrollments = part.enrollments;
        List<StudentAttendance> students = part.students;
        // absent ten-thousandths of each student-year and of each stay, so that aggregating reads no BigDecimal
        long[] studentUnits = new long[to - from];
        long[] stayUnits = new long[to - from];
        int stayCount = 0;
        int[] firstEpoch = new int[4];
        int[] lastEpoch = new int[4];
        int[] days = new int[4];
        int[] index = new int[4];
        int[] stay = new int[4];
        EnrolledDays.Calendar[] calendars = new EnrolledDays.Calendar[4];
        for (int i = from; i < to; ) {
            StudentId student = slots.get(i).enrollment().studentId();
            int end = i + 1;
            while (end < to && slots.get(end).enrollment().studentId() == student) {
                end++;
            }
            if (end < to && slots.get(end).enrollment().studentId().equals(student)) {
                end = byStudent.get(student)[1]; // ids equal but not shared: fall back to the ranges
            }
            int m = end - i;
            if (m > days.length) {
                firstEpoch = new int[m];
                lastEpoch = new int[m];
                days = new int[m];
                index = new int[m];
                stay = new int[m];
                calendars = new EnrolledDays.Calendar[m];
            }
            List<SchoolId> schools = new ArrayList<>(m);
            GradeLevel grade = slots.get(i).enrollment().entryGrade();
            LocalDate latestEntry = LocalDate.MIN;
            LocalDate latestLast = slots.get(i).last();
            for (int k = 0; k < m; k++) {
                Slot slot = slots.get(i + k);
                Enrollment e = slot.enrollment();
                firstEpoch[k] = slot.firstEpoch();
                lastEpoch[k] = slot.lastEpoch();
                days[k] = slot.days();
                calendars[k] = slot.calendar();
                index[k] = k;
                if (slot.last().isAfter(latestLast)) {
                    latestLast = slot.last();
                }
                if (!schools.contains(e.schoolId())) {
                    schools.add(e.schoolId());
                }
                if (!e.entryDate().isBefore(latestEntry)) {
                    latestEntry = e.entryDate();
                    grade = e.entryGrade();
                }
            }
            DateRange studentPeriod = DateRange.closed(slots.get(i).first(), latestLast);
            Set<Subgroup> subgroups = source.subgroups(student, studentPeriod);
            // a student at one school: the stay's period, subgroups and figures are the student-year's (same inputs)
            boolean single = schools.size() == 1;
            long[] pooled = new long[CATEGORIES];
            @Nullable AttendanceFigures onlyFigures = null;
            for (SchoolId school : schools) {
                int n = 0;
                long[] stayAbsent = new long[CATEGORIES];
                LocalDate stayFirst = null;
                LocalDate stayLast = null;
                Slot latest = null;
                for (int k = 0; k < m; k++) {
                    Slot slot = slots.get(i + k);
                    if (!slot.enrollment().schoolId().equals(school)) {
                        continue;
                    }
                    stay[n++] = k;
                    for (int c = 0; c < CATEGORIES; c++) {
                        stayAbsent[c] += absent[(i + k) * CATEGORIES + c];
                    }
                    stayFirst = stayFirst == null || slot.first().isBefore(stayFirst) ? slot.first() : stayFirst;
                    stayLast = stayLast == null || slot.last().isAfter(stayLast) ? slot.last() : stayLast;
                    latest = slot; // slots are sorted by entry date: the last one's grade is the stay's
                }
                long total = 0;
                for (int c = 0; c < CATEGORIES; c++) {
                    total += stayAbsent[c];
                    pooled[c] += stayAbsent[c];
                }
                int stayDays = EnrolledDays.union(n, stay, firstEpoch, lastEpoch, days, calendars);
                AttendanceFigures f = figures(definition, stayDays, total, stayAbsent, 0);
                onlyFigures = f;
                DateRange period = single ? studentPeriod : DateRange.closed(stayFirst, stayLast);
                EnrollmentAttendance ea = new EnrollmentAttendance(student, school, latest.enrollment().entryGrade(), period,
                        latest.calendar().community(source, year), single ? subgroups : source.subgroups(student, period), f);
                enrollments.add(ea);
                stayUnits[stayCount++] = total;
                int s = latest.calendar().index;
                (part.bySchool[s] == null ? part.bySchool[s] = new Aggregator() : part.bySchool[s]).add(stayDays, total, f.status());
                part.byCommunity[ea.communitySchool() ? 1 : 0].add(stayDays, total, f.status());
            }
            long total = 0;
            for (long u : pooled) {
                total += u;
            }
            studentUnits[students.size()] = total;
            students.add(new StudentAttendance(student, grade, schools, subgroups, single && onlyFigures != null ? onlyFigures
                    : figures(definition, EnrolledDays.union(m, index, firstEpoch, lastEpoch, days, calendars), total, pooled, 0)));
            i = end;
        }

        if (definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED) {
            for (int k = 0; k < students.size(); k++) {
                StudentAttendance s = students.get(k);
                int d = s.figures().daysEnrolled();
                ChronicAbsenceStatus status = s.figures().status();
                part.district.add(d, studentUnits[k], status);
                part.byGrade.computeIfAbsent(s.grade(), g -> new Aggregator()).add(d, studentUnits[k], status);
                part.bySubgroupSet.computeIfAbsent(s.subgroups(), g -> new Aggregator()).add(d, studentUnits[k], status);
            }
        } else {
            for (int k = 0; k < enrollments.size(); k++) {
                EnrollmentAttendance e = enrollments.get(k);
                int d = e.figures().daysEnrolled();
                ChronicAbsenceStatus status = e.figures().status();
                part.district.add(d, stayUnits[k], status);
                part.byGrade.computeIfAbsent(e.grade(), g -> new Aggregator()).add(d, stayUnits[k], status);
                part.bySubgroupSet.computeIfAbsent(e.subgroups(), g -> new Aggregator()).add(d, stayUnits[k], status);
            }
        }
        return part;
    }

    private static <K> Map<K, AttendanceAggregate> results(Map<K, Aggregator> m) {
        Map<K, AttendanceAggregate> out = new HashMap<>();
        m.forEach((k, a) -> out.put(k, a.result()));
        return out;
    }

    /** The figures of one unit whose absent ten-thousandths by category start at {@code offset} in {@code byCategory}. */
    static AttendanceFigures figures(ChronicAbsenceDefinition definition, int days, long absentUnits, long[] byCategory, int offset) {
        return new AttendanceFigures(days, Days.of(absentUnits), Days.byCategory(byCategory, offset), definition.classify(days, absentUnits));
    }
}
