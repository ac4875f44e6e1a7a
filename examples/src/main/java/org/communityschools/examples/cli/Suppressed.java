package org.communityschools.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.communityschools.metrics.ChronicAbsenceReport;
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
        Table out = header(keyColumn);
        addRows(out, table, TOTAL, unit);
        return out;
    }

    /** An empty printed table: the key column, the counts, the rate and the unit. */
    static Table header(String keyColumn) {
        return new Table(List.of(keyColumn, "students", "chronically_absent", "rate", "unit"));
    }

    /** Adds the rows of {@code table} to {@code out}, its total last and labelled {@code totalLabel}. */
    static void addRows(Table out, ProtectedTable table, String totalLabel, String unit) {
        List<String> order = new ArrayList<>(table.rows().labels());
        order.remove(TOTAL);
        order.add(TOTAL);
        for (String label : order) {
            ProtectedCell c = table.cell(label);
            String marker = c.marker().orElse("");
            String shown = label.equals(TOTAL) ? totalLabel : label;
            switch (c.status()) {
                case PUBLISHED -> out.add(shown, c.groupSize().orElseThrow(), c.count().orElseThrow(),
                        c.rate().<Object>map(r -> r.toBigDecimal(MetricsCommand.RATE_SCALE)).orElse(""), unit);
                case SUPPRESSED -> out.add(shown, marker, marker, marker, unit);
                default -> out.add(shown, c.groupSize().orElseThrow(), marker, marker, unit);
            }
        }
    }

    /**
     * The subgroup families of a report, each a partition of the students the district row counts: sex and race
     * and ethnicity by their values (with {@code unknown} for students in none, when there are any), and each
     * student characteristic held by someone as the pair {@code characteristic:X} and {@code characteristic:not_X}
     * (the students without it: the district's counts minus the characteristic's). Keyed by family, in name order.
     */
    static Map<String, Map<List<String>, AttendanceAggregate>> families(ChronicAbsenceReport report) {
        AttendanceAggregate all = report.district();
        Map<String, Map<List<String>, AttendanceAggregate>> families = new TreeMap<>();
        new TreeMap<>(report.bySubgroup()).forEach((g, a) -> {
            if (g.dimension().equals("characteristic")) {
                Map<List<String>, AttendanceAggregate> pair = new LinkedHashMap<>();
                pair.put(List.of(g.dimension() + ":" + g.value()), a);
                pair.put(List.of(g.dimension() + ":not_" + g.value()), all.minus(a));
                families.put(g.dimension() + ":" + g.value(), pair);
            } else {
                families.computeIfAbsent(g.dimension(), k -> new LinkedHashMap<>()).put(List.of(g.dimension() + ":" + g.value()), a);
            }
        });
        families.forEach((family, rows) -> {
            if (!family.startsWith("characteristic:")) {
                AttendanceAggregate rest = all;
                for (AttendanceAggregate a : rows.values()) {
                    rest = rest.minus(a);
                }
                if (rest.members() > 0) {
                    rows.put(List.of(family + ":unknown"), rest);
                }
            }
        });
        return families;
    }


}
