package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.CommunitySchoolSplit;
import org.communityschools.metrics.EnrollmentAttendance;
import org.communityschools.metrics.StudentAttendance;
import org.communityschools.metrics.Subgroup;

/**
 * The columnar batch chronic-absence calculation over {@link DistrictData}'s dense student and school indexes.
 * Student-enrollments ("slots") are primitive columns grouped by student index (a counting sort, no comparison of
 * identifiers); one pass over the attendance table adds absent ten-thousandths of a day per slot and category in
 * {@code int}s (exact: whole days are 10,000, half days 5,000); then each student's slots become stays (a school's
 * enrollments combined, {@link EnrolledDays}) and a pooled student-year, classified with
 * {@link ChronicAbsenceDefinition#classify} and counted into {@link AttendanceTally} arrays by school, grade,
 * community-school status and subgroup combination (sex, race/ethnicity and a bit per characteristic: one int).
 * The scan and the per-student work split into contiguous ranges of student indexes, run on the host's executor and
 * the calling thread ({@link Parts}). The report's
 * per-stay and per-student records are built on demand ({@link OnDemandList}) from the columns.
 * Results are equal to {@code ChronicAbsenceEngine}'s (kept in the test sources as the oracle). Stateless.
 */
public final class ColumnarChronicAbsence {
    private static final AttendanceCategory[] CATEGORY = AttendanceCategory.values();
    private static final int CATEGORIES = CATEGORY.length;
    private static final GradeLevel[] GRADES = GradeLevel.values();
    private static final Sex[] SEXES = Sex.values();
    private static final RaceEthnicity[] RACES = RaceEthnicity.values();
    private static final StudentCharacteristicType[] CHARACTERISTICS = StudentCharacteristicType.values();
    /** Subgroup combinations: (race + 1, sex + 1), (0, 0) without a student record, then a bit per characteristic. */
    static final int KEYS = ((RACES.length + 1) * (SEXES.length + 1)) << CHARACTERISTICS.length;
    /** Dense subgroup index: sexes, then races, then characteristics. */
    private static final int SUBGROUPS = SEXES.length + RACES.length + CHARACTERISTICS.length;

    /** Below this many student-enrollments per range the calculation stays on one thread (tasks would cost more). */
    public static final int MIN_SLOTS_PER_TASK = 8_192;

    private ColumnarChronicAbsence() {}

    /** The number of ranges a batch calculation splits into at most: one per available processor. */
    public static int parallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The report with ranges on {@code executor} and the calling thread, at most one range per available processor. */
    public static ChronicAbsenceReport calculate(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate asOf,
                                                 Executor executor) {
        return calculate(data, year, definition, asOf, executor, parallelism(), MIN_SLOTS_PER_TASK);
    }

    /**
     * The report of {@code year} up to {@code asOf} (inclusive) under {@code definition}, in at most
     * {@code parallelism} ranges (of at least {@code minSlotsPerTask} student-enrollments) run on {@code executor}
     * and the calling thread ({@link Parts}); equal whatever the parallelism and the executor.
     */
    public static ChronicAbsenceReport calculate(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition,
                                                 LocalDate asOf, Executor executor, int parallelism, int minSlotsPerTask) {
        LocalDate first = year.firstDay();
        LocalDate last = asOf.isBefore(year.lastDay()) ? asOf : year.lastDay();
        Computed computed = compute(data, year, definition, first, last, executor, parallelism, minSlotsPerTask);
        ChronicColumns c = computed.columns();
        OnDemandRecords records = new OnDemandRecords(data, c);
        return report(data, year, definition, asOf, first, last, computed.tallies(), data::schoolAt, c.community,
                records.enrollments(), records.students());
    }

    /** Columns and the counts of their students. */
    record Computed(ChronicColumns columns, Tallies tallies) {}

    /** The columns of {@code year} over [first, last], computed in ranges on {@code executor} and the calling thread, and their counts. */
    static Computed compute(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate first, LocalDate last,
                            Executor executor, int parallelism, int minSlotsPerTask) {
        ChronicColumns columns = ChronicColumns.build(data, year, definition, first, last, executor, parallelism, minSlotsPerTask);
        int[] bounds = columns.ranges(parallelism, minSlotsPerTask);
        List<Tallies> parts = Parts.run(executor, bounds.length - 1, t -> columns.compute(bounds[t], bounds[t + 1]));
        Tallies all = parts.get(0);
        for (int t = 1; t < parts.size(); t++) {
            all.addAll(parts.get(t));
        }
        columns.keepStays();
        return new Computed(columns, all);
    }

    /** The counts of one range of students: by school, community-school status, district, grade and subgroup combination. */
    static final class Tallies {
        final AttendanceTally bySchool;
        final AttendanceTally byCommunity = new AttendanceTally(2);
        final AttendanceTally district = new AttendanceTally(1);
        final AttendanceTally byGrade = new AttendanceTally(GRADES.length);
        final AttendanceTally byKey = new AttendanceTally(KEYS);

        Tallies(int schools) {
            bySchool = new AttendanceTally(schools);
        }

        /** These counts with room for {@code schools} schools (at least as many as now). */
        Tallies grown(int schools) {
            if (schools <= bySchool.groups()) {
                return this;
            }
            Tallies t = new Tallies(schools);
            t.addAll(this);
            return t;
        }

        /**
         * Sets the community-school and district counts, empty before, from the others: every stay counted by school is
         * counted by its school's community-school status ({@code community}, by school index), and every unit the
         * district aggregates is counted by exactly one grade, so both are sums of groups (exact: every count adds).
         */
        void deriveTotals(byte[] community) {
            for (int s = 0; s < bySchool.groups(); s++) {
                if (bySchool.members(s) != 0) {
                    byCommunity.addGroup(community[s], bySchool, s);
                }
            }
            for (int g = 0; g < byGrade.groups(); g++) {
                if (byGrade.members(g) != 0) {
                    district.addGroup(0, byGrade, g);
                }
            }
        }

        /** Adds every count of {@code o} (with at most as many schools). */
        void addAll(Tallies o) {
            bySchool.addAll(o.bySchool);
            byCommunity.addAll(o.byCommunity);
            district.addAll(o.district);
            byGrade.addAll(o.byGrade);
            byKey.addAll(o.byKey);
        }
    }

    /**
     * The report of the counts {@code all} (schools numbered by {@code schoolAt}, their community-school status in
     * {@code community}) with the records given.
     */
    static ChronicAbsenceReport report(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate asOf,
                                       LocalDate first, LocalDate last, Tallies all, IntFunction<SchoolId> schoolAt, byte[] community,
                                       List<EnrollmentAttendance> enrollments, List<StudentAttendance> students) {
        Map<SchoolId, org.communityschools.metrics.SchoolAttendance> schools = new TreeMap<>();
        for (int s = 0; s < all.bySchool.groups(); s++) {
            if (all.bySchool.members(s) > 0) { // a member means a day in the period, so first <= last
                DateRange period = DateRange.closed(first, last);
                SchoolId id = schoolAt.apply(s);
                schools.put(id, new org.communityschools.metrics.SchoolAttendance(id, community[s] == 1,
                        data.calendar(id).daysIn(period), all.bySchool.result(s)));
            }
        }
        Map<GradeLevel, AttendanceAggregate> byGrade = new EnumMap<>(GradeLevel.class);
        for (GradeLevel g : GRADES) {
            if (all.byGrade.members(g.ordinal()) > 0) {
                byGrade.put(g, all.byGrade.result(g.ordinal()));
            }
        }
        AttendanceTally subgroups = new AttendanceTally(SUBGROUPS);
        for (int key = 0; key < KEYS; key++) {
            if (all.byKey.members(key) == 0) {
                continue;
            }
            int person = key >>> CHARACTERISTICS.length;
            if (person > 0) {
                subgroups.addGroup(person % (SEXES.length + 1) - 1, all.byKey, key);
                subgroups.addGroup(SEXES.length + person / (SEXES.length + 1) - 1, all.byKey, key);
            }
            for (int ch = 0; ch < CHARACTERISTICS.length; ch++) {
                if ((key & 1 << ch) != 0) {
                    subgroups.addGroup(SEXES.length + RACES.length + ch, all.byKey, key);
                }
            }
        }
        Map<Subgroup, AttendanceAggregate> bySubgroup = new HashMap<>();
        for (int g = 0; g < SUBGROUPS; g++) {
            if (subgroups.members(g) > 0) {
                bySubgroup.put(subgroup(g), subgroups.result(g));
            }
        }
        return new ChronicAbsenceReport(definition, year, asOf, enrollments, students, schools,
                all.district.result(0), byGrade, bySubgroup, split(all));
    }

    /** The community-school split of the counts {@code all}: a side for each status with a student-enrollment counted. */
    static CommunitySchoolSplit split(Tallies all) {
        Map<Boolean, AttendanceAggregate> byStatus = new HashMap<>();
        for (int k = 0; k < 2; k++) {
            if (all.byCommunity.members(k) > 0) {
                byStatus.put(k == 1, all.byCommunity.result(k));
            }
        }
        return CommunitySchoolSplit.of(byStatus);
    }

    private static Subgroup subgroup(int g) {
        if (g < SEXES.length) {
            return Subgroup.of(SEXES[g]);
        }
        g -= SEXES.length;
        return g < RACES.length ? Subgroup.of(RACES[g]) : Subgroup.of(CHARACTERISTICS[g - RACES.length]);
    }

    /** The shared subgroup set of combination {@code key}, as the batch engine's source builds it. */
    static SubgroupSet subgroupSet(int key) {
        List<Subgroup> out = new ArrayList<>();
        int person = key >>> CHARACTERISTICS.length;
        if (person > 0) {
            out.add(Subgroup.of(SEXES[person % (SEXES.length + 1) - 1]));
            out.add(Subgroup.of(RACES[person / (SEXES.length + 1) - 1]));
        }
        for (int ch = 0; ch < CHARACTERISTICS.length; ch++) {
            if ((key & 1 << ch) != 0) {
                out.add(Subgroup.of(CHARACTERISTICS[ch]));
            }
        }
        return SubgroupSet.copyOf(out);
    }

    /** The person part of a combination key: (race + 1) × (sexes + 1) + sex + 1, or 0 without a record. */
    static int person(Optional<Student> s) {
        return s.map(x -> (x.raceEthnicity().ordinal() + 1) * (SEXES.length + 1) + x.sex().ordinal() + 1).orElse(0);
    }

    /** The characteristic bits of the characteristics held on a day of the closed epoch-day range [a, b]. */
    static int characteristics(List<StudentCharacteristic> held, int a, int b) {
        int mask = 0;
        for (StudentCharacteristic c : held) {
            DateRange p = c.period();
            if (p.start().toEpochDay() <= b && (p.endExclusive().isEmpty() || a < p.endExclusive().get().toEpochDay())) {
                mask |= 1 << c.characteristic().ordinal();
            }
        }
        return mask;
    }

    /** The school type of a school index (regular when the school has no record). */
    static SchoolType schoolType(DistrictData data, SchoolId id) {
        return data.school(id).map(School::schoolType).orElse(SchoolType.REGULAR);
    }

    /** Share tables by definition: immutable definitions, compared by value; kept while the definition is reachable. */
    private static final Map<ChronicAbsenceDefinition, int[]> SHARES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The definition's {@link ChronicAbsenceDefinition#absentShare absent share} of every category and duration from 0
     * to a whole day, at {@code category.ordinal() * (DayShare.SCALE + 1) + duration}: built once per definition
     * (categories × 10,001 calls) and shared read-only.
     */
    static int[] shareTable(ChronicAbsenceDefinition definition) {
        int[] table = SHARES.get(definition);
        if (table == null) {
            int width = DayShare.SCALE + 1;
            table = new int[CATEGORIES * width];
            for (AttendanceCategory c : CATEGORY) {
                for (int d = 0; d < width; d++) {
                    table[c.ordinal() * width + d] = definition.absentShare(c, d);
                }
            }
            SHARES.put(definition, table);
        }
        return table;
    }

    /** The figures of one unit whose absent ten-thousandths by category start at {@code offset} in {@code byCategory}. */
    public static AttendanceFigures figures(ChronicAbsenceDefinition definition, int days, long absentUnits, long[] byCategory, int offset) {
        return new AttendanceFigures(days, Days.of(absentUnits), Days.byCategory(byCategory, offset), definition.classify(days, absentUnits));
    }

    static int categories() {
        return CATEGORIES;
    }

    static GradeLevel grade(int ordinal) {
        return GRADES[ordinal];
    }

    /**
     * The dense student index of each kept enrollment, from {@code enrollmentStudent} (by position in the data's
     * enrollments; the position of kept enrollment {@code i} is {@code spans[width * i + at]}); students without one
     * get indexes after {@code known}, in order of first appearance.
     */
    static int[] studentIndexes(int[] enrollmentStudent, int[] spans, int width, int at, int kept, List<Enrollment> enrollments,
                                Map<StudentId, Integer> extra, int[] knownOut) {
        int[] idx = new int[kept];
        int max = -1;
        for (int i = 0; i < idx.length; i++) {
            idx[i] = enrollmentStudent[spans[width * i + at]];
            max = Math.max(max, idx[i]);
        }
        int known = max + 1;
        knownOut[0] = known;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0) {
                StudentId id = enrollments.get(spans[width * i + at]).studentId();
                Integer e = extra.get(id);
                if (e == null) {
                    e = known + extra.size();
                    extra.put(id, e);
                }
                idx[i] = e;
            }
        }
        return idx;
    }

    static int[] sortedCopy(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
