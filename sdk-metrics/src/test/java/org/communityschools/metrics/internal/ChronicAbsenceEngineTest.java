package org.communityschools.metrics.internal;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.SchoolAttendance;
import org.communityschools.metrics.Subgroup;
import org.junit.jupiter.api.Test;

class ChronicAbsenceEngineTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static final SchoolId A = SchoolId.of("A");
    static final SchoolId B = SchoolId.of("B");
    static final List<LocalDate> CALENDAR = weekdays(LocalDate.of(2017, 9, 7), 180);

    static List<LocalDate> weekdays(LocalDate from, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    static Enrollment enrollment(String student, SchoolId school, LocalDate entry, Optional<LocalDate> exit) {
        return new Enrollment(StudentId.of(student), school, entry, GradeLevel.G06, exit,
                exit.map(x -> ExitWithdrawType.TRANSFERRED), false);
    }

    static void absent(ListAttendanceSource s, String student, SchoolId school, List<LocalDate> days) {
        for (LocalDate d : days) {
            s.attendance.add(AttendanceRecord.of(StudentId.of(student), school, d, AttendanceCategory.UNEXCUSED_ABSENCE, Optional.empty(), Optional.empty()));
        }
    }

    /** The transfer vector (FS195 counts a mover at each school; pooled, once), 10 of 60 at A and 5 of 120 at B; plus a student absent 18 of 180 at B. */
    static ListAttendanceSource district() {
        ListAttendanceSource s = new ListAttendanceSource().calendar(A, CALENDAR).calendar(B, CALENDAR);
        s.enrollments.add(enrollment("mover", A, CALENDAR.get(0), Optional.of(CALENDAR.get(59))));
        s.enrollments.add(enrollment("mover", B, CALENDAR.get(60), Optional.empty()));
        s.enrollments.add(enrollment("stayer", B, LocalDate.of(2017, 9, 1), Optional.empty()));
        absent(s, "mover", A, CALENDAR.subList(0, 10));
        absent(s, "mover", B, CALENDAR.subList(60, 65));
        absent(s, "stayer", B, CALENDAR.subList(100, 118));
        s.communitySchools.add(A);
        s.subgroups.put(StudentId.of("mover"), Set.of(Subgroup.of(Sex.FEMALE)));
        s.subgroups.put(StudentId.of("stayer"), Set.of(Subgroup.of(Sex.MALE)));
        return s;
    }

    static final ChronicAbsenceDefinition POOLED = ChronicAbsenceDefinition.builder("pooled")
            .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
            .aggregation(ChronicAbsenceDefinition.Aggregation.POOLED).build();

    @Test
    void schoolsCountTheirEnrollmentsAndTheDistrictPoolsEachStudentOnce() {
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(district(), YEAR, POOLED, YEAR.lastDay());
        AttendanceAggregate a = r.schools().get(A).enrollments();
        AttendanceAggregate b = r.schools().get(B).enrollments();
        assertThat(a.chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(b.chronicAbsenceRate()).contains(Ratio.of(1, 2));
        assertThat(r.district().chronicAbsenceRate()).contains(Ratio.of(1, 2));
        assertThat(r.district().members()).isEqualTo(2);
        assertThat(r.district().daysEnrolled()).isEqualTo(360);
        assertThat(r.students()).hasSize(2);
        assertThat(r.students().get(0).figures().absenceRate()).contains(Ratio.of(15, 180));
        assertThat(r.students().get(0).schools()).containsExactly(A, B);
        assertThat(r.bySubgroup().get(Subgroup.of(Sex.FEMALE)).chronicAbsenceRate()).contains(Ratio.of(0, 1));
        assertThat(r.bySubgroup().get(Subgroup.of(Sex.MALE)).chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(r.byCommunitySchool().communitySchools().orElseThrow().chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(r.byCommunitySchool().otherSchools().orElseThrow().chronicAbsenceRate()).contains(Ratio.of(1, 2));
    }

    @Test
    void perEnrollmentAggregationCountsAMoverAtEachSchoolInTheDistrictTotal() {
        ChronicAbsenceDefinition perEnrollment = ChronicAbsenceDefinition.builder("per enrollment")
                .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .aggregation(ChronicAbsenceDefinition.Aggregation.PER_ENROLLMENT).build();
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(district(), YEAR, perEnrollment, YEAR.lastDay());
        assertThat(r.district().chronicAbsenceRate()).contains(Ratio.of(2, 3));
        assertThat(r.districtPooled().chronicAbsenceRate()).contains(Ratio.of(1, 2));
        ChronicAbsenceReport federal = ChronicAbsenceEngine.calculate(district(), YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        assertThat(federal.district()).isEqualTo(r.district()).isEqualTo(federal.districtPerEnrollment());
        assertThat(federal.districtPooled().chronicAbsenceRate()).contains(Ratio.of(1, 2));
    }

    @Test
    void averageDailyAttendanceAndMembershipStayDistinctFromTheAttendanceRate() {
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(district(), YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        SchoolAttendance b = r.schools().get(B);
        assertThat(b.daysInSession()).isEqualTo(180);
        assertThat(b.enrollments().daysEnrolled()).isEqualTo(300);
        assertThat(b.averageDailyMembership()).contains(Ratio.of(300, 180));
        assertThat(b.averageDailyAttendance()).contains(Ratio.of(277, 180));
        assertThat(b.enrollments().attendanceRate()).contains(Ratio.of(277, 300));
    }

    @Test
    void yearToDateCountsOnlyDaysUpToTheAsOfDate() {
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(district(), YEAR, POOLED, CALENDAR.get(29));
        assertThat(r.schools()).containsOnlyKeys(A, B);
        assertThat(r.schools().get(A).enrollments().daysEnrolled()).isEqualTo(30);
        assertThat(r.schools().get(A).enrollments().daysAbsent()).isEqualByComparingTo("10");
        assertThat(r.students().get(0).figures().absenceRate()).contains(Ratio.of(10, 30));
        assertThat(r.district().chronicAbsenceRate()).contains(Ratio.of(1, 2));
    }

    @Test
    void ignoresRecordsOutsideAnyEnrollmentOrOnNonInstructionalDays() {
        ListAttendanceSource s = district();
        absent(s, "mover", A, List.of(CALENDAR.get(70)));
        absent(s, "stayer", B, List.of(LocalDate.of(2017, 9, 9)));
        absent(s, "nobody", B, List.of(CALENDAR.get(3)));
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(s, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        assertThat(r.district().daysAbsent()).isEqualByComparingTo("33");
    }

    @Test
    void gradeFiltersAndExcludedSchoolTypesLeaveEnrollmentsOutEntirely() {
        ListAttendanceSource s = district();
        s.schoolTypes.put(A, org.communityschools.core.model.SchoolType.TRANSFER);
        ChronicAbsenceDefinition noTransferSchools = ChronicAbsenceDefinition.builder("no transfer schools")
                .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .excludeSchoolTypes(Set.of(org.communityschools.core.model.SchoolType.TRANSFER)).build();
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(s, YEAR, noTransferSchools, YEAR.lastDay());
        assertThat(r.schools()).containsOnlyKeys(B);
        assertThat(r.students().get(0).figures().absenceRate()).contains(Ratio.of(5, 120));
        ChronicAbsenceDefinition grade7 = ChronicAbsenceDefinition.builder("grade 7")
                .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .grades(Set.of(GradeLevel.G07)).build();
        ChronicAbsenceReport r7 = ChronicAbsenceEngine.calculate(district(), YEAR, grade7, YEAR.lastDay());
        assertThat(r7.students()).hasSize(0);
        assertThat(r7.district().members()).isZero();
    }

    @Test
    void callerSuppliedGroupingsCarryTheirCounts() {
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(district(), YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        assertThat(r.groupStudentsBy(s -> "all").get("all")).isEqualTo(r.districtPooled());
        assertThat(r.groupEnrollmentsBy(e -> e.schoolId()).get(A)).isEqualTo(r.schools().get(A).enrollments());
    }

    /**
     * A student who left school A and came back the same year is one student at A. Enrolled on calendar days 0-99
     * (100 days, absent on days 0-4: 5%, not chronic alone) and again on days 120-179 (60 days, absent on days
     * 120-126: 7/60 = 11.7%, chronic alone). Combined: 100 + 60 = 160 days, 5 + 7 = 12 absent, 12/160 = 7.5% < 10%:
     * one member at A, not chronically absent (the two enrollments counted apart would make two members, one
     * chronic). Under FS195's per-enrollment aggregation the district row counts the same one member.
     */
    @Test
    void twoEnrollmentsOfOneStudentAtOneSchoolAreOneStudentThere() {
        ListAttendanceSource s = new ListAttendanceSource().calendar(A, CALENDAR);
        s.enrollments.add(enrollment("back", A, CALENDAR.get(0), Optional.of(CALENDAR.get(99))));
        s.enrollments.add(enrollment("back", A, CALENDAR.get(120), Optional.empty()));
        absent(s, "back", A, CALENDAR.subList(0, 5));
        absent(s, "back", A, CALENDAR.subList(120, 127));
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(s, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        AttendanceAggregate a = r.schools().get(A).enrollments();
        assertThat(a.members()).isEqualTo(1);
        assertThat(a.daysEnrolled()).isEqualTo(160);
        assertThat(a.daysAbsent()).isEqualByComparingTo("12");
        assertThat(a.chronicallyAbsent()).isZero();
        assertThat(r.enrollments()).singleElement().satisfies(e -> {
            assertThat(e.figures().absenceRate()).contains(Ratio.of(12, 160));
            assertThat(e.period()).isEqualTo(org.communityschools.core.model.DateRange.closed(CALENDAR.get(0), YEAR.lastDay()));
        });
        assertThat(r.district().members()).isEqualTo(1);
        assertThat(r.byGrade().get(GradeLevel.G06).members()).isEqualTo(1);
        assertThat(r.districtPerEnrollment().chronicAbsenceRate()).contains(Ratio.of(0, 1));
    }

    /**
     * NYSED's minimum of 10 days enrolled applies to the combined days at the school: enrolled on days 0-5 (6 days,
     * no absence) and days 100-105 (6 days, absent on days 100 and 101). Apart, each enrollment has 6 < 10 days and
     * would be excluded; combined, 12 >= 10 days with 10 present (>= 1), 2/12 = 16.7% >= 10%: counted, chronic.
     */
    @Test
    void theTenDayMinimumAppliesToTheCombinedDaysAtTheSchool() {
        ListAttendanceSource s = new ListAttendanceSource().calendar(A, CALENDAR);
        s.enrollments.add(enrollment("short", A, CALENDAR.get(0), Optional.of(CALENDAR.get(5))));
        s.enrollments.add(enrollment("short", A, CALENDAR.get(100), Optional.of(CALENDAR.get(105))));
        absent(s, "short", A, CALENDAR.subList(100, 102));
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(s, YEAR, ChronicAbsenceDefinition.NYSED, YEAR.lastDay());
        assertThat(r.enrollments()).singleElement().satisfies(e -> {
            assertThat(e.figures().daysEnrolled()).isEqualTo(12);
            assertThat(e.figures().status()).isEqualTo(org.communityschools.metrics.ChronicAbsenceStatus.CHRONICALLY_ABSENT);
        });
        assertThat(r.schools().get(A).enrollments().chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(r.district().chronicAbsenceRate()).contains(Ratio.of(1, 1));
    }

    /**
     * A same-day transfer: exit from A and entry to B both on calendar day 59. At A: days 0-59 = 60 days, absent on
     * days 0-9; at B: days 59-179 = 121 days, absent on days 60-64. Each school counts the day (the student was
     * enrolled at both); the district's pooled student-year counts it once: days 0-179 = 180 days (not 60 + 121 =
     * 181), absent 10 + 5 = 15, 15/180 = 8.3%: not chronic.
     */
    @Test
    void aSameDayTransferPutsThatDayIntoThePooledMembershipOnce() {
        ListAttendanceSource s = new ListAttendanceSource().calendar(A, CALENDAR).calendar(B, CALENDAR);
        s.enrollments.add(enrollment("mover", A, CALENDAR.get(0), Optional.of(CALENDAR.get(59))));
        s.enrollments.add(enrollment("mover", B, CALENDAR.get(59), Optional.empty()));
        absent(s, "mover", A, CALENDAR.subList(0, 10));
        absent(s, "mover", B, CALENDAR.subList(60, 65));
        ChronicAbsenceReport r = ChronicAbsenceEngine.calculate(s, YEAR, POOLED, YEAR.lastDay());
        assertThat(r.schools().get(A).enrollments().daysEnrolled()).isEqualTo(60);
        assertThat(r.schools().get(B).enrollments().daysEnrolled()).isEqualTo(121);
        assertThat(r.students()).singleElement().satisfies(st -> assertThat(st.figures().absenceRate()).contains(Ratio.of(15, 180)));
        assertThat(r.district().daysEnrolled()).isEqualTo(180);
        assertThat(r.districtPooled().chronicAbsenceRate()).contains(Ratio.of(0, 1));

        org.communityschools.metrics.AttendanceAccumulator acc = org.communityschools.metrics.AttendanceAccumulator.of(YEAR, POOLED);
        CALENDAR.forEach(d -> {
            acc.instructionalDay(A, d);
            acc.instructionalDay(B, d);
        });
        s.enrollments.forEach(acc::enrollment);
        s.attendance.forEach(acc::attendance);
        assertThat(acc.districtPooled(YEAR.lastDay())).isEqualTo(r.districtPooled());
        assertThat(acc.districtPooled(YEAR.lastDay()).daysEnrolled()).isEqualTo(180);
    }
}
