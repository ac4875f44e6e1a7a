package org.communityschools.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code publish} on a flat table (a TOTAL row and its members) of 10⁴, 10⁵ and 10⁶ rows, as the command line builds
 * it: the labels are turned into a {@link Dimension}, every cell is added to a {@link CountTable} by label, and the
 * table is protected with the {@code n10} preset (primary and complementary suppression, the exact audit). One row in
 * twenty has a group below 10, so suppression has work to do. The time should grow linearly with the rows (issue 18:
 * 10⁶ rows under a minute); the CSV parsing of the command line is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PublishBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int rows;

    private List<String> labels;
    private long[] counts;
    private long[] sizes;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(18);
        labels = new ArrayList<>(rows);
        counts = new long[rows];
        sizes = new long[rows];
        for (int i = 0; i < rows; i++) {
            labels.add("S" + i);
            sizes[i] = random.nextInt(20) == 0 ? 1 + random.nextInt(9) : 10 + random.nextInt(500);
            counts[i] = random.nextLong(sizes[i] + 1);
        }
    }

    /** Builds the table by label and protects it; returns the released table. */
    @Benchmark
    public ProtectedTable protectFlatTable() {
        Dimension dim = Dimension.flat("school", "TOTAL", labels);
        CountTable.Builder b = CountTable.builder(dim, Dimension.single("measure", "count"));
        long total = 0;
        long totalSize = 0;
        for (int i = 0; i < rows; i++) {
            b.cell(labels.get(i), "count", counts[i], sizes[i]);
            total += counts[i];
            totalSize += sizes[i];
        }
        b.cell("TOTAL", "count", total, totalSize);
        ProtectedTable t = TableProtector.protect(b.build(), SuppressionRules.N10);
        if (t.cells().size() != rows + 1) {
            throw new IllegalStateException("expected " + (rows + 1) + " cells, had " + t.cells().size());
        }
        return t;
    }
}
