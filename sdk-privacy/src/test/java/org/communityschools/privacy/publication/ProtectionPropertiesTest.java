package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For random small tables with marginals: every primary cell stays suppressed, the audit's ranges equal those found
 * by enumerating every non-negative integer completion consistent with the published table, the true value lies in
 * its range, and a released table has no hidden cell pinned or narrower than the rules require.
 */
class ProtectionPropertiesTest {
    @Property(tries = 150)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void releasedTablesProtectEverySuppressedCell(@ForAll("twoWayTables") CountTable table,
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 0, max = 3) int k,
            @ForAll @IntRange(min = 1, max = 3) int width, @ForAll boolean widen) {
        SuppressionRules rules = SuppressionRules.builder().minimumGroupSize(n).minimumCount(k).minimumRangeWidth(width)
                .widenUntilProtected(widen).build();
        checkProtection(table, rules);
        Statistics.label("status").coverage(c -> {
            c.check(ProtectedTable.Status.RELEASED).percentage(p -> p > 30);
            c.check(ProtectedTable.Status.REFUSED).count(x -> x > 0);
        });
        Statistics.label("complementary").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 60)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void hierarchiesAreProtectedToo(@ForAll("hierarchicalTables") CountTable table,
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 0, max = 2) int k) {
        SuppressionRules rules = SuppressionRules.builder().minimumGroupSize(n).minimumCount(k).minimumRangeWidth(1).build();
        checkProtection(table, rules);
    }

    @Property(tries = 80)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void codedRatesAreAuditedWithTheirRanges(@ForAll("oneWayTables") CountTable table) {
        SuppressionRules rules = SuppressionRules.builder().minimumGroupSize(5).minimumRangeWidth(2)
                .rateCoding(RateCoding.DEFAULT).build();
        checkProtection(table, rules);
        Statistics.label("coded").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    private static void checkProtection(CountTable table, SuppressionRules rules) {
        ProtectedTable result = TableProtector.protect(table, rules);
        long[][] brute = BruteForce.ranges(table, result, rules);
        boolean anyTooNarrow = false;
        for (int i = 0; i < table.cells().size(); i++) {
            Cell cell = table.cells().get(i);
            ProtectedCell out = result.cells().get(i);
            if (rules.isSmallGroup(cell) || rules.isSmallCount(cell)) {
                assertThat(out.status()).as("primary cell %s", cell.key()).isEqualTo(CellStatus.SUPPRESSED);
                assertThat(out.reason().orElseThrow().isPrimary()).isTrue();
            }
            if (out.status() == CellStatus.PUBLISHED) {
                assertThat(out.count()).contains(cell.count());
                continue;
            }
            AuditedRange range = out.range().orElseThrow();
            assertThat(new long[] {range.lower(), range.upper()}).as("range of %s", cell.key()).containsExactly(brute[i]);
            assertThat(range.contains(cell.count())).isTrue();
            boolean tooNarrow = range.width() < Math.min(rules.minimumRangeWidth(), cell.groupSize());
            anyTooNarrow |= tooNarrow;
            if (result.status() == ProtectedTable.Status.RELEASED) {
                assertThat(tooNarrow).as("released with %s narrowed to %s", cell.key(), range).isFalse();
                if (cell.groupSize() > 0) {
                    assertThat(range.width()).as("released with %s pinned", cell.key()).isPositive();
                }
            }
        }
        assertThat(result.status() == ProtectedTable.Status.REFUSED).isEqualTo(anyTooNarrow);
        Statistics.label("status").collect(result.status());
        Statistics.label("complementary").collect(result.report().stream().anyMatch(e -> !e.reason().isPrimary()));
        Statistics.label("coded").collect(result.cells().stream().anyMatch(c -> c.status() == CellStatus.BOTTOM_CODED
                || c.status() == CellStatus.TOP_CODED));
    }

    @Provide
    Arbitrary<CountTable> twoWayTables() {
        return Combinators.combine(Arbitraries.integers().between(2, 3), Arbitraries.integers().between(2, 3))
                .filter((r, c) -> r * c <= 6)
                .flatAs((r, c) -> leafValues(r * c, 5, 4).map(v -> twoWay(flat("R", r), flat("C", c), v)));
    }

    @Provide
    Arbitrary<CountTable> hierarchicalTables() {
        // rows: a total over two groups of two (schools within districts); columns: a total over two grades
        Dimension rows = Dimension.builder("Row", "All").child("All", "G1").child("All", "G2")
                .child("G1", "a").child("G1", "b").child("G2", "c").child("G2", "d").build();
        return leafValues(8, 2, 2).map(v -> {
            CountTable.Builder b = CountTable.builder(rows, flat("C", 2));
            String[] leaves = {"a", "b", "c", "d"};
            for (int i = 0; i < 4; i++) {
                b.cell(leaves[i], "C1", v.get(2 * i)[0], v.get(2 * i)[1]);
                b.cell(leaves[i], "C2", v.get(2 * i + 1)[0], v.get(2 * i + 1)[1]);
            }
            return b.fillTotals().build();
        });
    }

    @Provide
    Arbitrary<CountTable> oneWayTables() {
        return Arbitraries.integers().between(2, 4).flatMap(r -> Combinators.combine(
                Arbitraries.integers().between(5, 45).list().ofSize(r),
                Arbitraries.integers().between(0, 1000).list().ofSize(r)).as((groups, fractions) -> {
                    List<String> labels = new ArrayList<>();
                    for (int i = 0; i < r; i++) {
                        labels.add("g" + i);
                    }
                    CountTable.Builder b = CountTable.builder(Dimension.flat("Subgroup", "All", labels));
                    for (int i = 0; i < r; i++) {
                        long g = groups.get(i);
                        long c = fractions.get(i) < 300 ? fractions.get(i) % 3 : fractions.get(i) > 700 ? g - fractions.get(i) % 3 : g / 2;
                        b.cell("g" + i, c, g);
                    }
                    return b.fillTotals().build();
                }));
    }

    private static Arbitrary<List<long[]>> leafValues(int cells, int maxCount, int maxSlack) {
        return Combinators.combine(Arbitraries.integers().between(0, maxCount), Arbitraries.integers().between(0, maxSlack))
                .as((c, s) -> new long[] {c, c + s}).list().ofSize(cells);
    }

    private static Dimension flat(String prefix, int members) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            labels.add(prefix + i);
        }
        return Dimension.flat(prefix, prefix + "-total", labels);
    }

    private static CountTable twoWay(Dimension rows, Dimension cols, List<long[]> values) {
        CountTable.Builder b = CountTable.builder(rows, cols);
        int i = 0;
        for (int r = 1; r < rows.size(); r++) {
            for (int c = 1; c < cols.size(); c++) {
                b.cell(rows.labels().get(r), cols.labels().get(c), values.get(i)[0], values.get(i)[1]);
                i++;
            }
        }
        return b.fillTotals().build();
    }
}
