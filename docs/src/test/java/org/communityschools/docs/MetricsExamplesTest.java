package org.communityschools.docs;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.metrics.ActionStepFollowUp;
import org.communityschools.metrics.ActionStepFollowUpReport;
import org.communityschools.metrics.ActionStepOutcome;
import org.communityschools.metrics.ActionStepTimeliness;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceMark;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.ChronicAbsenceStatus;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.OwnerTimeliness;
import org.communityschools.metrics.StudentHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/metrics.md, compiled and run. */
class MetricsExamplesTest {

    @Test
    void oneStudent() {
        List<AttendanceMark> marks = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            marks.add(AttendanceMark.of(LocalDate.of(2017, 9, 11).plusWeeks(i), AttendanceCategory.UNEXCUSED_ABSENCE));
        }
        // [one-student]
        AttendanceFigures f = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 180, marks);
        f.absenceRate();            // Optional[18/180]
        f.status();                 // CHRONICALLY_ABSENT: 18/180 is exactly 10%
        f.tier();                   // Optional[MODERATE_CHRONIC]
        // [/one-student]
        assertThat(f.absenceRate()).contains(Ratio.of(18, 180));
        assertThat(f.status()).isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.NYSED, 8, marks.subList(0, 2)).status())
                .isEqualTo(ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_ENROLLED);
    }

    @Test
    void customDefinition() {
        // [custom]
        ChronicAbsenceDefinition district = ChronicAbsenceDefinition.builder("OUR_DISTRICT")
                .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .minimumDaysEnrolled(20)
                .dayRule(ChronicAbsenceDefinition.DayRule.FRACTIONAL)
                .treat(AttendanceCategory.IN_SCHOOL_SUSPENSION, ChronicAbsenceDefinition.CategoryTreatment.ABSENT)
                .aggregation(ChronicAbsenceDefinition.Aggregation.POOLED)
                .build();
        // [/custom]
        assertThat(district.minimumDaysEnrolled()).isEqualTo(20);
    }

    @Test
    void districtReports(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(42).build().writeTo(dir);
        // [district]
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.NYSED,
                LocalDate.of(2018, 1, 31));                              // year to date
        AttendanceAggregate district = report.district();                  // each student once (NYSED pools)
        district.chronicallyAbsent();                                      // the numerator
        district.counted();                                                // the denominator
        district.chronicAbsenceRate().map(r -> r.toPercentString(1));      // the percentage, one decimal, half-even
        report.byCommunitySchool().communitySchools();                     // enrollments at community schools
        // [/district]
        assertThat(district.counted()).isPositive();
        // [acgr-district]
        GraduationCohortReport acgr = GraduationRate.calculate(data, SchoolYear.of(2015), GraduationCohortDefinition.FOUR_YEAR);
        CohortCounts counts = acgr.district();
        counts.adjustedCohort();                                           // first-time 9th graders + transfers in - removals
        counts.rate();                                                     // graduates / adjusted cohort
        // [/acgr-district]
        assertThat(counts.adjustedCohort()).isEqualTo(counts.graduateCount() + counts.nonGraduateCount());
    }

    @Test
    void oneCohortFromHistories() {
        StudentId id = StudentId.of("S1");
        SchoolId hs = SchoolId.of("HS1");
        // [acgr-history]
        StudentHistory history = StudentHistory.of(id,
                List.of(new Enrollment(id, hs, LocalDate.of(2014, 9, 3), GradeLevel.G09, Optional.of(LocalDate.of(2018, 8, 20)),
                        Optional.of(ExitWithdrawType.GRADUATED), true)),
                List.of(new Diploma(id, hs, LocalDate.of(2018, 8, 20), DiplomaType.REGULAR)));     // a summer graduate
        GraduationCohortReport four = GraduationRate.calculate(List.of(history), SchoolYear.of(2015), GraduationCohortDefinition.FOUR_YEAR);
        four.district().rate();                                            // Optional[1/1]: August 20 is before August 31
        // [/acgr-history]
        assertThat(four.district().rate()).contains(Ratio.of(1, 1));
    }

    @Test
    void actionStepFollowUp(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(42).build().writeTo(dir);
        DistrictData city = DistrictDataReader.builder().build().read(dir).data();
        // a meeting of a school's team on 2018-01-16 and one step about a student enrolled there, done before it was due
        LocalDate day = LocalDate.of(2018, 1, 16);
        Enrollment e = city.enrollments().stream().filter(x -> x.isEnrolledOn(day) && x.isEnrolledOn(LocalDate.of(2018, 3, 1)))
                .findFirst().orElseThrow();
        org.communityschools.core.model.StaffId owner = city.staff().get(0).id();
        org.communityschools.core.model.Meeting meeting = new org.communityschools.core.model.Meeting(
                org.communityschools.core.model.MeetingId.of("MT1"), e.schoolId(), day, "Attendance review", java.util.Set.of(owner));
        org.communityschools.core.model.ActionStep done = new org.communityschools.core.model.ActionStep(ActionStepId.of("AS1"),
                meeting.id(), "Call home", owner, LocalDate.of(2018, 2, 1), Optional.of(e.studentId()), Optional.empty(), Optional.empty(),
                org.communityschools.core.model.ActionStepStatus.DONE, Optional.of(LocalDate.of(2018, 1, 30)), owner,
                java.time.Instant.parse("2018-01-30T15:00:00Z"));
        DistrictData data;
        try (org.communityschools.core.live.LiveDistrict live = org.communityschools.core.live.LiveDistrict.of(city)) {
            data = live.apply(org.communityschools.core.live.ChangeBatch.builder().upsert(meeting).upsert(done).build()).data();
        }
        // tag::follow-up[]
        ActionStepFollowUpReport r = ActionStepFollowUp.evaluate(data, SchoolYear.of(2018), LocalDate.of(2018, 3, 1), 30,
                ChronicAbsenceDefinition.FEDERAL);
        ActionStepOutcome s = r.step(ActionStepId.of("AS1")).orElseThrow();
        s.timeliness();                                  // ON_TIME: done 2018-01-30, due 2018-02-01
        s.attendanceDifferenceInPoints(1);               // the student's change − the comparison's, in points
        r.owner(s.ownerId()).flatMap(OwnerTimeliness::onTimeShare);        // Optional[1/1]
        // end::follow-up[]
        assertThat(s.timeliness()).isEqualTo(ActionStepTimeliness.ON_TIME);
        assertThat(s.starts()).containsEntry(e.studentId(), day);
        assertThat(r.owner(owner).flatMap(OwnerTimeliness::onTimeShare)).contains(Ratio.of(1, 1));
        DocPages.assertQuoted("metrics.md", MetricsExamplesTest.class, "follow-up");
    }
}
