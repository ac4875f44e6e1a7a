package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any change, removal, reordering or truncation of a log is detected, and located on the right line. */
class TamperDetectionTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("disclosure-log-tamper");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.delete(dir);
    }

    private static VerificationReport verify(byte[] bytes, Checkpoint... checkpoint) {
        try {
            Path file = Files.createTempFile(dir, "log", ".jsonl");
            Files.write(file, bytes);
            VerificationReport r = checkpoint.length == 0 ? DisclosureLogs.verify(file) : DisclosureLogs.verify(file, checkpoint[0]);
            Files.delete(file);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Checkpoint head(List<Disclosure> log) {
        DisclosureSink memory = DisclosureLogs.inMemory();
        log.forEach(memory::append);
        return memory.checkpoint().orElseThrow();
    }

    /** The 1-based line that contains byte {@code position}, its line end included. */
    private static int lineOf(List<byte[]> lines, long position) {
        long start = 0;
        for (int i = 0; i < lines.size(); i++) {
            start += lines.get(i).length;
            if (position < start) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("position beyond the log");
    }

    @Property(tries = 100)
    void anIntactLogVerifiesWithTheSinksHead(@ForAll @IntRange(min = 1, max = 12) int size, @ForAll long seed) {
        List<Disclosure> log = Samples.randomLog(seed, size);
        VerificationReport r = verify(Samples.concat(Samples.lines(log)), head(log));
        assertThat(r.isIntact()).isTrue();
        assertThat(r.intactLines()).isEqualTo(size);
        assertThat(r.head()).contains(head(log));
    }

    @Property(tries = 300)
    void changingAnyByteOfAnyEntryIsDetectedOnItsLine(@ForAll @IntRange(min = 1, max = 12) int size, @ForAll long seed,
                                                      @ForAll long tamper) {
        List<byte[]> lines = Samples.lines(Samples.randomLog(seed, size));
        byte[] bytes = Samples.concat(lines);
        Random r = new Random(tamper);
        int position = r.nextInt(bytes.length);
        byte replacement;
        do {
            replacement = (byte) r.nextInt(256);
        } while (replacement == bytes[position]);
        bytes[position] = replacement;

        VerificationReport report = verify(bytes);
        assertThat(report.isIntact()).isFalse();
        int line = lineOf(lines, position);
        assertThat(report.defect().orElseThrow().line()).isEqualTo(line);
        assertThat(report.intactLines()).isEqualTo(line - 1);
        // On the last line, a lost line end, a lost brace or a NUL byte is what an interrupted write leaves: torn.
        int lastLineStart = bytes.length - lines.get(lines.size() - 1).length;
        boolean tornLook = position == lastLineStart || position == bytes.length - 2 || replacement == 0;
        LogDefect.Kind expected = position == bytes.length - 1
                || position >= lastLineStart && replacement != '\n' && tornLook
                ? LogDefect.Kind.TORN_LAST_LINE : LogDefect.Kind.ALTERED;
        assertThat(report.defect().orElseThrow().kind()).isEqualTo(expected);
    }

    @Property(tries = 300)
    void removingALineIsDetectedWhereItWasAndRemovingTheLastNeedsACheckpoint(
            @ForAll @IntRange(min = 2, max = 12) int size, @ForAll long seed, @ForAll long tamper) {
        List<Disclosure> log = Samples.randomLog(seed, size);
        List<byte[]> lines = new ArrayList<>(Samples.lines(log));
        int removed = 1 + new Random(tamper).nextInt(size);
        lines.remove(removed - 1);
        byte[] bytes = Samples.concat(lines);
        if (removed < size) {
            LogDefect d = verify(bytes).defect().orElseThrow();
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.REMOVED);
            assertThat(d.line()).isEqualTo(removed);
        } else {
            assertThat(verify(bytes).isIntact()).isTrue();
            LogDefect d = verify(bytes, head(log)).defect().orElseThrow();
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.TRUNCATED);
            assertThat(d.line()).isEqualTo(size);
        }
    }

    @Property(tries = 300)
    void reorderingOrRepeatingLinesIsDetectedAtTheFirstMisplacedLine(
            @ForAll @IntRange(min = 2, max = 12) int size, @ForAll long seed, @ForAll long tamper, @ForAll boolean repeat) {
        List<byte[]> lines = new ArrayList<>(Samples.lines(Samples.randomLog(seed, size)));
        Random r = new Random(tamper);
        int i = r.nextInt(size - 1);
        int j = i + 1 + r.nextInt(size - 1 - i);
        if (repeat) {
            lines.add(j, lines.get(i));
        } else {
            byte[] t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
        }
        LogDefect d = verify(Samples.concat(lines)).defect().orElseThrow();
        assertThat(d.kind()).isEqualTo(LogDefect.Kind.REORDERED);
        assertThat(d.line()).isEqualTo(repeat ? j + 1 : i + 1);
    }

    @Property(tries = 300)
    void cuttingTheLogAnywhereIsDetectedAgainstACheckpoint(@ForAll @IntRange(min = 1, max = 12) int size,
                                                           @ForAll long seed, @ForAll long tamper) {
        List<Disclosure> log = Samples.randomLog(seed, size);
        List<byte[]> lines = Samples.lines(log);
        byte[] bytes = Samples.concat(lines);
        int cut = new Random(tamper).nextInt(bytes.length);
        byte[] cutBytes = Arrays.copyOf(bytes, cut);
        LogDefect d = verify(cutBytes, head(log)).defect().orElseThrow();
        boolean atBoundary = cut == 0 || bytes[cut - 1] == '\n';
        if (atBoundary) {
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.TRUNCATED);
            assertThat(verify(cutBytes).isIntact()).isTrue();
        } else {
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.TORN_LAST_LINE);
        }
        assertThat(d.line()).isEqualTo(lineOf(lines, cut));
    }
}
