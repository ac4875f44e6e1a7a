package org.communityschools.spark;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.ReleaseRefusedException;
import org.communityschools.privacy.publication.SuppressionRules;

/**
 * The runnable example: reads a district data directory (CSV or Parquet, any Hadoop file system), refuses to compute
 * when a rule is broken (unless {@code --lenient}), computes chronic absence under the chosen definitions and the
 * ACGR, protects every table with the chosen suppression rules, and writes the protected tables and their
 * suppression reports. Runs locally ({@code local[*]} unless a master is given) or under {@code spark-submit}, which
 * sets the master. docs/spark.md shows both.
 *
 * <pre>
 * SparkMetricsMain --input DIR --output DIR --year 2018 [--as-of 2018-01-31] [--definitions NYSED,FEDERAL|ALL]
 *                  [--cohort 2015] [--graduation-years 4,5,6] [--suppress nysed|nyc-doe|n10]
 *                  [--input-format csv|parquet] [--output-format csv|parquet] [--master local[2]] [--lenient]
 * </pre>
 * Exit codes: 0 written, 1 usage, 2 the data broke a rule (nothing computed), 3 a release was refused (nothing written).
 */
public final class SparkMetricsMain {
    private static final Map<String, ChronicAbsenceDefinition> PRESETS = new LinkedHashMap<>();

    static {
        for (ChronicAbsenceDefinition d : List.of(ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED,
                ChronicAbsenceDefinition.NYC_LEGACY, ChronicAbsenceDefinition.CRDC, ChronicAbsenceDefinition.CALIFORNIA)) {
            PRESETS.put(d.name(), d);
        }
    }

    private SparkMetricsMain() {}

    /**
     * Runs and exits with the exit code.
     *
     * @param args the command line shown in the class comment
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs with the given streams; returns the exit code (the session is left for the JVM to stop).
     *
     * @param args the command line shown in the class comment
     * @param out where the summary is printed
     * @param err where usage and data errors are printed
     * @return the exit code: 0 written, 1 usage, 2 the data broke a rule, 3 a release was refused
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = new LinkedHashMap<>();
        boolean lenient = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lenient")) {
                lenient = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i].substring(2), args[++i]);
            } else {
                return usage(err, "unexpected argument '" + args[i] + "'");
            }
        }
        List<String> known = List.of("input", "output", "year", "as-of", "definitions", "cohort", "graduation-years", "suppress",
                "input-format", "output-format", "master");
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                return usage(err, "unknown option --" + k);
            }
        }
        if (!o.containsKey("input") || !o.containsKey("output") || !o.containsKey("year")) {
            return usage(err, "--input, --output and --year are required");
        }
        SchoolYear year;
        LocalDate asOf;
        List<ChronicAbsenceDefinition> definitions = new ArrayList<>();
        List<GraduationCohortDefinition> graduation = new ArrayList<>();
        SuppressionRules rules;
        SparkDistrictReader.Format inputFormat;
        SparkPublication.Format outputFormat;
        try {
            year = SchoolYear.parse(o.get("year"));
            asOf = o.containsKey("as-of") ? LocalDate.parse(o.get("as-of")) : year.lastDay();
            String defs = o.getOrDefault("definitions", "NYSED").toUpperCase(Locale.ROOT);
            for (String d : defs.equals("ALL") ? List.copyOf(PRESETS.keySet()) : List.of(defs.split(","))) {
                ChronicAbsenceDefinition def = PRESETS.get(d.trim());
                if (def == null) {
                    return usage(err, "unknown definition '" + d + "'; one of " + PRESETS.keySet() + " or ALL");
                }
                definitions.add(def);
            }
            if (o.containsKey("cohort")) {
                for (String y : o.getOrDefault("graduation-years", "4").split(",")) {
                    graduation.add(GraduationCohortDefinition.builder().years(Integer.parseInt(y.trim())).build());
                }
            }
            rules = SuppressionRules.forName(o.getOrDefault("suppress", "nysed"));
            inputFormat = SparkDistrictReader.Format.valueOf(o.getOrDefault("input-format", "csv").toUpperCase(Locale.ROOT));
            outputFormat = SparkPublication.Format.valueOf(o.getOrDefault("output-format", "csv").toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return usage(err, e.getMessage());
        }

        SparkSession.Builder builder = SparkSession.builder().appName("community-schools-metrics");
        if (o.containsKey("master")) {
            builder.master(o.get("master"));
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]"); // not under spark-submit
        }
        SparkSession spark = builder.getOrCreate();
        SparkDistrictData data = SparkDistrictReader.of(spark, inputFormat).read(o.get("input")).cache();
        long errors = data.errorCount();
        if (errors > 0) {
            err.println(errors + " violations of the data directory's rules; the first:");
            data.errors(20).forEach(v -> err.println("  " + v));
            if (!lenient) {
                err.println("nothing computed (strict mode; --lenient computes on the rows that passed)");
                return 2;
            }
        }
        Map<String, ProtectedTable> tables = new LinkedHashMap<>();
        for (ChronicAbsenceDefinition d : definitions) {
            tables.putAll(SparkPublication.protect(SparkChronicAbsence.calculate(data, year, d, asOf), rules));
        }
        if (o.containsKey("cohort")) {
            SchoolYear cohort = SchoolYear.parse(o.get("cohort"));
            for (GraduationCohortDefinition g : graduation) {
                tables.putAll(SparkPublication.protect(SparkGraduationRate.calculate(data, cohort, g), rules));
            }
        }
        try {
            SparkPublication.write(spark, tables, o.get("output"), outputFormat);
        } catch (ReleaseRefusedException e) {
            err.println("release refused, nothing written: " + e.getMessage());
            return 3;
        }
        tables.forEach((name, t) -> out.println(name + ": " + t.cells().size() + " cells, " + t.report().size() + " suppressed"));
        out.println("wrote " + tables.size() + " protected tables (" + rules.name() + ") to " + o.get("output"));
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: SparkMetricsMain --input DIR --output DIR --year 2018 [--as-of 2018-01-31] [--definitions NYSED,FEDERAL|ALL]"
                + " [--cohort 2015] [--graduation-years 4,5,6] [--suppress nysed|nyc-doe|n10] [--input-format csv|parquet]"
                + " [--output-format csv|parquet] [--master local[2]] [--lenient]");
        return 1;
    }
}
