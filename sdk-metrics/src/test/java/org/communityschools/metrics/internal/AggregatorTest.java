package org.communityschools.metrics.internal;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.metrics.AttendanceTier;

class AggregatorTest {
    @Property
    void longArithmeticTierAgreesWithTheRatioTier(@ForAll @IntRange(min = 1, max = 400) int days, @ForAll @IntRange(min = 0, max = 4_000_000) int absentUnits) {
        long units = Math.min(absentUnits, days * 10_000L);
        assertThat(Aggregator.tier(units, days * 10_000L)).isEqualTo(AttendanceTier.of(Ratio.of(units, days * 10_000L)));
    }
}
