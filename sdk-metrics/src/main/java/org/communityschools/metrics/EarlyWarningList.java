package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;

/**
 * The early-warning list of one school as of a date, for a school team's meeting: one entry per student enrolled at
 * the school on at least one day of the school year up to the as-of date, sorted by {@link EarlyWarningEntry#BY_RISK}
 * (most indicators flagged, most at-risk flags, lowest attendance rate, student id). Immutable and thread-safe.
 *
 * @param definition the cut points used
 * @param schoolId   the school
 * @param schoolYear the school year
 * @param asOf       the last day counted (year to date)
 * @param entries    the students, sorted by risk
 */
public record EarlyWarningList(EarlyWarningDefinition definition, SchoolId schoolId, SchoolYear schoolYear, LocalDate asOf,
                               List<EarlyWarningEntry> entries) {
    /**
     * Checks that nothing is missing; copies and sorts the entries.
     *
     * @param definition the cut points used
     * @param schoolId the school
     * @param schoolYear the school year
     * @param asOf the last day counted (year to date)
     * @param entries the students, sorted by risk
     */
    public EarlyWarningList {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(asOf, "asOf");
        entries = entries.stream().sorted(EarlyWarningEntry.BY_RISK).toList();
    }

    /** {@return the entries with at least one flag, in list order} */
    public List<EarlyWarningEntry> flagged() {
        return entries.stream().filter(e -> !e.flags().isEmpty()).toList();
    }

    /**
     * {@return the number of students flagged on {@code indicator}}
     *
     * @param indicator the indicator: attendance, behavior or course performance
     */
    public long count(EarlyWarningFlag.Indicator indicator) {
        Objects.requireNonNull(indicator, "indicator");
        return entries.stream().filter(e -> e.flag(indicator).isPresent()).count();
    }
}
