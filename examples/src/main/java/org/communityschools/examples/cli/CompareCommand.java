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
        } else {
            // each year is a cohort's fourth year: its four-year window must be in the data
            years.forEach(y -> OutcomeStory.requireWindow(data, GraduationCohortDefinition.FOUR_YEAR, y.plusYears(-3), ""));
        }
        Comparison comparison = metric.equals("chronic-absence")
                ? Comparison.chronicAbsence(data, years, definition)
                : Comparison.graduation(data, years, GraduationCohortDefinition.FOUR_YEAR);
        boolean formatGiven = spec.commandLine().getParseResult().hasMatchedOption("--format");
        if (!formatGiven) {
            PrintWriter out = spec.commandLine().getOut();
            OutcomeStory.print(out, comparison.metric() + ", community schools vs other schools:",
                    metric.equals("chronic-absence") ? "enrollments" : "in cohort", comparison);
            out.flush();
        } else if (format.equals("csv")) {
            series(comparison).write(spec.commandLine().getOut(), "csv");
        } else {
            writeJson(comparison);
        }
        return 0;
    }

    /** Both series, one row per school year and group, with the rate's numerator and denominator. */
    private static Table series(Comparison comparison) {
        Table table = new Table(List.of("school_year", "group", "numerator", "denominator", "rate"));
        for (Comparison.YearPoint p : comparison.points()) {
            p.treated().ifPresent(r -> table.add(p.year().toString(), "community", r.numerator(), r.denominator(), r.toBigDecimal(6)));
            p.comparison().ifPresent(r -> table.add(p.year().toString(), "other", r.numerator(), r.denominator(), r.toBigDecimal(6)));
        }
        return table;
    }

    /**
     * The JSON object: the metric, the years compared, the series (as in CSV), each group's change and the
     * difference in differences in percentage points as fields of their own ({@code null} when a rate is missing).
     */
    private void writeJson(Comparison comparison) {
        java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
        object.put("metric", comparison.metric());
        object.put("from", from.toString());
        object.put("to", to.toString());
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (Comparison.YearPoint p : comparison.points()) {
            p.treated().ifPresent(r -> rows.add(point(p, "community", r)));
            p.comparison().ifPresent(r -> rows.add(point(p, "other", r)));
        }
        object.put("series", rows);
        object.put("community_change_points", comparison.treatedChangeInPoints(from, to, 4).orElse(null));
        object.put("other_change_points", comparison.comparisonChangeInPoints(from, to, 4).orElse(null));
        object.put("difference_in_differences_points", comparison.differenceInDifferences(from, to, 4).orElse(null));
        PrintWriter out = spec.commandLine().getOut();
        out.println(tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(object));
        out.flush();
    }

    private static java.util.Map<String, Object> point(Comparison.YearPoint p, String group, org.communityschools.core.model.Ratio r) {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("school_year", p.year().toString());
        row.put("group", group);
        row.put("numerator", r.numerator());
        row.put("denominator", r.denominator());
        row.put("rate", r.toBigDecimal(6));
        return row;
    }
}
