package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/** The incremental accumulator: corrections, year to date, enrollments ending mid-year, events out of date order, merging. */
class AttendanceAccumulatorTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static final SchoolId A = SchoolId.of("A");
    static final SchoolId B = SchoolId.of("B");
    static final StudentId ANA = StudentId.of("ana");
    static final StudentId BEN = StudentId.of("ben");
    static final List<LocalDate> DAYS = ChronicAbsenceTest.weekdays(LocalDate.of(2017, 9, 7), 180);

    static LocalDate day(int n) {
        return DAYS.get(n - 1);
    }

    static AttendanceRecord absent(StudentId s, SchoolId school, int n) {
        return AttendanceRecord.of(s, school, day(n), AttendanceCategory.UNEXCUSED_ABSENCE, Optional.empty(), Optional.empty());
    }

    static AttendanceAccumulator withCalendars(ChronicAbsenceDefinition definition) {
        AttendanceAccumulator acc = AttendanceAccumulator.of(YEAR, definition);
        for (LocalDate d : DAYS) {
            acc.instructionalDay(A, d).instructionalDay(B, d);
        }
        return acc;
    }

    @Test
    void aCorrectionReplacesTheRecordOfTheSameStudentSchoolAndDay() {
        AttendanceAccumulator acc = withCalendars(ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(ANA, A, day(1), GradeLevel.G03);
        for (int n = 1; n <= 18; n++) {
            acc.attendance(absent(ANA, A, n));
        }
        acc.advanceTo(day(180));
        assertThat(acc.school(A).chronicallyAbsent()).isEqualTo(1);

        // the SIS corrects day 18: the student was late, not absent (a tardy is never an absence)
        acc.attendance(AttendanceRecord.of(ANA, A, day(18), AttendanceCategory.TARDY, Optional.empty(), Optional.empty()));
        AttendanceAggregate a = acc.school(A);
        assertThat(a.daysAbsent()).isEqualByComparingTo("17");
        assertThat(a.chronicAbsenceRate()).contains(Ratio.of(0, 1));

        // and a half day missed on day 17 is still an absent day under the half-day rule
        acc.attendance(new AttendanceRecord(ANA, A, day(17), AttendanceCategory.PARTIAL, DayShare.HALF_DAY, Optional.empty()));
        assertThat(acc.school(A).daysAbsent()).isEqualByComparingTo("17");
    }

    @Test
    void removingARecordMakesTheDayAPresentDayAgain() {
        AttendanceAccumulator acc = withCalendars(ChronicAbsenceDefinition.CRDC).enrollmentBegins(ANA, A, day(1), GradeLevel.G05);
        for (int n = 1; n <= 15; n++) {
            acc.attendance(absent(ANA, A, n));
        }
        assertThat(acc.school(A, day(180)).chronicallyAbsent()).isEqualTo(1);     // CRDC: 15 days absent
        assertThat(acc.removeAttendance(ANA, A, day(3))).isTrue();
        assertThat(acc.removeAttendance(ANA, A, day(3))).isFalse();
        assertThat(acc.school(A, day(180)).chronicallyAbsent()).isZero();
        assertThat(acc.school(A, day(180)).daysAbsent()).isEqualByComparingTo("14");
    }

    @Test
    void yearToDateCountsOnlyInstructionalDaysUpToTheAsOfDate() {
        AttendanceAccumulator acc = withCalendars(ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(ANA, A, day(1), GradeLevel.G03);
        acc.attendance(absent(ANA, A, 1)).attendance(absent(ANA, A, 2)).attendance(absent(ANA, A, 30));

        assertThat(acc.currentDate()).contains(day(30));                        // the latest record
        AttendanceAggregate now = acc.school(A);
        assertThat(now.daysEnrolled()).isEqualTo(30);
        assertThat(now.absenceRate()).contains(Ratio.of(3, 30));
        assertThat(now.chronicallyAbsent()).isEqualTo(1);                        // exactly 10%

        AttendanceAggregate early = acc.school(A, day(10));
        assertThat(early.daysEnrolled()).isEqualTo(10);
        assertThat(early.absenceRate()).contains(Ratio.of(2, 10));
        AttendanceAggregate later = acc.school(A, day(40));
        assertThat(later.absenceRate()).contains(Ratio.of(3, 40));
        assertThat(later.chronicallyAbsent()).isZero();

        acc.advanceTo(day(40));                                                 // attendance taken through day 40, nobody else absent
        assertThat(acc.school(A)).isEqualTo(later);
        acc.advanceTo(day(5));                                                  // never back
        assertThat(acc.currentDate()).contains(day(40));
        assertThat(acc.snapshot().asOf()).isEqualTo(day(40));
        assertThat(acc.school(A, LocalDate.of(2017, 6, 30)).members()).isZero(); // before the year: nothing counted
    }

    @Test
    void anEnrollmentEndingMidYearStopsCountingDaysAndIgnoresLaterRecords() {
        AttendanceAccumulator acc = withCalendars(ChronicAbsenceDefinition.FEDERAL)
                .enrollmentBegins(ANA, A, day(1), GradeLevel.G07)
                .attendance(absent(ANA, A, 5))
                .attendance(absent(ANA, A, 70));                                    // after the exit: not counted
        acc.enrollmentEnds(ANA, A, day(1), day(60), ExitWithdrawType.TRANSFERRED)
                .enrollmentBegins(ANA, B, day(61), GradeLevel.G07)
                .advanceTo(day(180));

        AttendanceAggregate a = acc.school(A);
        assertThat(a.daysEnrolled()).isEqualTo(60);
        assertThat(a.daysAbsent()).isEqualByComparingTo("1");
        assertThat(acc.school(B).daysEnrolled()).isEqualTo(120);
        assertThat(acc.school(B).daysAbsent()).isEqualByComparingTo("0");       // the day-70 record is at school A
        assertThat(acc.snapshot().enrollments()).extracting(EnrollmentFigures::period).containsExactly(
                DateRange.closed(day(1), day(60)), DateRange.closed(day(61), day(180)));
        assertThatThrownBy(() -> acc.enrollmentEnds(BEN, A, day(1), day(2), ExitWithdrawType.TRANSFERRED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only after it began");
    }

    @Test
    void theTransferOfDomainSectionSixIsChronicAtOneSchoolAndNotPooled() {
        AttendanceAccumulator acc = withCalendars(ChronicAbsenceDefinition.NYSED)
                .enrollmentBegins(ANA, A, day(1), GradeLevel.G04);
        for (int n = 1; n <= 10; n++) {
            acc.attendance(absent(ANA, A, n));
        }
        for (int n = 61; n <= 65; n++) {
            acc.attendance(absent(ANA, B, n));
        }
        acc.enrollmentEnds(ANA, A, day(1), day(60), ExitWithdrawType.TRANSFERRED).enrollmentBegins(ANA, B, day(61), GradeLevel.G04);

        AttendanceSnapshot s = acc.snapshot(day(180));
        assertThat(s.school(A).chronicallyAbsent()).isEqualTo(1);               // 10/60
        assertThat(s.school(B).chronicallyAbsent()).isZero();                   // 5/120
        assertThat(s.students().get(ANA).absenceRate()).contains(Ratio.of(15, 180));
        assertThat(s.district().chronicAbsenceRate()).contains(Ratio.of(0, 1));  // NYSED pools: counted once, not chronic
        assertThat(s.districtPerEnrollment().chronicAbsenceRate()).contains(Ratio.of(1, 2));
        assertThat(acc.students(Set.of(ANA), day(180))).isEqualTo(s.district());
    }

    @Test
    void eventsOutOfDateOrderGiveTheSameFiguresAsEventsInOrder() {
        AttendanceAccumulator inOrder = withCalendars(ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(BEN, A, day(1), GradeLevel.G09);
        for (int n = 1; n <= 40; n += 3) {
            inOrder.attendance(absent(BEN, A, n));
        }
        AttendanceAccumulator reversed = AttendanceAccumulator.of(YEAR, ChronicAbsenceDefinition.FEDERAL);
        for (int n = 40; n >= 1; n--) {                                         // records first, latest first, then enrollment, then calendar
            if ((n - 1) % 3 == 0) {
                reversed.attendance(absent(BEN, A, n));
            }
        }
        reversed.enrollmentBegins(BEN, A, day(1), GradeLevel.G09);
        for (int i = DAYS.size() - 1; i >= 0; i--) {
            reversed.instructionalDay(A, DAYS.get(i)).instructionalDay(B, DAYS.get(i));
        }
        assertThat(reversed.snapshot()).isEqualTo(inOrder.snapshot());
        assertThat(reversed.school(A)).isEqualTo(inOrder.school(A));
        assertThat(reversed.school(A).daysAbsent()).isEqualTo(new BigDecimal("14"));
    }

    @Test
    void aSnapshotDoesNotChangeWithLaterEvents() {
        AttendanceAccumulator acc = withCalendars(ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(ANA, A, day(1), GradeLevel.G01);
        AttendanceSnapshot before = acc.snapshot(day(20));
        acc.attendance(absent(ANA, A, 2));
        assertThat(before.school(A).daysAbsent()).isEqualByComparingTo("0");
        assertThat(acc.snapshot(day(20)).school(A).daysAbsent()).isEqualByComparingTo("1");
    }

    @Test
    void mergeCombinesShardsOfDisjointStudentsAndRejectsOverlaps() {
        AttendanceAccumulator one = withCalendars(ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(ANA, A, day(1), GradeLevel.G01)
                .attendance(absent(ANA, A, 1));
        AttendanceAccumulator two = AttendanceAccumulator.of(YEAR, ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(BEN, A, day(1), GradeLevel.G01)
                .attendance(absent(BEN, A, 3)).attendance(absent(BEN, A, 4));
        AttendanceAccumulator all = withCalendars(ChronicAbsenceDefinition.FEDERAL).enrollmentBegins(ANA, A, day(1), GradeLevel.G01)
                .enrollmentBegins(BEN, A, day(1), GradeLevel.G01)
                .attendance(absent(ANA, A, 1)).attendance(absent(BEN, A, 3)).attendance(absent(BEN, A, 4));

        AttendanceAccumulator merged = one.copy().merge(two);
        assertThat(merged.snapshot()).isEqualTo(all.snapshot());
        assertThat(merged.school(A).chronicAbsenceRate()).contains(Ratio.of(2, 2));    // 1/4 and 2/4 as of day 4

        assertThatThrownBy(() -> merged.merge(two)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disjoint");
        assertThatThrownBy(() -> one.merge(AttendanceAccumulator.of(YEAR, ChronicAbsenceDefinition.NYSED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same school year and definition");
        assertThat(merged.snapshot()).isEqualTo(all.snapshot());                // a rejected merge changes nothing
    }
    @Test
    void theExampleOfDocsMetricsMdGivesItsFigures() {
        SchoolId school = A;
        StudentId student = ANA;
        AttendanceRecord record = AttendanceRecord.of(student, school, LocalDate.of(2017, 9, 7), AttendanceCategory.EXCUSED_ABSENCE,
                Optional.empty(), Optional.empty());
        AttendanceAccumulator acc = AttendanceAccumulator.of(SchoolYear.of(2018), ChronicAbsenceDefinition.NYSED);
        acc.schoolType(school, org.communityschools.core.model.SchoolType.REGULAR)
                .instructionalDay(school, LocalDate.of(2017, 9, 7))
                .enrollmentBegins(student, school, LocalDate.of(2017, 9, 7), GradeLevel.G04)
                .attendance(record)
                .advanceTo(LocalDate.of(2017, 9, 8));
        for (LocalDate d : DAYS.subList(1, DAYS.size())) {
            acc.instructionalDay(school, d);
        }
        assertThat(acc.school(school).chronicAbsenceRate()).isEmpty();            // 1 day absent of 2: under NYSED's 10-day minimum
        assertThat(acc.school(school).excluded()).isEqualTo(1);
        assertThat(acc.school(school, LocalDate.of(2017, 12, 22)).chronicAbsenceRate()).contains(Ratio.of(0, 1));
        acc.enrollmentEnds(student, school, LocalDate.of(2017, 9, 7), LocalDate.of(2017, 11, 30), ExitWithdrawType.TRANSFERRED);
        assertThat(acc.removeAttendance(student, school, LocalDate.of(2017, 9, 8))).isFalse(); // nothing recorded that day
        AttendanceSnapshot now = acc.snapshot();
        assertThat(now.asOf()).isEqualTo(LocalDate.of(2017, 9, 8));
        assertThat(now.schools()).containsOnlyKeys(school);
        assertThat(acc.snapshot(LocalDate.of(2018, 6, 30)).students().get(student).daysEnrolled()).isEqualTo(DAYS.indexOf(LocalDate.of(2017, 11, 30)) + 1);
    }
    @Test
    void shardsBuiltWithEqualDefinitionsMergeAndOthersDoNot() {
        ChronicAbsenceDefinition.Builder b = ChronicAbsenceDefinition.builder("OURS").threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .minimumDaysEnrolled(10);
        ChronicAbsenceDefinition onNodeOne = b.build();
        ChronicAbsenceDefinition onNodeTwo = ChronicAbsenceDefinition.builder("OURS").threshold(Ratio.of(2, 20), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .minimumDaysEnrolled(10).build();
        ChronicAbsenceDefinition stricter = ChronicAbsenceDefinition.builder("OURS").threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.EXCLUSIVE)
                .minimumDaysEnrolled(10).build();
        assertThat(onNodeOne).isEqualTo(onNodeTwo).hasSameHashCodeAs(onNodeTwo).isNotEqualTo(stricter);

        AttendanceAccumulator one = AttendanceAccumulator.of(YEAR, onNodeOne).enrollmentBegins(ANA, A, day(1), GradeLevel.G02);
        AttendanceAccumulator two = AttendanceAccumulator.of(YEAR, onNodeTwo).enrollmentBegins(BEN, A, day(1), GradeLevel.G02);
        assertThat(one.merge(two).snapshot(day(10)).enrollments()).hasSize(0);   // no calendar yet: no day enrolled
        assertThatThrownBy(() -> one.merge(AttendanceAccumulator.of(YEAR, stricter))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.merge(AttendanceAccumulator.of(SchoolYear.of(2019), onNodeOne))).isInstanceOf(IllegalArgumentException.class);
    }
}
