package org.communityschools.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The share of a school day missed, from 0 to 1, held exactly in ten-thousandths ({@code attendance.duration},
 * Ed-Fi's {@code eventDuration}). Exact so that thresholds such as "missed at least half the day" are decided
 * without floating point. Immutable and thread-safe; {@link #toString()} and {@link #parse(String)} round-trip.
 *
 * @param tenThousandths the share in units of 1/10,000, 0–10,000
 */
public record DayShare(int tenThousandths) implements Comparable<DayShare> {
    /** The denominator of {@link #tenThousandths()}. */
    public static final int SCALE = 10_000;
    /** Nothing missed. */
    public static final DayShare NONE = new DayShare(0);
    /** Half the day missed. */
    public static final DayShare HALF_DAY = new DayShare(SCALE / 2);
    /** The whole day missed. */
    public static final DayShare WHOLE_DAY = new DayShare(SCALE);

    /**
     * Checks the range 0–1.
     *
     * @param tenThousandths the share in units of 1/10,000, 0–10,000
     */
    public DayShare {
        if (tenThousandths < 0 || tenThousandths > SCALE) {
            throw new IllegalArgumentException("duration must be between 0 and 1, was " + BigDecimal.valueOf(tenThousandths, 4).stripTrailingZeros().toPlainString());
        }
    }

    /**
     * {@return the share with this many ten-thousandths of a day}
     *
     * @param tenThousandths from 0 to 10,000
     */
    public static DayShare ofTenThousandths(int tenThousandths) {
        return new DayShare(tenThousandths);
    }

    /**
     * Parses a decimal such as {@code 0.5} or {@code 1}.
     *
     * @param text the decimal
     * @return the share
     * @throws IllegalArgumentException when it is not a decimal from 0 to 1 with at most four decimal places
     */
    public static DayShare parse(String text) {
        Objects.requireNonNull(text, "text");
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration must be a decimal number from 0 to 1, was '" + text + "'");
        }
        return of(value);
    }

    /**
     * {@return the share equal to {@code value}, which must be 0–1 with at most four decimal places}
     *
     * @param value the share as a decimal
     */
    public static DayShare of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("duration must be between 0 and 1, was " + value.toPlainString());
        }
        BigDecimal scaled = value.movePointRight(4);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("duration must have at most 4 decimal places, was " + value.toPlainString());
        }
        return new DayShare(scaled.intValueExact());
    }

    /** {@return the exact decimal value} */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(tenThousandths, 4).stripTrailingZeros();
    }

    /** {@return whether at least half of the day was missed (the federal FS195 rule for an absent day)} */
    public boolean isAtLeastHalf() {
        return 2 * tenThousandths >= SCALE;
    }

    @Override
    public int compareTo(DayShare other) {
        return Integer.compare(tenThousandths, other.tenThousandths);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
