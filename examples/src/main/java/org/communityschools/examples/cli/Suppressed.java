package org.communityschools.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.privacy.publication.CellKey;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.ReleaseLedger;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;

/**
 * A chronic-absence table protected for publication by sdk-privacy's engine: the groups (which partition the
 * students) and their TOTAL row, with small-cell and complementary suppression audited so that no hidden count can
 * be recovered from the published ones. Hidden cells show the preset's marker in every value column.
 */
final class Suppressed {
    static final String TOTAL = "TOTAL";
    static final String SCHOOL = "school_id";
    static final String COMMUNITY = "community_school";

    private Suppressed() {}

    static ProtectedTable protect(String keyColumn, Map<List<String>, AttendanceAggregate> groups, SuppressionRules rules) {
        List<String> labels = groups.keySet().stream().map(k -> k.get(0)).toList();
        CountTable.Builder builder = CountTable.builder(Dimension.flat(keyColumn, TOTAL, labels));
        groups.forEach((key, a) -> builder.cell(key.get(0), a.chronicallyAbsent(), a.counted()));
        return TableProtector.protect(builder.fillTotals().build(), rules).orThrow();
    }

    /** {@link #protect(String, Map, SuppressionRules)} audited together with the ledger's releases of {@code measure}. */
    static ProtectedTable protect(String keyColumn, Map<List<String>, AttendanceAggregate> groups, SuppressionRules rules,
                                  ReleaseLedger ledger, String measure) {
        List<String> labels = groups.keySet().stream().map(k -> k.get(0)).toList();
        CountTable.Builder builder = CountTable.builder(Dimension.flat(keyColumn, TOTAL, labels));
        groups.forEach((key, a) -> builder.cell(key.get(0), a.chronicallyAbsent(), a.counted()));
        return TableProtector.protect(builder.fillTotals().build(), rules, ledger, measure);
    }

    /**
     * The joint table of the schools and their community-school status, one population (students at each school):
     * rows the schools under TOTAL, columns {@code true} and {@code false} under TOTAL; a school's counts stand in its
     * status's column and 0 of 0 in the other (a school's status is public). Its row totals are the by-school table,
     * its column totals the by-community-school table, and both share the total.
     */
    static CountTable schoolsByCommunity(ChronicAbsenceReport report) {
        List<String> schools = report.schools().keySet().stream().map(id -> id.value()).toList();
        Dimension rows = Dimension.flat(SCHOOL, TOTAL, schools);
        Dimension cols = Dimension.flat(COMMUNITY, TOTAL, List.of("true", "false"));
        CountTable.Builder b = CountTable.builder(rows, cols);
        long[] all = new long[2];
        report.schools().forEach((id, school) -> {
            AttendanceAggregate a = school.enrollments();
            String status = Boolean.toString(school.communitySchool());
            String other = Boolean.toString(!school.communitySchool());
            b.cell(id.value(), status, a.chronicallyAbsent(), a.counted());
            b.cell(id.value(), other, 0, 0);
            b.cell(id.value(), TOTAL, a.chronicallyAbsent(), a.counted());
            all[0] += a.chronicallyAbsent();
            all[1] += a.counted();
        });
        for (boolean c : new boolean[] {true, false}) {
            Optional<AttendanceAggregate> a = report.byCommunitySchool().side(c);
            b.cell(TOTAL, Boolean.toString(c), a.map(AttendanceAggregate::chronicallyAbsent).orElse(0),
                    a.map(AttendanceAggregate::counted).orElse(0));
        }
        b.cell(TOTAL, TOTAL, all[0], all[1]);
        return b.build();
    }

    /** The cells of {@link #schoolsByCommunity} a release publishes: the schools' totals, the two groups', and the total. */
    static Set<CellKey> releasedCells(ChronicAbsenceReport report, boolean schools, boolean community) {
        Set<CellKey> released = new LinkedHashSet<>();
        if (schools) {
            report.schools().keySet().forEach(id -> released.add(CellKey.of(id.value(), TOTAL)));
        }
        if (community) {
            released.add(CellKey.of(TOTAL, "true"));
            released.add(CellKey.of(TOTAL, "false"));
        }
        released.add(CellKey.of(TOTAL, TOTAL));
        return released;
    }

    /**
     * The rows of a protected {@link #schoolsByCommunity} table that were released: the schools, the two groups, then
     * the total; labelled {@code school_id:S} and {@code community_school:true} when both tables are printed together.
     */
    static void addJointRows(Table out, ProtectedTable table, boolean schools, boolean community, String unit) {
        boolean both = schools && community;
        if (schools) {
            for (String s : table.rows().labels().subList(1, table.rows().size())) {
                addRow(out, both ? SCHOOL + ":" + s : s, table.cell(s, TOTAL), unit);
            }
        }
        if (community) {
            for (String c : List.of("true", "false")) {
                addRow(out, both ? COMMUNITY + ":" + c : c, table.cell(TOTAL, c), unit);
            }
        }
        addRow(out, TOTAL, table.cell(TOTAL, TOTAL), unit);
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
            addRow(out, label.equals(TOTAL) ? totalLabel : label, table.cell(label), unit);
        }
    }

    private static void addRow(Table out, String shown, ProtectedCell c, String unit) {
        String marker = c.marker().orElse("");
        switch (c.status()) {
            case PUBLISHED -> out.add(shown, c.groupSize().orElseThrow(), c.count().orElseThrow(),
                    c.rate().<Object>map(r -> r.toBigDecimal(MetricsCommand.RATE_SCALE)).orElse(""), unit);
            case SUPPRESSED -> out.add(shown, marker, marker, marker, unit);
            default -> out.add(shown, c.groupSize().orElseThrow(), marker, marker, unit);
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
