package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.internal.ColumnarChronicAbsence;
import org.communityschools.metrics.internal.Days;

/**
 * The entry point for attendance and chronic absence (EDFacts FS195 and the presets of
 * {@link ChronicAbsenceDefinition}): the {@linkplain #calculate(DistrictData, SchoolYear, ChronicAbsenceDefinition, LocalDate)
 * report of a district}, figures for one student-enrollment from primitive inputs, and pooling of a student's
 * enrollments into a student-year. Stateless and thread-safe.
 *
 * <p>Example: a student enrolled 180 days and absent 18 is chronically absent under {@link ChronicAbsenceDefinition#FEDERAL}
 * (exactly 10%); absent 17, not.
 */
public final class ChronicAbsence {
    private static final int CATEGORIES = AttendanceCategory.values().length;

    private ChronicAbsence() {}

    /**
     * Attendance and chronic absence of every student-enrollment and student-year of {@code data} in
     * {@code schoolYear}, counting instructional days up to {@code asOf} inclusive (year to date), with the
     * aggregates by school, district, grade, subgroup and community-school status. Subgroups are the student's sex
     * and race/ethnicity and every characteristic held on at least one counted day.
     *
     * <p>Threads: a large district (at least 8,192 student-enrollments per part) is split into contiguous ranges of
     * students, at most one per available processor; the ranges after the first are handed to {@code executor} and
     * the calling thread computes every range the executor has not started, then waits for those under way and
     * merges them in range order. No other thread is used: {@code Runnable::run} keeps the whole calculation on the
     * calling thread, a bounded or busy executor only slows it, and a rejected task is run by the calling thread.
     * The report is equal, every list in the same order, whatever the executor.
     *
     * @param data the district data
     * @param schoolYear the school year
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @param asOf the last day counted (inclusive, year to date)
     * @param executor where the ranges after the first may run (for example the host's own pool, or {@code Runnable::run})
     * @return the report: every student-enrollment's figures and the aggregates by school, grade, subgroup and community-school status
     */
    public static ChronicAbsenceReport calculate(DistrictData data, SchoolYear schoolYear, ChronicAbsenceDefinition definition, LocalDate asOf,
                                                 Executor executor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(executor, "executor");
        return ColumnarChronicAbsence.calculate(data, schoolYear, definition, asOf, executor);
    }

    /**
     * {@link #calculate(DistrictData, SchoolYear, ChronicAbsenceDefinition, LocalDate, Executor)} on the default
     * executor, {@link ForkJoinPool#commonPool()}: the JVM's shared pool (one thread fewer than the available
     * processors, shared with parallel streams), so that with the calling thread a report uses every core while the
     * calculation starts no thread of its own. A host that must keep the calculation on its own threads passes its executor.
     *
     * @param data the district data
     * @param schoolYear the school year
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @param asOf the last day counted (inclusive, year to date)
     * @return the report: every student-enrollment's figures and the aggregates by school, grade, subgroup and community-school status
     */
    public static ChronicAbsenceReport calculate(DistrictData data, SchoolYear schoolYear, ChronicAbsenceDefinition definition, LocalDate asOf) {
        return calculate(data, schoolYear, definition, asOf, ForkJoinPool.commonPool());
    }

    /**
     * {@link #calculate(DistrictData, SchoolYear, ChronicAbsenceDefinition, LocalDate)} for the whole school year
     * (on the default executor, {@link ForkJoinPool#commonPool()}).
     *
     * @param data the district data
     * @param schoolYear the school year
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @return the report for the whole school year
     */
    public static ChronicAbsenceReport calculate(DistrictData data, SchoolYear schoolYear, ChronicAbsenceDefinition definition) {
        return calculate(data, schoolYear, definition, schoolYear.lastDay());
    }

    /**
     * The figures of one student-enrollment enrolled {@code daysEnrolled} instructional days with these marks, each
     * on a different enrolled day; days without a mark are present days.
     *
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @param daysEnrolled the number of days enrolled
     * @param marks the attendance marks of the enrollment, at most one a day
     * @return the enrollment's figures
     * @throws IllegalArgumentException when two marks fall on the same day or there are more marks than days enrolled
     */
    public static AttendanceFigures figures(ChronicAbsenceDefinition definition, int daysEnrolled, Collection<AttendanceMark> marks) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(marks, "marks");
        if (daysEnrolled < 0) {
            throw new IllegalArgumentException("days enrolled must not be negative, was " + daysEnrolled);
        }
        if (marks.size() > daysEnrolled) {
            throw new IllegalArgumentException("at most one mark per day enrolled: " + marks.size() + " marks for " + daysEnrolled + " days");
        }
        Set<LocalDate> seen = new HashSet<>();
        long[] byCategory = new long[CATEGORIES];
        long total = 0;
        for (AttendanceMark m : marks) {
            if (!seen.add(m.date())) {
                throw new IllegalArgumentException("at most one attendance mark per day, two on " + m.date());
            }
            int share = definition.absentShare(m.category(), m.duration());
            byCategory[m.category().ordinal()] += share;
            total += share;
        }
        return new AttendanceFigures(daysEnrolled, Days.of(total), Days.byCategory(byCategory, 0), definition.classify(daysEnrolled, total));
    }

    /**
     * The figures of one student-enrollment: the days enrolled are the {@code instructionalDays} of the school's
     * calendar within {@code enrollment} and on or before {@code asOf} (year to date); marks on other days are
     * ignored.
     *
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @param instructionalDays the instructional days of the school's calendar
     * @param enrollment the days of the enrollment
     * @param asOf the last day counted (inclusive, year to date)
     * @param marks the attendance marks of the enrollment, at most one a day
     * @return the enrollment's figures
     * @throws IllegalArgumentException when two marks fall on the same day
     */
    public static AttendanceFigures figures(ChronicAbsenceDefinition definition, Collection<LocalDate> instructionalDays,
                                            DateRange enrollment, LocalDate asOf, Collection<AttendanceMark> marks) {
        Objects.requireNonNull(instructionalDays, "instructionalDays");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(marks, "marks");
        Set<LocalDate> enrolled = new HashSet<>();
        for (LocalDate d : instructionalDays) {
            if (enrollment.contains(d) && !d.isAfter(asOf)) {
                enrolled.add(d);
            }
        }
        return figures(definition, enrolled.size(), marks.stream().filter(m -> enrolled.contains(m.date())).toList());
    }

    /**
     * A student-year pooled from the figures of the student's enrollments in the year (each under
     * {@code definition}): days enrolled and absent are summed and classified once. A transfer absent 10 of 60
     * days at one school and 5 of 120 at the next is 15 of 180 pooled, not chronically absent.
     *
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @param enrollments the figures of each of the student's enrollments that year
     * @return the student's pooled figures
     */
    public static AttendanceFigures pool(ChronicAbsenceDefinition definition, Collection<AttendanceFigures> enrollments) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(enrollments, "enrollments");
        long days = 0;
        long total = 0;
        long[] byCategory = new long[CATEGORIES];
        for (AttendanceFigures f : enrollments) {
            days += f.daysEnrolled();
            total += f.daysAbsentTenThousandths();
            for (AttendanceCategory c : AttendanceCategory.values()) {
                byCategory[c.ordinal()] += f.daysAbsent(c).movePointRight(4).longValueExact();
            }
        }
        int d = Math.toIntExact(days);
        return new AttendanceFigures(d, Days.of(total), Days.byCategory(byCategory, 0), definition.classify(d, total));
    }

    /**
     * {@return the share of a day counted absent under {@code definition}, as a {@link DayShare}}
     *
     * @param definition the chronic-absence definition (which days count as absent, the threshold, how enrollments are aggregated)
     * @param mark an attendance mark
     */
    public static DayShare absentShare(ChronicAbsenceDefinition definition, AttendanceMark mark) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(mark, "mark");
        return DayShare.ofTenThousandths(definition.absentShare(mark.category(), mark.duration()));
    }
}
