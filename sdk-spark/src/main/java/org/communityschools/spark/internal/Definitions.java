package org.communityschools.spark.internal;

import java.io.Serializable;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolType;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.GraduationCohortDefinition;

/**
 * The definitions of sdk-metrics carried to Spark executors: every setting read through the public getters and
 * rebuilt there with the public builder, so that a custom definition travels as well as a preset (definitions are
 * equal when every setting is). Immutable, thread-safe.
 */
public final class Definitions {
    private Definitions() {}

    /** A chronic-absence definition's settings. */
    public record Chronic(String name, long thresholdNumerator, long thresholdDenominator, boolean hasThreshold,
                          ChronicAbsenceDefinition.Boundary boundary, int fixedDays, boolean hasFixedDays, int minimumDaysEnrolled,
                          int minimumDaysPresent, ChronicAbsenceDefinition.DayRule dayRule,
                          EnumMap<AttendanceCategory, ChronicAbsenceDefinition.CategoryTreatment> treatments,
                          ChronicAbsenceDefinition.Aggregation aggregation, EnumSet<GradeLevel> grades,
                          EnumSet<SchoolType> excluded) implements Serializable {
        /** The settings of {@code d}. */
        public static Chronic of(ChronicAbsenceDefinition d) {
            EnumMap<AttendanceCategory, ChronicAbsenceDefinition.CategoryTreatment> t = new EnumMap<>(AttendanceCategory.class);
            for (AttendanceCategory c : AttendanceCategory.values()) {
                t.put(c, d.treatment(c));
            }
            Ratio r = d.threshold().orElse(Ratio.of(0, 1));
            return new Chronic(d.name(), r.numerator(), r.denominator(), d.threshold().isPresent(), d.boundary(),
                    d.fixedDaysAbsent().orElse(0), d.fixedDaysAbsent().isPresent(), d.minimumDaysEnrolled(), d.minimumDaysPresent(),
                    d.dayRule(), t, d.aggregation(), copy(d.grades(), GradeLevel.class), copy(d.excludedSchoolTypes(), SchoolType.class));
        }

        /** The definition again. */
        public ChronicAbsenceDefinition definition() {
            ChronicAbsenceDefinition.Builder b = ChronicAbsenceDefinition.builder(name);
            if (hasThreshold) {
                b.threshold(Ratio.of(thresholdNumerator, thresholdDenominator), boundary);
            }
            if (hasFixedDays) {
                b.fixedDaysAbsent(fixedDays);
            }
            b.minimumDaysEnrolled(minimumDaysEnrolled).minimumDaysPresent(minimumDaysPresent).dayRule(dayRule);
            for (Map.Entry<AttendanceCategory, ChronicAbsenceDefinition.CategoryTreatment> e : treatments.entrySet()) {
                b.treat(e.getKey(), e.getValue());
            }
            return b.aggregation(aggregation).grades(grades).excludeSchoolTypes(excluded).build();
        }
    }

    /** A graduation-cohort definition's settings. */
    public record Graduation(int years, MonthDay cutoff, boolean alternateDiplomasCount,
                             GraduationCohortDefinition.Attribution attribution, int halfYearDays,
                             boolean laterEnrollmentConfirmsTransfer) implements Serializable {
        /** The settings of {@code d}. */
        public static Graduation of(GraduationCohortDefinition d) {
            return new Graduation(d.years(), d.cutoff(), d.alternateDiplomasCount(), d.attribution(), d.halfYearDays(),
                    d.laterEnrollmentConfirmsTransfer());
        }

        /** The definition again. */
        public GraduationCohortDefinition definition() {
            return GraduationCohortDefinition.builder().years(years).cutoff(cutoff).alternateDiplomasCount(alternateDiplomasCount)
                    .attribution(attribution).halfYearDays(halfYearDays).laterEnrollmentConfirmsTransfer(laterEnrollmentConfirmsTransfer)
                    .build();
        }
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> s, Class<E> type) {
        return s.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(s);
    }
}
