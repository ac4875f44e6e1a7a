package org.communityschools.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.SchoolId;

/**
 * Counts a school's days in a range; used to decide "less than half a year" and "the most days" for the
 * attribution rule of the graduation rate. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SchoolDays {
    /**
     * {@return the number of school days of {@code school} in {@code range} (a range with no end counts nothing)}
     *
     * @param school the school whose calendar counts
     * @param range the dates to count, half-open (its end is not counted)
     */
    int count(SchoolId school, DateRange range);

    /**
     * Monday to Friday, for every school: an approximation when no calendar is at hand.
     *
     * @return the weekday count, the same for every school
     */
    static SchoolDays weekdays() {
        return (school, range) -> {
            if (range.endExclusive().isEmpty()) {
                return 0;
            }
            int n = 0;
            for (LocalDate d = range.start(); d.isBefore(range.endExclusive().get()); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    n++;
                }
            }
            return n;
        };
    }
}
