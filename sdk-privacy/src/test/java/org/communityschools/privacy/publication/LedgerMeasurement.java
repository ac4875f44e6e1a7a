package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A manual measurement, not a test: the district table of {@code subgroups × schools} (one district) is released
 * under {@link SuppressionRules#N10}, then every school's report card (its column alone) is released with the ledger,
 * which grows by one release each time. Prints the time of the district table and of the report cards, first and
 * last, and how many report-card cells the ledger suppressed beyond what each card alone needs.
 * Usage (after {@code mvn -o -pl sdk-core,sdk-privacy verify}):
 * {@code java -cp sdk-privacy/target/classes:sdk-privacy/target/test-classes:sdk-core/target/classes:JACKSON_JARS
 * org.communityschools.privacy.publication.LedgerMeasurement 10 30}
 */
public final class LedgerMeasurement {
    private LedgerMeasurement() {
    }

    public static void main(String[] args) {
        int groups = Integer.parseInt(args[0]);
        int schools = Integer.parseInt(args[1]);
        List<String> subgroups = new ArrayList<>();
        for (int i = 1; i <= groups; i++) {
            subgroups.add("g" + i);
        }
        List<String> names = new ArrayList<>();
        for (int s = 1; s <= schools; s++) {
            names.add("S" + s);
        }
        Dimension rows = Dimension.flat("Subgroup", "All", subgroups);
        Random random = new Random(42);
        CountTable.Builder b = CountTable.builder(rows, Dimension.flat("School", "District", names));
        for (String g : subgroups) {
            for (String s : names) {
                long size = random.nextInt(10) == 0 ? random.nextInt(8) : 8 + random.nextInt(200);
                b.cell(g, s, random.nextInt((int) size + 1), size);
            }
        }
        CountTable district = b.fillTotals().build();
        String measure = "m";
        long t0 = System.nanoTime();
        ProtectedTable first = TableProtector.protect(district, SuppressionRules.N10);
        System.out.printf("district table: %d cells, %d hidden, %d ms%n", district.cells().size(),
                first.cells().stream().filter(c -> c.status() != CellStatus.PUBLISHED).count(), (System.nanoTime() - t0) / 1_000_000);
        ReleaseLedger ledger = ReleaseLedger.empty().with(Release.of("district", measure, first.orThrow()));
        long extra = 0;
        long total = 0;
        for (String s : names) {
            CountTable.Builder card = CountTable.builder(rows, Dimension.single("School", s));
            for (String g : rows.labels()) {
                Cell c = district.cell(g, s);
                card.cell(g, s, c.count(), c.groupSize());
            }
            CountTable table = card.build();
            long t1 = System.nanoTime();
            ProtectedTable result = TableProtector.protect(table, SuppressionRules.N10, ledger, measure);
            long ms = (System.nanoTime() - t1) / 1_000_000;
            total += ms;
            extra += result.report().size() - TableProtector.protect(table, SuppressionRules.N10).report().size();
            if (s.equals(names.get(0)) || s.equals(names.get(names.size() - 1))) {
                System.out.printf("report card %s with %d releases in the ledger: %s, %d ms%n", s,
                        ledger.releases().size(), result.status(), ms);
            }
            if (result.status() == ProtectedTable.Status.RELEASED) {
                ledger = ledger.with(Release.of(s, measure, result));
            }
        }
        System.out.printf("%d report cards: %d ms in all, %d cells suppressed because of the ledger%n", names.size(), total, extra);
    }
}
