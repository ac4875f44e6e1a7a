package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DayShareTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 10000", "0.5, 5000", "0.0001, 1", "1.0000, 10000", "0.25, 2500", "0.50000, 5000"})
    void parsesDecimalsFromZeroToOne(String text, int tenThousandths) {
        assertThat(DayShare.parse(text)).isEqualTo(DayShare.ofTenThousandths(tenThousandths));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0001", "-0.1", "2", "-1"})
    void rejectsSharesOutsideZeroToOne(String text) {
        assertThatThrownBy(() -> DayShare.parse(text)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void rejectsMoreThanFourDecimalPlaces() {
        assertThatThrownBy(() -> DayShare.parse("0.00001")).hasMessageContaining("at most 4 decimal places");
        assertThatThrownBy(() -> DayShare.parse("0.33333")).hasMessageContaining("at most 4 decimal places");
    }

    @Test
    void rejectsText() {
        assertThatThrownBy(() -> DayShare.parse("half")).hasMessageContaining("decimal number from 0 to 1");
        assertThatThrownBy(() -> DayShare.parse("")).hasMessageContaining("decimal number from 0 to 1");
    }

    @Test
    void rejectsTenThousandthsOutsideTheScale() {
        assertThatThrownBy(() -> DayShare.ofTenThousandths(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DayShare.ofTenThousandths(10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halfADayIsExactlyTheAbsenceThreshold() {
        assertThat(DayShare.parse("0.4999").isAtLeastHalf()).isFalse();
        assertThat(DayShare.parse("0.5").isAtLeastHalf()).isTrue();
        assertThat(DayShare.HALF_DAY.isAtLeastHalf()).isTrue();
        assertThat(DayShare.WHOLE_DAY.isAtLeastHalf()).isTrue();
        assertThat(DayShare.NONE.isAtLeastHalf()).isFalse();
    }

    @Test
    void printsThePlainDecimalWithoutTrailingZeros() {
        assertThat(DayShare.NONE).hasToString("0");
        assertThat(DayShare.HALF_DAY).hasToString("0.5");
        assertThat(DayShare.WHOLE_DAY).hasToString("1");
        assertThat(DayShare.ofTenThousandths(1)).hasToString("0.0001");
        assertThat(DayShare.ofTenThousandths(2500).toBigDecimal()).isEqualTo(new BigDecimal("0.25"));
    }

    @Test
    void ordersBySize() {
        assertThat(DayShare.HALF_DAY).isGreaterThan(DayShare.NONE).isLessThan(DayShare.WHOLE_DAY);
    }
}
