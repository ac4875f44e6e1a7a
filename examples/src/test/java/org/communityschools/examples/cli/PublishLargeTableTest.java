package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} on a large table shows its progress on stderr and protects a flat table whatever its size (the
 * audit of a single sum is linear); a long chain of {@code --parent} rows is built without a quadratic scan.
 */
class PublishLargeTableTest {
    @Test
    void aFlatTableOfOneHundredThousandRowsIsProtectedWithProgressOnStderr(@TempDir Path tmp) throws IOException {
        StringBuilder csv = new StringBuilder("school,count,size\n");
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 100_000; i++) {
            long size = random.nextInt(20) == 0 ? 1 + random.nextInt(9) : 10 + random.nextInt(500);
            csv.append("SCH").append(i).append(',').append(random.nextLong(size + 1)).append(',').append(size).append('\n');
        }
        Path in = Files.writeString(tmp.resolve("big.csv"), csv);
        Path out = tmp.resolve("out.csv");

        Cli.Run run = Cli.run("publish", "--in", in.toString(), "--key", "school", "--count", "count", "--size", "size",
                "--preset", "n10", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> err = run.err().lines().toList();
        assertThat(err.get(0)).startsWith("reading " + in);
        assertThat(err.get(1)).startsWith("protecting 100001 cells under n10");
        assertThat(err.get(err.size() - 1)).contains("of 100001 cells suppressed under n10");
        assertThat(Files.readAllLines(out)).hasSize(100_002);
    }

    @Test
    void aLongChainOfParentsIsBuiltInFileOrderWhateverTheOrderOfTheRows(@TempDir Path tmp) throws IOException {
        // R0 is the top row, R(i) the total of R(i+1); the file lists the chain from its end
        int n = 3_000;
        StringBuilder csv = new StringBuilder("row,parent,count,size\n");
        for (int i = n - 1; i >= 0; i--) {
            csv.append('R').append(i).append(',').append(i == 0 ? "" : "R" + (i - 1)).append(',').append(500).append(',')
                    .append(1000).append('\n');
        }
        Path in = Files.writeString(tmp.resolve("chain.csv"), csv);
        Path out = tmp.resolve("out.csv");

        Cli.Run run = Cli.run("publish", "--in", in.toString(), "--key", "row", "--parent", "parent", "--count", "count",
                "--size", "size", "--preset", "n10", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.get(1)).startsWith("R0,");
        assertThat(lines.get(n)).startsWith("R" + (n - 1) + ",");
    }
}
