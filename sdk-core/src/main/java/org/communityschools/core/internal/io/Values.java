package org.communityschools.core.internal.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolYear;

/**
 * The one place that turns cell text into values and back, for the CSV reader and writer and the JSON module.
 * Parsers throw {@link IllegalArgumentException} whose message states the rule (never the value of a personal
 * field: callers add the value when the column is not personal).
 */
public final class Values {
    private Values() {}

    /** ISO {@code yyyy-MM-dd}. */
    public static LocalDate parseDate(String text) {
        return LocalDate.ofEpochDay(parseEpochDay(text));
    }

    /**
     * ISO {@code yyyy-MM-dd} as a day count from 1970-01-01, without a regular expression or an exception on valid
     * input (the attendance reader's hot path).
     */
    public static long parseEpochDay(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new IllegalArgumentException("must be a date written yyyy-MM-dd");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException("must be a date written yyyy-MM-dd");
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a valid date written yyyy-MM-dd");
        }
    }

    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * A share of a day from 0 to 1 with at most four decimal places ({@code 1}, {@code 0.5}, {@code .25}) in
     * ten-thousandths, without allocating (the attendance reader's hot path).
     */
    public static int parseDayShareTenThousandths(String text) {
        int n = text.length();
        int i = 0;
        int whole = 0;
        boolean any = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            whole = Math.min(whole * 10 + (text.charAt(i) - '0'), 10);
            i++;
            any = true;
        }
        int fraction = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            int scale = 1000;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                int d = text.charAt(i) - '0';
                if (scale == 0) {
                    if (d != 0) {
                        throw new IllegalArgumentException("must have at most 4 decimal places");
                    }
                } else {
                    fraction += d * scale;
                    scale /= 10;
                }
                i++;
                any = true;
            }
        }
        if (!any || i != n) {
            throw new IllegalArgumentException("must be a decimal number from 0 to 1 such as 0.5");
        }
        int value = whole * 10_000 + fraction;
        if (value > 10_000) {
            throw new IllegalArgumentException("must be between 0 and 1");
        }
        return value;
    }

    /** An instant in ISO-8601 UTC, such as {@code 2026-12-07T05:30:00Z}. */
    public static java.time.Instant parseInstant(String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("must be an instant in UTC such as 2026-12-07T05:30:00Z");
        }
    }

    /** ISO-8601 UTC, as {@link java.time.Instant#toString()}. */
    public static String formatInstant(java.time.Instant instant) {
        return instant.toString();
    }

    /** ISO {@code yyyy-MM-dd}. */
    public static String formatDate(LocalDate date) {
        return date.toString();
    }

    /** {@code true} or {@code false}, nothing else. */
    public static boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** An upper-case code of {@code type}. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + codes(type));
        }
    }

    /** The codes of an enumeration, separated by commas, for messages. */
    public static <E extends Enum<E>> String codes(Class<E> type) {
        return EnumSet.allOf(type).stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** {@code |}-separated codes of {@code type}, at least one, no duplicates. */
    public static <E extends Enum<E>> Set<E> parseEnumSet(Class<E> type, String text) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String part : text.split("\\|", -1)) {
            if (!set.add(parseEnum(type, part))) {
                throw new IllegalArgumentException("must not repeat a code: " + part);
            }
        }
        return set;
    }

    /** {@code |}-separated codes in declaration order, so output is deterministic. */
    public static <E extends Enum<E>> String formatEnumSet(Collection<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining("|"));
    }

    /** A plain decimal such as {@code 2}, {@code 0.5} or {@code 87.25}; no exponent. */
    public static BigDecimal parseDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(c == '-' && i == 0)) {
                throw new IllegalArgumentException("must be a plain decimal number such as 2 or 0.5");
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a plain decimal number such as 2 or 0.5");
        }
    }

    /** Plain notation without trailing zeros ({@code 1}, {@code 0.5}). */
    public static String formatDecimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A whole number. */
    public static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    /** {@code 2018}, {@code 2017-18} or {@code 2017-2018}. */
    public static SchoolYear parseSchoolYear(String text) {
        return SchoolYear.parse(text);
    }

    /** The grade code, {@code PK}, {@code KG}, {@code 01}–{@code 12}. */
    public static GradeLevel parseGrade(String text) {
        return GradeLevel.parse(text);
    }

    /** The grade code, {@code PK}, {@code KG}, {@code 01}–{@code 12}. */
    public static String formatGrade(GradeLevel grade) {
        return grade.code();
    }

    /** A school year as its ending year, {@code 2018} for 2017-18. */
    public static String formatSchoolYear(SchoolYear year) {
        return Integer.toString(year.endYear());
    }

    /** {@code true} or {@code false}. */
    public static String formatBoolean(boolean value) {
        return value ? "true" : "false";
    }

    /** The upper-case code of an enumeration constant. */
    public static String formatEnum(Enum<?> value) {
        return value.name();
    }

    /** A whole number. */
    public static String formatInt(int value) {
        return Integer.toString(value);
    }

    /** A share of a day in plain notation without trailing zeros ({@code 1}, {@code 0.5}, {@code 0}). */
    public static String formatDayShare(DayShare share) {
        return switch (share.tenThousandths()) {
            case 0 -> "0";
            case DayShare.SCALE -> "1";
            case DayShare.SCALE / 2 -> "0.5";
            default -> formatDecimal(share.toBigDecimal());
        };
    }

    /** An optional value formatted with {@code format}, or the empty cell. */
    public static <T> String formatOptional(java.util.Optional<T> value, java.util.function.Function<? super T, String> format) {
        return value.isPresent() ? format.apply(value.get()) : "";
    }
}
