package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.internal.EarlyWarningEngine;

/**
 * The early-warning (ABC) list of a school: per student flags with reasons from attendance, behavior and course
 * performance, under the cut points of an {@link EarlyWarningDefinition}, sorted by risk for a school team's meeting.
 * The indicators follow Balfanz, Herzog &amp; Mac Iver (2007) and the Everyone Graduates Center's early warning
 * indicator guides; see {@link EarlyWarningDefinition} for the presets and their sources. Stateless and
 * thread-safe.
 *
 * <p>Attendance figures come from {@link ChronicAbsence#figures(ChronicAbsenceDefinition, java.util.Collection,
 * org.communityschools.core.model.DateRange, LocalDate, java.util.Collection)} and {@link ChronicAbsence#pool}: the
 * same day rule and category treatment as chronic absence, one definition in one place.
 */
public final class EarlyWarning {
    private EarlyWarning() {}

    /**
     * The list of {@code school} in {@code schoolYear} as of {@code asOf} (year to date): one entry per student with an
     * enrollment at the school on at least one day from the first day of the school year to {@code asOf}.
     * Attendance is the student's, pooled over all enrollments in the district that year (instructional days of
     * each school's calendar, up to {@code asOf}); behavior counts incidents dated in the year up to {@code asOf} at
     * any school of the district; course performance looks at the student's course marks of the school year.
     *
     * @param data the district data
     * @param school the school
     * @param schoolYear the school year
     * @param definition the indicators and their cut points
     * @param asOf the last day counted (inclusive, year to date)
     * @return the school's list, every student with their flags and figures
     * @throws IllegalArgumentException when {@code asOf} is not in {@code schoolYear}
     */
    public static EarlyWarningList evaluate(DistrictData data, SchoolId school, SchoolYear schoolYear,
                                            EarlyWarningDefinition definition, LocalDate asOf) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(asOf, "asOf");
        if (!schoolYear.contains(asOf)) {
            throw new IllegalArgumentException("the as-of date must be in the school year " + schoolYear + ", was " + asOf);
        }
        return EarlyWarningEngine.evaluate(data, school, schoolYear, definition, asOf);
    }

    /**
     * {@link #evaluate(DistrictData, SchoolId, SchoolYear, EarlyWarningDefinition, LocalDate)} for the whole school year.
     *
     * @param data the district data
     * @param school the school
     * @param schoolYear the school year
     * @param definition the indicators and their cut points
     * @return the school's list for the whole school year
     */
    public static EarlyWarningList evaluate(DistrictData data, SchoolId school, SchoolYear schoolYear, EarlyWarningDefinition definition) {
        Objects.requireNonNull(schoolYear, "schoolYear");
        return evaluate(data, school, schoolYear, definition, schoolYear.lastDay());
    }
}
