package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.Comparison;

/** Prints a {@link Comparison}: the series of both groups with their counts, changes in points, difference in differences. */
final class OutcomeStory {
    private OutcomeStory() {}

    static void print(PrintWriter o, String title, String unit, Comparison comparison) {
        o.println(title);
        List<Comparison.YearPoint> points = comparison.points().stream()
                .filter(p -> p.treated().isPresent() || p.comparison().isPresent()).toList();
        if (points.isEmpty()) {
            o.println("   (no year with data)");
            return;
        }
        o.printf(Locale.ROOT, "   %-8s %-36s %-36s%n", "year", "community schools", "other schools");
        for (Comparison.YearPoint p : points) {
            o.printf(Locale.ROOT, "   %-8s %-36s %-36s%n", p.year().label(), cell(p.treated(), unit), cell(p.comparison(), unit));
        }
        SchoolYear from = points.get(0).year();
        SchoolYear to = points.get(points.size() - 1).year();
        Optional<BigDecimal> t = comparison.treatedChangeInPoints(from, to, 1);
        Optional<BigDecimal> c = comparison.comparisonChangeInPoints(from, to, 1);
        Optional<BigDecimal> did = comparison.differenceInDifferences(from, to, 1);
        if (points.size() >= 2 && t.isPresent() && c.isPresent() && did.isPresent()) {
            o.printf(Locale.ROOT, "   change %s to %s: community schools %s points, other schools %s points;%n",
                    from.label(), to.label(), signed(t.get()), signed(c.get()));
            o.printf(Locale.ROOT, "   difference in differences (community minus other): %s percentage points%n", signed(did.get()));
        }
    }

    private static String cell(Optional<Ratio> rate, String unit) {
        return rate.map(r -> String.format(Locale.ROOT, "%s%% (%,d of %,d %s)", r.toPercentString(1), r.numerator(),
                r.denominator(), unit)).orElse("-");
    }

    private static String signed(BigDecimal points) {
        return (points.signum() > 0 ? "+" : "") + points.toPlainString();
    }

    /** The school years of the data that have instructional days. */
    static List<SchoolYear> schoolYearsWithInstruction(DistrictData data) {
        List<SchoolYear> years = new ArrayList<>();
        for (SchoolYear year : data.schoolYears()) {
            if (data.schools().stream().anyMatch(s -> data.calendar(s.id()).daysIn(year.dates()) > 0)) {
                years.add(year);
            }
        }
        return years;
    }

    /** The last instructional day of any school in the data: the last date the data cover. */
    static java.util.Optional<java.time.LocalDate> lastInstructionalDay(DistrictData data) {
        java.time.LocalDate last = null;
        for (var school : data.schools()) {
            List<java.time.LocalDate> days = data.calendar(school.id()).days();
            if (!days.isEmpty() && (last == null || days.get(days.size() - 1).isAfter(last))) {
                last = days.get(days.size() - 1);
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    /**
     * Whether the data cover the window of the cohort that entered grade 9 in {@code ninthGradeYear} under
     * {@code definition}: they hold instruction in the window's last school year (year 4, 5 or 6), so that its
     * enrollments, exits and diplomas are in the files. The summer up to the cut-off is taken as covered with it.
     */
    static boolean coversWindow(DistrictData data, org.communityschools.metrics.GraduationCohortDefinition definition,
                                SchoolYear ninthGradeYear) {
        SchoolYear lastYear = ninthGradeYear.plusYears(definition.years() - 1);
        return lastInstructionalDay(data).map(d -> SchoolYear.containing(d).compareTo(lastYear) >= 0).orElse(false);
    }

    /** Refuses a window the data do not cover, naming the window and the last date the data cover. */
    static void requireWindow(DistrictData data, org.communityschools.metrics.GraduationCohortDefinition definition,
                              SchoolYear ninthGradeYear, String hint) {
        if (!coversWindow(data, definition, ninthGradeYear)) {
            SchoolYear lastYear = ninthGradeYear.plusYears(definition.years() - 1);
            throw new IllegalArgumentException("the " + definition.years() + "-year window of the cohort that entered grade 9 in "
                    + ninthGradeYear.label() + " runs through school year " + lastYear.label() + " (diplomas to "
                    + definition.cutoffDate(ninthGradeYear) + "), but the data cover only up to "
                    + lastInstructionalDay(data).map(Object::toString).orElse("no instructional day")
                    + " (the last instructional day)" + hint);
        }
    }
}
