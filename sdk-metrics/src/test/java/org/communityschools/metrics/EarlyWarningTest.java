package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityschools.metrics.EarlyWarningFlag.Indicator.ATTENDANCE;
import static org.communityschools.metrics.EarlyWarningFlag.Indicator.BEHAVIOR;
import static org.communityschools.metrics.EarlyWarningFlag.Indicator.COURSE_PERFORMANCE;
import static org.communityschools.metrics.EarlyWarningFlag.Level.AT_RISK;
import static org.communityschools.metrics.EarlyWarningFlag.Level.EARLY_WARNING;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyWarningTest {
    static final SchoolYear YEAR = SmallDistrict.YEAR;

    static Map<String, EarlyWarningEntry> byId(EarlyWarningList list) {
        return list.entries().stream().collect(Collectors.toMap(e -> e.studentId().value(), Function.identity()));
    }

    @Test
    void attendanceExactlyAtNinetyPercentIsNotFlaggedBelowIsWithItsFigures() {
        SmallDistrict d = new SmallDistrict(180);
        d.absent(d.student("at90"), 0, 18);          // 162/180 = exactly 90%
        d.absent(d.student("below"), 0, 28);         // 152/180 = 84.4%
        Map<String, EarlyWarningEntry> e = byId(EarlyWarning.evaluate(d.build(), SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES));

        assertThat(e.get("at90").attendanceRate()).contains(Ratio.of(162, 180));
        assertThat(e.get("at90").flags()).isEmpty();
        assertThat(e.get("below").flag(ATTENDANCE)).contains(
                new EarlyWarningFlag(ATTENDANCE, AT_RISK, "attendance 84.4% (152 of 180 days) < 90%"));
    }

    @Test
    void anySuspensionOrTwoIncidentsFlagBehaviorUnderEveryoneGraduates() {
        SmallDistrict d = new SmallDistrict(20);
        d.incident(d.student("oss"), BehaviorType.SCHOOL_VIOLATION, DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION);
        d.incident(d.student("iss"), BehaviorType.SCHOOL_VIOLATION, DisciplineActionType.IN_SCHOOL_SUSPENSION);
        d.incident(d.student("one"), BehaviorType.SCHOOL_CODE_OF_CONDUCT, DisciplineActionType.NONE);
        StudentId two = d.student("two");
        d.incident(two, BehaviorType.SCHOOL_CODE_OF_CONDUCT, DisciplineActionType.NONE)
                .incident(two, BehaviorType.OTHER, DisciplineActionType.REMOVAL_FROM_CLASSROOM);
        Map<String, EarlyWarningEntry> e = byId(EarlyWarning.evaluate(d.build(), SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES));

        assertThat(e.get("oss").flag(BEHAVIOR).map(EarlyWarningFlag::reason)).contains("1 suspension ≥ 1");
        assertThat(e.get("iss").flag(BEHAVIOR)).isPresent();
        assertThat(e.get("one").flag(BEHAVIOR)).isEmpty();
        assertThat(e.get("two").flag(BEHAVIOR).map(EarlyWarningFlag::reason)).contains("2 incidents ≥ 2");
    }

    @Test
    void failingElaOrMathFlagsCoursePerformanceFailingScienceDoesNot() {
        SmallDistrict d = new SmallDistrict(20);
        d.mark(d.student("math"), Subject.MATH, CourseResult.FAIL, Optional.empty());
        d.mark(d.student("science"), Subject.SCIENCE, CourseResult.FAIL, Optional.empty());
        d.mark(d.student("pass"), Subject.ELA, CourseResult.PASS, Optional.empty());
        Map<String, EarlyWarningEntry> e = byId(EarlyWarning.evaluate(d.build(), SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES));

        assertThat(e.get("math").flag(COURSE_PERFORMANCE).map(EarlyWarningFlag::reason)).contains("1 failed course in ELA or MATH ≥ 1");
        assertThat(e.get("science").flags()).isEmpty();
        assertThat(e.get("science").failedCourses()).isZero();
        assertThat(e.get("pass").flags()).isEmpty();
    }

    @Test
    void edFiPresetHasTwoLevelsForAttendanceConductAndGrades() {
        SmallDistrict d = new SmallDistrict(100);
        d.absent(d.student("a80"), 0, 20);           // exactly 80%: early warning (< 88%), not at risk (< 80%)
        d.absent(d.student("a79"), 0, 21);           // 79%: at risk
        d.absent(d.student("a88"), 0, 12);           // exactly 88%: on track
        StudentId c3 = d.student("conduct3");
        StudentId c6 = d.student("conduct6");
        for (int i = 0; i < 3; i++) {
            d.incident(c3, BehaviorType.SCHOOL_CODE_OF_CONDUCT, DisciplineActionType.NONE);
        }
        for (int i = 0; i < 6; i++) {
            d.incident(c6, BehaviorType.SCHOOL_CODE_OF_CONDUCT, DisciplineActionType.NONE);
        }
        d.incident(d.student("state"), BehaviorType.STATE_OFFENSE, DisciplineActionType.NONE);
        d.incident(d.student("oss"), BehaviorType.SCHOOL_VIOLATION, DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION);
        d.mark(d.student("m65"), Subject.MATH, CourseResult.PASS, Optional.of(new BigDecimal("65")));
        StudentId low = d.student("m64");
        d.mark(low, Subject.ELA, CourseResult.PASS, Optional.of(new BigDecimal("60")))
                .mark(low, Subject.ELA, CourseResult.PASS, Optional.of(new BigDecimal("69")));   // average 64.5
        d.mark(d.student("m72"), Subject.MATH, CourseResult.PASS, Optional.of(new BigDecimal("72")));
        Map<String, EarlyWarningEntry> e = byId(EarlyWarning.evaluate(d.build(), SmallDistrict.A, YEAR, EarlyWarningDefinition.ED_FI_AMT));

        assertThat(e.get("a80").flag(ATTENDANCE)).contains(new EarlyWarningFlag(ATTENDANCE, EARLY_WARNING, "attendance 80.0% (80 of 100 days) < 88%"));
        assertThat(e.get("a79").flag(ATTENDANCE).map(EarlyWarningFlag::level)).contains(AT_RISK);
        assertThat(e.get("a88").flags()).isEmpty();
        assertThat(e.get("conduct3").flag(BEHAVIOR).map(EarlyWarningFlag::level)).contains(EARLY_WARNING);
        assertThat(e.get("conduct6").flag(BEHAVIOR).map(EarlyWarningFlag::reason)).contains("6 incidents ≥ 6");
        assertThat(e.get("state").flag(BEHAVIOR).map(EarlyWarningFlag::reason)).contains("1 state offense ≥ 1");
        assertThat(e.get("oss").flags()).as("no suspension cut in the Ed-Fi samples; OSS is not a code-of-conduct incident").isEmpty();
        assertThat(e.get("m65").flag(COURSE_PERFORMANCE)).contains(new EarlyWarningFlag(COURSE_PERFORMANCE, EARLY_WARNING, "MATH average mark 65.0 (1 mark) < 72"));
        assertThat(e.get("m64").flag(COURSE_PERFORMANCE)).contains(new EarlyWarningFlag(COURSE_PERFORMANCE, AT_RISK, "ELA average mark 64.5 (2 marks) < 65"));
        assertThat(e.get("m72").flags()).isEmpty();
    }

    @Test
    void creditsBehindAndEveryCutPointAreConfigurable() {
        SmallDistrict d = new SmallDistrict(20);
        StudentId s = d.student("s");
        d.mark(s, Subject.SCIENCE, CourseResult.FAIL, Optional.empty()).mark(s, Subject.ELA, CourseResult.PASS, Optional.empty())
                .mark(s, Subject.MATH, CourseResult.PASS, Optional.empty());
        EarlyWarningDefinition credits = EarlyWarningDefinition.builder("CREDITS").creditsEarnedAtRiskBelow(Ratio.of(3, 4)).build();
        EarlyWarningList list = EarlyWarning.evaluate(d.build(), SmallDistrict.A, YEAR, credits);

        assertThat(list.entries().get(0).flag(COURSE_PERFORMANCE).map(EarlyWarningFlag::reason))
                .contains("credits earned 2 of 3 attempted (66.7%) < 75%");
        assertThatThrownBy(() -> EarlyWarningDefinition.builder("X").incidentsAtRisk(2).incidentsAtRisk(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("incidentsAtRisk was already set");
        assertThatThrownBy(() -> EarlyWarningDefinition.builder("X").incidentsAtRisk(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> EarlyWarningDefinition.builder("X").attendanceAtRiskBelow(Ratio.of(9, 10))
                .attendanceWarningBelow(Ratio.of(8, 10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attendanceWarningBelow (8/10) must not be below");
    }

    @Test
    void listIsSortedByIndicatorsThenAtRiskFlagsThenAttendanceThenStudentId() {
        SmallDistrict d = new SmallDistrict(100);
        StudentId both = d.student("both");
        d.absent(both, 0, 12).mark(both, Subject.MATH, CourseResult.FAIL, Optional.empty());
        d.absent(d.student("low"), 0, 30);
        d.absent(d.student("mid"), 0, 20);
        d.absent(d.student("z-ok"), 0, 1);
        d.absent(d.student("b-ok"), 0, 1);
        d.student("a-perfect");
        EarlyWarningList list = EarlyWarning.evaluate(d.build(), SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES);

        assertThat(list.entries()).extracting(e -> e.studentId().value())
                .containsExactly("both", "low", "mid", "b-ok", "z-ok", "a-perfect");
        assertThat(list.flagged()).hasSize(3);
        assertThat(list.count(ATTENDANCE)).isEqualTo(3);
    }

    /**
     * A course mark counts toward the coursework flag only once its term has ended on or before the date asked for.
     * "fall" failed ELA in a term ending 2018-01-26; "spring" failed math in a term ending 2018-06-15; "unknown"
     * failed math with no term end date (final at the end of the school year, 2018-06-30). At 2017-09-15 nobody is
     * flagged for 2017-18's failed courses; at 2018-01-26 only "fall"; at 2018-06-15 "fall" and "spring"; at the
     * end of the year all three.
     */
    @Test
    void aCourseMarkCountsOnlyOnceItsTermHasEnded() {
        SmallDistrict d = new SmallDistrict(180);
        d.mark(d.student("fall"), Subject.ELA, CourseResult.FAIL, Optional.of(BigDecimal.valueOf(50)), Optional.of(LocalDate.of(2018, 1, 26)));
        d.mark(d.student("spring"), Subject.MATH, CourseResult.FAIL, Optional.of(BigDecimal.valueOf(50)), Optional.of(LocalDate.of(2018, 6, 15)));
        d.mark(d.student("unknown"), Subject.MATH, CourseResult.FAIL, Optional.of(BigDecimal.valueOf(50)), Optional.empty());
        DistrictData data = d.build();
        java.util.function.Function<LocalDate, List<String>> flaggedOn = asOf -> EarlyWarning.evaluate(data, SmallDistrict.A, YEAR,
                        EarlyWarningDefinition.EVERYONE_GRADUATES, asOf).entries().stream()
                .filter(e -> e.flag(COURSE_PERFORMANCE).isPresent()).map(e -> e.studentId().value()).sorted().toList();

        assertThat(flaggedOn.apply(LocalDate.of(2017, 9, 15))).isEmpty();
        assertThat(flaggedOn.apply(LocalDate.of(2018, 1, 25))).isEmpty();
        assertThat(flaggedOn.apply(LocalDate.of(2018, 1, 26))).containsExactly("fall");
        assertThat(flaggedOn.apply(LocalDate.of(2018, 6, 15))).containsExactly("fall", "spring");
        assertThat(flaggedOn.apply(YEAR.lastDay())).containsExactly("fall", "spring", "unknown");
    }

    @Test
    void asOfCountsOnlyTheYearToDate() {
        SmallDistrict d = new SmallDistrict(100);
        d.absent(d.student("late"), 50, 70);
        LocalDate asOf = d.calendar.get(49);
        DistrictData data = d.build();

        assertThat(EarlyWarning.evaluate(data, SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES, asOf).entries().get(0).flags()).isEmpty();
        assertThat(EarlyWarning.evaluate(data, SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES).entries().get(0).attendanceRate())
                .contains(Ratio.of(80, 100));
        assertThatThrownBy(() -> EarlyWarning.evaluate(data, SmallDistrict.A, YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES, LocalDate.of(2019, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tinyCityListMatchesTheChronicAbsenceReportAndIsSorted(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).years(SchoolYear.of(2018), SchoolYear.of(2018)).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        SchoolYear year = SchoolYear.of(2018);
        LocalDate asOf = LocalDate.of(2018, 3, 1);
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, year, ChronicAbsenceDefinition.FEDERAL, asOf);
        Map<StudentId, AttendanceFigures> pooled = report.students().stream()
                .collect(Collectors.toMap(StudentAttendance::studentId, StudentAttendance::figures));
        int flagged = 0;
        for (SchoolId school : data.schools().stream().map(s -> s.id()).toList()) {
            EarlyWarningList list = EarlyWarning.evaluate(data, school, year, EarlyWarningDefinition.EVERYONE_GRADUATES, asOf);
            long enrolled = data.enrollmentsAt(school).stream()
                    .filter(e -> e.period().overlaps(org.communityschools.core.model.DateRange.closed(year.firstDay(), asOf)))
                    .map(Enrollment::studentId).distinct().count();
            assertThat(list.entries()).hasSize((int) enrolled).isSortedAccordingTo(EarlyWarningEntry.BY_RISK);
            for (EarlyWarningEntry e : list.entries()) {
                AttendanceFigures f = pooled.get(e.studentId());
                if (f != null) {
                    assertThat(e.attendance().daysEnrolled()).isEqualTo(f.daysEnrolled());
                    assertThat(e.attendance().daysAbsent()).isEqualByComparingTo(f.daysAbsent());
                }
                assertThat(e.flag(ATTENDANCE).isPresent())
                        .isEqualTo(e.attendanceRate().map(r -> r.compareTo(Ratio.of(9, 10)) < 0).orElse(false));
                flagged += e.flags().size();
            }
        }
        assertThat(flagged).isPositive();
    }
}
