package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table model: dimensions, completeness and additivity. */
class CountTableTest {
    @Test
    void hierarchyIsHeldInPreOrder() {
        Dimension schools = Dimension.builder("School", "City").child("City", "D1").child("City", "D2")
                .child("D2", "C").child("D1", "A").child("D1", "B").build();
        assertThat(schools.labels()).containsExactly("City", "D1", "A", "B", "D2", "C");
        assertThat(schools.childrenOf(schools.indexOf("D1"))).containsExactly(2, 3);
        assertThat(schools.parentOf(schools.indexOf("C"))).isEqualTo(schools.indexOf("D2"));
    }

    @Test
    void fillTotalsSumsEveryLevel() {
        Dimension schools = Dimension.builder("School", "City").child("City", "D1").child("City", "D2")
                .child("D1", "A").child("D1", "B").child("D2", "C").build();
        CountTable t = CountTable.builder(schools).cell("A", 3, 10).cell("B", 4, 20).cell("C", 5, 30).fillTotals().build();
        assertThat(t.cell("D1").count()).isEqualTo(7);
        assertThat(t.cell("City").groupSize()).isEqualTo(60);
        assertThat(t.isOneDimensional()).isTrue();
    }

    @Test
    void aTotalThatIsNotTheSumOfItsMembersIsRejected() {
        CountTable.Builder b = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("a", "b")))
                .cell("All", 10, 20).cell("a", 3, 10).cell("b", 6, 10);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("All/count is 10 of 20, its members sum to 9 of 20");
    }

    @Test
    void aMissingCellIsRejected() {
        CountTable.Builder b = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("a", "b"))).cell("a", 3, 10);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("missing All/count");
    }

    @Test
    void aCountAboveItsGroupIsRejected() {
        assertThatThrownBy(() -> new Cell(CellKey.of("a", "b"), 11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 of 10");
    }

    @Test
    void duplicateLabelsAreRejected() {
        assertThatThrownBy(() -> Dimension.flat("S", "All", List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate 'a'");
    }

    @Test
    void schoolsWithinDistrictsAreProtectedAcrossLevels() {
        // district D1 = A + B, city = D1 + D2; A is a group of 3: its complement must also protect D1's sum
        Dimension schools = Dimension.builder("School", "City").child("City", "D1").child("City", "D2")
                .child("D1", "A").child("D1", "B").child("D2", "C").child("D2", "E").build();
        CountTable t = CountTable.builder(schools).cell("A", 1, 3).cell("B", 12, 40).cell("C", 8, 30).cell("E", 20, 50)
                .fillTotals().build();
        ProtectedTable result = TableProtector.protect(t, SuppressionRules.NYSED);
        assertThat(result.report()).extracting(e -> e.key().row()).containsExactly("A", "B");
        assertThat(result.report()).extracting(SuppressionEntry::range)
                .containsExactly(new AuditedRange(0, 3), new AuditedRange(10, 13));
    }
}
