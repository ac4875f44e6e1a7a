package org.communityschools.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.PublicationWriter;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;

/**
 * Disclosure control of Spark results before they leave the cluster (NCES 2011-603, Statistical Methods for Protecting Personally Identifiable Information in Aggregate Reporting; FERPA 34 CFR 99.31(b)(1)
 * de-identification): the aggregates, at most a few thousand groups, are collected to the driver and protected by
 * sdk-privacy's {@link TableProtector} under the caller's {@link SuppressionRules} (the presets {@code NYSED},
 * {@code NYC_DOE}, {@code N10}, or custom rules): primary and complementary suppression with the exact audit. Each
 * table's total is the sum of its rows, as the protector requires (the district's own pooled figure is its own
 * one-cell table). Writing refuses the whole release, and writes nothing, when any table's audit refused it: privacy
 * fails closed. Stateless and thread-safe.
 */
public final class SparkPublication {
    /** The output format. */
    public enum Format {
        /** One protected CSV per table ({@code <table>.csv}) and its suppression report ({@code <table>.report.csv}). */
        CSV,
        /** One Parquet table per protected table ({@code <table>.parquet}, string columns with the markers) and its report. */
        PARQUET
    }

    private SparkPublication() {}

    /**
     * The protected tables of a chronic-absence result, by name: chronically absent of counted members by school
     * (student-enrollments), by grade, by community-school status, by sex, by race/ethnicity, one per characteristic,
     * and the district. Collects the aggregates (an action).
     *
     * @param result the chronic-absence result
     * @param rules the suppression rules, such as {@code SuppressionRules.forName("nysed")}
     * @return each table's name and its protected table, in the same order at every call
     */
    public static Map<String, ProtectedTable> protect(ChronicAbsenceResult result, SuppressionRules rules) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rules, "rules");
        Map<String, Map<String, AttendanceAggregate>> byDimension = new TreeMap<>();
        result.aggregates().collectAsList().forEach(r ->
                byDimension.computeIfAbsent(r.getDimension(), k -> new TreeMap<>()).put(r.getGroupKey(), r.toAggregate()));
        String prefix = "chronic_absence_" + result.definition().name().toLowerCase(java.util.Locale.ROOT) + "_"
                + result.schoolYear().endYear() + "_";
        ToLongFunction<AttendanceAggregate> count = AttendanceAggregate::chronicallyAbsent;
        ToLongFunction<AttendanceAggregate> size = AttendanceAggregate::counted;
        Map<String, ProtectedTable> out = new LinkedHashMap<>();
        out.put(prefix + "district", table("District", "All students", byDimension.getOrDefault("DISTRICT", Map.of()), count, size, rules));
        out.put(prefix + "schools", table("School", "All schools", byDimension.getOrDefault("SCHOOL", Map.of()), count, size, rules));
        out.put(prefix + "grades", table("Grade", "All grades", byDimension.getOrDefault("GRADE", Map.of()), count, size, rules));
        out.put(prefix + "community_schools", table("Community school", "All schools",
                byDimension.getOrDefault("COMMUNITY_SCHOOL", Map.of()), count, size, rules));
        Map<String, Map<String, AttendanceAggregate>> subgroups = new TreeMap<>();
        byDimension.getOrDefault("SUBGROUP", Map.of()).forEach((key, a) -> {
            String[] dv = key.split("=", 2);
            String table = dv[0].equals("characteristic") ? dv[1].toLowerCase(java.util.Locale.ROOT) : dv[0];
            subgroups.computeIfAbsent(table, k -> new TreeMap<>()).put(dv[1], a);
        });
        subgroups.forEach((name, groups) -> out.put(prefix + name, table(name, "Total", groups, count, size, rules)));
        return out;
    }

    /**
     * The protected tables of an ACGR result, by name: graduates of the adjusted cohort for the district, by school, and
     * one per characteristic. Collects the counts (an action).
     *
     * @param result the ACGR result
     * @param rules the suppression rules, such as {@code SuppressionRules.forName("nysed")}
     * @return each table's name and its protected table, in the same order at every call
     */
    public static Map<String, ProtectedTable> protect(SparkGraduationRate.GraduationResult result, SuppressionRules rules) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rules, "rules");
        String prefix = "acgr_" + result.definition().years() + "_year_cohort_" + result.ninthGradeYear().endYear() + "_";
        ToLongFunction<CohortCounts> count = CohortCounts::graduateCount;
        ToLongFunction<CohortCounts> size = CohortCounts::adjustedCohort;
        Map<String, ProtectedTable> out = new LinkedHashMap<>();
        out.put(prefix + "district", table("District", "All students", result.collect("DISTRICT"), count, size, rules));
        out.put(prefix + "schools", table("School", "All schools", result.collect("SCHOOL"), count, size, rules));
        result.collect("CHARACTERISTIC").forEach((c, counts) -> out.put(prefix + c.toLowerCase(java.util.Locale.ROOT),
                table(c, "Total", Map.of(c, counts), count, size, rules)));
        return out;
    }

    private static <A> ProtectedTable table(String name, String total, Map<String, A> groups, ToLongFunction<A> count,
                                            ToLongFunction<A> size, SuppressionRules rules) {
        List<String> members = new ArrayList<>(groups.keySet());
        CountTable.Builder b = CountTable.builder(Dimension.flat(name, total, members));
        groups.forEach((k, a) -> b.cell(k, count.applyAsLong(a), size.applyAsLong(a)));
        return TableProtector.protect(b.fillTotals().build(), rules);
    }

    /**
     * Writes every table to {@code outputDir} (any Hadoop file system), or nothing at all when any table was refused.
     *
     * @param spark the session to write with
     * @param tables each table's name and its protected table, as {@code protect} returns them
     * @param outputDir the directory to write to (a path or URI)
     * @param format the files' format
     * @throws org.communityschools.privacy.publication.ReleaseRefusedException when a table's audit refused its release
     */
    public static void write(SparkSession spark, Map<String, ProtectedTable> tables, String outputDir, Format format) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(format, "format");
        tables.values().forEach(ProtectedTable::orThrow);
        String dir = outputDir.endsWith("/") ? outputDir.substring(0, outputDir.length() - 1) : outputDir;
        for (Map.Entry<String, ProtectedTable> e : tables.entrySet()) {
            String csv = PublicationWriter.csv(e.getValue());
            String report = PublicationWriter.reportCsv(e.getValue());
            if (format == Format.CSV) {
                writeText(spark, dir + "/" + e.getKey() + ".csv", csv);
            } else {
                Dataset<String> lines = spark.createDataset(List.of(csv.split("\n")), Encoders.STRING());
                spark.read().option("header", "true").csv(lines).coalesce(1).write().mode("overwrite")
                        .parquet(dir + "/" + e.getKey() + ".parquet");
            }
            writeText(spark, dir + "/" + e.getKey() + ".report.csv", report);
        }
    }

    private static void writeText(SparkSession spark, String path, String text) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(p, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
