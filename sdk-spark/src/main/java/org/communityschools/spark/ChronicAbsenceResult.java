package org.communityschools.spark;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.spark.rows.AggregateRow;

/**
 * The chronic-absence aggregates computed by {@link SparkChronicAbsence}: one {@link AggregateRow} per group, lazy
 * until an action runs. Not protected: publish through {@link SparkPublication}. Immutable; safe to share on the driver.
 *
 * @param definition the definition used
 * @param schoolYear the school year
 * @param asOf       the last day counted
 * @param aggregates one row per (dimension, group)
 */
public record ChronicAbsenceResult(ChronicAbsenceDefinition definition, SchoolYear schoolYear, LocalDate asOf,
                                   Dataset<AggregateRow> aggregates) {
    /**
     * Checks that nothing is missing.
     *
     * @param definition the definition used
     * @param schoolYear the school year
     * @param asOf the last day counted
     * @param aggregates one row per (dimension, group)
     */
    public ChronicAbsenceResult {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(aggregates, "aggregates");
    }

    /**
     * {@return the aggregates of one dimension ({@code SCHOOL}, {@code GRADE}, ...) by group key, collected to the
     * driver (an action)}
     *
     * @param dimension the dimension's name, such as {@code SCHOOL} or {@code GRADE}
     */
    public Map<String, AttendanceAggregate> collect(String dimension) {
        Objects.requireNonNull(dimension, "dimension");
        Map<String, AttendanceAggregate> out = new TreeMap<>();
        for (AggregateRow r : aggregates.filter((FilterFunction<AggregateRow>) r -> r.getDimension().equals(dimension)).collectAsList()) {
            out.put(r.getGroupKey(), r.toAggregate());
        }
        return out;
    }
}
