package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A table of the size of a district release: 10 subgroups × 30 schools in 3 districts, 374 cells. */
class ReleaseSizedTableTest {
    static CountTable districtRelease(long seed) {
        List<String> subgroups = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            subgroups.add("subgroup-" + i);
        }
        Dimension.Builder schools = Dimension.builder("School", "City");
        List<String> leaves = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            schools.child("City", "D" + d);
            for (int s = 1; s <= 10; s++) {
                schools.child("D" + d, "D" + d + "-S" + s);
                leaves.add("D" + d + "-S" + s);
            }
        }
        Random random = new Random(seed);
        CountTable.Builder b = CountTable.builder(Dimension.flat("Subgroup", "All students", subgroups), schools.build());
        for (String g : subgroups) {
            for (String s : leaves) {
                long size = random.nextInt(10) == 0 ? random.nextInt(8) : 8 + random.nextInt(200);
                b.cell(g, s, random.nextInt((int) size + 1), size);
            }
        }
        return b.fillTotals().build();
    }

    @Test
    void aDistrictReleaseIsProtectedAndEveryRangeHoldsTheTrueValue() {
        CountTable table = districtRelease(20261128L);
        ProtectedTable result = TableProtector.protect(table, SuppressionRules.N10);

        assertThat(table.cells()).hasSize(374);
        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(result.report()).hasSizeGreaterThan(30);
        for (int i = 0; i < table.cells().size(); i++) {
            ProtectedCell out = result.cells().get(i);
            Cell cell = table.cells().get(i);
            if (SuppressionRules.N10.isSmallGroup(cell)) {
                assertThat(out.isSuppressed()).isTrue();
            }
            out.range().ifPresent(r -> {
                assertThat(r.contains(cell.count())).isTrue();
                assertThat(r.width()).isGreaterThanOrEqualTo(Math.min(1, cell.groupSize()));
            });
        }
    }
}
