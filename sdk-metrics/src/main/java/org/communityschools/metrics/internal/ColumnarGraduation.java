package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortEntry;
import org.communityschools.metrics.CohortMember;
import org.communityschools.metrics.CohortRemoval;
import org.communityschools.metrics.CohortStatus;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.NonGraduateOutcome;
import org.communityschools.metrics.SchoolDays;
import org.communityschools.metrics.StudentHistory;
import org.jspecify.annotations.Nullable;

/**
 * The columnar adjusted cohort graduation rate (34 CFR 200.19(b); the rules in docs/metrics.md and
 * {@code GraduationRate}): the cohort's students from the {@link CohortIndex} (no pass over the other students), each
 * member's district and school statuses reduced to {@link CohortTally} codes in one loop over the member's
 * enrollments and diplomas (no stream, no map per member), counted by school and characteristic in arrays, in
 * ranges of the cohort on the host's executor and the calling thread ({@link Parts}); the {@link CohortMember} records are built on demand from the codes. Results are
 * equal to {@code GraduationEngine}'s (kept in the test sources as the oracle). Stateless.
 */
public final class ColumnarGraduation {
    private static final StudentCharacteristicType[] CHARACTERISTICS = StudentCharacteristicType.values();
    private static final int FIRST = CohortEntry.FIRST_TIME_NINTH_GRADER.ordinal();
    private static final int TRANSFER = CohortEntry.TRANSFER_IN.ordinal();
    /** Below this many members per half the calculation stays on one thread. */
    static final int MIN_MEMBERS_PER_TASK = 4_096;

    private ColumnarGraduation() {}

    /** The codes of one member: district status (-1: not a member), the schools attended and the status at each. */
    record Member(StudentId student, int district, SchoolId[] schools, int[] codes, int characteristics) {}

    /** Computes the member at a position of the cohort (by identifier). */
    @FunctionalInterface
    private interface Rule {
        Member member(int i, LocalDate cutoff, DateRange cohortPeriod, LocalDate fall, SchoolYear lastYear);
    }

    /**
     * The report of the cohort of {@code ninthGradeYear}, counting school days with {@code days}, in ranges run on
     * {@code executor} and the calling thread, at most one per available processor.
     */
    public static GraduationCohortReport calculate(DistrictData data, GraduationCohortDefinition def, SchoolYear ninthGradeYear, SchoolDays days,
                                                   Executor executor) {
        return calculate(data, def, ninthGradeYear, days, executor, ColumnarChronicAbsence.parallelism(), MIN_MEMBERS_PER_TASK);
    }

    /** The same in at most {@code parallelism} ranges of at least {@code minMembersPerTask} members. */
    public static GraduationCohortReport calculate(DistrictData data, GraduationCohortDefinition def, SchoolYear ninthGradeYear,
                                                   SchoolDays days, Executor executor, int parallelism, int minMembersPerTask) {
        CohortIndex.Cohort cohort = CohortIndex.of(data).cohort(ninthGradeYear);
        return run(def, ninthGradeYear, cohort.size(), executor, parallelism, minMembersPerTask, (i, cutoff, period, fall, lastYear) ->
                member(def, cutoff, period, fall, lastYear, days, cohort.ids()[i], cohort.enrollments()[i], cohort.diplomas()[i],
                        cohort.characteristics()[i]));
    }

    /** The report of the cohort of {@code ninthGradeYear} among these histories (the others are skipped). */
    public static GraduationCohortReport calculate(GraduationCohortDefinition def, SchoolYear ninthGradeYear,
                                                   Collection<StudentHistory> students, SchoolDays days) {
        List<StudentHistory> cohort = new ArrayList<>();
        Optional<SchoolYear> year = Optional.of(ninthGradeYear);
        for (StudentHistory h : students) {
            if (h.ninthGradeYear().equals(year)) {
                cohort.add(h);
            }
        }
        cohort.sort(Comparator.comparing(StudentHistory::studentId));
        return run(def, ninthGradeYear, cohort.size(), Runnable::run, 1, 1, (i, cutoff, period, fall, lastYear) -> {
            StudentHistory h = cohort.get(i);
            return member(def, cutoff, period, fall, lastYear, days, h.studentId(), h.enrollments(), h.diplomas(), h.characteristics());
        });
    }

    private static GraduationCohortReport run(GraduationCohortDefinition def, SchoolYear ninthGradeYear, int size, Executor executor,
                                              int parallelism, int minMembersPerTask, Rule rule) {
        LocalDate cutoff = def.cutoffDate(ninthGradeYear);
        Member[] members = new Member[size];
        int tasks = Math.max(1, Math.min(parallelism, size / Math.max(1, minMembersPerTask)));
        List<Part> parts = Parts.run(executor, tasks, t -> part(def, ninthGradeYear, cutoff, rule, members,
                (int) ((long) size * t / tasks), (int) ((long) size * (t + 1) / tasks)));
        CohortTally district = new CohortTally(1);
        CohortTally byCharacteristic = new CohortTally(CHARACTERISTICS.length);
        Map<SchoolId, CohortTally> schoolParts = new TreeMap<>();
        Map<SchoolId, Integer> schoolGroup = new HashMap<>();
        CohortTally bySchool = new CohortTally(0);
        for (Part p : parts) {
            district.addGroup(0, p.district, 0);
            for (int c = 0; c < CHARACTERISTICS.length; c++) {
                byCharacteristic.addGroup(c, p.byCharacteristic, c);
            }
            p.schools.forEach((id, local) -> {
                int g = schoolGroup.computeIfAbsent(id, k -> schoolGroup.size());
                bySchool.addGroup(g, p.bySchool, local);
            });
        }
        Map<SchoolId, CohortCounts> schools = new LinkedHashMap<>();
        new TreeMap<>(schoolGroup).forEach((id, g) -> schools.put(id, bySchool.result(g)));
        Map<StudentCharacteristicType, CohortCounts> characteristics = new EnumMap<>(StudentCharacteristicType.class);
        for (int c = 0; c < CHARACTERISTICS.length; c++) {
            if (!byCharacteristic.isEmpty(c)) {
                characteristics.put(CHARACTERISTICS[c], byCharacteristic.result(c));
            }
        }
        int n = 0;
        for (Member m : members) {
            if (m.district() >= 0) {
                members[n++] = m;
            }
        }
        Member[] kept = java.util.Arrays.copyOf(members, n);
        return new GraduationCohortReport(def, ninthGradeYear, cutoff, district.result(0), schools, characteristics,
                new OnDemandList<>(n, i -> member(kept[i])));
    }

    private static CohortMember member(Member m) {
        Map<SchoolId, CohortStatus> schools = new LinkedHashMap<>();
        for (int i = 0; i < m.schools().length; i++) {
            schools.put(m.schools()[i], CohortTally.status(m.codes()[i]));
        }
        Set<StudentCharacteristicType> set = EnumSet.noneOf(StudentCharacteristicType.class);
        for (int c = 0; c < CHARACTERISTICS.length; c++) {
            if ((m.characteristics() & 1 << c) != 0) {
                set.add(CHARACTERISTICS[c]);
            }
        }
        return new CohortMember(m.student(), CohortTally.status(m.district()), schools, set);
    }

    /** The counts of one range of the cohort. */
    private static final class Part {
        final CohortTally district = new CohortTally(1);
        final CohortTally byCharacteristic = new CohortTally(CHARACTERISTICS.length);
        final CohortTally bySchool = new CohortTally(64);
        final Map<SchoolId, Integer> schools = new HashMap<>();
    }

    private static Part part(GraduationCohortDefinition def, SchoolYear year, LocalDate cutoff, Rule rule, Member[] out, int from, int to) {
        Part p = new Part();
        DateRange cohortPeriod = DateRange.closed(year.firstDay(), cutoff);
        LocalDate fall = def.fallMembershipDate(year);
        SchoolYear lastYear = year.plusYears(def.years() - 1);
        for (int i = from; i < to; i++) {
            Member m = rule.member(i, cutoff, cohortPeriod, fall, lastYear);
            out[i] = m;
            if (m.district() < 0) {
                continue;
            }
            p.district.add(0, m.district(), 1);
            for (int c = 0; c < CHARACTERISTICS.length; c++) {
                if ((m.characteristics() & 1 << c) != 0) {
                    p.byCharacteristic.add(c, m.district(), 1);
                }
            }
            for (int k = 0; k < m.schools().length; k++) {
                Integer g = p.schools.get(m.schools()[k]);
                if (g == null) {
                    g = p.schools.size();
                    p.schools.put(m.schools()[k], g);
                    p.bySchool.ensure(g);
                }
                p.bySchool.add(g, m.codes()[k], 1);
            }
        }
        return p;
    }

    /** One student's codes: the rules of {@code GraduationEngine.member}, in one loop over the student's records. */
    static Member member(GraduationCohortDefinition def, LocalDate cutoff, DateRange cohortPeriod, LocalDate fall, SchoolYear lastYear,
                         SchoolDays days, StudentId student, List<Enrollment> all, List<Diploma> diplomas, List<StudentCharacteristic> held) {
        int n = all.size();
        Enrollment[] hs = new Enrollment[n];
        int h = 0;
        boolean enrolledOnCutoff = false;
        boolean enteredAfterCutoff = false;
        for (Enrollment e : all) {
            if (e.entryGrade().isHighSchool()) {
                if (!e.entryDate().isAfter(cutoff)) {
                    hs[h++] = e;
                } else {
                    enteredAfterCutoff = true;
                }
                enrolledOnCutoff |= e.isEnrolledOn(cutoff);
            }
        }
        if (h == 0) {
            return new Member(student, -1, new SchoolId[0], new int[0], 0);
        }
        Enrollment first = hs[0];
        Enrollment last = hs[h - 1];
        int entry = first.entryDate().isAfter(fall) ? TRANSFER : FIRST;
        @Nullable Diploma diploma = null;
        for (Diploma d : diplomas) {
            if (def.counts(d.diplomaType()) && !d.awardDate().isAfter(cutoff)
                    && (diploma == null || d.awardDate().isBefore(diploma.awardDate())
                        || d.awardDate().equals(diploma.awardDate()) && d.diplomaType().compareTo(diploma.diplomaType()) < 0)) {
                diploma = d;
            }
        }
        boolean stillEnrolled = enrolledOnCutoff || enteredAfterCutoff
                || (last.exitWithdrawType().equals(Optional.of(ExitWithdrawType.END_OF_YEAR))
                    && SchoolYear.containing(last.exitWithdrawDate().orElseThrow()).equals(lastYear));
        int lastRemoval = removal(last);
        boolean movedWithinDistrict = !enrolledOnCutoff && lastRemoval >= 0 && reenrolled(all, last);
        int district;
        if (diploma != null) {
            district = CohortTally.code(entry, CohortTally.GRADUATED, diploma.diplomaType().ordinal());
        } else if (!enrolledOnCutoff && lastRemoval >= 0 && !movedWithinDistrict) {
            district = CohortTally.code(entry, CohortTally.REMOVED, lastRemoval);
        } else {
            district = CohortTally.code(entry, CohortTally.NON_GRADUATE, outcome(def, diplomas, last, stillEnrolled, cutoff).ordinal());
        }
        boolean districtNonGraduate = CohortTally.kind(district) == CohortTally.NON_GRADUATE;

        // the schools in order of first enrollment, with the last enrollment at each
        SchoolId[] schools = new SchoolId[h];
        Enrollment[] lastAt = new Enrollment[h];
        int s = 0;
        for (int k = 0; k < h; k++) {
            int at = indexOf(schools, s, hs[k].schoolId());
            if (at < 0) {
                schools[s] = hs[k].schoolId();
                lastAt[s++] = hs[k];
            } else {
                lastAt[at] = hs[k];
            }
        }
        int[] codes = new int[s];
        for (int k = 0; k < s; k++) {
            Enrollment lastS = lastAt[k];
            int e = schools[k].equals(first.schoolId()) ? entry : TRANSFER;
            int r = removal(lastS);
            if (lastS == last) {
                codes[k] = CohortTally.withEntry(district, e);
            } else if (r >= 0) {
                codes[k] = CohortTally.code(e, CohortTally.REMOVED, r);
            } else if (def.laterEnrollmentConfirmsTransfer() && enrolledElsewhereLater(hs, h, lastS)) {
                codes[k] = CohortTally.code(e, CohortTally.REMOVED, CohortRemoval.TRANSFERRED_OUT.ordinal());
            } else if (diploma != null) {
                codes[k] = CohortTally.code(e, CohortTally.GRADUATED, diploma.diplomaType().ordinal());
            } else if (districtNonGraduate) {
                codes[k] = CohortTally.code(e, CohortTally.NON_GRADUATE, CohortTally.value(district));
            } else {
                codes[k] = CohortTally.code(e, CohortTally.NON_GRADUATE, outcome(def, diplomas, lastS, false, cutoff).ordinal());
            }
        }
        if (s > 1 && def.attribution() == GraduationCohortDefinition.Attribution.MOST_DAYS && districtNonGraduate
                && CohortTally.value(district) != NonGraduateOutcome.STILL_ENROLLED.ordinal()) {
            attribute(days, cutoff, def, hs, h, schools, lastAt, codes, s, indexOf(schools, s, last.schoolId()), CohortTally.value(district));
        }
        int characteristics = 0;
        for (StudentCharacteristic c : held) {
            if (c.period().overlaps(cohortPeriod)) {
                characteristics |= 1 << c.characteristic().ordinal();
            }
        }
        return new Member(student, district, java.util.Arrays.copyOf(schools, s), codes, characteristics);
    }

    /**
     * {@link GraduationCohortDefinition.Attribution#MOST_DAYS}: a non-graduate who spent fewer than half a year at the
     * last school counts at the school of the most days (on a tie, the one attended more recently).
     */
    private static void attribute(SchoolDays days, LocalDate cutoff, GraduationCohortDefinition def, Enrollment[] hs, int h,
                                  SchoolId[] schools, Enrollment[] lastAt, int[] codes, int s, int lastSchool, int outcome) {
        int[] daysAt = new int[s];
        for (int k = 0; k < h; k++) {
            Enrollment e = hs[k];
            LocalDate end = e.exitWithdrawDate().filter(x -> x.isBefore(cutoff)).orElse(cutoff);
            daysAt[indexOf(schools, s, e.schoolId())] += days.count(e.schoolId(), DateRange.closed(e.entryDate(), end));
        }
        if (daysAt[lastSchool] >= def.halfYearDays()) {
            return;
        }
        int most = lastSchool;
        for (int k = 0; k < s; k++) {
            if (daysAt[k] > daysAt[most] || daysAt[k] == daysAt[most] && lastAt[k].entryDate().isAfter(lastAt[most].entryDate())) {
                most = k;
            }
        }
        if (most != lastSchool) {
            codes[lastSchool] = CohortTally.code(CohortTally.entry(codes[lastSchool]), CohortTally.REMOVED, CohortRemoval.ATTRIBUTED_TO_ANOTHER_SCHOOL.ordinal());
            codes[most] = CohortTally.code(CohortTally.entry(codes[most]), CohortTally.NON_GRADUATE, outcome);
        }
    }

    private static int indexOf(SchoolId[] schools, int n, SchoolId id) {
        for (int k = 0; k < n; k++) {
            if (schools[k].equals(id)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether the student enrolled in the district again, at any date, after leaving with {@code exit}. */
    private static boolean reenrolled(List<Enrollment> all, Enrollment exit) {
        Optional<LocalDate> left = exit.exitWithdrawDate();
        if (left.isEmpty()) {
            return false;
        }
        for (Enrollment e : all) {
            if (e != exit && !e.entryDate().isBefore(left.get())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the student enrolled at another school of the district after leaving {@code left}. */
    private static boolean enrolledElsewhereLater(Enrollment[] hs, int h, Enrollment left) {
        if (left.exitWithdrawDate().isEmpty()) {
            return false;
        }
        LocalDate exit = left.exitWithdrawDate().get();
        for (int k = 0; k < h; k++) {
            if (!hs[k].schoolId().equals(left.schoolId()) && hs[k].entryDate().isAfter(exit)) {
                return true;
            }
        }
        return false;
    }

    /** The ordinal of the removal an exit makes (a documented transfer, emigration or death), or -1. */
    static int removal(Enrollment e) {
        if (!e.exitDocumented() || e.exitWithdrawType().isEmpty()) {
            return -1;
        }
        return switch (e.exitWithdrawType().get()) {
            case TRANSFERRED -> CohortRemoval.TRANSFERRED_OUT.ordinal();
            case EMIGRATED -> CohortRemoval.EMIGRATED.ordinal();
            case DIED -> CohortRemoval.DIED.ordinal();
            default -> -1;
        };
    }

    /** The outcome of a non-graduate who left with {@code exit}. */
    static NonGraduateOutcome outcome(GraduationCohortDefinition def, List<Diploma> diplomas, Enrollment exit, boolean stillEnrolled, LocalDate cutoff) {
        if (stillEnrolled) {
            return NonGraduateOutcome.STILL_ENROLLED;
        }
        Optional<ExitWithdrawType> type = exit.exitWithdrawType();
        boolean hse = false;
        boolean credential = false;
        for (Diploma d : diplomas) {
            if (!d.awardDate().isAfter(cutoff)) {
                hse |= d.diplomaType() == DiplomaType.HSE;
                credential |= d.diplomaType() != DiplomaType.HSE && !def.counts(d.diplomaType());
            }
        }
        if (hse || type.equals(Optional.of(ExitWithdrawType.GED_PROGRAM))) {
            return NonGraduateOutcome.GED;
        }
        if (credential) {
            return NonGraduateOutcome.NON_DIPLOMA_CREDENTIAL;
        }
        if (type.isEmpty()) {
            return NonGraduateOutcome.OTHER;
        }
        return switch (type.get()) {
            case DROPPED_OUT, EXPELLED -> NonGraduateOutcome.DROPPED_OUT;
            case TRANSFERRED, EMIGRATED, DIED -> NonGraduateOutcome.UNDOCUMENTED_EXIT;
            default -> NonGraduateOutcome.OTHER;
        };
    }
}
