package org.communityschools.metrics;

/**
 * The outcome of a {@link ChronicAbsenceDefinition} for one student-enrollment or pooled student-year. A student
 * excluded by a minimum is <em>not counted</em> (in neither numerator nor denominator), which is different from
 * "not chronically absent".
 */
public enum ChronicAbsenceStatus {
    /** Counted, and chronically absent. */
    CHRONICALLY_ABSENT,
    /** Counted, and not chronically absent. */
    NOT_CHRONICALLY_ABSENT,
    /** Not counted: no instructional day enrolled (up to the as-of date). */
    NOT_ENROLLED_ON_ANY_DAY,
    /** Not counted: enrolled fewer days than the definition's minimum. */
    EXCLUDED_TOO_FEW_DAYS_ENROLLED,
    /** Not counted: present fewer days than the definition's minimum (NYSED: never present). */
    EXCLUDED_TOO_FEW_DAYS_PRESENT;

    /** {@return whether the student is in the denominator} */
    public boolean isCounted() {
        return this == CHRONICALLY_ABSENT || this == NOT_CHRONICALLY_ABSENT;
    }

    /** {@return whether the student is in the numerator} */
    public boolean isChronicallyAbsent() {
        return this == CHRONICALLY_ABSENT;
    }
}
