package org.communityschools.privacy.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;
import org.junit.jupiter.api.Test;

/**
 * The audit's limits: linear programming is counted in tableau updates and linked cells, and a table over them is
 * refused with the reason; a flat table spends nothing, whatever its size.
 */
class AuditBudgetTest {
    @Test
    void aLinkedGroupOverTheCapIsRefusedBeforeItsTableauIsBuilt() {
        AuditBudget budget = AuditBudget.unlimited();
        budget.checkLinked(AuditBudget.MAX_LINKED_UNKNOWNS);

        assertThatThrownBy(() -> budget.checkLinked(AuditBudget.MAX_LINKED_UNKNOWNS + 1))
                .isInstanceOf(AuditBudget.ExceededException.class)
                .hasMessageContaining("2001 hidden cells").hasMessageContaining("publish smaller tables");
    }

    @Test
    void spendingPastTheBudgetRefuses() {
        AuditBudget budget = AuditBudget.forProtection();
        budget.spend(AuditBudget.DEFAULT_ENTRY_UPDATES);

        assertThatThrownBy(() -> budget.spend(1)).isInstanceOf(AuditBudget.ExceededException.class)
                .hasMessageContaining("simplex tableau updates");
    }

    @Test
    void aTwoWayTableWhoseHiddenCellsAllLinkIsRefusedWithTheReasonBeforeAnyLinearProgram() {
        // 2,500 schools x 2 groups, every group below n = 10 and every total above: 5,000 hidden cells linked
        // by the column totals, over the cap of 2,000
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            schools.add("S" + i);
        }
        CountTable.Builder b = CountTable.builder(Dimension.flat("School", "City", schools),
                Dimension.flat("Group", "All", List.of("a", "b")));
        for (String s : schools) {
            b.cell(s, "a", 2, 5).cell(s, "b", 2, 4);
        }
        ProtectedTable result = TableProtector.protect(b.fillTotals().build(), SuppressionRules.N10);

        assertThat(result.status()).isEqualTo(ProtectedTable.Status.REFUSED);
        assertThat(result.refusals()).singleElement().asString()
                .contains("hidden cells linked by the table's sums", "limit of 2000", "one-way tables");
        // no audit ran: a hidden cell carries only what a reader knows without the sums, 0 to its group size
        assertThat(result.cells().get(3).key().row()).isEqualTo("S0");
        assertThat(result.cells().get(4).range().orElseThrow()).extracting("lower", "upper").containsExactly(0L, 5L);
    }

    @Test
    void aFlatTableOfTwoHundredThousandRowsSpendsNoLinearProgramming() {
        SplittableRandom random = new SplittableRandom(18);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            labels.add("S" + i);
        }
        CountTable.Builder b = CountTable.builder(Dimension.flat("School", "TOTAL", labels));
        for (String l : labels) {
            long size = random.nextInt(20) == 0 ? 1 + random.nextInt(9) : 10 + random.nextInt(500);
            b.cell(l, random.nextLong(size + 1), size);
        }
        ProtectedTable result = TableProtector.protect(b.fillTotals().build(), SuppressionRules.N10);

        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(result.report()).hasSizeGreaterThan(9_000);
    }
}
