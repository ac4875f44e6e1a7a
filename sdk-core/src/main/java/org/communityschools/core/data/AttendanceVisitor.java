package org.communityschools.core.data;

import org.communityschools.core.model.AttendanceCategory;

/**
 * Receives attendance rows as primitives, for hot loops that must not allocate (the chronic absence calculators).
 * Indexes are the dense ones of {@link DistrictData#studentAt(int)} and {@link DistrictData#schoolAt(int)}; the day
 * is {@link java.time.LocalDate#toEpochDay()}; the duration is the share of the day missed in ten-thousandths
 * ({@link org.communityschools.core.model.DayShare#tenThousandths()}).
 */
@FunctionalInterface
public interface AttendanceVisitor {
    /**
     * One attendance row.
     *
     * @param studentIndex the student's index in the table
     * @param schoolIndex the school's index in the table
     * @param epochDay the day, as {@link java.time.LocalDate#toEpochDay()}
     * @param category the category
     * @param durationTenThousandths the share of the day missed, in ten-thousandths of a day
     */
    void visit(int studentIndex, int schoolIndex, int epochDay, AttendanceCategory category, int durationTenThousandths);
}
