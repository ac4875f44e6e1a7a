package org.communityschools.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact fraction {@code numerator / denominator}, kept as given (not reduced) so that a published figure shows
 * the counts it came from: 15 of 180 days stays {@code 15/180}. Every comparison with a threshold is decided by
 * cross-multiplication in exact integer arithmetic, never in floating point (a rate at a threshold such as FS195's "10% or more" must be decided exactly: "compute in exact
 * integers or rationals"). Immutable and thread-safe.
 *
 * <p>{@link #equals(Object)} is the record's: it compares numerator and denominator, so {@code 1/10} and
 * {@code 18/180} are not equal; {@link #compareTo(Ratio)} and {@link #hasSameValue(Ratio)} compare values.
 * {@link #toString()} gives {@code numerator/denominator} and {@link #parse(String)} reads it back.
 *
 * @param numerator   the numerator, any sign
 * @param denominator the denominator, positive
 */
public record Ratio(long numerator, long denominator) implements Comparable<Ratio> {
    /**
     * Checks that the denominator is positive.
     *
     * @param numerator the numerator, any sign
     * @param denominator the denominator, positive
     */
    public Ratio {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
    }

    /**
     * {@code numerator / denominator}, as given.
     *
     * @param numerator the numerator, any sign
     * @param denominator the denominator, positive
     * @return the ratio
     */
    public static Ratio of(long numerator, long denominator) {
        return new Ratio(numerator, denominator);
    }

    /**
     * The ratio of two exact decimals, both scaled by the smallest power of ten that makes them integers:
     * {@code 7.5} of {@code 180} is {@code 75/1800}, {@code 15} of {@code 180} is {@code 15/180}.
     *
     * @param numerator the numerator, any sign
     * @param denominator the denominator, positive
     * @return the ratio of integers with the same value
     * @throws IllegalArgumentException when the denominator is not positive
     * @throws ArithmeticException      when the scaled values do not fit in a {@code long}
     */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator.toPlainString());
        }
        int scale = Math.max(0, Math.max(numerator.stripTrailingZeros().scale(), denominator.stripTrailingZeros().scale()));
        return new Ratio(numerator.movePointRight(scale).longValueExact(), denominator.movePointRight(scale).longValueExact());
    }

    /**
     * Parses {@code numerator/denominator}, such as {@code 15/180}, or a bare integer such as {@code 3} ({@code 3/1}).
     *
     * @param text the ratio as text
     * @return the ratio
     * @throws IllegalArgumentException when the text is not of that form or the denominator is not positive
     */
    public static Ratio parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int slash = t.indexOf('/');
        try {
            if (slash < 0) {
                return new Ratio(Long.parseLong(t), 1);
            }
            return new Ratio(Long.parseLong(t.substring(0, slash).strip()), Long.parseLong(t.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ratio must be written numerator/denominator, such as 15/180, was '" + text + "'");
        }
    }

    /** Compares the values exactly, by cross-multiplication. */
    @Override
    public int compareTo(Ratio other) {
        Objects.requireNonNull(other, "other");
        long hi1 = Math.multiplyHigh(numerator, other.denominator);
        long lo1 = numerator * other.denominator;
        long hi2 = Math.multiplyHigh(other.numerator, denominator);
        long lo2 = other.numerator * denominator;
        int c = Long.compare(hi1, hi2);
        return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
    }

    /**
     * {@return whether this value is at least {@code other}'s ({@code ≥})}
     *
     * @param other another ratio
     */
    public boolean isAtLeast(Ratio other) {
        return compareTo(other) >= 0;
    }

    /**
     * {@return whether this value is above {@code other}'s ({@code >})}
     *
     * @param other another ratio
     */
    public boolean isAbove(Ratio other) {
        return compareTo(other) > 0;
    }

    /**
     * {@return whether the two ratios have the same value ({@code 1/10} and {@code 18/180} do)}
     *
     * @param other another ratio
     */
    public boolean hasSameValue(Ratio other) {
        return compareTo(other) == 0;
    }

    /** {@return the same value in lowest terms} */
    public Ratio reduced() {
        long g = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValueExact();
        return g <= 1 ? this : new Ratio(numerator / g, denominator / g);
    }

    /**
     * {@return the value rounded to {@code scale} decimal places, half to even}
     *
     * @param scale the number of decimal places
     */
    public BigDecimal toBigDecimal(int scale) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }

    /**
     * {@return the value as a decimal with {@code scale} places, half to even: {@code 210/245} at scale 4 is {@code
     * 0.8571}}
     *
     * @param scale the number of decimal places
     */
    public String toDecimalString(int scale) {
        return toBigDecimal(scale).toPlainString();
    }

    /**
     * {@return the value in percent with {@code scale} places, half to even: {@code 210/245} at scale 2 is {@code
     * 85.71}}
     *
     * @param scale the number of decimal places
     */
    public String toPercentString(int scale) {
        return BigDecimal.valueOf(numerator).movePointRight(2)
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
