package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The presets and the builder of {@link SuppressionRules}. */
class SuppressionRulesTest {
    private static Cell cell(long count, long group) {
        return new Cell(CellKey.of("r", "c"), count, group);
    }

    @Test
    void nysedSuppressesGroupsUnderFiveOnly() {
        SuppressionRules r = SuppressionRules.NYSED;
        assertThat(r.isSmallGroup(cell(0, 4))).isTrue();
        assertThat(r.isSmallGroup(cell(0, 5))).isFalse();
        assertThat(r.isSmallCount(cell(0, 5))).isFalse();
        assertThat(r.isSmallCount(cell(5, 5))).isFalse();
        assertThat(r.complementaryOrder()).isEqualTo(ComplementaryOrder.SMALLEST_GROUP);
        assertThat(r.markers().smallGroup()).isEqualTo("s");
        assertThat(r.rateCoding()).isEmpty();
    }

    @Test
    void nycDoeSuppressesFiveOrFewerAndCountsWithinFiveOfTheTotal() {
        SuppressionRules r = SuppressionRules.NYC_DOE;
        assertThat(r.isSmallGroup(cell(0, 5))).isTrue();
        assertThat(r.isSmallGroup(cell(0, 6))).isFalse();
        assertThat(r.isSmallCount(cell(5, 40))).isTrue();
        assertThat(r.isSmallCount(cell(6, 40))).isFalse();
        assertThat(r.isSmallCount(cell(35, 40))).isTrue();
        assertThat(r.isSmallCount(cell(34, 40))).isFalse();
        assertThat(r.markers().suppressed()).isEqualTo("s");
    }

    @Test
    void nycDoeAttendanceSuppresses900OrFewerDays() {
        SuppressionRules r = SuppressionRules.NYC_DOE_ATTENDANCE;
        assertThat(r.isSmallGroup(cell(100, 900))).isTrue();
        assertThat(r.isSmallGroup(cell(100, 901))).isFalse();
    }

    @Test
    void n10SuppressesGroupsUnderTenAndCodesExtremeRates() {
        SuppressionRules r = SuppressionRules.N10;
        assertThat(r.isSmallGroup(cell(3, 9))).isTrue();
        assertThat(r.isSmallGroup(cell(3, 10))).isFalse();
        assertThat(r.isSmallCount(cell(0, 10))).isFalse();
        assertThat(r.rateCoding()).contains(RateCoding.DEFAULT);
        assertThat(r.markers().smallGroup()).isEqualTo("N<10");
        assertThat(r.markers().suppressed()).isEqualTo("*");
    }

    @Test
    void presetsAreFoundByTheirCommandLineNames() {
        assertThat(SuppressionRules.forName("nysed")).isSameAs(SuppressionRules.NYSED);
        assertThat(SuppressionRules.forName("nyc-doe")).isSameAs(SuppressionRules.NYC_DOE);
        assertThat(SuppressionRules.forName("N10")).isSameAs(SuppressionRules.N10);
        assertThatThrownBy(() -> SuppressionRules.forName("n11")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n11").hasMessageContaining("nysed");
    }

    @Test
    void builderRequiresAMinimumGroupSize() {
        assertThatThrownBy(() -> SuppressionRules.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("minimum group size");
    }

    @Test
    void builderRejectsAPinningWidthAtOnce() {
        assertThatThrownBy(() -> SuppressionRules.builder().minimumRangeWidth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pinned");
    }

    @Test
    void codingRequiresEveryUncodedGroupToBeSuppressed() {
        assertThatThrownBy(() -> SuppressionRules.builder().minimumGroupSize(3).rateCoding(RateCoding.DEFAULT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("smallest coding bracket (5)");
    }

    @Test
    void customRulesApplyTheirThresholds() {
        SuppressionRules r = SuppressionRules.builder().name("state-x").minimumGroupSize(30).minimumCount(3)
                .markers(Markers.suppressedAs("*")).build();
        assertThat(r.isSmallGroup(cell(10, 29))).isTrue();
        assertThat(r.isSmallCount(cell(2, 40))).isTrue();
        assertThat(r.isSmallCount(cell(38, 40))).isTrue();
        assertThat(r.isSmallCount(cell(37, 40))).isFalse();
        assertThat(r.toString()).contains("state-x").contains("n=30").contains("k=3");
    }

    @Test
    void nysedTakesTheNextSmallestGroupAndDefaultRulesTheNextSmallestCount() {
        // All 30 of 100: a group of 4 (primary), then one of 40 with 2 and one of 56 with 27
        CountTable table = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("tiny", "big", "small")))
                .cell("tiny", 1, 4).cell("big", 2, 40).cell("small", 27, 56).fillTotals().build();
        // NYSED: smallest group among the visible is "big" (40), the same as the smallest count here
        assertThat(TableProtector.protect(table, SuppressionRules.NYSED).report()).extracting(e -> e.key().row())
                .containsExactly("tiny", "big");
        CountTable other = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("tiny", "a", "b")))
                .cell("tiny", 1, 4).cell("a", 20, 40).cell("b", 9, 56).fillTotals().build();
        assertThat(TableProtector.protect(other, SuppressionRules.NYSED).report()).extracting(e -> e.key().row())
                .containsExactly("tiny", "a");
        assertThat(TableProtector.protect(other, SuppressionRules.builder().minimumGroupSize(5).build()).report())
                .extracting(e -> e.key().row()).containsExactly("tiny", "b");
    }

    @Test
    void nycDoeSuppressesACountWithinFiveOfItsGroupAndItsComplement() {
        // 36 of 40 students: within 5 of the group, so the share who are not chronically absent would be exposed
        CountTable table = CountTable.builder(Dimension.flat("Grade", "All grades", List.of("6", "7", "8")))
                .cell("6", 36, 40).cell("7", 20, 45).cell("8", 12, 50).fillTotals().build();
        ProtectedTable result = TableProtector.protect(table, SuppressionRules.NYC_DOE);

        assertThat(result.report()).containsExactly(
                new SuppressionEntry(CellKey.of("6", "count"), SuppressionReason.PRIMARY_SMALL_COUNT, new AuditedRange(0, 40)),   // 6 + 8 = 68 - 20 = 48
                new SuppressionEntry(CellKey.of("8", "count"), SuppressionReason.COMPLEMENTARY, new AuditedRange(8, 48)));
        assertThat(PublicationWriter.csv(result)).contains("6,s,s,s\n").contains("7,20,45,44.4\n");
    }
}
