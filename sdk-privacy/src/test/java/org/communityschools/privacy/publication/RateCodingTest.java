package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Top and bottom coding of rates by group size: the 200/n rule (NCES 2011-603). */
class RateCodingTest {
    @Test
    void bracketsOfDomainSection9() {
        RateCoding c = RateCoding.DEFAULT;
        assertThat(c.percentFor(300)).contains(1);
        assertThat(c.percentFor(299)).contains(2);
        assertThat(c.percentFor(100)).contains(2);
        assertThat(c.percentFor(99)).contains(5);
        assertThat(c.percentFor(40)).contains(5);
        assertThat(c.percentFor(39)).contains(10);
        assertThat(c.percentFor(4)).isEmpty();
    }

    @Property
    void theCodedRangeAlwaysCoversTwoStudents(@ForAll @LongRange(min = 5, max = 100_000) long groupSize) {
        int p = RateCoding.DEFAULT.percentFor(groupSize).orElseThrow();
        assertThat(p * groupSize / 100).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBracketBreakingThe200OverNRuleIsRejected() {
        assertThatThrownBy(() -> new RateCoding.Bracket(100, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200/n");
        assertThatThrownBy(() -> new RateCoding(List.of(new RateCoding.Bracket(100, 2), new RateCoding.Bracket(100, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same group size");
    }

    @Test
    void extremeRatesAreCodedWithTheirMarkersAndTheirCountsHidden() {
        // 2 of 150 is 1.3%, at or below 2%: bottom coded; 97 of 100 is at or above 98%? no: 97% stays; 99 of 100 is top coded
        CountTable table = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("a", "b", "c")))
                .cell("a", 2, 150).cell("b", 97, 100).cell("c", 99, 100).fillTotals().build();
        ProtectedTable result = TableProtector.protect(table, SuppressionRules.N10);

        assertThat(result.cell("a").status()).isEqualTo(CellStatus.BOTTOM_CODED);
        assertThat(result.cell("a").marker()).contains("≤2%");
        assertThat(result.cell("a").count()).isEmpty();
        assertThat(result.cell("a").groupSize()).contains(150L);
        assertThat(result.cell("b").status()).isEqualTo(CellStatus.PUBLISHED);
        assertThat(result.cell("c").status()).isEqualTo(CellStatus.TOP_CODED);
        assertThat(result.cell("c").marker()).contains("≥98%");
        // the total 198 of 350 is published; a, c are hidden together and cannot be separated below 3 values
        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(result.cell("a").range().orElseThrow().width()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCodedRateRecoverableBySubtractionIsProtectedByComplementarySuppression() {
        // a alone coded: a = 60 - 30 - 28 would give it away, so another cell is suppressed
        CountTable table = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("a", "b", "c")))
                .cell("a", 2, 150).cell("b", 30, 100).cell("c", 28, 100).fillTotals().build();
        ProtectedTable result = TableProtector.protect(table, SuppressionRules.N10);

        assertThat(result.cell("a").status()).isEqualTo(CellStatus.BOTTOM_CODED);
        assertThat(result.report()).extracting(SuppressionEntry::key, SuppressionEntry::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CellKey.of("c", "count"), SuppressionReason.COMPLEMENTARY));
        assertThat(result.cell("a").range()).contains(new AuditedRange(0, 3));
    }
}
