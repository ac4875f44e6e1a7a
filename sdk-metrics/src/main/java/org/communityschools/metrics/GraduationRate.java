package org.communityschools.metrics;

import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.internal.ColumnarGraduation;

/**
 * The entry point for the adjusted cohort graduation rate (ACGR; ESEA section 8101(23) and (25), 34 CFR
 * 200.19(b)). Stateless and thread-safe.
 *
 * <p>The rules (see docs/metrics.md):
 * <ul>
 *   <li>Cohort: students whose {@link StudentHistory#ninthGradeYear() first year in grade 9} is the cohort's year
 *       and who were enrolled in a high-school grade in the district on or before the cut-off. Those whose first
 *       high-school enrollment in the district began in that year are first-time 9th graders; the others are
 *       transfers in and join the cohort of their original 9th-grade year.</li>
 *   <li>Graduate: a counted diploma ({@link GraduationCohortDefinition#counts}) awarded on or before the cut-off
 *       (early graduates included).</li>
 *   <li>Removed: otherwise, when the last high-school enrollment ended with a documented transfer, emigration or
 *       death and the student was not enrolled on the cut-off date. Everything else stays in the adjusted cohort.</li>
 *   <li>School cohorts: a student is in the cohort of every school attended; leaving a school with a documented
 *       transfer, or (by default, {@link GraduationCohortDefinition#laterEnrollmentConfirmsTransfer()}) enrolling
 *       later at another school of the district, removes them from that school only. The district's cohort is
 *       decided by the last enrollment.</li>
 *   <li>With {@link GraduationCohortDefinition.Attribution#MOST_DAYS}, a student who left their last school
 *       without a diploma after fewer than {@link GraduationCohortDefinition#halfYearDays()} days there counts at
 *       the school where they spent the most days.</li>
 * </ul>
 */
public final class GraduationRate {
    private GraduationRate() {}

    /**
     * The report for the cohort of {@code data} that entered grade 9 in {@code ninthGradeYear}: every student's
     * enrollments, diplomas and characteristics, the stated {@code ninth_grade_cohort} when present, and the
     * schools' instructional calendars as school days (weekdays for a school without a calendar).
     *
     * <p>Threads: a large cohort (at least 4,096 members per part) is split into ranges, at most one per available
     * processor; the ranges after the first are handed to {@code executor} and the calling thread computes every
     * range the executor has not started, then waits for those under way. No other thread is used
     * ({@code Runnable::run} keeps everything on the calling thread); the report is the same whatever the executor.
     *
     * @param data the district data
     * @param ninthGradeYear the school year the cohort entered grade 9
     * @param definition the cohort definition (years, cut-off date, diplomas that count, attribution)
     * @param executor where the ranges after the first may run (for example the host's own pool, or {@code Runnable::run})
     * @return the cohort's report: district, schools and characteristics, every member's status
     */
    public static GraduationCohortReport calculate(DistrictData data, SchoolYear ninthGradeYear, GraduationCohortDefinition definition,
                                                   Executor executor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
        Objects.requireNonNull(executor, "executor");
        SchoolDays weekdays = SchoolDays.weekdays();
        SchoolDays calendars = (school, range) -> {
            InstructionalCalendar c = data.calendar(school);
            return c.isEmpty() ? weekdays.count(school, range) : c.daysIn(range);
        };
        // the cohort's students from a per-data index of cohort membership; statuses as codes counted in arrays
        return ColumnarGraduation.calculate(data, definition, ninthGradeYear, calendars, executor);
    }

    /**
     * {@link #calculate(DistrictData, SchoolYear, GraduationCohortDefinition, Executor)} on the default executor,
     * {@link ForkJoinPool#commonPool()}: the JVM's shared pool (one thread fewer than the available processors), so
     * that with the calling thread a large cohort uses every core while the calculation starts no thread of its own.
     *
     * @param data the district data
     * @param ninthGradeYear the school year the cohort entered grade 9
     * @param definition the cohort definition (years, cut-off date, diplomas that count, attribution)
     * @return the cohort's report: district, schools and characteristics, every member's status
     */
    public static GraduationCohortReport calculate(DistrictData data, SchoolYear ninthGradeYear, GraduationCohortDefinition definition) {
        return calculate(data, ninthGradeYear, definition, ForkJoinPool.commonPool());
    }

    /**
     * The report for the cohort that entered grade 9 in {@code ninthGradeYear}, counting school days with
     * {@code schoolDays} (for the attribution rule). Runs on the calling thread only.
     *
     * @param students every cohort student's history: enrollments, diplomas and characteristics
     * @param ninthGradeYear the school year the cohort entered grade 9
     * @param definition the cohort definition (years, cut-off date, diplomas that count, attribution)
     * @param schoolDays counts a school's instructional days in a range (for the attribution rule)
     * @return the cohort's report
     */
    public static GraduationCohortReport calculate(Collection<StudentHistory> students, SchoolYear ninthGradeYear,
                                                   GraduationCohortDefinition definition, SchoolDays schoolDays) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
        Objects.requireNonNull(students, "students");
        Objects.requireNonNull(schoolDays, "schoolDays");
        return ColumnarGraduation.calculate(definition, ninthGradeYear, students, schoolDays);
    }

    /**
     * {@link #calculate(Collection, SchoolYear, GraduationCohortDefinition, SchoolDays)} counting weekdays as school days.
     *
     * @param students every cohort student's history: enrollments, diplomas and characteristics
     * @param ninthGradeYear the school year the cohort entered grade 9
     * @param definition the cohort definition (years, cut-off date, diplomas that count, attribution)
     * @return the cohort's report
     */
    public static GraduationCohortReport calculate(Collection<StudentHistory> students, SchoolYear ninthGradeYear,
                                                   GraduationCohortDefinition definition) {
        return calculate(students, ninthGradeYear, definition, SchoolDays.weekdays());
    }
}
