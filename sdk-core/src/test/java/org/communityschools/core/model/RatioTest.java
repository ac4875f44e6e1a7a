package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RatioTest {
    @Test
    void keepsNumeratorAndDenominatorAsGiven() {
        Ratio r = Ratio.of(18, 180);
        assertThat(r.numerator()).isEqualTo(18);
        assertThat(r.denominator()).isEqualTo(180);
        assertThat(r).isNotEqualTo(Ratio.of(1, 10));
        assertThat(r.hasSameValue(Ratio.of(1, 10))).isTrue();
        assertThat(r.reduced()).isEqualTo(Ratio.of(1, 10));
    }

    @Test
    void comparesExactlyByCrossMultiplication() {
        assertThat(Ratio.of(17, 180).compareTo(Ratio.of(1, 10))).isNegative();
        assertThat(Ratio.of(18, 180).isAtLeast(Ratio.of(1, 10))).isTrue();
        assertThat(Ratio.of(18, 180).isAbove(Ratio.of(1, 10))).isFalse();
        assertThat(Ratio.of(Long.MAX_VALUE, Long.MAX_VALUE - 1).compareTo(Ratio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE - 2))).isNegative();
    }

    @Test
    void roundsHalfToEven() {
        assertThat(Ratio.of(210, 245).toPercentString(2)).isEqualTo("85.71");
        assertThat(Ratio.of(218, 246).toPercentString(2)).isEqualTo("88.62");
        assertThat(Ratio.of(1, 8).toDecimalString(2)).isEqualTo("0.12");
        assertThat(Ratio.of(3, 8).toDecimalString(2)).isEqualTo("0.38");
    }

    @Test
    void scalesDecimalsToTheSmallestIntegers() {
        assertThat(Ratio.of(new BigDecimal("7.5"), new BigDecimal("180"))).isEqualTo(Ratio.of(75, 1800));
        assertThat(Ratio.of(new BigDecimal("15"), new BigDecimal("180"))).isEqualTo(Ratio.of(15, 180));
        assertThat(Ratio.of(new BigDecimal("1.5E+2"), BigDecimal.ONE)).isEqualTo(Ratio.of(150, 1));
    }

    @Test
    void rejectsANonPositiveDenominator() {
        assertThatThrownBy(() -> Ratio.of(1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denominator must be positive, was 0");
        assertThatThrownBy(() -> Ratio.parse("1/x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'1/x'");
    }

    @Property
    void parseRoundTrips(@ForAll long n, @ForAll @LongRange(min = 1) long d) {
        Ratio r = Ratio.of(n, d);
        assertThat(Ratio.parse(r.toString())).isEqualTo(r);
    }

    @Property
    void compareToAgreesWithBigDecimalArithmetic(@ForAll long a, @ForAll @LongRange(min = 1) long b,
                                                 @ForAll long c, @ForAll @LongRange(min = 1) long d) {
        int expected = new BigDecimal(a).multiply(new BigDecimal(d)).compareTo(new BigDecimal(c).multiply(new BigDecimal(b)));
        assertThat(Integer.signum(Ratio.of(a, b).compareTo(Ratio.of(c, d)))).isEqualTo(expected);
    }
}
