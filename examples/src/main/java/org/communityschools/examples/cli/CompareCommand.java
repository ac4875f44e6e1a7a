package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.Comparison;
import org.communityschools.metrics.GraduationCohortDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compare}: community schools against the rest of the district over school years. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Community schools vs the rest of the district: both series with counts, changes in percentage "
                + "points, and the difference in differences (T_post - T_pre) - (C_post - C_pre).")
final class CompareCommand extends MetricsCommand.Common implements Callable<Integer> {
    @Option(names = "--metric", required = true, description = "chronic-absence or graduation")
    String metric;

    @Option(names = "--from", required = true, converter = MetricsCommand.SchoolYearConverter.class,
            description = "the first school year (for graduation: the cohort's fourth year)")
    SchoolYear from;

    @Option(names = "--to", required = true, converter = MetricsCommand.SchoolYearConverter.class,
            description = "the last school year")
    SchoolYear to;

    @Option(names = "--definition", defaultValue = "federal", converter = MetricsCommand.DefinitionConverter.class,
            description = "chronic absence definition: federal, nysed, nyc-legacy, crdc or california (default: ${DEFAULT-VALUE})")
    ChronicAbsenceDefinition definition;

    @Override
    void check() {
        super.check();
        if (!metric.equals("chronic-absence") && !metric.equals("graduation")) {
            throw new IllegalArgumentException("--metric must be chronic-absence or graduation, was '" + metric + "'");
        }
        if (to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("--to must be after --from, was " + from + " to " + to);
        }
    }

    @Override
    public Integer call() {
        DistrictData data = load();
        List<SchoolYear> years = new ArrayList<>();
        for (SchoolYear y = from; y.compareTo(to) <= 0; y = y.plusYears(1)) {
            years.add(y);
        }
        if (metric.equals("chronic-absence")) {
            years.forEach(y -> MetricsCommand.requireInstruction(data, y));
        }
        Comparison comparison = metric.equals("chronic-absence")
                ? Comparison.chronicAbsence(data, years, definition)
                : Comparison.graduation(data, years, GraduationCohortDefinition.FOUR_YEAR);
        if (format.equals("json")) {
            Table table = new Table(List.of("school_year", "group", "numerator", "denominator", "rate"));
            for (Comparison.YearPoint p : comparison.points()) {
                p.treated().ifPresent(r -> table.add(p.year().toString(), "community", r.numerator(), r.denominator(), r.toBigDecimal(6)));
                p.comparison().ifPresent(r -> table.add(p.year().toString(), "other", r.numerator(), r.denominator(), r.toBigDecimal(6)));
            }
            comparison.differenceInDifferences(from, to, 4).ifPresent(d ->
                    table.add(to.toString(), "difference_in_differences_points", 0L, 0L, d));
            print(table);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            OutcomeStory.print(out, comparison.metric() + ", community schools vs other schools:",
                    metric.equals("chronic-absence") ? "enrollments" : "in cohort", comparison);
            out.flush();
        }
        return 0;
    }
}
