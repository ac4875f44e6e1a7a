package org.communityschools.metrics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.communityschools.core.model.Ratio;

/** Exact differences of rates as fractions of {@link BigInteger}s, rounded once to percentage points. */
public final class Points {
    private Points() {}

    /** {@code to − from} as {numerator, denominator} (denominator positive). */
    public static BigInteger[] change(Ratio from, Ratio to) {
        return subtract(fraction(to), fraction(from));
    }

    /** {@code a − b}. */
    public static BigInteger[] subtract(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].multiply(b[1]).subtract(b[0].multiply(a[1])), a[1].multiply(b[1])};
    }

    /** The fraction of a ratio. */
    public static BigInteger[] fraction(Ratio r) {
        return new BigInteger[] {BigInteger.valueOf(r.numerator()), BigInteger.valueOf(r.denominator())};
    }

    /** {@code |a|}. */
    public static BigInteger[] abs(BigInteger[] a) {
        return new BigInteger[] {a[0].abs(), a[1]};
    }

    /** Compares two fractions with positive denominators. */
    public static int compare(BigInteger[] a, BigInteger[] b) {
        return a[0].multiply(b[1]).compareTo(b[0].multiply(a[1]));
    }

    /** The fraction × 100, rounded half even to {@code scale} places. */
    public static BigDecimal round(BigInteger[] f, int scale) {
        return new BigDecimal(f[0].multiply(BigInteger.valueOf(100))).divide(new BigDecimal(f[1]), scale, RoundingMode.HALF_EVEN);
    }

    /** The fraction itself (not × 100), rounded half even to {@code scale} places. */
    public static BigDecimal roundPlain(BigInteger[] f, int scale) {
        return new BigDecimal(f[0]).divide(new BigDecimal(f[1]), scale, RoundingMode.HALF_EVEN);
    }
}
