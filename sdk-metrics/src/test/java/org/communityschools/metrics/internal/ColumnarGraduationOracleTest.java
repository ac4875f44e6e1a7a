package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.SchoolDays;
import org.communityschools.metrics.StudentHistory;

/**
 * The columnar adjusted cohort graduation rate against the previous calculator ({@link GraduationEngine} over
 * {@link StudentHistory} records, kept here as the oracle), over generated cities (each holds several cohorts: the
 * generator writes four years of high-school history before the generated year): the district, every school and
 * characteristic row and every member, for every cohort, under the preset definitions and variants (the most-days
 * attribution with a short half year, no transfer confirmation by a later enrollment, another cut-off and fall
 * membership date), on one or more threads.
 */
class ColumnarGraduationOracleTest {
    static final List<GraduationCohortDefinition> DEFINITIONS = List.of(
            GraduationCohortDefinition.FOUR_YEAR, GraduationCohortDefinition.FIVE_YEAR, GraduationCohortDefinition.SIX_YEAR,
            GraduationCohortDefinition.builder().attribution(GraduationCohortDefinition.Attribution.MOST_DAYS).halfYearDays(120).build(),
            GraduationCohortDefinition.builder().laterEnrollmentConfirmsTransfer(false).alternateDiplomasCount(true).build(),
            GraduationCohortDefinition.builder().years(5).cutoff(MonthDay.of(Month.JUNE, 30)).fallMembershipDate(MonthDay.of(Month.SEPTEMBER, 15))
                    .attribution(GraduationCohortDefinition.Attribution.MOST_DAYS).build());

    @Provide
    Arbitrary<GraduationCohortDefinition> definitions() {
        return Arbitraries.of(DEFINITIONS);
    }

    /** The oracle's input: every student's history, as the previous {@code GraduationRate.calculate(data, …)} built it. */
    static List<StudentHistory> histories(DistrictData data) {
        List<StudentHistory> out = new ArrayList<>();
        for (Student s : data.students()) {
            out.add(new StudentHistory(s.id(), s.ninthGradeCohort(), data.enrollmentsOf(s.id()), data.diplomasOf(s.id()), data.characteristicsOf(s.id())));
        }
        return out;
    }

    static SchoolDays calendars(DistrictData data) {
        SchoolDays weekdays = SchoolDays.weekdays();
        return (school, range) -> {
            InstructionalCalendar c = data.calendar(school);
            return c.isEmpty() ? weekdays.count(school, range) : c.daysIn(range);
        };
    }

    @Property(tries = 30)
    void everyCohortEqualsTheOracle(@ForAll @IntRange(min = 1, max = 6) int seed,
                                    @ForAll("definitions") GraduationCohortDefinition definition,
                                    @ForAll @IntRange(min = 1, max = 4) int parallelism) {
        DistrictData data = ColumnarChronicAbsenceOracleTest.city(seed);
        List<StudentHistory> histories = histories(data);
        TreeSet<SchoolYear> cohorts = new TreeSet<>();
        histories.forEach(h -> h.ninthGradeYear().ifPresent(cohorts::add));
        assertThat(cohorts).as("the city holds several cohorts").hasSizeGreaterThan(1);
        int members = 0;
        for (SchoolYear cohort : cohorts) {
            GraduationCohortReport oracle = GraduationEngine.calculate(definition, cohort, histories, calendars(data));
            GraduationCohortReport columnar = ColumnarGraduation.calculate(data, definition, cohort, calendars(data), ForkJoinPool.commonPool(), parallelism, 1);
            String what = definition + ", cohort " + cohort + ", city " + seed;
            assertThat(columnar.district()).as(what).isEqualTo(oracle.district());
            assertThat(columnar.schools()).as(what).containsExactlyEntriesOf(oracle.schools());
            assertThat(columnar.byCharacteristic()).as(what).containsExactlyEntriesOf(oracle.byCharacteristic());
            assertThat(columnar.members()).as(what).containsExactlyElementsOf(oracle.members());
            assertThat(columnar).as(what).isEqualTo(oracle);
            assertThat(GraduationRate.calculate(data, cohort, definition)).as(what).isEqualTo(oracle);
            assertThat(GraduationRate.calculate(histories, cohort, definition, calendars(data))).as(what).isEqualTo(oracle);
            members += oracle.members().size();
        }
        assertThat(members).as("the cohorts have members").isPositive();
    }
}
