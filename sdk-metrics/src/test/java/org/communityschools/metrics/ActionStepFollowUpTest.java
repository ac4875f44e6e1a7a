package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;
import org.junit.jupiter.api.Test;

class ActionStepFollowUpTest {
    static final Ratio BAND = Ratio.of(5, 100);

    static Optional<BigDecimal> mark(int value) {
        return Optional.of(BigDecimal.valueOf(value));
    }

    /**
     * 40 instructional days; the team meets on day 20 and gives p a step (S1, no intervention: measured from the meeting's
     * day), windows of 20 days, as of day 39. Worked by hand:
     * <pre>
     *   p : absent days 12–19 and 20–23   attendance before 12/20, after 16/20: change +20 points
     *       incidents on days 3 and 15    before 2/20 days = 10 per 100 days, after 0: change −10
     *       marks 60 (final day 10), 80 (final day 30): mean before 60, after 80: change +20
     *   c1: absent 12–19 and 20–27        before 12/20 (distance 0), after 12/20
     *       incidents on days 5 and 25; marks 70 (day 10) and 70 (day 30)
     *   c2: absent 11–19 and 20–26        before 11/20 (distance 5 points: inside the band, inclusive), after 13/20
     *       marks 50 (day 10) and 60 (day 30)
     *   c3: absent 10–19                  before 10/20: 10 points away, outside the band
     *   q : absent 12–19                  as close as c1, but q has a step of its own (S2, S4): not a comparison student
     * comparison (c1 + c2, k = 2): attendance before 23/40 = 57.5%, after 25/40 = 62.5%: change +5 points
     *   incidents before 1/40 = 2.5 per 100 days, after 1/40 = 2.5: change 0
     *   marks before (70 + 50)/2 = 60, after (70 + 60)/2 = 65: change +5
     * differences in differences: attendance 20 − 5 = 15.0 points; incidents −10 − 0 = −10.0 per 100 days;
     *   marks 20 − 5 = 15.0 points.
     * on time as of day 39: T1 owns S1 (done day 24, due day 25: on time), S3 (due after day 39, open: not yet due) and
     *   S5 (dropped): 1 of 1. T2 owns S2 (due day 22, open: overdue) and S4 (due day 21, done day 23: late): 0 of 2.
     * </pre>
     */
    static DistrictData district() {
        SmallDistrict d = new SmallDistrict(40);
        FollowUpFixture f = new FollowUpFixture(d);
        StudentId p = d.student("p");
        d.absent(p, 12, 20).absent(p, 20, 24);
        f.incident(p, 3);
        f.incident(p, 15);
        d.mark(p, Subject.MATH, CourseResult.PASS, mark(60), Optional.of(d.calendar.get(10)));
        d.mark(p, Subject.MATH, CourseResult.PASS, mark(80), Optional.of(d.calendar.get(30)));
        StudentId c1 = d.student("c1");
        d.absent(c1, 12, 20).absent(c1, 20, 28);
        f.incident(c1, 5);
        f.incident(c1, 25);
        d.mark(c1, Subject.MATH, CourseResult.PASS, mark(70), Optional.of(d.calendar.get(10)));
        d.mark(c1, Subject.MATH, CourseResult.PASS, mark(70), Optional.of(d.calendar.get(30)));
        StudentId c2 = d.student("c2");
        d.absent(c2, 11, 20).absent(c2, 20, 27);
        d.mark(c2, Subject.MATH, CourseResult.FAIL, mark(50), Optional.of(d.calendar.get(10)));
        d.mark(c2, Subject.MATH, CourseResult.PASS, mark(60), Optional.of(d.calendar.get(30)));
        StudentId c3 = d.student("c3");
        d.absent(c3, 10, 20);
        StudentId q = d.student("q");
        d.absent(q, 12, 20);
        MeetingId m = f.meeting("M1", 20);
        List<LocalDate> cal = d.calendar;
        f.step("S1", m, FollowUpFixture.T1, Optional.of(p), Optional.empty(), Optional.empty(), cal.get(25), ActionStepStatus.DONE,
                Optional.of(cal.get(24)));
        f.step("S2", m, FollowUpFixture.T2, Optional.of(q), Optional.empty(), Optional.empty(), cal.get(22), ActionStepStatus.OPEN,
                Optional.empty());
        f.step("S3", m, FollowUpFixture.T1, Optional.empty(), Optional.of("grade 9"), Optional.empty(), cal.get(39).plusDays(30),
                ActionStepStatus.OPEN, Optional.empty());
        f.step("S4", m, FollowUpFixture.T2, Optional.of(q), Optional.empty(), Optional.empty(), cal.get(21), ActionStepStatus.DONE,
                Optional.of(cal.get(23)));
        f.step("S5", m, FollowUpFixture.T1, Optional.of(c3), Optional.empty(), Optional.empty(), cal.get(21), ActionStepStatus.DROPPED,
                Optional.of(cal.get(21)));
        return d.build();
    }

    static ActionStepFollowUpReport report(DistrictData data, LocalDate asOf) {
        return ActionStepFollowUp.evaluate(data, SmallDistrict.YEAR, asOf, 20, ChronicAbsenceDefinition.FEDERAL, BAND, 2);
    }

    @Test
    void aStudentsStepAgainstMatchedStudentsWithoutAStepWorkedByHand() {
        DistrictData data = district();
        ActionStepFollowUpReport report = report(data, new SmallDistrict(40).calendar.get(39));
        ActionStepOutcome s1 = report.step(ActionStepId.of("S1")).orElseThrow();

        assertThat(s1.timeliness()).isEqualTo(ActionStepTimeliness.ON_TIME);
        assertThat(s1.starts()).containsExactly(Map.entry(StudentId.of("p"), new SmallDistrict(40).calendar.get(20)));
        assertThat(s1.measured()).isEqualTo(1);
        assertThat(s1.matched()).isEqualTo(1);
        assertThat(s1.matches()).containsExactly(Map.entry(StudentId.of("p"), List.of(StudentId.of("c1"), StudentId.of("c2"))));
        assertThat(s1.comparisonPairs()).isEqualTo(2);
        assertThat(s1.comparisonStudents()).isEqualTo(2);

        FollowUpFigures own = s1.matchedFigures();
        assertThat(own.attendance()).isEqualTo(new WindowRates(new BigDecimal("12"), 20, new BigDecimal("16"), 20));
        assertThat(own.incidentRateBefore()).contains(Ratio.of(2, 20));
        assertThat(own.incidentRateAfter()).contains(Ratio.of(0, 20));
        assertThat(own.meanMarkBefore().orElseThrow().hasSameValue(Ratio.of(60, 1))).isTrue();
        assertThat(own.meanMarkAfter().orElseThrow().hasSameValue(Ratio.of(80, 1))).isTrue();

        FollowUpFigures comparison = s1.comparisonFigures();
        assertThat(comparison.attendance().before()).contains(Ratio.of(23, 40));
        assertThat(comparison.attendance().after()).contains(Ratio.of(25, 40));
        assertThat(comparison.incidentRateBefore()).contains(Ratio.of(1, 40));
        assertThat(comparison.incidentRateAfter()).contains(Ratio.of(1, 40));
        assertThat(comparison.meanMarkBefore().orElseThrow().hasSameValue(Ratio.of(60, 1))).isTrue();
        assertThat(comparison.meanMarkAfter().orElseThrow().hasSameValue(Ratio.of(65, 1))).isTrue();

        assertThat(s1.attendanceDifferenceInPoints(1)).contains(new BigDecimal("15.0"));
        assertThat(s1.incidentDifferencePer100Days(1)).contains(new BigDecimal("-10.0"));
        assertThat(s1.markDifference(1)).contains(new BigDecimal("15.0"));
    }

    @Test
    void onTimeSharePerOwnerCountsOverdueStepsAndLeavesOutStepsNotYetDueAndDropped() {
        ActionStepFollowUpReport report = report(district(), new SmallDistrict(40).calendar.get(39));

        assertThat(report.steps()).extracting(ActionStepOutcome::timeliness).containsExactly(ActionStepTimeliness.ON_TIME,
                ActionStepTimeliness.OVERDUE, ActionStepTimeliness.NOT_YET_DUE, ActionStepTimeliness.LATE, ActionStepTimeliness.DROPPED);
        OwnerTimeliness t1 = report.owner(FollowUpFixture.T1).orElseThrow();
        assertThat(t1).isEqualTo(new OwnerTimeliness(FollowUpFixture.T1, 1, 0, 0, 1, 1));
        assertThat(t1.onTimeShare()).contains(Ratio.of(1, 1));
        OwnerTimeliness t2 = report.owner(FollowUpFixture.T2).orElseThrow();
        assertThat(t2).isEqualTo(new OwnerTimeliness(FollowUpFixture.T2, 0, 1, 1, 0, 0));
        assertThat(t2.onTimeShare()).contains(Ratio.of(0, 2));
    }

    @Test
    void aStepDueInTheFutureIsNotCountedAndAnOpenStepDueOnTheDayIsNotYetOverdue() {
        SmallDistrict d = new SmallDistrict(40);
        FollowUpFixture f = new FollowUpFixture(d);
        StudentId p = d.student("p");
        MeetingId m = f.meeting("M1", 10);
        f.step("S1", m, FollowUpFixture.T1, Optional.of(p), Optional.empty(), Optional.empty(), d.calendar.get(30), ActionStepStatus.OPEN,
                Optional.empty());
        DistrictData data = d.build();

        ActionStepFollowUpReport onDueDay = report(data, d.calendar.get(30));
        assertThat(onDueDay.steps().get(0).timeliness()).isEqualTo(ActionStepTimeliness.NOT_YET_DUE);
        assertThat(onDueDay.owner(FollowUpFixture.T1).orElseThrow().counted()).isZero();
        assertThat(onDueDay.owner(FollowUpFixture.T1).orElseThrow().onTimeShare()).isEmpty();

        ActionStepFollowUpReport dayAfter = report(data, d.calendar.get(30).plusDays(1));
        assertThat(dayAfter.steps().get(0).timeliness()).isEqualTo(ActionStepTimeliness.OVERDUE);
        assertThat(dayAfter.owner(FollowUpFixture.T1).orElseThrow().onTimeShare()).contains(Ratio.of(0, 1));
    }

    @Test
    void aGroupStepWithoutAnInterventionConcernsNoStudentAndHasNoFigures() {
        ActionStepOutcome s3 = report(district(), new SmallDistrict(40).calendar.get(39)).step(ActionStepId.of("S3")).orElseThrow();

        assertThat(s3.studentId()).isEmpty();
        assertThat(s3.starts()).isEmpty();
        assertThat(s3.measured()).isZero();
        assertThat(s3.figures()).isEqualTo(FollowUpFigures.EMPTY);
        assertThat(s3.attendanceDifferenceInPoints(1)).isEmpty();
        assertThat(s3.incidentDifferencePer100Days(1)).isEmpty();
        assertThat(s3.markDifference(1)).isEmpty();
    }

    @Test
    void withoutComparisonStudentsTheStudentIsMeasuredButNotMatched() {
        SmallDistrict d = new SmallDistrict(40);
        FollowUpFixture f = new FollowUpFixture(d);
        StudentId p = d.student("p");
        d.absent(p, 0, 5);
        d.student("far");                                           // present every day: 25 points away before
        MeetingId m = f.meeting("M1", 20);
        f.step("S1", m, FollowUpFixture.T1, Optional.of(p), Optional.empty(), Optional.empty(), d.calendar.get(30), ActionStepStatus.OPEN,
                Optional.empty());
        ActionStepOutcome s1 = report(d.build(), d.calendar.get(39)).steps().get(0);

        assertThat(s1.measured()).isEqualTo(1);
        assertThat(s1.figures().attendance()).isEqualTo(new WindowRates(new BigDecimal("15"), 20, new BigDecimal("20"), 20));
        assertThat(s1.matched()).isZero();
        assertThat(s1.comparisonPairs()).isZero();
        assertThat(s1.matches()).isEmpty();
        assertThat(s1.attendanceDifferenceInPoints(1)).isEmpty();
    }

    @Test
    void noDayAfterTheAsOfDateIsMeasured() {
        SmallDistrict d = new SmallDistrict(40);
        FollowUpFixture f = new FollowUpFixture(d);
        StudentId p = d.student("p");
        d.student("c");
        MeetingId m = f.meeting("M1", 20);
        f.step("S1", m, FollowUpFixture.T1, Optional.of(p), Optional.empty(), Optional.empty(), d.calendar.get(30), ActionStepStatus.OPEN,
                Optional.empty());
        DistrictData data = d.build();

        // as of day 24: the window after holds days 20–24 only (5 days), the window before the full 20
        ActionStepOutcome early = report(data, d.calendar.get(24)).steps().get(0);
        assertThat(early.figures().attendance().daysEnrolledAfter()).isEqualTo(5);
        assertThat(early.figures().attendance().daysEnrolledBefore()).isEqualTo(20);
        // as of the day before the meeting: nothing after, so not measured
        ActionStepOutcome before = report(data, d.calendar.get(19)).steps().get(0);
        assertThat(before.measured()).isZero();
        assertThat(before.starts()).containsOnlyKeys(p);
    }

    @Test
    void aStepThatNamesAnInterventionMeasuresFromTheStudentsStartAndComparesWithNonParticipants() {
        SmallDistrict d = new SmallDistrict(40);
        FollowUpFixture f = new FollowUpFixture(d);
        InterventionId tutoring = InterventionId.of("TUT1");
        d.builder.add(new Intervention(tutoring, InterventionType.TUTORING, SmallDistrict.CBO, SmallDistrict.A, Optional.empty()));
        StudentId p = d.student("p");
        StudentId other = d.student("other");                      // in the same program: no comparison student
        StudentId c = d.student("c");
        for (StudentId s : List.of(p, other)) {
            d.builder.add(new InterventionParticipant(tutoring, s, Optional.empty(), DateRange.closed(d.calendar.get(25), d.calendar.get(39)),
                    Optional.empty(), ParticipationStatus.ACTIVE));
        }
        MeetingId m = f.meeting("M1", 20);
        f.step("S1", m, FollowUpFixture.T1, Optional.of(p), Optional.empty(), Optional.of(tutoring), d.calendar.get(30),
                ActionStepStatus.OPEN, Optional.empty());
        f.step("G1", m, FollowUpFixture.T1, Optional.empty(), Optional.of("tutoring group"), Optional.of(tutoring), d.calendar.get(30),
                ActionStepStatus.OPEN, Optional.empty());
        ActionStepFollowUpReport report = report(d.build(), d.calendar.get(39));

        ActionStepOutcome s1 = report.step(ActionStepId.of("S1")).orElseThrow();
        assertThat(s1.starts()).containsExactly(Map.entry(p, d.calendar.get(25)));
        assertThat(s1.matches()).containsExactly(Map.entry(p, List.of(c)));
        ActionStepOutcome g1 = report.step(ActionStepId.of("G1")).orElseThrow();
        assertThat(g1.starts()).containsOnlyKeys(p, other);
        assertThat(g1.measured()).isEqualTo(2);
        assertThat(g1.matches().values()).allMatch(x -> x.equals(List.of(c)));
    }

    @Test
    void rejectsAnEmptyWindowAndPrintsIdsOnly() {
        assertThatThrownBy(() -> ActionStepFollowUp.evaluate(district(), SmallDistrict.YEAR, LocalDate.of(2018, 1, 1), 0,
                ChronicAbsenceDefinition.FEDERAL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 instructional day");
        ActionStepOutcome s1 = report(district(), new SmallDistrict(40).calendar.get(39)).steps().get(0);
        assertThat(s1.toString()).contains("S1").doesNotContain("call home").doesNotContain("StudentId");
    }
}
