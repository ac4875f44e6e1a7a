package org.communityschools.spark;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.spark.internal.AggregateRows;
import org.communityschools.spark.internal.AggregateSum;
import org.communityschools.spark.internal.ChronicAbsenceAggregator;
import org.communityschools.spark.internal.Events;
import org.communityschools.spark.internal.StudentEvent;
import org.communityschools.spark.rows.AggregateRow;

/**
 * Chronic absence and attendance rates on Spark, exactly the figures of the single-machine
 * {@link ChronicAbsence#calculate(org.communityschools.core.data.DistrictData, SchoolYear, ChronicAbsenceDefinition, LocalDate)}
 * for any {@link ChronicAbsenceDefinition} (every preset and custom ones): the SDK's own code computes every figure.
 * Two Spark aggregations: the student's events (grouped by student, so a student who moved is pooled across schools)
 * go through the SDK's {@code AttendanceAccumulator} in a per-student {@code Aggregator}, which emits each
 * student-enrollment's and student-year's {@code AttendanceAggregate.of} partial keyed by its groups; a second
 * {@code Aggregator} adds the partials of each group with {@code AttendanceAggregate.plus}. Groups: {@code SCHOOL}
 * (student-enrollments), {@code DISTRICT} (as the definition aggregates), {@code DISTRICT_POOLED},
 * {@code DISTRICT_PER_ENROLLMENT}, {@code GRADE}, {@code SUBGROUP} and {@code COMMUNITY_SCHOOL}, as in
 * {@link org.communityschools.metrics.ChronicAbsenceReport}. The attendance rate of any group is
 * {@code AttendanceAggregate.attendanceRate()}. Stateless and thread-safe.
 */
public final class SparkChronicAbsence {
    private SparkChronicAbsence() {}

    /**
     * The chronic-absence aggregates of {@code schoolYear} under {@code definition}, year to date as of {@code asOf}.
     * Lazy: the returned Datasets compute when an action runs; the calendars are collected now (a small action).
     *
     * @param data the district data read by {@link SparkDistrictReader}
     * @param schoolYear the school year
     * @param definition the chronic-absence definition, such as {@code ChronicAbsenceDefinition.FEDERAL}
     * @param asOf the last day counted (inclusive)
     * @return the aggregates by dimension, as lazy Datasets
     */
    public static ChronicAbsenceResult calculate(SparkDistrictData data, SchoolYear schoolYear, ChronicAbsenceDefinition definition,
                                                 LocalDate asOf) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(asOf, "asOf");
        SparkSession spark = data.attendance().sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> types = new HashMap<>();
        Set<String> community = new HashSet<>();
        for (School s : data.reference().schools()) {
            types.put(s.id().value(), s.schoolType().name());
            if (data.reference().isCommunitySchool(s.id(), schoolYear)) {
                community.add(s.id().value());
            }
        }
        ChronicAbsenceAggregator perStudent = new ChronicAbsenceAggregator(definition, schoolYear, asOf,
                jsc.broadcast(Events.calendars(data, schoolYear.firstDay(), schoolYear.lastDay())), jsc.broadcast(types),
                jsc.broadcast(community));
        Dataset<AggregateRow> members = Events.attendance(data, schoolYear.firstDay(), schoolYear.lastDay())
                .groupByKey((MapFunction<StudentEvent, String>) StudentEvent::getStudentId, Encoders.STRING())
                .agg(perStudent.toColumn())
                .flatMap((FlatMapFunction<scala.Tuple2<String, AggregateRows>, AggregateRow>) t -> t._2().getRows().iterator(),
                        Encoders.bean(AggregateRow.class));
        Dataset<AggregateRow> aggregates = members
                .groupByKey((MapFunction<AggregateRow, String>) r -> r.getDimension() + "\u0001" + r.getGroupKey(), Encoders.STRING())
                .agg(new AggregateSum().toColumn())
                .map((MapFunction<scala.Tuple2<String, AggregateRow>, AggregateRow>) scala.Tuple2::_2, Encoders.bean(AggregateRow.class));
        return new ChronicAbsenceResult(definition, schoolYear, asOf, aggregates);
    }

    /**
     * Year to date as of the last day of the school year (June 30).
     *
     * @param data the district data read by {@link SparkDistrictReader}
     * @param schoolYear the school year
     * @param definition the chronic-absence definition
     * @return the aggregates by dimension, as lazy Datasets
     */
    public static ChronicAbsenceResult calculate(SparkDistrictData data, SchoolYear schoolYear, ChronicAbsenceDefinition definition) {
        return calculate(data, schoolYear, definition, schoolYear.lastDay());
    }
}
