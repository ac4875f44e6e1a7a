package org.communityschools.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;

/**
 * One metric for a treated group (community schools) against a comparison group (the rest of the district) over
 * school years, with changes in percentage points and the difference in differences
 * {@code (T_post − T_pre) − (C_post − C_pre)} (difference in differences; Angrist and Pischke, Mostly Harmless Econometrics, 2009, chapter 5). One definition governs every year and group.
 * Every figure keeps its counts ({@link Ratio}); differences are computed exactly and rounded once, half to even.
 * A relative change is offered only with its base and labelled as such. Immutable and thread-safe.
 *
 * @param metric a label for the metric and its definition, such as {@code chronic absence (FEDERAL)}
 * @param points one point per school year, in year order
 */
public record Comparison(String metric, List<YearPoint> points) {
    /**
     * Checks that nothing is missing and the years ascend.
     *
     * @param metric a label for the metric and its definition, such as {@code chronic absence (FEDERAL)}
     * @param points one point per school year, in year order
     */
    public Comparison {
        Objects.requireNonNull(metric, "metric");
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).year().compareTo(points.get(i - 1).year()) <= 0) {
                throw new IllegalArgumentException("years must ascend: " + points.get(i - 1).year() + " then " + points.get(i).year());
            }
        }
    }

    /**
     * One school year's figures.
     *
     * @param year       the school year
     * @param treated    the treated group's rate with its counts, empty when no one was counted
     * @param comparison the comparison group's rate with its counts, empty when no one was counted
     */
    public record YearPoint(SchoolYear year, Optional<Ratio> treated, Optional<Ratio> comparison) {
        /**
         * Checks that nothing is missing.
         *
         * @param year the school year
         * @param treated the treated group's rate with its counts, empty when no one was counted
         * @param comparison the comparison group's rate with its counts, empty when no one was counted
         */
        public YearPoint {
            Objects.requireNonNull(year, "year");
            Objects.requireNonNull(treated, "treated");
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    /**
     * Chronic absence per school enrollment at community schools (a LEAD partner that year) against the other
     * schools, under one definition for every year.
     *
     * @param data the district data
     * @param years the school years, in order
     * @param definition the chronic-absence definition
     * @return the chronic-absence rates of community schools and the others, year by year
     */
    public static Comparison chronicAbsence(DistrictData data, List<SchoolYear> years, ChronicAbsenceDefinition definition) {
        return chronicAbsence(data, years, definition, ForkJoinPool.commonPool());
    }

    /**
     * {@link #chronicAbsence(DistrictData, List, ChronicAbsenceDefinition)} with each year's report computed on
     * the calling thread and {@code executor}, as {@link ChronicAbsence#calculate(DistrictData, SchoolYear,
     * ChronicAbsenceDefinition, LocalDate, Executor)} does.
     *
     * @param data the district data
     * @param years the school years, in order
     * @param definition the chronic-absence definition
     * @param executor where the parts of each report after the first may run ({@code Runnable::run}: the calling thread only)
     * @return the chronic-absence rates of community schools and the others, year by year
     */
    public static Comparison chronicAbsence(DistrictData data, List<SchoolYear> years, ChronicAbsenceDefinition definition,
                                            Executor executor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(executor, "executor");
        List<YearPoint> points = new ArrayList<>();
        for (SchoolYear year : years) {
            CommunitySchoolSplit groups = ChronicAbsence.calculate(data, year, definition, year.lastDay(), executor).byCommunitySchool();
            points.add(new YearPoint(year, groups.communitySchools().flatMap(AttendanceAggregate::chronicAbsenceRate),
                    groups.otherSchools().flatMap(AttendanceAggregate::chronicAbsenceRate)));
        }
        return new Comparison("chronic absence (" + definition.name() + ")", points);
    }


    /**
     * Adjusted cohort graduation rates of the cohorts whose last counted year is each of {@code lastYears}, every
     * student at the school the cohort definition attributes them to, grouped by whether that school was a
     * community school in that last year (school counts are summed within each group; a documented transfer between
     * two schools of the same group is a removal at one and an addition at the other, so each student counts once).
     * A cohort whose data hold no first-time ninth graders (history not covered) gives an empty point.
     *
     * @param data the district data
     * @param lastYears the last counted school year of each cohort, in order
     * @param definition the cohort definition
     * @return the graduation rates of community schools and the others, cohort by cohort
     */
    public static Comparison graduation(DistrictData data, List<SchoolYear> lastYears, GraduationCohortDefinition definition) {
        return graduation(data, lastYears, definition, ForkJoinPool.commonPool());
    }

    /**
     * {@link #graduation(DistrictData, List, GraduationCohortDefinition)} with each cohort's report computed on the
     * calling thread and {@code executor}, as {@link GraduationRate#calculate(DistrictData, SchoolYear,
     * GraduationCohortDefinition, Executor)} does.
     *
     * @param data the district data
     * @param lastYears the last counted school year of each cohort, in order
     * @param definition the cohort definition
     * @param executor where the parts of each report after the first may run ({@code Runnable::run}: the calling thread only)
     * @return the graduation rates of community schools and the others, cohort by cohort
     */
    public static Comparison graduation(DistrictData data, List<SchoolYear> lastYears, GraduationCohortDefinition definition,
                                        Executor executor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(executor, "executor");
        List<YearPoint> points = new ArrayList<>();
        for (SchoolYear lastYear : lastYears) {
            SchoolYear ninthGradeYear = lastYear.plusYears(-(definition.years() - 1));
            GraduationCohortReport report = GraduationRate.calculate(data, ninthGradeYear, definition, executor);
            if (report.district().firstTimeNinthGraders() == 0) {
                points.add(new YearPoint(lastYear, Optional.empty(), Optional.empty()));
                continue;
            }
            long tn = 0;
            long td = 0;
            long cn = 0;
            long cd = 0;
            for (Map.Entry<SchoolId, CohortCounts> e : report.schools().entrySet()) {
                CohortCounts counts = e.getValue();
                if (data.isCommunitySchool(e.getKey(), lastYear)) {
                    tn += counts.graduateCount();
                    td += counts.adjustedCohort();
                } else {
                    cn += counts.graduateCount();
                    cd += counts.adjustedCohort();
                }
            }
            points.add(new YearPoint(lastYear, td == 0 ? Optional.empty() : Optional.of(Ratio.of(tn, td)),
                    cd == 0 ? Optional.empty() : Optional.of(Ratio.of(cn, cd))));
        }
        return new Comparison(definition.years() + "-year adjusted cohort graduation rate", points);
    }

    /**
     * {@return the point of {@code year}, if the comparison has one}
     *
     * @param year the school year
     */
    public Optional<YearPoint> point(SchoolYear year) {
        return points.stream().filter(p -> p.year().equals(year)).findFirst();
    }

    /**
     * {@return the treated group's change from {@code from} to {@code to} in percentage points, rounded to {@code
     * scale} places}
     *
     * @param from the earlier school year
     * @param to the later school year
     * @param scale the number of decimal places
     */
    public Optional<BigDecimal> treatedChangeInPoints(SchoolYear from, SchoolYear to, int scale) {
        return change(from, to, true).map(f -> points(f, scale));
    }

    /**
     * {@return the comparison group's change from {@code from} to {@code to} in percentage points, rounded to {@code
     * scale} places}
     *
     * @param from the earlier school year
     * @param to the later school year
     * @param scale the number of decimal places
     */
    public Optional<BigDecimal> comparisonChangeInPoints(SchoolYear from, SchoolYear to, int scale) {
        return change(from, to, false).map(f -> points(f, scale));
    }

    /**
     * {@code (T_to − T_from) − (C_to − C_from)} in percentage points, computed exactly and rounded once to {@code scale}
     * places; empty when a rate is missing.
     *
     * @param from the earlier school year
     * @param to the later school year
     * @param scale the number of decimal places
     * @return the difference in differences, in percentage points
     */
    public Optional<BigDecimal> differenceInDifferences(SchoolYear from, SchoolYear to, int scale) {
        Optional<BigInteger[]> t = change(from, to, true);
        Optional<BigInteger[]> c = change(from, to, false);
        if (t.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(points(subtract(t.get(), c.get()), scale));
    }

    /**
     * The treated group's relative change from {@code from} to {@code to}, in percent of the {@code from} rate (30% to
     * 24% is −20% relative); always report it with its base and label it as relative.
     *
     * @param from the school year of the base rate
     * @param to the later school year
     * @param scale the number of decimal places
     * @return the relative change in percent; empty when a rate is missing or the base rate is 0
     */
    public Optional<BigDecimal> treatedRelativeChangePercent(SchoolYear from, SchoolYear to, int scale) {
        Optional<Ratio> a = point(from).flatMap(YearPoint::treated);
        Optional<Ratio> b = point(to).flatMap(YearPoint::treated);
        if (a.isEmpty() || b.isEmpty() || a.get().numerator() == 0) {
            return Optional.empty();
        }
        BigInteger[] diff = subtract(fraction(b.get()), fraction(a.get()));
        BigInteger[] relative = {diff[0].multiply(BigInteger.valueOf(a.get().denominator())),
                diff[1].multiply(BigInteger.valueOf(a.get().numerator()))};
        return Optional.of(points(relative, scale));
    }

    private Optional<BigInteger[]> change(SchoolYear from, SchoolYear to, boolean treated) {
        Optional<Ratio> a = point(from).flatMap(p -> treated ? p.treated() : p.comparison());
        Optional<Ratio> b = point(to).flatMap(p -> treated ? p.treated() : p.comparison());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(subtract(fraction(b.get()), fraction(a.get())));
    }

    private static BigInteger[] fraction(Ratio r) {
        return new BigInteger[] {BigInteger.valueOf(r.numerator()), BigInteger.valueOf(r.denominator())};
    }

    private static BigInteger[] subtract(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].multiply(b[1]).subtract(b[0].multiply(a[1])), a[1].multiply(b[1])};
    }

    /** The fraction times 100, rounded half to even. */
    private static BigDecimal points(BigInteger[] f, int scale) {
        return new BigDecimal(f[0].multiply(BigInteger.valueOf(100))).divide(new BigDecimal(f[1]), scale, RoundingMode.HALF_EVEN);
    }
}
