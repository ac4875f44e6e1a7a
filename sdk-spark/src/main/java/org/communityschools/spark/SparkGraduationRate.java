package org.communityschools.spark;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.spark.internal.CohortRows;
import org.communityschools.spark.internal.CohortSum;
import org.communityschools.spark.internal.Events;
import org.communityschools.spark.internal.GraduationAggregator;
import org.communityschools.spark.internal.StudentEvent;
import org.communityschools.spark.rows.CohortCountsRow;

/**
 * The adjusted cohort graduation rate (34 CFR 200.19(b); 4-, 5- and 6-year and any other
 * {@link GraduationCohortDefinition}) on Spark, exactly the counts of the single-machine
 * {@link GraduationRate#calculate(org.communityschools.core.data.DistrictData, SchoolYear, GraduationCohortDefinition)}:
 * each student's history goes through the SDK's own calculation in a per-student {@code Aggregator}, and a second
 * {@code Aggregator} adds the per-student {@code CohortCounts.of} partials of each group with
 * {@code CohortCounts.plus}. Groups: {@code DISTRICT} (key {@code ALL}; the district's cohort, decided by the last
 * enrollment, so not the sum of the schools), {@code SCHOOL} and {@code CHARACTERISTIC} (held at any time in the
 * cohort period). Stateless and thread-safe.
 */
public final class SparkGraduationRate {
    private SparkGraduationRate() {}

    /**
     * {@return the cohort that first entered grade 9 in {@code ninthGradeYear}, under {@code definition}} Lazy until an
     * action runs.
     *
     * @param data the district data read by {@link SparkDistrictReader}
     * @param definition the cohort definition, such as {@code GraduationCohortDefinition.FOUR_YEAR}
     * @param ninthGradeYear the school year in which the cohort first entered grade 9
     */
    public static GraduationResult calculate(SparkDistrictData data, SchoolYear ninthGradeYear, GraduationCohortDefinition definition) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.enrollments().sparkSession().sparkContext());
        GraduationAggregator perStudent = new GraduationAggregator(definition, ninthGradeYear,
                jsc.broadcast(Events.calendars(data, LocalDate.MIN, LocalDate.MAX)));
        Dataset<CohortCountsRow> members = Events.history(data)
                .groupByKey((MapFunction<StudentEvent, String>) StudentEvent::getStudentId, Encoders.STRING())
                .agg(perStudent.toColumn())
                .flatMap((FlatMapFunction<scala.Tuple2<String, CohortRows>, CohortCountsRow>) t -> t._2().getRows().iterator(),
                        Encoders.bean(CohortCountsRow.class));
        Dataset<CohortCountsRow> counts = members
                .groupByKey((MapFunction<CohortCountsRow, String>) r -> r.getDimension() + "\u0001" + r.getGroupKey(), Encoders.STRING())
                .agg(new CohortSum().toColumn())
                .map((MapFunction<scala.Tuple2<String, CohortCountsRow>, CohortCountsRow>) scala.Tuple2::_2, Encoders.bean(CohortCountsRow.class));
        return new GraduationResult(definition, ninthGradeYear, counts);
    }

    /**
     * The counts computed by {@link SparkGraduationRate}, one row per group, lazy until an action runs. Not protected:
     * publish through {@link SparkPublication}. Immutable; safe to share on the driver.
     *
     * @param definition     the definition used
     * @param ninthGradeYear the cohort's first year
     * @param counts         one row per (dimension, group)
     */
    public record GraduationResult(GraduationCohortDefinition definition, SchoolYear ninthGradeYear, Dataset<CohortCountsRow> counts) {
        /**
         * Checks that nothing is missing.
         *
         * @param definition the definition used
         * @param ninthGradeYear the cohort's first year
         * @param counts one row per (dimension, group)
         */
        public GraduationResult {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
            Objects.requireNonNull(counts, "counts");
        }

        /**
         * {@return the counts of one dimension by group key, collected to the driver (an action)}
         *
         * @param dimension the dimension's name, such as {@code SCHOOL}
         */
        public Map<String, CohortCounts> collect(String dimension) {
            Objects.requireNonNull(dimension, "dimension");
            Map<String, CohortCounts> out = new TreeMap<>();
            for (CohortCountsRow r : counts.filter((FilterFunction<CohortCountsRow>) r -> r.getDimension().equals(dimension)).collectAsList()) {
                out.put(r.getGroupKey(), r.toCounts());
            }
            return out;
        }
    }
}
