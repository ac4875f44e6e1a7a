package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A manual measurement, not a test: protects a synthetic release of {@code subgroups × (districts × schools)} under
 * {@link SuppressionRules#N10} (about one group in ten below 8 students) and prints the time of each of three runs.
 * Usage (after {@code mvn -o -pl sdk-core,sdk-privacy verify}):
 * {@code java -cp sdk-privacy/target/classes:sdk-privacy/target/test-classes:sdk-core/target/classes
 * org.communityschools.privacy.publication.PublicationMeasurement 10 5 20}
 */
public final class PublicationMeasurement {
    private PublicationMeasurement() {
    }

    public static void main(String[] args) {
        int groups = Integer.parseInt(args[0]);
        int districts = Integer.parseInt(args[1]);
        int perDistrict = Integer.parseInt(args[2]);
        List<String> subgroups = new ArrayList<>();
        for (int i = 1; i <= groups; i++) {
            subgroups.add("g" + i);
        }
        Dimension.Builder schools = Dimension.builder("School", "City");
        List<String> leaves = new ArrayList<>();
        for (int d = 1; d <= districts; d++) {
            schools.child("City", "D" + d);
            for (int s = 1; s <= perDistrict; s++) {
                schools.child("D" + d, "D" + d + "-S" + s);
                leaves.add("D" + d + "-S" + s);
            }
        }
        Random random = new Random(42);
        CountTable.Builder b = CountTable.builder(Dimension.flat("Subgroup", "All", subgroups), schools.build());
        for (String g : subgroups) {
            for (String s : leaves) {
                long size = random.nextInt(10) == 0 ? random.nextInt(8) : 8 + random.nextInt(200);
                b.cell(g, s, random.nextInt((int) size + 1), size);
            }
        }
        CountTable table = b.fillTotals().build();
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            ProtectedTable result = TableProtector.protect(table, SuppressionRules.N10);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long hidden = result.cells().stream().filter(c -> c.status() != CellStatus.PUBLISHED).count();
            System.out.printf("%d cells, %d suppressed, %d hidden, %s, %d ms%n", table.cells().size(),
                    result.report().size(), hidden, result.status(), ms);
        }
    }
}
