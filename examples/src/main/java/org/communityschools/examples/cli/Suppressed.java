package org.communityschools.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;

/**
 * A chronic-absence table protected for publication by sdk-privacy's engine: the groups (which partition the
 * students) and their TOTAL row, with small-cell and complementary suppression audited so that no hidden count can
 * be recovered from the published ones. Hidden cells show the preset's marker in every value column.
 */
final class Suppressed {
    static final String TOTAL = "TOTAL";

    private Suppressed() {}

    static ProtectedTable protect(String keyColumn, Map<List<String>, AttendanceAggregate> groups, SuppressionRules rules) {
        List<String> labels = groups.keySet().stream().map(k -> k.get(0)).toList();
        CountTable.Builder builder = CountTable.builder(Dimension.flat(keyColumn, TOTAL, labels));
        groups.forEach((key, a) -> builder.cell(key.get(0), a.chronicallyAbsent(), a.counted()));
        return TableProtector.protect(builder.fillTotals().build(), rules).orThrow();
    }

    /** The protected table as printed, with the {@code unit} column saying what one member of a row is. */
    static Table table(String keyColumn, ProtectedTable table, String unit) {
        Table out = new Table(List.of(keyColumn, "students", "chronically_absent", "rate", "unit"));
        List<String> order = new ArrayList<>(table.rows().labels());
        order.remove(TOTAL);
        order.add(TOTAL);
        for (String label : order) {
            ProtectedCell c = table.cell(label);
            String marker = c.marker().orElse("");
            switch (c.status()) {
                case PUBLISHED -> out.add(label, c.groupSize().orElseThrow(), c.count().orElseThrow(),
                        c.rate().<Object>map(r -> r.toBigDecimal(MetricsCommand.RATE_SCALE)).orElse(""), unit);
                case SUPPRESSED -> out.add(label, marker, marker, marker, unit);
                default -> out.add(label, c.groupSize().orElseThrow(), marker, marker, unit);
            }
        }
        return out;
    }
}
