package org.communityschools.core.internal.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.communityschools.core.model.SchoolYear;

/**
 * A big-city instructional calendar: 180 weekdays from the Thursday after Labor Day to late June, without the
 * usual recesses and holidays (Columbus Day, Election Day, Veterans Day, Thanksgiving, winter recess, Martin Luther
 * King Jr. Day, midwinter recess, spring recess, Lunar New Year, fall holy days, Memorial Day, a June staff day).
 */
final class Calendars {
    static final int DAYS = 180;

    private Calendars() {}

    /** The instructional days of a school year, in order; always {@value #DAYS} of them. */
    static List<LocalDate> instructionalDays(SchoolYear year) {
        int fall = year.endYear() - 1;
        int spring = year.endYear();
        LocalDate laborDay = LocalDate.of(fall, Month.SEPTEMBER, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate first = laborDay.plusDays(3);
        Set<LocalDate> off = new HashSet<>();
        // Fall holy days (their dates move; the fourth Thursday and Friday of September and the first Friday of October).
        LocalDate fallHoly = LocalDate.of(fall, Month.SEPTEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        off.add(fallHoly);
        off.add(fallHoly.plusDays(1));
        off.add(LocalDate.of(fall, Month.OCTOBER, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY)));
        off.add(LocalDate.of(fall, Month.OCTOBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
        off.add(LocalDate.of(fall, Month.NOVEMBER, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusDays(1));
        off.add(LocalDate.of(fall, Month.NOVEMBER, 11));
        LocalDate thanksgiving = LocalDate.of(fall, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        off.add(thanksgiving);
        off.add(thanksgiving.plusDays(1));
        for (LocalDate d = LocalDate.of(fall, Month.DECEMBER, 24); !d.isAfter(LocalDate.of(spring, Month.JANUARY, 1)); d = d.plusDays(1)) {
            off.add(d);
        }
        off.add(LocalDate.of(spring, Month.JANUARY, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY)));
        LocalDate presidents = LocalDate.of(spring, Month.FEBRUARY, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY));
        for (int i = 0; i < 5; i++) {
            off.add(presidents.plusDays(i));
        }
        LocalDate spring2 = LocalDate.of(spring, Month.APRIL, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
        for (int i = -3; i < 5; i++) {
            off.add(spring2.plusDays(i));
        }
        off.add(LocalDate.of(spring, Month.FEBRUARY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY)));
        off.add(LocalDate.of(spring, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        off.add(LocalDate.of(spring, Month.JUNE, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY)));
        List<LocalDate> days = new ArrayList<>(DAYS);
        for (LocalDate d = first; days.size() < DAYS; d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !off.contains(d)) {
                days.add(d);
            }
        }
        return List.copyOf(days);
    }
}
