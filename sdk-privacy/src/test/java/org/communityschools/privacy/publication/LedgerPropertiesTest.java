package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The release ledger against brute force: a random two-way table is released, then one of its columns is released
 * again on its own (a school's report card after the district table), protected with the ledger. Reading both
 * releases together, checked by enumerating every completion of the first table consistent with everything the two
 * releases publish, no hidden cell of either may be narrower than the rules require, and every primary cell of the
 * second release stays suppressed.
 */
class LedgerPropertiesTest {
    private static final String MEASURE = "m";

    @Property(tries = 300)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void aSecondReleaseReadWithTheFirstDisclosesNoHiddenCell(@ForAll("tables") CountTable table,
            @ForAll @IntRange(min = 1, max = 3) int column, @ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll @IntRange(min = 0, max = 2) int k) {
        SuppressionRules rules = SuppressionRules.builder().minimumGroupSize(n).minimumCount(k).minimumRangeWidth(1).build();
        ProtectedTable first = TableProtector.protect(table, rules);
        Assume.that(first.status() == ProtectedTable.Status.RELEASED && column < table.columns().size());
        Release r1 = Release.of("first", MEASURE, first);
        CountTable card = columnOf(table, column);

        ProtectedTable second = TableProtector.protect(card, rules, ReleaseLedger.empty().with(r1), MEASURE);
        boolean ledgerAddedSuppression = second.report().size() > TableProtector.protect(card, rules).report().size();
        Statistics.label("ledger added suppression").collect(ledgerAddedSuppression);
        Statistics.label("ledger added suppression").coverage(c -> c.check(true).count(x -> x > 0));

        for (int i = 0; i < card.cells().size(); i++) {
            Cell cell = card.cells().get(i);
            if (rules.isSmallGroup(cell) || rules.isSmallCount(cell)) {
                assertThat(second.cells().get(i).isSuppressed()).as("primary %s", cell.key()).isTrue();
            }
        }
        if (second.status() == ProtectedTable.Status.REFUSED) {
            return;
        }
        // what a reader of both releases knows about the first table's cells
        String col = table.columns().labels().get(column);
        List<ProtectedCell> merged = new ArrayList<>();
        for (int i = 0; i < table.cells().size(); i++) {
            Cell cell = table.cells().get(i);
            boolean visible = first.cells().get(i).status() == CellStatus.PUBLISHED
                    || cell.key().column().equals(col)
                    && second.cell(cell.key().row(), col).status() == CellStatus.PUBLISHED;
            merged.add(visible
                    ? new ProtectedCell(cell.key(), CellStatus.PUBLISHED, Optional.empty(), Optional.of(cell.count()),
                            Optional.of(cell.groupSize()), cell.rate(), Optional.empty(), Optional.empty())
                    : new ProtectedCell(cell.key(), CellStatus.SUPPRESSED, Optional.of(SuppressionReason.COMPLEMENTARY),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("s"),
                            Optional.of(new AuditedRange(0, cell.groupSize()))));
        }
        ProtectedTable together = new ProtectedTable("joint", table.rows(), table.columns(), merged,
                ProtectedTable.Status.RELEASED, List.of());
        long[][] brute = BruteForce.ranges(table, together, rules);
        for (int i = 0; i < table.cells().size(); i++) {
            if (brute[i] != null && table.cells().get(i).groupSize() > 0) {
                assertThat(brute[i][1] - brute[i][0]).as("%s read with both releases", table.cells().get(i).key())
                        .isPositive();
            }
        }
    }

    private static CountTable columnOf(CountTable table, int column) {
        String col = table.columns().labels().get(column);
        CountTable.Builder b = CountTable.builder(table.rows(), Dimension.single(table.columns().name(), col));
        for (String row : table.rows().labels()) {
            Cell c = table.cell(row, col);
            b.cell(row, col, c.count(), c.groupSize());
        }
        return b.build();
    }

    @Provide
    Arbitrary<CountTable> tables() {
        return Combinators.combine(Arbitraries.integers().between(2, 3), Arbitraries.integers().between(2, 3))
                .filter((r, c) -> r * c <= 6)
                .flatAs((r, c) -> Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 4))
                        .as((x, s) -> new long[] {x, x + s}).list().ofSize(r * c)
                        .map(v -> {
                            Dimension rows = flat("R", r);
                            Dimension cols = flat("C", c);
                            CountTable.Builder b = CountTable.builder(rows, cols);
                            int i = 0;
                            for (int a = 1; a < rows.size(); a++) {
                                for (int d = 1; d < cols.size(); d++) {
                                    b.cell(rows.labels().get(a), cols.labels().get(d), v.get(i)[0], v.get(i)[1]);
                                    i++;
                                }
                            }
                            return b.fillTotals().build();
                        }));
    }

    private static Dimension flat(String prefix, int members) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            labels.add(prefix + i);
        }
        return Dimension.flat(prefix, prefix + "-total", labels);
    }
}
