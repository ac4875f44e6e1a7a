package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;

/**
 * The two headline outcomes, community schools against the rest of the district, year by year: counts, rates,
 * changes in percentage points and the difference in differences (T_post − T_pre) − (C_post − C_pre)
 * (DOMAIN.md section 8). One definition governs every year and group.
 */
final class OutcomeStory {
    private OutcomeStory() {}

    /** One year's figures for the community schools (treated) and the rest (comparison). */
    record Point(SchoolYear year, long treatedNumerator, long treatedDenominator, long comparisonNumerator,
                 long comparisonDenominator) {
        Optional<BigDecimal> treatedPercent() {
            return percent(treatedNumerator, treatedDenominator);
        }

        Optional<BigDecimal> comparisonPercent() {
            return percent(comparisonNumerator, comparisonDenominator);
        }
    }

    /** Chronic absence per school enrollment (FS195), by whether the school was a community school that year. */
    static List<Point> chronicAbsence(DistrictData data, List<SchoolYear> years, ChronicAbsenceDefinition definition) {
        List<Point> points = new ArrayList<>();
        for (SchoolYear year : years) {
            ChronicAbsenceReport report = ChronicAbsence.calculate(data, year, definition);
            Map<Boolean, AttendanceAggregate> groups = report.byCommunitySchool();
            AttendanceAggregate t = groups.get(true);
            AttendanceAggregate c = groups.get(false);
            points.add(new Point(year, t == null ? 0 : t.chronicallyAbsent(), t == null ? 0 : t.counted(),
                    c == null ? 0 : c.chronicallyAbsent(), c == null ? 0 : c.counted()));
        }
        return points;
    }

    /**
     * Four-year adjusted cohort graduation rates of the cohorts whose fourth year is one of {@code years}, each student
     * at the school the cohort rule attributes them to, grouped by whether that school was a community school in the
     * cohort's fourth year. Cohorts without first-time ninth graders in the data (history not covered) are skipped.
     */
    static List<Point> graduation(DistrictData data, List<SchoolYear> years) {
        List<Point> points = new ArrayList<>();
        for (SchoolYear fourthYear : years) {
            SchoolYear ninthGradeYear = fourthYear.plusYears(-3);
            GraduationCohortReport report = GraduationRate.calculate(data, GraduationCohortDefinition.FOUR_YEAR, ninthGradeYear);
            if (report.district().firstTimeNinthGraders() == 0) {
                continue;
            }
            long tn = 0, td = 0, cn = 0, cd = 0;
            for (Map.Entry<SchoolId, CohortCounts> e : report.schools().entrySet()) {
                CohortCounts counts = e.getValue();
                if (data.isCommunitySchool(e.getKey(), fourthYear)) {
                    tn += counts.graduateCount();
                    td += counts.adjustedCohort();
                } else {
                    cn += counts.graduateCount();
                    cd += counts.adjustedCohort();
                }
            }
            points.add(new Point(fourthYear, tn, td, cn, cd));
        }
        return points;
    }

    /** Prints the series, the changes in points from the first to the last year, and the difference in differences. */
    static void print(PrintWriter o, String title, String unit, List<Point> points) {
        o.println(title);
        if (points.isEmpty()) {
            o.println("   (no year with data)");
            return;
        }
        o.printf(Locale.ROOT, "   %-8s %-28s %-28s%n", "year", "community schools", "other schools");
        for (Point p : points) {
            o.printf(Locale.ROOT, "   %-8s %-28s %-28s%n", p.year().label(),
                    cell(p.treatedNumerator(), p.treatedDenominator(), unit),
                    cell(p.comparisonNumerator(), p.comparisonDenominator(), unit));
        }
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        if (points.size() < 2 || first.treatedPercent().isEmpty() || last.treatedPercent().isEmpty()
                || first.comparisonPercent().isEmpty() || last.comparisonPercent().isEmpty()) {
            return;
        }
        BigDecimal t = last.treatedPercent().get().subtract(first.treatedPercent().get());
        BigDecimal c = last.comparisonPercent().get().subtract(first.comparisonPercent().get());
        o.printf(Locale.ROOT, "   change %s to %s: community schools %s points, other schools %s points;%n",
                first.year().label(), last.year().label(), signed(t), signed(c));
        o.printf(Locale.ROOT, "   difference in differences (community minus other): %s percentage points%n", signed(t.subtract(c)));
    }

    private static String cell(long numerator, long denominator, String unit) {
        if (denominator == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s%% (%,d of %,d %s)", Ratio.of(numerator, denominator).toPercentString(1),
                numerator, denominator, unit);
    }

    private static Optional<BigDecimal> percent(long numerator, long denominator) {
        return denominator == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(numerator).movePointRight(2)
                        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_EVEN));
    }

    private static String signed(BigDecimal points) {
        BigDecimal p = points.setScale(1, RoundingMode.HALF_EVEN);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString();
    }

    /** The school years of the data that have instructional days. */
    static List<SchoolYear> schoolYearsWithInstruction(DistrictData data) {
        SortedSet<SchoolYear> all = data.schoolYears();
        List<SchoolYear> years = new ArrayList<>();
        for (SchoolYear year : all) {
            if (data.schools().stream().anyMatch(s -> data.calendar(s.id()).daysIn(year.dates()) > 0)) {
                years.add(year);
            }
        }
        return years;
    }
}
