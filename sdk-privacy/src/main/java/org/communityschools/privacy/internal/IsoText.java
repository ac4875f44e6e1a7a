package org.communityschools.privacy.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Dates and instants written into a caller's character buffer exactly as {@link LocalDate#toString()} and
 * {@link Instant#toString()} write them (ISO 8601), without making a string: the record view writes a date per record
 * row and the disclosure log an instant per entry. Only for the years 1000 to 9999, where those texts have a fixed
 * shape; for other years the methods write nothing and return -1, and the caller uses {@code toString()}. Stateless.
 */
public final class IsoText {
    /** The length of a date's text, {@code yyyy-MM-dd}. */
    public static final int DATE_CHARS = 10;
    /** The longest text {@link #instant} writes: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    public static final int INSTANT_CHARS = 30;
    private static final long FIRST_SECOND = LocalDate.of(1000, 1, 1).toEpochDay() * 86_400L;
    private static final long END_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    private IsoText() {}

    /**
     * Writes {@code day} as {@link LocalDate#toString()} does into {@code b} ({@link #DATE_CHARS} or longer).
     *
     * @return {@link #DATE_CHARS}, or -1 (nothing written) outside the years 1000 to 9999
     */
    public static int date(LocalDate day, char[] b) {
        int year = day.getYear();
        if (year < 1000 || year > 9999) {
            return -1;
        }
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, day.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, day.getDayOfMonth(), 2);
        return DATE_CHARS;
    }

    /**
     * Writes {@code at} as {@link Instant#toString()} does (in UTC, the fraction of a second in groups of three digits,
     * none when zero) into {@code b} ({@link #INSTANT_CHARS} or longer).
     *
     * @return the number of characters written, or -1 (nothing written) outside the years 1000 to 9999
     */
    public static int instant(Instant at, char[] b) {
        long secs = at.getEpochSecond();
        if (secs < FIRST_SECOND || secs >= END_SECOND) {
            return -1;
        }
        date(LocalDate.ofEpochDay(Math.floorDiv(secs, 86_400L)), b);
        int sod = (int) Math.floorMod(secs, 86_400L);
        b[10] = 'T';
        digits(b, 11, sod / 3600, 2);
        b[13] = ':';
        digits(b, 14, sod / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, sod % 60, 2);
        int n = 19;
        int nano = at.getNano();
        if (nano > 0) {
            b[n++] = '.';
            int width = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
            digits(b, n, width == 3 ? nano / 1_000_000 : width == 6 ? nano / 1000 : nano, width);
            n += width;
        }
        b[n++] = 'Z';
        return n;
    }

    /** Writes {@code value} (0 or more) as {@code width} decimal digits, with leading zeros, at {@code from}. */
    private static void digits(char[] b, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            b[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
