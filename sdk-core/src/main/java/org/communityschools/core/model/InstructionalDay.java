package org.communityschools.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One instructional day of a school's calendar ({@code calendar.csv}). Immutable and thread-safe.
 *
 * @param schoolId the school
 * @param date     the day
 */
public record InstructionalDay(SchoolId schoolId, LocalDate date) {
    /**
     * Checks that nothing is missing.
     *
     * @param schoolId the school
     * @param date the day
     */
    public InstructionalDay {
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(date, "date");
    }

    /** {@code InstructionalDay[school=…, date=…]}: no personal data. */
    @Override
    public String toString() {
        return "InstructionalDay[school=" + schoolId + ", date=" + date + "]";
    }
}
