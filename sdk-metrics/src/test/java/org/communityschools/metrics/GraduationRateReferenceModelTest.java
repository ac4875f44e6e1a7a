package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;

/**
 * The graduation-rate calculator agrees with a plainly written reference on random districts: the reference
 * decides each student's district outcome by looking at the cut-off day, and the district counts are tallied
 * from those outcomes.
 */
class GraduationRateReferenceModelTest {
    static final SchoolYear COHORT = SchoolYear.of(2015);
    static final List<SchoolId> SCHOOLS = List.of(SchoolId.of("H1"), SchoolId.of("H2"), SchoolId.of("H3"));

    static List<StudentHistory> district(long seed) {
        Random rnd = new Random(seed);
        List<StudentHistory> out = new ArrayList<>();
        int students = 1 + rnd.nextInt(25);
        ExitWithdrawType[] exits = ExitWithdrawType.values();
        DiplomaType[] diplomaTypes = DiplomaType.values();
        for (int i = 0; i < students; i++) {
            String id = "P" + i;
            LocalDate cursor = LocalDate.of(2013 + rnd.nextInt(3), 8, 20).plusDays(rnd.nextInt(300));
            List<Enrollment> enrollments = new ArrayList<>();
            int count = 1 + rnd.nextInt(3);
            for (int e = 0; e < count; e++) {
                GradeLevel grade = GradeLevel.values()[GradeLevel.G08.ordinal() + rnd.nextInt(5)];
                boolean open = e == count - 1 && rnd.nextInt(4) == 0;
                LocalDate exit = nearACutoff(rnd, cursor.plusDays(20 + rnd.nextInt(900)));
                if (!exit.isAfter(cursor)) {
                    exit = cursor.plusDays(20);
                }
                enrollments.add(new Enrollment(StudentId.of(id), SCHOOLS.get(rnd.nextInt(SCHOOLS.size())), cursor, grade,
                        open ? Optional.empty() : Optional.of(exit), open ? Optional.empty() : Optional.of(exits[rnd.nextInt(exits.length)]),
                        !open && rnd.nextBoolean()));
                if (open) {
                    break;
                }
                cursor = exit.plusDays(1 + rnd.nextInt(60));
            }
            List<Diploma> diplomas = new ArrayList<>();
            if (rnd.nextInt(3) > 0) {
                diplomas.add(new Diploma(StudentId.of(id), SCHOOLS.get(0), nearACutoff(rnd, LocalDate.of(2016, 6, 1).plusDays(rnd.nextInt(1400))),
                        diplomaTypes[rnd.nextInt(diplomaTypes.length)]));
            }
            Optional<SchoolYear> stated = rnd.nextInt(5) == 0 ? Optional.of(SchoolYear.of(2014 + rnd.nextInt(3))) : Optional.empty();
            out.add(new StudentHistory(StudentId.of(id), stated, enrollments, diplomas, List.of()));
        }
        return out;
    }

    /** Half the time a date within a day of a possible cut-off (June 30, July 31, August 31 of 2018-2020), so boundaries are exercised. */
    static LocalDate nearACutoff(Random rnd, LocalDate otherwise) {
        if (rnd.nextBoolean()) {
            return otherwise;
        }
        LocalDate cutoff = LocalDate.of(2018 + rnd.nextInt(3), 6 + rnd.nextInt(3), 30);
        cutoff = cutoff.getMonthValue() == 6 ? cutoff : cutoff.plusDays(1);
        return cutoff.plusDays(rnd.nextInt(3) - 1);
    }

    static GraduationCohortDefinition definition(Random rnd) {
        GraduationCohortDefinition.Builder b = GraduationCohortDefinition.builder().years(4 + rnd.nextInt(3))
                .alternateDiplomasCount(rnd.nextBoolean()).laterEnrollmentConfirmsTransfer(rnd.nextBoolean());
        if (rnd.nextBoolean()) {
            int month = 6 + rnd.nextInt(3);
            b.cutoff(java.time.MonthDay.of(month, month == 6 ? 30 : 31));
        }
        return b.build();
    }

    // ---- the reference ----

    record Outcome(String kind, String detail) {}

    static Optional<SchoolYear> referenceCohort(StudentHistory h) {
        if (h.statedCohort().isPresent()) {
            return h.statedCohort();
        }
        Optional<SchoolYear> best = Optional.empty();
        for (Enrollment e : h.enrollments()) {
            int grade = e.entryGrade().ordinal() - GradeLevel.KG.ordinal();
            if (grade >= 9) {
                SchoolYear y = SchoolYear.of(SchoolYear.containing(e.entryDate()).endYear() - (grade - 9));
                if (best.isEmpty() || y.endYear() < best.get().endYear()) {
                    best = Optional.of(y);
                }
            }
        }
        return best;
    }

    static boolean counts(GraduationCohortDefinition def, DiplomaType t) {
        return t == DiplomaType.REGULAR || t == DiplomaType.ADVANCED || (t == DiplomaType.ALTERNATE && def.alternateDiplomasCount());
    }

    /** The student's district outcome, or empty when not in the cohort. */
    static Optional<Outcome> reference(GraduationCohortDefinition def, StudentHistory h) {
        if (!referenceCohort(h).equals(Optional.of(COHORT))) {
            return Optional.empty();
        }
        LocalDate cutoff = LocalDate.of(COHORT.endYear() + def.years() - 1, def.cutoff().getMonth(), def.cutoff().getDayOfMonth());
        List<Enrollment> hs = new ArrayList<>();
        for (Enrollment e : h.enrollments()) {
            if (e.entryGrade().compareTo(GradeLevel.G09) >= 0 && !e.entryDate().isAfter(cutoff)) {
                hs.add(e);
            }
        }
        if (hs.isEmpty()) {
            return Optional.empty();
        }
        Optional<Diploma> diploma = Optional.empty();
        for (Diploma d : h.diplomas()) {
            if (counts(def, d.diplomaType()) && !d.awardDate().isAfter(cutoff)) {
                diploma = Optional.of(d);
            }
        }
        // first-time ninth graders: in high school by the fall membership date of the cohort's first year
        LocalDate fall = LocalDate.of(COHORT.endYear() - 1, def.fallMembershipDate().getMonth(), def.fallMembershipDate().getDayOfMonth());
        String entry = !hs.get(0).entryDate().isAfter(fall) ? "first" : "in";
        if (diploma.isPresent()) {
            return Optional.of(new Outcome("graduate", entry));
        }
        boolean onCutoff = false;
        boolean later = false;
        for (Enrollment e : h.enrollments()) {
            if (e.entryGrade().compareTo(GradeLevel.G09) >= 0) {
                onCutoff |= !e.entryDate().isAfter(cutoff) && (e.exitWithdrawDate().isEmpty() || !e.exitWithdrawDate().get().isBefore(cutoff));
                later |= e.entryDate().isAfter(cutoff);
            }
        }
        Enrollment last = hs.get(hs.size() - 1);
        ExitWithdrawType exit = last.exitWithdrawType().orElse(ExitWithdrawType.OTHER);
        if (exit == ExitWithdrawType.END_OF_YEAR) {
            LocalDate exitDate = last.exitWithdrawDate().orElseThrow();
            LocalDate lastYearStart = LocalDate.of(COHORT.endYear() + def.years() - 2, 7, 1);
            later |= !exitDate.isBefore(lastYearStart) && exitDate.isBefore(lastYearStart.plusYears(1));
        }
        boolean removable = exit == ExitWithdrawType.TRANSFERRED || exit == ExitWithdrawType.EMIGRATED || exit == ExitWithdrawType.DIED;
        // a student who enrolled in the district again after the exit (at any date) moved within the district
        boolean back = false;
        for (Enrollment e : h.enrollments()) {
            back |= e != last && last.exitWithdrawDate().isPresent() && !e.entryDate().isBefore(last.exitWithdrawDate().get());
        }
        if (!onCutoff && removable && last.exitDocumented() && !back) {
            return Optional.of(new Outcome("removed", entry + " " + exit));
        }
        return Optional.of(new Outcome("stays", entry + (onCutoff || later ? " enrolled" : "")));
    }

    @Property(tries = 300)
    void districtCountsAgreeWithTheReference(@ForAll long seed) {
        List<StudentHistory> students = district(seed);
        GraduationCohortDefinition def = definition(new Random(~seed));
        GraduationCohortReport report = GraduationRate.calculate(students, COHORT, def);

        Map<StudentId, Outcome> expected = new TreeMap<>();
        for (StudentHistory h : students) {
            reference(def, h).ifPresent(o -> expected.put(h.studentId(), o));
        }
        Map<StudentId, Outcome> actual = new TreeMap<>();
        for (CohortMember m : report.members()) {
            CohortStatus s = m.district();
            String entry = s.entry() == CohortEntry.FIRST_TIME_NINTH_GRADER ? "first" : "in";
            Outcome o;
            if (s.graduated()) {
                o = new Outcome("graduate", entry);
            } else if (s.removal().isPresent()) {
                Map<CohortRemoval, ExitWithdrawType> reasons = new EnumMap<>(Map.of(CohortRemoval.TRANSFERRED_OUT, ExitWithdrawType.TRANSFERRED,
                        CohortRemoval.EMIGRATED, ExitWithdrawType.EMIGRATED, CohortRemoval.DIED, ExitWithdrawType.DIED));
                o = new Outcome("removed", entry + " " + reasons.get(s.removal().get()));
            } else {
                o = new Outcome("stays", entry + (s.nonGraduate().get() == NonGraduateOutcome.STILL_ENROLLED ? " enrolled" : ""));
            }
            actual.put(m.studentId(), o);
        }
        assertThat(actual).isEqualTo(expected);

        CohortCounts d = report.district();
        assertThat(d.firstTimeNinthGraders()).isEqualTo(expected.values().stream().filter(o -> o.detail().startsWith("first")).count());
        assertThat(d.graduateCount()).isEqualTo(expected.values().stream().filter(o -> o.kind().equals("graduate")).count());
        assertThat(d.adjustedCohort()).isEqualTo(expected.values().stream().filter(o -> !o.kind().equals("removed")).count());
        // every school: each member counted once per school attended; first-time 9th graders only at their first school
        int schoolFirstTime = report.schools().values().stream().mapToInt(CohortCounts::firstTimeNinthGraders).sum();
        assertThat(schoolFirstTime).isEqualTo(d.firstTimeNinthGraders());
        // when a later enrollment confirms a transfer, every student stays only in the last school's cohort
        if (def.laterEnrollmentConfirmsTransfer()) {
            assertThat(report.schools().values().stream().mapToInt(CohortCounts::adjustedCohort).sum()).isEqualTo(d.adjustedCohort());
            assertThat(report.schools().values().stream().mapToInt(CohortCounts::graduateCount).sum()).isEqualTo(d.graduateCount());
        }
        // attribution never changes the district
        GraduationCohortDefinition mostDays = GraduationCohortDefinition.builder().years(def.years()).cutoff(def.cutoff())
                .alternateDiplomasCount(def.alternateDiplomasCount()).attribution(GraduationCohortDefinition.Attribution.MOST_DAYS)
                .laterEnrollmentConfirmsTransfer(def.laterEnrollmentConfirmsTransfer()).build();
        GraduationCohortReport attributed = GraduationRate.calculate(students, COHORT, mostDays);
        assertThat(attributed.district()).isEqualTo(d);
        int before = report.schools().values().stream().mapToInt(CohortCounts::adjustedCohort).sum();
        int after = attributed.schools().values().stream().mapToInt(CohortCounts::adjustedCohort).sum();
        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Property(tries = 100)
    void anExtendedYearNeverLosesAGraduate(@ForAll long seed) {
        List<StudentHistory> students = district(seed);
        GraduationCohortReport four = GraduationRate.calculate(students, COHORT, GraduationCohortDefinition.FOUR_YEAR);
        GraduationCohortReport five = GraduationRate.calculate(students, COHORT, GraduationCohortDefinition.FIVE_YEAR);
        List<StudentId> fourGraduates = four.members().stream().filter(m -> m.district().graduated()).map(CohortMember::studentId).toList();
        List<StudentId> fiveGraduates = five.members().stream().filter(m -> m.district().graduated()).map(CohortMember::studentId).toList();
        assertThat(fiveGraduates).containsAll(fourGraduates);
    }
}
