package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of small-cell and complementary suppression (NCES 2011-603), with exact suppression patterns and audited ranges. */
class WorkedExamplesTest {
    private static CellKey key(String row, String column) {
        return CellKey.of(row, column);
    }

    @Test
    void theTableHoldsTheNumbersOfTheExample() {
        CountTable table = Tables.hispanicBySchool();
        assertThat(table.cell("Hispanic", "Total").count()).isEqualTo(37);
        assertThat(table.cell("Hispanic", "A").count()).isEqualTo(3);
        assertThat(table.cell("Hispanic", "B").count()).isEqualTo(14);
        assertThat(table.cell("Hispanic", "C").count()).isEqualTo(20);
    }

    @Test
    void suppressingOnlyHispanicAIsUndoneBySubtraction() {
        Map<CellKey, AuditedRange> ranges = TableProtector.audit(Tables.hispanicBySchool(), Set.of(key("Hispanic", "A")));
        // 37 - 14 - 20 = 3
        assertThat(ranges).containsExactly(Map.entry(key("Hispanic", "A"), new AuditedRange(3, 3)));
    }

    @Test
    void aRectangleOfSuppressionsLeavesHispanicAAnywhereFrom0To17() {
        Map<CellKey, AuditedRange> ranges = TableProtector.audit(Tables.hispanicBySchool(),
                Set.of(key("Hispanic", "A"), key("Hispanic", "B"), key("Black", "A"), key("Black", "B")));
        assertThat(ranges.get(key("Hispanic", "A"))).isEqualTo(new AuditedRange(0, 17));
        assertThat(ranges.get(key("Hispanic", "B"))).isEqualTo(new AuditedRange(0, 17));
        assertThat(ranges.get(key("Black", "A"))).isEqualTo(new AuditedRange(2, 19));
        assertThat(ranges.get(key("Black", "B"))).isEqualTo(new AuditedRange(2, 19));
    }

    @Test
    void protectionSuppressesTheRectangleAroundHispanicA() {
        ProtectedTable result = TableProtector.protect(Tables.hispanicBySchool(), Tables.COUNT_BELOW_5);

        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(result.report()).containsExactly(
                new SuppressionEntry(key("Hispanic", "A"), SuppressionReason.PRIMARY_SMALL_COUNT, new AuditedRange(0, 17)),
                new SuppressionEntry(key("Hispanic", "B"), SuppressionReason.COMPLEMENTARY, new AuditedRange(0, 17)),
                new SuppressionEntry(key("Black", "A"), SuppressionReason.COMPLEMENTARY, new AuditedRange(2, 19)),
                new SuppressionEntry(key("Black", "B"), SuppressionReason.COMPLEMENTARY, new AuditedRange(2, 19)));
        assertThat(result.cell("Hispanic", "Total").count()).contains(37L);
        assertThat(result.cell("Hispanic", "A").count()).isEmpty();
        assertThat(result.cell("Hispanic", "A").marker()).contains("s");
    }

    /**
     * A group of 0 out of 0 has nothing to protect. Schools A 3 of 12, B 4 of 15, C 0 of 0, D 5 of 20, TOTAL 12 of 47
     * under NYSED's rules (groups below 5 suppressed, audited width 1): A, B and D have 5 or more students; C has
     * none, so no cell is small and nothing is suppressed. (Suppressing C for its "small group" forced the smallest
     * other cell A out by complementary suppression, then B to widen A's range: three of four cells hidden.)
     */
    @Test
    void aGroupOfNoOneIsPublishedAndForcesNoSuppression() {
        CountTable.Builder b = CountTable.builder(Dimension.flat("school", "TOTAL", List.of("A", "B", "C", "D")));
        b.cell("A", 3, 12).cell("B", 4, 15).cell("C", 0, 0).cell("D", 5, 20);
        ProtectedTable result = TableProtector.protect(b.fillTotals().build(), SuppressionRules.NYSED);

        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(result.report()).isEmpty();
        assertThat(result.cell("C").count()).contains(0L);
        assertThat(result.cell("C").groupSize()).contains(0L);
        assertThat(result.cell("TOTAL").count()).contains(12L);
        assertThat(SuppressionRules.NYC_DOE.isSmallCount(new Cell(CellKey.of("C", "count"), 0, 0))).isFalse();
    }

    @Test
    void oneDimensionalTableSuppressesTheSmallGroupAndTheNextSmallest() {
        ProtectedTable result = TableProtector.protect(Tables.subgroupsOfOneSchool(), SuppressionRules.NYSED);

        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        // Asian + Black = 40 - 15 - 12 = 13, Asian ≤ 4 of its group, Black ≤ 30
        assertThat(result.report()).containsExactly(
                new SuppressionEntry(key("Asian", "count"), SuppressionReason.PRIMARY_SMALL_GROUP, new AuditedRange(0, 4)),
                new SuppressionEntry(key("Black", "count"), SuppressionReason.COMPLEMENTARY, new AuditedRange(9, 13)));
        assertThat(result.cells().stream().filter(c -> c.status() == CellStatus.PUBLISHED).map(c -> c.key().row()))
                .containsExactly("All students", "Hispanic", "White");
    }

    @Test
    void onlyASingleSuppressedCellIsRecoverable() {
        Map<CellKey, AuditedRange> ranges = TableProtector.audit(Tables.subgroupsOfOneSchool(),
                Set.of(key("Asian", "count")));
        assertThat(ranges.values()).containsExactly(new AuditedRange(1, 1));
        assertThat(List.copyOf(ranges.keySet())).containsExactly(key("Asian", "count"));
    }
}
