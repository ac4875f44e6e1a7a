package org.communityschools.core.model;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * A school year, named by its ending year as in Ed-Fi ({@code 2018} is 2017-18) and running from July 1 to
 * June 30. Immutable and thread-safe. {@link #toString()} gives the ending year, and {@link #parse(String)}
 * accepts {@code 2018}, {@code 2017-18} and {@code 2017-2018}.
 *
 * @param endYear the calendar year in which the school year ends, 1900–2999
 */
public record SchoolYear(int endYear) implements Comparable<SchoolYear> {
    /**
     * Checks the year range.
     *
     * @param endYear the calendar year in which the school year ends, 1900–2999
     */
    public SchoolYear {
        if (endYear < 1900 || endYear > 2999) {
            throw new IllegalArgumentException("school year must end in 1900-2999, was " + endYear);
        }
    }

    /**
     * {@return the school year ending in {@code endYear}}
     *
     * @param endYear the calendar year in which the school year ends, such as 2018 for 2017-18
     */
    public static SchoolYear of(int endYear) {
        return new SchoolYear(endYear);
    }

    /**
     * {@return the school year containing {@code date} (July 1 starts a new one)}
     *
     * @param date a day
     */
    public static SchoolYear containing(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new SchoolYear(date.getMonthValue() >= Month.JULY.getValue() ? date.getYear() + 1 : date.getYear());
    }

    /**
     * Parses {@code 2018}, {@code 2017-18} or {@code 2017-2018}.
     *
     * @param text the school year as text
     * @return the school year
     * @throws IllegalArgumentException when the text is none of these forms, or the two years are not consecutive
     */
    public static SchoolYear parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        try {
            int dash = t.indexOf('-');
            if (dash < 0) {
                if (t.length() != 4) {
                    throw new NumberFormatException();
                }
                return new SchoolYear(Integer.parseInt(t));
            }
            String a = t.substring(0, dash);
            String b = t.substring(dash + 1);
            if (a.length() != 4 || (b.length() != 2 && b.length() != 4)) {
                throw new NumberFormatException();
            }
            int start = Integer.parseInt(a);
            int end = b.length() == 4 ? Integer.parseInt(b) : (start + 1) / 100 * 100 + Integer.parseInt(b);
            if (end != start + 1) {
                throw new IllegalArgumentException("school year must span two consecutive years, was '" + text + "'");
            }
            return new SchoolYear(end);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("school year must be written 2018, 2017-18 or 2017-2018, was '" + text + "'");
        }
    }

    /**
     * July 1 of the starting year.
     *
     * @return the first day of the school year
     */
    public LocalDate firstDay() {
        return LocalDate.of(endYear - 1, Month.JULY, 1);
    }

    /**
     * June 30 of the ending year.
     *
     * @return the last day of the school year
     */
    public LocalDate lastDay() {
        return LocalDate.of(endYear, Month.JUNE, 30);
    }

    /** {@return the dates of this school year, July 1 (inclusive) to the next July 1 (exclusive)} */
    public DateRange dates() {
        return DateRange.halfOpen(firstDay(), lastDay().plusDays(1));
    }

    /**
     * {@return whether {@code date} falls in this school year}
     *
     * @param date a day
     */
    public boolean contains(LocalDate date) {
        return containing(date).equals(this);
    }

    /**
     * {@return the school year {@code years} later (or earlier, when negative)}
     *
     * @param years the number of years to add
     */
    public SchoolYear plusYears(int years) {
        return new SchoolYear(endYear + years);
    }

    /** {@return the conventional long label, such as {@code 2017-18}} */
    public String label() {
        int yy = Math.floorMod(endYear, 100);
        return (endYear - 1) + (yy < 10 ? "-0" : "-") + yy;
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(endYear, other.endYear);
    }

    @Override
    public String toString() {
        return Integer.toString(endYear);
    }
}
