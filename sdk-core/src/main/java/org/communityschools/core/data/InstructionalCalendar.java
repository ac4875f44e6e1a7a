package org.communityschools.core.data;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.SchoolId;

/**
 * A school's instructional days ({@code calendar.csv}), sorted and without duplicates, answering "is this an
 * instructional day" and "how many instructional days in this range" by binary search. The days in session are
 * the denominator of attendance rates (EDFacts FS195). Immutable and thread-safe.
 */
public final class InstructionalCalendar {
    private final SchoolId school;
    private final int[] days;

    InstructionalCalendar(SchoolId school, int[] sortedEpochDays) {
        this.school = school;
        this.days = sortedEpochDays;
    }

    /**
     * {@return a calendar of {@code school} with these days (sorted, duplicates dropped)}
     *
     * @param school the school
     * @param days its instructional days, in any order
     */
    public static InstructionalCalendar of(SchoolId school, List<LocalDate> days) {
        Objects.requireNonNull(school, "school");
        int[] d = days.stream().mapToInt(x -> (int) x.toEpochDay()).sorted().distinct().toArray();
        return new InstructionalCalendar(school, d);
    }

    /** {@return the school} */
    public SchoolId school() {
        return school;
    }

    /** {@return whether the school has no calendar rows} */
    public boolean isEmpty() {
        return days.length == 0;
    }

    /**
     * {@return whether {@code date} is an instructional day}
     *
     * @param date a day
     */
    public boolean isInstructionalDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Arrays.binarySearch(days, (int) date.toEpochDay()) >= 0;
    }

    /**
     * {@return the number of instructional days in {@code range} (half-open; open-ended ranges count to the last day)}
     *
     * @param range the dates to count
     */
    public int daysIn(DateRange range) {
        Objects.requireNonNull(range, "range");
        int from = insertion((int) range.start().toEpochDay());
        int to = range.endExclusive().map(e -> insertion((int) e.toEpochDay())).orElse(days.length);
        return Math.max(0, to - from);
    }

    private int insertion(int day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -i - 1;
    }

    /** {@return the instructional days in date order, unmodifiable} */
    public List<LocalDate> days() {
        return new AbstractList<>() {
            @Override
            public LocalDate get(int index) {
                return LocalDate.ofEpochDay(days[index]);
            }

            @Override
            public int size() {
                return days.length;
            }
        };
    }

    /** {@return the number of instructional days} */
    public int size() {
        return days.length;
    }

    @Override
    public String toString() {
        return "InstructionalCalendar[" + school + ", " + days.length + " days]";
    }
}
