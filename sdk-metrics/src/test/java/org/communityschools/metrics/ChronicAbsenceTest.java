package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.junit.jupiter.api.Test;

/** Worked vectors of the chronic-absence definitions (EDFacts FS195, NYSED; 180-day calendar) and the day-counting rules. */
class ChronicAbsenceTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 9, 7);

    /** {@code n} weekdays from the first day of school. */
    static List<LocalDate> weekdays(LocalDate from, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    static List<AttendanceMark> absentOn(List<LocalDate> days, int count) {
        return days.subList(0, count).stream().map(d -> AttendanceMark.of(d, AttendanceCategory.UNEXCUSED_ABSENCE)).toList();
    }

    @Test
    void absentExactlyTenPercentIsChronic() {
        List<LocalDate> calendar = weekdays(FIRST_DAY, 180);
        AttendanceFigures f = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 180, absentOn(calendar, 18));
        assertThat(f.daysEnrolled()).isEqualTo(180);
        assertThat(f.daysAbsent()).isEqualTo(new BigDecimal("18"));
        assertThat(f.daysPresent()).isEqualTo(new BigDecimal("162"));
        assertThat(f.absenceRate()).contains(Ratio.of(18, 180));
        assertThat(f.attendanceRate()).contains(Ratio.of(162, 180));
        assertThat(f.status()).isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
        assertThat(f.tier()).contains(AttendanceTier.MODERATE_CHRONIC);
    }

    @Test
    void absentSeventeenOf180IsNotChronic() {
        AttendanceFigures f = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 180, absentOn(weekdays(FIRST_DAY, 180), 17));
        assertThat(f.absenceRate()).contains(Ratio.of(17, 180));
        assertThat(f.status()).isEqualTo(ChronicAbsenceStatus.NOT_CHRONICALLY_ABSENT);
        assertThat(f.tier()).contains(AttendanceTier.AT_RISK);
    }

    @Test
    void eightDaysEnrolledTwoAbsentIsChronicFederallyButExcludedUnderTheTenDayMinimum() {
        List<AttendanceMark> marks = absentOn(weekdays(FIRST_DAY, 8), 2);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 8, marks).status()).isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
        AttendanceFigures nysed = ChronicAbsence.figures(ChronicAbsenceDefinition.NYSED, 8, marks);
        assertThat(nysed.status()).isEqualTo(ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_ENROLLED);
        assertThat(nysed.isCounted()).isFalse();
        assertThat(nysed.absenceRate()).contains(Ratio.of(2, 8));
    }

    @Test
    void twelveDaysEnrolledAllAbsentIsExcludedUnderNysedAsNeverPresent() {
        List<AttendanceMark> marks = absentOn(weekdays(FIRST_DAY, 12), 12);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.NYSED, 12, marks).status()).isEqualTo(ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_PRESENT);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 12, marks).status()).isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
    }

    @Test
    void transferIsChronicAtTheFirstSchoolNotAtTheSecondAndNotPooled() {
        List<LocalDate> calendar = weekdays(FIRST_DAY, 180);
        List<LocalDate> atA = calendar.subList(0, 60);
        List<LocalDate> atB = calendar.subList(60, 180);
        AttendanceFigures a = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 60, absentOn(atA, 10));
        AttendanceFigures b = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 120, absentOn(atB, 5));
        AttendanceFigures pooled = ChronicAbsence.pool(ChronicAbsenceDefinition.FEDERAL, List.of(a, b));
        assertThat(a.absenceRate()).contains(Ratio.of(10, 60));
        assertThat(a.isChronicallyAbsent()).isTrue();
        assertThat(b.absenceRate()).contains(Ratio.of(5, 120));
        assertThat(b.isChronicallyAbsent()).isFalse();
        assertThat(pooled.absenceRate()).contains(Ratio.of(15, 180));
        assertThat(pooled.isChronicallyAbsent()).isFalse();
        assertThat(pooled.daysAbsent(AttendanceCategory.UNEXCUSED_ABSENCE)).isEqualTo(new BigDecimal("15"));
    }

    @Test
    void crdcCountsFifteenDaysAbsentWhateverTheDaysEnrolled() {
        List<LocalDate> calendar = weekdays(FIRST_DAY, 180);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.CRDC, 180, absentOn(calendar, 15)).isChronicallyAbsent()).isTrue();
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.CRDC, 180, absentOn(calendar, 14)).isChronicallyAbsent()).isFalse();
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.CRDC, 20, absentOn(calendar, 3)).isChronicallyAbsent()).isFalse();
    }

    @Test
    void californiaCountsOnlyStudentsWithMoreThanThirtyExpectedDays() {
        List<LocalDate> calendar = weekdays(FIRST_DAY, 31);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.CALIFORNIA, 30, absentOn(calendar, 10)).status())
                .isEqualTo(ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_ENROLLED);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.CALIFORNIA, 31, absentOn(calendar, 4)).status())
                .isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
    }

    @Test
    void californiaCountsAStudentPresentWhenAttendanceWasTakenAsPresent() {
        List<LocalDate> days = weekdays(FIRST_DAY, 40);
        List<AttendanceMark> marks = List.of(
                new AttendanceMark(days.get(0), AttendanceCategory.PARTIAL, DayShare.ofTenThousandths(8000)),
                new AttendanceMark(days.get(1), AttendanceCategory.EARLY_DEPARTURE, DayShare.ofTenThousandths(6000)),
                AttendanceMark.of(days.get(2), AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION),
                AttendanceMark.of(days.get(3), AttendanceCategory.IN_SCHOOL_SUSPENSION));
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.CALIFORNIA, 40, marks).daysAbsent()).isEqualTo(BigDecimal.ONE);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 40, marks).daysAbsent()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void nycLegacyExcludesStudentsEnrolledFewerThanTwentyDays() {
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.NYC_LEGACY, 19, absentOn(weekdays(FIRST_DAY, 19), 5)).status())
                .isEqualTo(ChronicAbsenceStatus.EXCLUDED_TOO_FEW_DAYS_ENROLLED);
        assertThat(ChronicAbsence.figures(ChronicAbsenceDefinition.NYC_LEGACY, 20, absentOn(weekdays(FIRST_DAY, 20), 2)).status())
                .isEqualTo(ChronicAbsenceStatus.CHRONICALLY_ABSENT);
    }

    @Test
    void suspensionsInSchoolArePresentOutOfSchoolAbsentAndTardiesNeverAbsent() {
        List<LocalDate> days = weekdays(FIRST_DAY, 10);
        AttendanceFigures f = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 10, List.of(
                AttendanceMark.of(days.get(0), AttendanceCategory.IN_SCHOOL_SUSPENSION),
                AttendanceMark.of(days.get(1), AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION),
                AttendanceMark.of(days.get(2), AttendanceCategory.TARDY),
                AttendanceMark.of(days.get(3), AttendanceCategory.EXCUSED_ABSENCE),
                new AttendanceMark(days.get(4), AttendanceCategory.PARTIAL, DayShare.HALF_DAY),
                new AttendanceMark(days.get(5), AttendanceCategory.PARTIAL, DayShare.ofTenThousandths(4000))));
        assertThat(f.daysAbsent()).isEqualTo(new BigDecimal("3"));
        assertThat(f.daysAbsentByCategory()).containsOnlyKeys(AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION,
                AttendanceCategory.EXCUSED_ABSENCE, AttendanceCategory.PARTIAL);
        assertThat(f.daysAbsent(AttendanceCategory.PARTIAL)).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void fractionalRuleAddsUpPartialDaysExactly() {
        ChronicAbsenceDefinition fractional = ChronicAbsenceDefinition.builder("fractional")
                .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                .dayRule(ChronicAbsenceDefinition.DayRule.FRACTIONAL).build();
        List<LocalDate> days = weekdays(FIRST_DAY, 20);
        List<AttendanceMark> marks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            marks.add(new AttendanceMark(days.get(i), AttendanceCategory.PARTIAL, DayShare.ofTenThousandths(2500)));
        }
        AttendanceFigures f = ChronicAbsence.figures(fractional, 20, marks);
        assertThat(f.daysAbsent()).isEqualTo(new BigDecimal("2"));
        assertThat(f.isChronicallyAbsent()).isTrue();
        AttendanceFigures halfDay = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 20, marks);
        assertThat(halfDay.daysAbsent()).isEqualTo(BigDecimal.ZERO);
        marks.remove(0);
        AttendanceFigures f2 = ChronicAbsence.figures(fractional, 20, marks);
        assertThat(f2.daysAbsent()).isEqualTo(new BigDecimal("1.75"));
        assertThat(f2.absenceRate()).contains(Ratio.of(175, 2000));
        assertThat(f2.isChronicallyAbsent()).isFalse();
    }

    @Test
    void daysEnrolledAreTheCalendarDaysWithinTheEnrollmentUpToTheAsOfDate() {
        List<LocalDate> calendar = weekdays(FIRST_DAY, 180);
        DateRange enrollment = DateRange.closed(calendar.get(10), calendar.get(99));
        List<AttendanceMark> marks = List.of(
                AttendanceMark.of(calendar.get(5), AttendanceCategory.UNEXCUSED_ABSENCE),
                AttendanceMark.of(calendar.get(20), AttendanceCategory.UNEXCUSED_ABSENCE),
                AttendanceMark.of(calendar.get(60), AttendanceCategory.UNEXCUSED_ABSENCE));
        AttendanceFigures full = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, calendar, enrollment, LocalDate.of(2018, 6, 30), marks);
        assertThat(full.daysEnrolled()).isEqualTo(90);
        assertThat(full.daysAbsent()).isEqualTo(new BigDecimal("2"));
        AttendanceFigures yearToDate = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, calendar, enrollment, calendar.get(29), marks);
        assertThat(yearToDate.daysEnrolled()).isEqualTo(20);
        assertThat(yearToDate.absenceRate()).contains(Ratio.of(1, 20));
    }

    @Test
    void rejectsTwoMarksOnOneDay() {
        LocalDate d = FIRST_DAY;
        assertThatThrownBy(() -> ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 5,
                List.of(AttendanceMark.of(d, AttendanceCategory.TARDY), AttendanceMark.of(d, AttendanceCategory.EXCUSED_ABSENCE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most one attendance mark per day");
    }

    @Test
    void notEnrolledOnAnyDayHasNoRatesAndIsNotCounted() {
        AttendanceFigures f = ChronicAbsence.figures(ChronicAbsenceDefinition.FEDERAL, 0, List.of());
        assertThat(f.status()).isEqualTo(ChronicAbsenceStatus.NOT_ENROLLED_ON_ANY_DAY);
        assertThat(f.attendanceRate()).isEmpty();
        assertThat(f.tier()).isEmpty();
    }
}
