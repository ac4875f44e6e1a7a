package org.communityschools.core.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A range of dates, half-open: it contains {@link #start()} and every later date up to, but not including,
 * {@link #endExclusive()}; a range with no end is open-ended ("still enrolled"). Immutable and thread-safe.
 *
 * <p>The district data directory writes the <em>last</em> day of a period ({@code exit_date},
 * {@code end_date}), inclusive as in Ed-Fi; {@link #closed(LocalDate, LocalDate)} and {@link #lastDay()}
 * convert between the two conventions so that no caller does the {@code plusDays(1)} arithmetic by hand.
 * An empty range is not allowed: the end must be after the start.
 *
 * @param start        the first day, inclusive
 * @param endExclusive the day after the last day, or empty when the range has no end
 */
public record DateRange(LocalDate start, Optional<LocalDate> endExclusive) {
    /**
     * Checks that the end is after the start (the rule "end after begin").
     *
     * @param start the first day, inclusive
     * @param endExclusive the day after the last day, or empty when the range has no end
     */
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (endExclusive.isPresent() && !endExclusive.get().isAfter(start)) {
            throw new IllegalArgumentException("end must be after begin: begin " + start + ", end (exclusive) " + endExclusive.get());
        }
    }

    /**
     * {@code [start, endExclusive)}.
     *
     * @param start the first day
     * @param endExclusive the day after the last day
     * @return the range
     */
    public static DateRange halfOpen(LocalDate start, LocalDate endExclusive) {
        return new DateRange(start, Optional.of(Objects.requireNonNull(endExclusive, "endExclusive")));
    }

    /**
     * {@code [first, last]}: both days included, so {@code last} may equal {@code first}.
     *
     * @param first the first day
     * @param last the last day, not before {@code first}
     * @return the range
     */
    public static DateRange closed(LocalDate first, LocalDate last) {
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("end must not be before begin: begin " + first + ", end " + last);
        }
        return halfOpen(first, last.plusDays(1));
    }

    /**
     * {@code [first, last]} when a last day is given, otherwise open-ended from {@code first}.
     *
     * @param first the first day
     * @param last the last day, if there is one
     * @return the range
     */
    public static DateRange closed(LocalDate first, Optional<LocalDate> last) {
        return last.isPresent() ? closed(first, last.get()) : startingOn(first);
    }

    /**
     * {@code [start, ∞)}.
     *
     * @param start the first day
     * @return the open-ended range
     */
    public static DateRange startingOn(LocalDate start) {
        return new DateRange(start, Optional.empty());
    }

    /** {@return the last day in the range (inclusive), or empty when the range has no end} */
    public Optional<LocalDate> lastDay() {
        return endExclusive.map(d -> d.minusDays(1));
    }

    /**
     * {@return whether {@code date} is in the range}
     *
     * @param date the day
     */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(start) && (endExclusive.isEmpty() || date.isBefore(endExclusive.get()));
    }

    /**
     * {@return whether the two ranges share at least one day}
     *
     * @param other another range
     */
    public boolean overlaps(DateRange other) {
        Objects.requireNonNull(other, "other");
        boolean thisStartsBeforeOtherEnds = other.endExclusive.isEmpty() || start.isBefore(other.endExclusive.get());
        boolean otherStartsBeforeThisEnds = endExclusive.isEmpty() || other.start.isBefore(endExclusive.get());
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /** {@return the number of days, or empty when the range has no end} */
    public Optional<Long> lengthInDays() {
        return endExclusive.map(e -> ChronoUnit.DAYS.between(start, e));
    }

    @Override
    public String toString() {
        return "[" + start + ", " + endExclusive.map(LocalDate::toString).orElse("") + ")";
    }
}
