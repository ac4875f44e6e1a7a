package org.communityschools.core.data;

import org.communityschools.core.model.SchoolId;

/**
 * Chooses attendance rows by school and day before they are materialized
 * ({@link AttendanceTable#recordsOf(org.communityschools.core.model.StudentId, AttendanceDayFilter)}), so that a reader
 * that keeps few of a student's days allocates nothing for the others.
 */
@FunctionalInterface
public interface AttendanceDayFilter {
    /**
     * Whether to keep the row.
     *
     * @param school the row's school
     * @param epochDay the row's day, as {@link java.time.LocalDate#toEpochDay()}
     * @return true to keep the row
     */
    boolean keep(SchoolId school, long epochDay);
}
