package org.communityschools.metrics.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.communityschools.core.model.AttendanceCategory;

/** Conversions between ten-thousandths of a day and exact decimal days. */
public final class Days {
    /** Whole numbers of days 0 to 511 (scale 0), shared: most figures under the half-day rule are whole days. */
    private static final BigDecimal[] WHOLE = new BigDecimal[512];

    static {
        for (int i = 0; i < WHOLE.length; i++) {
            WHOLE[i] = BigDecimal.valueOf(i);
        }
    }

    private Days() {}

    /** {@code units} ten-thousandths of a day as a decimal without trailing zeros ({@code 150000} is {@code 15}). */
    public static BigDecimal of(long units) {
        if (units >= 0 && units % 10_000L == 0 && units / 10_000L < WHOLE.length) {
            return WHOLE[(int) (units / 10_000L)];
        }
        BigDecimal v = BigDecimal.valueOf(units, 4).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** Exact decimal days in ten-thousandths of a day; a whole number of days takes no intermediate object. */
    public static long units(BigDecimal days) {
        return days.scale() == 0 ? days.longValueExact() * 10_000L : days.movePointRight(4).longValueExact();
    }

    /** Days by category from an array indexed by {@link AttendanceCategory#ordinal()}, starting at {@code offset}. */
    public static Map<AttendanceCategory, BigDecimal> byCategory(long[] units, int offset) {
        Map<AttendanceCategory, BigDecimal> m = new EnumMap<>(AttendanceCategory.class);
        for (AttendanceCategory c : AttendanceCategory.values()) {
            long u = units[offset + c.ordinal()];
            if (u != 0) {
                m.put(c, of(u));
            }
        }
        return m;
    }
}
