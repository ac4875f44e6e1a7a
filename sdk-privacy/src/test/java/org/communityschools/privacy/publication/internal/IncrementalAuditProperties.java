package org.communityschools.privacy.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.SuppressionRules;

/**
 * A widening round audits again only the components its suppressions changed; the engine that audits the whole table
 * in every round is the reference. On random one-way hierarchies and two-way tables, with many small groups so that
 * widening has work to do, under every preset, both give the same protected table: the same cells hidden, for the
 * same reasons, with the same ranges, or the same refusals.
 */
class IncrementalAuditProperties {
    private static final List<String> PRESETS = List.of("nysed", "nyc-doe", "nyc-doe-attendance", "n10");

    /** A city over districts over schools, one column. */
    static CountTable hierarchy(Random random, int districts, int schools) {
        Dimension.Builder d = Dimension.builder("School", "City");
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < districts; i++) {
            d.child("City", "D" + i);
            for (int s = 0; s < schools; s++) {
                d.child("D" + i, "D" + i + "-S" + s);
                leaves.add("D" + i + "-S" + s);
            }
        }
        CountTable.Builder b = CountTable.builder(d.build());
        for (String leaf : leaves) {
            long size = size(random);
            b.cell(leaf, (long) random.nextInt((int) size + 1), size);
        }
        return b.fillTotals().build();
    }

    /** Rows by columns, each with a total. */
    static CountTable twoWay(Random random, int rows, int columns) {
        List<String> r = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            r.add("R" + i);
        }
        for (int j = 0; j < columns; j++) {
            c.add("C" + j);
        }
        CountTable.Builder b = CountTable.builder(Dimension.flat("Rows", "All rows", r), Dimension.flat("Columns", "All columns", c));
        for (String row : r) {
            for (String column : c) {
                long size = size(random);
                b.cell(row, column, (long) random.nextInt((int) size + 1), size);
            }
        }
        return b.fillTotals().build();
    }

    private static long size(Random random) {
        return random.nextInt(3) == 0 ? random.nextInt(10) : 5 + random.nextInt(60);
    }

    @Property(tries = 150)
    void auditingChangedComponentsGivesTheTableOfAuditingEverything(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int a,
            @ForAll @IntRange(min = 1, max = 6) int b, @ForAll boolean hierarchical, @ForAll @IntRange(min = 0, max = 3) int preset) {
        Random random = new Random(seed);
        CountTable table = hierarchical ? hierarchy(random, a, b) : twoWay(random, a, b);
        SuppressionRules rules = SuppressionRules.forName(PRESETS.get(preset));

        assertThat(SuppressionEngine.protect(table, rules))
                .isEqualTo(SuppressionEngine.protectAuditingWholeTableEachRound(table, rules));
    }
}
