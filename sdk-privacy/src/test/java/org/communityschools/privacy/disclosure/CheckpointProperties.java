package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random logs written by the file sink with random checkpoints (every N entries, on demand, on close), any
 * truncation before the latest checkpoint, and any deletion, alteration or insertion of a line with the whole chain
 * recomputed, fails verification against the checkpoints; an untouched log passes.
 */
class CheckpointProperties {
    private static Path dir;

    enum Tamper { NONE, TRUNCATE, DELETE, ALTER, INSERT }

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("disclosure-log-checkpoints");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Property(tries = 60)
    void verificationWithCheckpointsFailsForEveryTamperAndPassesWithout(
            @ForAll @IntRange(min = 1, max = 10) int size, @ForAll @IntRange(min = 1, max = 5) int every,
            @ForAll long seed, @ForAll Tamper tamper) throws Exception {
        Random r = new Random(seed);
        Path run = Files.createTempDirectory(dir, "run");
        Path log = run.resolve("log.jsonl");
        CheckpointStore store = DisclosureLogs.checkpointFile(run.resolve("log.checkpoints"));
        List<Disclosure> written = Samples.randomLog(seed, size);
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFileBuilder(log).checkpoints(store, CheckpointTamperTest.KEY)
                .checkpointEvery(every).build()) {
            for (Disclosure d : written) {
                sink.append(d);
                if (r.nextInt(4) == 0) {
                    sink.writeCheckpoint();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(log);
        List<Disclosure> changed = new ArrayList<>(written);
        switch (tamper) {
            case NONE -> { }
            case TRUNCATE -> Files.write(log, Arrays.copyOf(bytes, r.nextInt(bytes.length)));
            case DELETE -> changed.remove(r.nextInt(size));
            case ALTER -> {
                int i = r.nextInt(size);
                Disclosure other;
                do {
                    other = Samples.random(r);
                } while (other.equals(written.get(i)));
                changed.set(i, other);
            }
            case INSERT -> changed.add(r.nextInt(size + 1), Samples.random(r));
        }
        if (tamper == Tamper.DELETE || tamper == Tamper.ALTER || tamper == Tamper.INSERT) {
            Files.write(log, Samples.concat(Samples.lines(changed)));
            assertThat(DisclosureLogs.verify(log).isIntact()).as("a recomputed chain passes on its own").isTrue();
        }

        CheckpointVerification v = DisclosureLogs.verify(log, store, CheckpointTamperTest.KEY);
        if (tamper == Tamper.NONE) {
            assertThat(v.isIntact()).as(v.toString()).isTrue();
            assertThat(v.uncoveredLineCount()).isZero();
            assertThat(v.latest().orElseThrow().head()).isEqualTo(DisclosureLogs.verify(log).head().orElseThrow());
        } else {
            assertThat(v.isIntact()).as(tamper + ": " + v).isFalse();
            assertThat(v.checkpointDefect()).isEmpty();
            assertThat(v.log().defect().orElseThrow().kind()).isIn(LogDefect.Kind.TRUNCATED, LogDefect.Kind.ALTERED,
                    LogDefect.Kind.TORN_LAST_LINE, LogDefect.Kind.APPENDED_AFTER_CLOSE);
        }
    }
}
