package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/** The adjusted cohort graduation rate (34 CFR 200.19(b)) and a worked vector of its adjustments (cohort, transfers in, removals, graduates, extended years). */
class GraduationRateTest {
    static final SchoolYear COHORT = SchoolYear.of(2015);   // first-time 9th graders of 2014-15
    static final SchoolId HS1 = SchoolId.of("HS1");
    static final SchoolId HS2 = SchoolId.of("HS2");
    static final LocalDate FALL_2014 = LocalDate.of(2014, 9, 3);

    static Enrollment open(String student, SchoolId school, LocalDate entry, GradeLevel grade) {
        return new Enrollment(StudentId.of(student), school, entry, grade, Optional.empty(), Optional.empty(), false);
    }

    static Enrollment closed(String student, SchoolId school, LocalDate entry, GradeLevel grade, LocalDate exit,
                             ExitWithdrawType type, boolean documented) {
        return new Enrollment(StudentId.of(student), school, entry, grade, Optional.of(exit), Optional.of(type), documented);
    }

    static Diploma diploma(String student, SchoolId school, LocalDate date, DiplomaType type) {
        return new Diploma(StudentId.of(student), school, date, type);
    }

    /** A first-time 9th grader of fall 2014 at {@code school} who leaves on {@code exit} for {@code type}. */
    static StudentHistory leaver(String id, SchoolId school, LocalDate exit, ExitWithdrawType type, boolean documented, Diploma... diplomas) {
        return StudentHistory.of(StudentId.of(id), List.of(closed(id, school, FALL_2014, GradeLevel.G09, exit, type, documented)), List.of(diplomas));
    }

    static StudentHistory graduate(String id, SchoolId school, LocalDate date, DiplomaType type) {
        return leaver(id, school, date, ExitWithdrawType.GRADUATED, true, diploma(id, school, date, type));
    }

    /** A transfer in: enters {@code school} in grade {@code grade} on {@code entry}, still enrolled. */
    static StudentHistory transferIn(String id, SchoolId school, LocalDate entry, GradeLevel grade) {
        return StudentHistory.of(StudentId.of(id), List.of(open(id, school, entry, grade)), List.of());
    }

    /**
     * Synthetic histories that produce exactly these counts (34 CFR 200.19(b)(1)): 250 first-time 9th graders
     * + 15 transfers in − 20 removed (17 documented transfers, 2 emigrated, 1 died) = 245; graduates 200 + 6
     * summer + 2 early + 2 alternate = 210. Fifth year: +2 in, −1 out, +8 graduates. Plus students who must not
     * count (the next cohort, middle school only).
     */
    static List<StudentHistory> vectorCohort() {
        List<StudentHistory> s = new ArrayList<>();
        LocalDate june2018 = LocalDate.of(2018, 6, 26);
        int n = 0;
        // 188 first-time 9th graders graduate on time (10 advanced); 4 of them moved HS1 -> HS2 with a documented transfer
        for (int i = 0; i < 188; i++) {
            String id = "F" + (n++);
            DiplomaType type = i < 10 ? DiplomaType.ADVANCED : DiplomaType.REGULAR;
            if (i >= 184) {
                LocalDate moved = LocalDate.of(2016, 1, 15);
                s.add(StudentHistory.of(StudentId.of(id), List.of(
                        closed(id, HS1, FALL_2014, GradeLevel.G09, moved, ExitWithdrawType.TRANSFERRED, true),
                        closed(id, HS2, moved.plusDays(5), GradeLevel.G10, june2018, ExitWithdrawType.GRADUATED, true)),
                        List.of(diploma(id, HS2, june2018, type))));
            } else {
                s.add(graduate(id, i % 2 == 0 ? HS1 : HS2, june2018, type));
            }
        }
        // 6 summer graduates, the last on the cut-off day itself
        for (int i = 0; i < 6; i++) {
            s.add(graduate("F" + (n++), HS1, i == 5 ? LocalDate.of(2018, 8, 31) : LocalDate.of(2018, 8, 10), DiplomaType.REGULAR));
        }
        // 2 early graduates (a year early: the award date is compared with <=, not =)
        for (int i = 0; i < 2; i++) {
            s.add(graduate("F" + (n++), HS2, LocalDate.of(2017, 6, 27), DiplomaType.REGULAR));
        }
        // 2 alternate diplomas
        for (int i = 0; i < 2; i++) {
            s.add(graduate("F" + (n++), HS2, june2018, DiplomaType.ALTERNATE));
        }
        // removed: 14 documented transfers out (3 more among the transfers in), 2 emigrated, 1 died
        for (int i = 0; i < 14; i++) {
            s.add(leaver("F" + (n++), HS1, LocalDate.of(2016, 3, 1), ExitWithdrawType.TRANSFERRED, true));
        }
        s.add(leaver("F" + (n++), HS1, LocalDate.of(2016, 5, 1), ExitWithdrawType.EMIGRATED, true));
        s.add(leaver("F" + (n++), HS2, LocalDate.of(2017, 5, 1), ExitWithdrawType.EMIGRATED, true));
        s.add(leaver("F" + (n++), HS2, LocalDate.of(2017, 2, 1), ExitWithdrawType.DIED, true));
        // 10 dropouts, one of them retained in grade 9 (retention does not move a student to a later cohort)
        for (int i = 0; i < 9; i++) {
            s.add(leaver("F" + (n++), HS1, LocalDate.of(2016, 11, 1), ExitWithdrawType.DROPPED_OUT, false));
        }
        String retained = "F" + (n++);
        s.add(StudentHistory.of(StudentId.of(retained), List.of(
                closed(retained, HS1, FALL_2014, GradeLevel.G09, LocalDate.of(2015, 6, 26), ExitWithdrawType.END_OF_YEAR, false),
                closed(retained, HS1, LocalDate.of(2015, 9, 9), GradeLevel.G09, LocalDate.of(2016, 2, 1), ExitWithdrawType.DROPPED_OUT, false)),
                List.of()));
        // 3 GED: two left for a GED program, one earned an HSE credential
        s.add(leaver("F" + (n++), HS1, LocalDate.of(2017, 1, 10), ExitWithdrawType.GED_PROGRAM, false));
        s.add(leaver("F" + (n++), HS1, LocalDate.of(2017, 1, 10), ExitWithdrawType.GED_PROGRAM, false));
        String hse = "F" + (n++);
        s.add(leaver(hse, HS2, LocalDate.of(2017, 1, 10), ExitWithdrawType.OTHER, false, diploma(hse, HS2, LocalDate.of(2018, 3, 1), DiplomaType.HSE)));
        // 2 certificates and 1 IEP diploma: not graduates
        for (DiplomaType t : List.of(DiplomaType.CERTIFICATE, DiplomaType.CERTIFICATE, DiplomaType.IEP)) {
            s.add(graduate("F" + (n++), HS2, june2018, t));
        }
        // 2 undocumented exits: they stay in the cohort
        s.add(leaver("F" + (n++), HS1, LocalDate.of(2016, 10, 1), ExitWithdrawType.TRANSFERRED, false));
        s.add(leaver("F" + (n++), HS2, LocalDate.of(2016, 10, 1), ExitWithdrawType.EMIGRATED, false));
        // a summer graduate one day after the cut-off: still enrolled at the cut-off, a five-year graduate
        s.add(graduate("F" + (n++), HS1, LocalDate.of(2018, 9, 1), DiplomaType.REGULAR));
        // 16 still enrolled after four years: in year 5, 7 graduate and 1 transfers out (documented)
        for (int i = 0; i < 16; i++) {
            String id = "F" + (n++);
            if (i < 7) {
                s.add(graduate(id, HS2, LocalDate.of(2019, 6, 25), DiplomaType.REGULAR));
            } else if (i == 7) {
                s.add(leaver(id, HS2, LocalDate.of(2018, 12, 14), ExitWithdrawType.TRANSFERRED, true));
            } else {
                s.add(StudentHistory.of(StudentId.of(id), List.of(open(id, HS2, FALL_2014, GradeLevel.G09)), List.of()));
            }
        }
        assertThat(n).isEqualTo(250);
        // 15 transfers in (grade 10 in 2015-16 or grade 11 in 2016-17: the 2014-15 cohort): 3 transfer out, 12 graduate on time
        for (int i = 0; i < 15; i++) {
            String id = "T" + i;
            GradeLevel grade = i % 2 == 0 ? GradeLevel.G10 : GradeLevel.G11;
            LocalDate entry = grade == GradeLevel.G10 ? LocalDate.of(2015, 9, 10) : LocalDate.of(2016, 9, 12);
            if (i < 3) {
                s.add(StudentHistory.of(StudentId.of(id), List.of(closed(id, HS1, entry, grade, LocalDate.of(2017, 4, 3), ExitWithdrawType.TRANSFERRED, true)), List.of()));
            } else {
                s.add(StudentHistory.of(StudentId.of(id), List.of(closed(id, HS1, entry, grade, june2018, ExitWithdrawType.GRADUATED, true)),
                        List.of(diploma(id, HS1, june2018, DiplomaType.REGULAR))));
            }
        }
        // 2 transfers in during the fifth year, whose first 9th-grade year the district states
        for (int i = 0; i < 2; i++) {
            String id = "L" + i;
            s.add(new StudentHistory(StudentId.of(id), Optional.of(COHORT), List.of(open(id, HS1, LocalDate.of(2018, 9, 12), GradeLevel.G12)), List.of(), List.of()));
        }
        // not in the cohort: the next cohort's 9th grader, and a middle-school student
        s.add(StudentHistory.of(StudentId.of("N0"), List.of(open("N0", HS1, LocalDate.of(2015, 9, 9), GradeLevel.G09)), List.of()));
        s.add(StudentHistory.of(StudentId.of("M0"), List.of(open("M0", HS1, FALL_2014, GradeLevel.G07)), List.of()));
        return s;
    }

    @Test
    void fourYearRateOfTheWorkedVector() {
        GraduationCohortReport r = GraduationRate.calculate(vectorCohort(), COHORT, GraduationCohortDefinition.FOUR_YEAR);
        CohortCounts d = r.district();
        assertThat(r.cutoffDate()).isEqualTo(LocalDate.of(2018, 8, 31));
        assertThat(d.firstTimeNinthGraders()).isEqualTo(250);
        assertThat(d.transfersIn()).isEqualTo(15);
        assertThat(d.removalsByReason()).containsEntry(CohortRemoval.TRANSFERRED_OUT, 17).containsEntry(CohortRemoval.EMIGRATED, 2)
                .containsEntry(CohortRemoval.DIED, 1).containsEntry(CohortRemoval.ATTRIBUTED_TO_ANOTHER_SCHOOL, 0);
        assertThat(d.adjustedCohort()).isEqualTo(245);
        assertThat(d.graduateCount()).isEqualTo(210);
        assertThat(d.graduatesByDiploma()).containsEntry(DiplomaType.REGULAR, 198).containsEntry(DiplomaType.ADVANCED, 10)
                .containsEntry(DiplomaType.ALTERNATE, 2).containsEntry(DiplomaType.CERTIFICATE, 0);
        assertThat(d.nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.STILL_ENROLLED, 17).containsEntry(NonGraduateOutcome.DROPPED_OUT, 10)
                .containsEntry(NonGraduateOutcome.GED, 3).containsEntry(NonGraduateOutcome.NON_DIPLOMA_CREDENTIAL, 3)
                .containsEntry(NonGraduateOutcome.UNDOCUMENTED_EXIT, 2).containsEntry(NonGraduateOutcome.OTHER, 0);
        assertThat(d.rate()).contains(Ratio.of(210, 245));
        assertThat(d.rate().orElseThrow().toPercentString(2)).isEqualTo("85.71");
    }

    @Test
    void fiveYearRateOfTheWorkedVector() {
        GraduationCohortReport r = GraduationRate.calculate(vectorCohort(), COHORT, GraduationCohortDefinition.FIVE_YEAR);
        CohortCounts d = r.district();
        assertThat(r.cutoffDate()).isEqualTo(LocalDate.of(2019, 8, 31));
        assertThat(d.firstTimeNinthGraders() + d.transfersIn()).isEqualTo(267);
        assertThat(d.removalCount()).isEqualTo(21);
        assertThat(d.rate()).contains(Ratio.of(218, 246));
        assertThat(d.rate().orElseThrow().toPercentString(2)).isEqualTo("88.62");
        assertThat(d.nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.STILL_ENROLLED, 10);
    }

    @Test
    void documentedTransferBetweenTwoSchoolsIsARemovalAtOneAndAnAdditionAtTheOtherButNotADistrictRemoval() {
        GraduationCohortReport r = GraduationRate.calculate(vectorCohort(), COHORT, GraduationCohortDefinition.FOUR_YEAR);
        CohortCounts hs1 = r.schools().get(HS1);
        CohortCounts hs2 = r.schools().get(HS2);
        assertThat(hs1.removalsByReason().get(CohortRemoval.TRANSFERRED_OUT)).isEqualTo(14 + 3 + 4);
        assertThat(hs2.transfersIn()).isEqualTo(4);
        assertThat(hs1.firstTimeNinthGraders() + hs2.firstTimeNinthGraders()).isEqualTo(250);
        assertThat(hs1.transfersIn() + hs2.transfersIn()).isEqualTo(15 + 4);
        assertThat(hs1.adjustedCohort() + hs2.adjustedCohort()).isEqualTo(r.district().adjustedCohort());
        CohortMember mover = r.members().stream().filter(m -> m.studentId().value().equals("F184")).findFirst().orElseThrow();
        assertThat(mover.schools().get(HS1).removal()).contains(CohortRemoval.TRANSFERRED_OUT);
        assertThat(mover.schools().get(HS2).entry()).isEqualTo(CohortEntry.TRANSFER_IN);
        assertThat(mover.schools().get(HS2).diploma()).contains(DiplomaType.REGULAR);
        assertThat(mover.district().entry()).isEqualTo(CohortEntry.FIRST_TIME_NINTH_GRADER);
        assertThat(mover.district().graduated()).isTrue();
    }

    @Test
    void aLaterEnrollmentAtAnotherSchoolOfTheDistrictConfirmsTheTransferOutOfTheFirst() {
        String id = "Z";
        StudentHistory summerMove = StudentHistory.of(StudentId.of(id), List.of(
                closed(id, HS1, FALL_2014, GradeLevel.G09, LocalDate.of(2015, 6, 26), ExitWithdrawType.END_OF_YEAR, false),
                closed(id, HS2, LocalDate.of(2015, 9, 9), GradeLevel.G10, LocalDate.of(2018, 6, 26), ExitWithdrawType.GRADUATED, true)),
                List.of(diploma(id, HS2, LocalDate.of(2018, 6, 26), DiplomaType.REGULAR)));
        GraduationCohortReport r = GraduationRate.calculate(List.of(summerMove), COHORT, GraduationCohortDefinition.FOUR_YEAR);
        assertThat(r.schools().get(HS1).removalsByReason()).containsEntry(CohortRemoval.TRANSFERRED_OUT, 1);
        assertThat(r.schools().get(HS2).rate()).contains(Ratio.of(1, 1));
        GraduationCohortDefinition strict = GraduationCohortDefinition.builder().laterEnrollmentConfirmsTransfer(false).build();
        GraduationCohortReport s = GraduationRate.calculate(List.of(summerMove), COHORT, strict);
        assertThat(s.schools().get(HS1).rate()).contains(Ratio.of(1, 1));
        assertThat(s.district()).isEqualTo(r.district());
    }

    /**
     * A documented transfer between two schools of the district never removes the student from the district's
     * cohort, also when the new enrollment begins after the summer following year 4. Cohort 2014-15, cut-off
     * 2018-08-31. Student "late" leaves HS1 on 2018-03-01 with a documented transfer and enters HS2 on 2018-09-10,
     * after the cut-off. Student "grad" graduates on 2018-06-26. District: 2 first-time ninth graders, 0 removed,
     * adjusted cohort 2, 1 graduate: 1/2 (removing "late" would give 1/1, an inflated rate). "late" is still enrolled.
     * HS2's enrollment begins after the window, so the student stays in the cohort of HS1, the last school of the
     * window (the schools' cohorts still add up to the district's): HS1 counts 2 members, 1 graduate, 1/2.
     */
    @Test
    void aTransferBetweenTwoSchoolsOfTheDistrictNeverRemovesTheStudentFromTheDistrictsCohort() {
        String id = "late";
        StudentHistory late = StudentHistory.of(StudentId.of(id), List.of(
                closed(id, HS1, FALL_2014, GradeLevel.G09, LocalDate.of(2018, 3, 1), ExitWithdrawType.TRANSFERRED, true),
                open(id, HS2, LocalDate.of(2018, 9, 10), GradeLevel.G12)), List.of());
        GraduationCohortReport r = GraduationRate.calculate(List.of(late, graduate("grad", HS1, LocalDate.of(2018, 6, 26), DiplomaType.REGULAR)), COHORT,
                GraduationCohortDefinition.FOUR_YEAR);
        assertThat(r.district().removalCount()).isZero();
        assertThat(r.district().adjustedCohort()).isEqualTo(2);
        assertThat(r.district().rate()).contains(Ratio.of(1, 2));
        assertThat(r.district().nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.STILL_ENROLLED, 1);
        assertThat(r.schools()).containsOnlyKeys(HS1);
        assertThat(r.schools().get(HS1)).isEqualTo(r.district());
    }

    /**
     * First-time ninth graders are those enrolled in grade 9 by the fall membership date (default October 1, here
     * 2014-10-01). "early" enters on 2014-09-03 (first-time); "november" first enters grade 9 on 2014-11-17, in the
     * same school year: a transfer in of the same cohort. Both graduate in June 2018. Counts: 1 first-time + 1
     * transfer in = 2, 2 graduates, rate 2/2, the same as when both counted as first-time. With the date moved to
     * December 1 both are first-time ninth graders and the rate is still 2/2.
     */
    @Test
    void aStudentWhoFirstEntersGradeNineAfterTheFallMembershipDateIsATransferIn() {
        LocalDate june2018 = LocalDate.of(2018, 6, 26);
        StudentHistory november = StudentHistory.of(StudentId.of("november"), List.of(
                closed("november", HS1, LocalDate.of(2014, 11, 17), GradeLevel.G09, june2018, ExitWithdrawType.GRADUATED, true)),
                List.of(diploma("november", HS1, june2018, DiplomaType.REGULAR)));
        List<StudentHistory> both = List.of(graduate("early", HS1, june2018, DiplomaType.REGULAR), november);
        CohortCounts d = GraduationRate.calculate(both, COHORT, GraduationCohortDefinition.FOUR_YEAR).district();
        assertThat(GraduationCohortDefinition.FOUR_YEAR.fallMembershipDate(COHORT)).isEqualTo(LocalDate.of(2014, 10, 1));
        assertThat(d.firstTimeNinthGraders()).isEqualTo(1);
        assertThat(d.transfersIn()).isEqualTo(1);
        assertThat(d.rate()).contains(Ratio.of(2, 2));
        GraduationCohortDefinition december = GraduationCohortDefinition.builder().fallMembershipDate(java.time.MonthDay.of(12, 1)).build();
        CohortCounts later = GraduationRate.calculate(both, COHORT, december).district();
        assertThat(later.firstTimeNinthGraders()).isEqualTo(2);
        assertThat(later.transfersIn()).isZero();
        assertThat(later.rate()).isEqualTo(d.rate());
    }

    @Test
    void alternateDiplomasCanBeSwitchedOff() {
        GraduationCohortDefinition noAlternate = GraduationCohortDefinition.builder().alternateDiplomasCount(false).build();
        CohortCounts d = GraduationRate.calculate(vectorCohort(), COHORT, noAlternate).district();
        assertThat(d.rate()).contains(Ratio.of(208, 245));
        assertThat(d.nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.NON_DIPLOMA_CREDENTIAL, 5);
    }

    @Test
    void earlyGraduatesCount() {
        StudentHistory early = graduate("E", HS1, LocalDate.of(2017, 1, 20), DiplomaType.REGULAR);
        assertThat(GraduationRate.calculate(List.of(early), COHORT, GraduationCohortDefinition.FOUR_YEAR).district().rate()).contains(Ratio.of(1, 1));
    }

    @Test
    void summerGraduatesCountUpToTheCutoffInclusive() {
        List<StudentHistory> s = List.of(
                graduate("A", HS1, LocalDate.of(2018, 8, 31), DiplomaType.REGULAR),
                graduate("B", HS1, LocalDate.of(2018, 9, 1), DiplomaType.REGULAR));
        GraduationCohortReport r = GraduationRate.calculate(s, COHORT, GraduationCohortDefinition.FOUR_YEAR);
        assertThat(r.district().rate()).contains(Ratio.of(1, 2));
        GraduationCohortDefinition june30 = GraduationCohortDefinition.builder().cutoff(MonthDay.of(6, 30)).build();
        assertThat(GraduationRate.calculate(s, COHORT, june30).district().rate()).contains(Ratio.of(0, 2));
    }

    @Test
    void certificatesHseAndIepDiplomasDoNotCount() {
        List<StudentHistory> s = List.of(
                graduate("C", HS1, LocalDate.of(2018, 6, 20), DiplomaType.CERTIFICATE),
                graduate("H", HS1, LocalDate.of(2018, 6, 20), DiplomaType.HSE),
                graduate("I", HS1, LocalDate.of(2018, 6, 20), DiplomaType.IEP));
        CohortCounts d = GraduationRate.calculate(s, COHORT, GraduationCohortDefinition.FOUR_YEAR).district();
        assertThat(d.rate()).contains(Ratio.of(0, 3));
        assertThat(d.nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.GED, 1).containsEntry(NonGraduateOutcome.NON_DIPLOMA_CREDENTIAL, 2);
    }

    @Test
    void aYearEndExitInTheLastYearIsStillEnrolledButEarlierItIsAnUnknownExit() {
        StudentHistory continuing = leaver("C", HS1, LocalDate.of(2018, 6, 26), ExitWithdrawType.END_OF_YEAR, false);
        StudentHistory vanished = leaver("V", HS1, LocalDate.of(2016, 6, 24), ExitWithdrawType.END_OF_YEAR, false);
        CohortCounts d = GraduationRate.calculate(List.of(continuing, vanished), COHORT, GraduationCohortDefinition.FOUR_YEAR).district();
        assertThat(d.nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.STILL_ENROLLED, 1).containsEntry(NonGraduateOutcome.OTHER, 1);
    }

    @Test
    void undocumentedTransferStaysInTheCohort() {
        StudentHistory s = leaver("U", HS1, LocalDate.of(2016, 4, 1), ExitWithdrawType.TRANSFERRED, false);
        CohortCounts d = GraduationRate.calculate(List.of(s), COHORT, GraduationCohortDefinition.FOUR_YEAR).district();
        assertThat(d.removalCount()).isZero();
        assertThat(d.adjustedCohort()).isEqualTo(1);
        assertThat(d.nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.UNDOCUMENTED_EXIT, 1);
    }

    @Test
    void laterEntrantsJoinTheCohortOfTheirOriginalNinthGradeYear() {
        StudentHistory tenth = transferIn("X", HS1, LocalDate.of(2015, 9, 10), GradeLevel.G10);
        StudentHistory ninthNextYear = transferIn("Y", HS1, LocalDate.of(2015, 9, 10), GradeLevel.G09);
        assertThat(tenth.ninthGradeYear()).contains(COHORT);
        assertThat(ninthNextYear.ninthGradeYear()).contains(SchoolYear.of(2016));
        CohortCounts d = GraduationRate.calculate(List.of(tenth, ninthNextYear), COHORT, GraduationCohortDefinition.FOUR_YEAR).district();
        assertThat(d.transfersIn()).isEqualTo(1);
        assertThat(d.firstTimeNinthGraders()).isZero();
    }

    @Test
    void mostDaysAttributionCountsAShortFinalStayAtTheSchoolWithTheMostDays() {
        String id = "S";
        StudentHistory s = StudentHistory.of(StudentId.of(id), List.of(
                closed(id, HS1, FALL_2014, GradeLevel.G09, LocalDate.of(2017, 1, 31), ExitWithdrawType.TRANSFERRED, true),
                closed(id, HS2, LocalDate.of(2017, 2, 6), GradeLevel.G11, LocalDate.of(2017, 4, 28), ExitWithdrawType.DROPPED_OUT, false)),
                List.of());
        GraduationCohortReport recent = GraduationRate.calculate(List.of(s), COHORT, GraduationCohortDefinition.FOUR_YEAR);
        assertThat(recent.schools().get(HS1).adjustedCohort()).isZero();
        assertThat(recent.schools().get(HS2).nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.DROPPED_OUT, 1);
        GraduationCohortDefinition mostDays = GraduationCohortDefinition.builder().attribution(GraduationCohortDefinition.Attribution.MOST_DAYS).build();
        GraduationCohortReport r = GraduationRate.calculate(List.of(s), COHORT, mostDays);
        assertThat(r.schools().get(HS1).nonGraduatesByOutcome()).containsEntry(NonGraduateOutcome.DROPPED_OUT, 1);
        assertThat(r.schools().get(HS1).removalCount()).isZero();
        assertThat(r.schools().get(HS2).removalsByReason()).containsEntry(CohortRemoval.ATTRIBUTED_TO_ANOTHER_SCHOOL, 1);
        assertThat(r.schools().get(HS2).adjustedCohort()).isZero();
        assertThat(r.district()).isEqualTo(recent.district());
    }

    @Test
    void subgroupsCountStudentsWhoHadTheCharacteristicAtAnyTimeDuringTheCohort() {
        StudentId id = StudentId.of("EL");
        StudentHistory el = new StudentHistory(id, Optional.empty(),
                List.of(closed("EL", HS1, FALL_2014, GradeLevel.G09, LocalDate.of(2018, 6, 26), ExitWithdrawType.GRADUATED, true)),
                List.of(diploma("EL", HS1, LocalDate.of(2018, 6, 26), DiplomaType.REGULAR)),
                List.of(new StudentCharacteristic(id, StudentCharacteristicType.ENGLISH_LEARNER, DateRange.closed(FALL_2014, LocalDate.of(2015, 1, 1)))));
        StudentHistory other = leaver("O", HS1, LocalDate.of(2016, 11, 1), ExitWithdrawType.DROPPED_OUT, false);
        GraduationCohortReport r = GraduationRate.calculate(List.of(el, other), COHORT, GraduationCohortDefinition.FOUR_YEAR);
        assertThat(r.byCharacteristic()).containsOnlyKeys(StudentCharacteristicType.ENGLISH_LEARNER);
        assertThat(r.byCharacteristic().get(StudentCharacteristicType.ENGLISH_LEARNER).rate()).contains(Ratio.of(1, 1));
        assertThat(r.district().rate()).contains(Ratio.of(1, 2));
    }

    @Test
    void callerSuppliedGroupingsAddUpToTheDistrict() {
        GraduationCohortReport r = GraduationRate.calculate(vectorCohort(), COHORT, GraduationCohortDefinition.FOUR_YEAR);
        Map<Boolean, CohortCounts> byTransfer = r.groupBy(m -> m.studentId().value().startsWith("T"));
        assertThat(byTransfer.get(true).transfersIn()).isEqualTo(15);
        assertThat(byTransfer.get(true).adjustedCohort() + byTransfer.get(false).adjustedCohort()).isEqualTo(245);
        assertThat(r.groupBy(m -> "all").get("all")).isEqualTo(r.district());
    }

    @Test
    void definitionBuilderChecksItsSettings() {
        assertThatThrownBy(() -> GraduationCohortDefinition.builder().years(7)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 7");
        assertThatThrownBy(() -> GraduationCohortDefinition.builder().years(5).years(6)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GraduationCohortDefinition.builder().cutoff(MonthDay.of(12, 31))).isInstanceOf(IllegalArgumentException.class);
        assertThat(GraduationCohortDefinition.SIX_YEAR.cutoffDate(COHORT)).isEqualTo(LocalDate.of(2020, 8, 31));
    }

    @Test
    void countsMustAddUp() {
        assertThatThrownBy(() -> new CohortCounts(10, 0, Map.of(), Map.of(DiplomaType.REGULAR, 5), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must equal the adjusted cohort 10");
    }
}
