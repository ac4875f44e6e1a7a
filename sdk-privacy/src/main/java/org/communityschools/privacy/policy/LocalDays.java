package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The date of an instant in a district's time zone, as {@link LocalDate#ofInstant}, remembering the last day asked:
 * the instants of one day (from its first instant up to the next day's) are answered with two comparisons instead of
 * a search of the zone's rules. A day during which the zone's offset changes is not remembered (on such a day a clock
 * set back at midnight makes the date go back too). Thread-safe.
 */
final class LocalDays {
    /** The instants {@code [from, until)} (epoch seconds) whose date is {@code date}. */
    private record Day(long from, long until, LocalDate date) {}

    private final ZoneId zone;
    private volatile @Nullable Day last;

    LocalDays(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** {@return the date of {@code at} in the zone: {@code LocalDate.ofInstant(at, zone)}} */
    LocalDate dateOf(Instant at) {
        long second = at.getEpochSecond();
        Day known = last;
        if (known != null && second >= known.from && second < known.until) {
            return known.date;
        }
        LocalDate date = LocalDate.ofInstant(at, zone);
        if (date.getYear() > -999_999_999 && date.getYear() < 999_999_999) {
            long from = date.atStartOfDay(zone).toEpochSecond();
            long until = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
            ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochSecond(from));
            // remembered only when the offset holds for the whole day, so that the date grows with the instant there
            if (from <= second && second < until && (next == null || next.getInstant().getEpochSecond() >= until)
                    && zone.getRules().getOffset(Instant.ofEpochSecond(from)).equals(
                    zone.getRules().getOffset(Instant.ofEpochSecond(until - 1)))) {
                last = new Day(from, until, date);
            }
        }
        return date;
    }
}
