package org.communityschools.privacy.publication;

import java.util.List;

/** Worked examples of small-cell and complementary suppression (NCES 2011-603) as tables. */
final class Tables {
    private Tables() {
    }

    static final SuppressionRules COUNT_BELOW_5 = SuppressionRules.builder().minimumGroupSize(10).minimumCount(5).build();

    /**
     * Chronically absent students by subgroup and school. Hispanic: A = 3, B = 14, C = 20, total 37;
     * the other numbers are chosen so that the complementary suppression forms the 2×2 rectangle Hispanic/Black × A/B.
     */
    static CountTable hispanicBySchool() {
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Hispanic", "Black", "White"));
        Dimension schools = Dimension.flat("School", "Total", List.of("A", "B", "C"));
        return CountTable.builder(subgroups, schools)
                .cell("Hispanic", "A", 3, 40).cell("Hispanic", "B", 14, 60).cell("Hispanic", "C", 20, 80)
                .cell("Black", "A", 16, 50).cell("Black", "B", 5, 30).cell("Black", "C", 22, 70)
                .cell("White", "A", 25, 90).cell("White", "B", 30, 100).cell("White", "C", 18, 60)
                .fillTotals().build();
    }

    /** Chronically absent students by subgroup in one school: 40 of 120, Asian 1 of 4 (a group under 5). */
    static CountTable subgroupsOfOneSchool() {
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Asian", "Black", "Hispanic", "White"));
        return CountTable.builder(subgroups)
                .cell("Asian", 1, 4).cell("Black", 12, 30).cell("Hispanic", 15, 41).cell("White", 12, 45)
                .fillTotals().build();
    }
}
