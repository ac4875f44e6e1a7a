package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.privacy.disclosure.SignedCheckpoint.Occasion;
import org.communityschools.privacy.internal.disclosure.LogCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The six ways to shorten or rewrite a log that a hash chain alone misses, each caught by the signed checkpoints.
 * Every test writes a real log of ten entries with the file sink, which signs a checkpoint every three entries and on
 * close: checkpoints at sequences 3, 6, 9 (interval) and 10 (closed).
 */
class CheckpointTamperTest {
    static final CheckpointKey KEY = CheckpointKey.of("log-key-1", bytes(1));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-15T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path log;
    Path checkpoints;

    static byte[] bytes(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    static Disclosure entry(int n) {
        return Samples.mentorSeesAttendance("S-" + n, Samples.T0.plusSeconds(60L * n));
    }

    @BeforeEach
    void writeTenEntriesWithCheckpoints() {
        log = dir.resolve("disclosures.jsonl");
        checkpoints = dir.resolve("elsewhere").resolve("disclosures.checkpoints");
        checkpoints.getParent().toFile().mkdirs();
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFileBuilder(log)
                .checkpoints(DisclosureLogs.checkpointFile(checkpoints), KEY).checkpointEvery(3).clock(CLOCK).build()) {
            for (int n = 1; n <= 10; n++) {
                sink.append(entry(n));
            }
        }
    }

    CheckpointVerification verify() {
        return DisclosureLogs.verify(log, DisclosureLogs.checkpointFile(checkpoints), KEY);
    }

    static LogDefect logDefect(CheckpointVerification v) {
        assertThat(v.isIntact()).as(v.toString()).isFalse();
        assertThat(v.checkpointDefect()).isEmpty();
        return v.log().defect().orElseThrow();
    }

    List<String> lines() throws Exception {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    void write(List<String> lines) throws Exception {
        Files.write(log, lines, StandardCharsets.UTF_8);
    }

    /** The disclosures of the log, read back. */
    List<Disclosure> disclosures() throws Exception {
        List<Disclosure> out = new ArrayList<>();
        for (String line : lines()) {
            out.add(LogCodec.parse(line.getBytes(StandardCharsets.UTF_8)).disclosure().orElseThrow());
        }
        return out;
    }

    /** Writes these disclosures as a fresh, valid chain: every hash recomputed. */
    void writeRechained(List<Disclosure> disclosures) throws Exception {
        Files.write(log, Samples.concat(Samples.lines(disclosures)));
    }

    @Test
    void theSinkSignsEveryThreeEntriesAndOnCloseAndAnIntactLogVerifies() throws Exception {
        List<SignedCheckpoint> signed = DisclosureLogs.checkpointFile(checkpoints).checkpoints();
        assertThat(signed).extracting(c -> c.head().sequence()).containsExactly(3L, 6L, 9L, 10L);
        assertThat(signed).extracting(SignedCheckpoint::occasion)
                .containsExactly(Occasion.INTERVAL, Occasion.INTERVAL, Occasion.INTERVAL, Occasion.CLOSED);
        assertThat(signed).allSatisfy(c -> assertThat(c.isAuthentic(KEY)).isTrue());
        assertThat(signed.get(3).head()).isEqualTo(DisclosureLogs.verify(log).head().orElseThrow());

        CheckpointVerification v = verify();
        assertThat(v.isIntact()).as(v.toString()).isTrue();
        assertThat(v.latest()).contains(signed.get(3));
        assertThat(v.uncoveredLineCount()).isZero();
        assertThat(v.toString()).contains("intact, 10 lines", "reaches checkpoint 4 at sequence 10 (closed");
    }

    @Test
    void case1DeletingTheLastLineIsTruncation() throws Exception {
        List<String> lines = lines();
        write(lines.subList(0, 9));
        assertThat(DisclosureLogs.verify(log).isIntact()).as("the chain alone").isTrue();

        LogDefect d = logDefect(verify());
        assertThat(d.kind()).isEqualTo(LogDefect.Kind.TRUNCATED);
        assertThat(d.line()).isEqualTo(10);
        assertThat(d.detail()).isEqualTo("the log ends at sequence 9 but the checkpoint is at 10: lines were cut from the end");
    }

    @Test
    void case2TruncatingToFiveLinesIsTruncation() throws Exception {
        write(lines().subList(0, 5));
        assertThat(DisclosureLogs.verify(log).isIntact()).as("the chain alone").isTrue();

        CheckpointVerification v = verify();
        LogDefect d = logDefect(v);
        assertThat(d.kind()).isEqualTo(LogDefect.Kind.TRUNCATED);
        assertThat(d.line()).isEqualTo(6);
        assertThat(v.log().intactLines()).isEqualTo(5);
    }

    @Test
    void case3EmptyingTheFileIsTruncationFromLineOne() throws Exception {
        Files.write(log, new byte[0]);
        assertThat(DisclosureLogs.verify(log).isIntact()).as("the chain alone").isTrue();

        CheckpointVerification v = verify();
        LogDefect d = logDefect(v);
        assertThat(d.kind()).isEqualTo(LogDefect.Kind.TRUNCATED);
        assertThat(d.line()).isEqualTo(1);
        assertThat(v.log().intactLines()).isZero();
    }

    @Test
    void case4AForgedLineAppendedWithARecomputedHashFollowsTheClose() throws Exception {
        String head = DisclosureLogs.verify(log).head().orElseThrow().hash();
        String body = LogCodec.disclosureBody(11, head, entry(11));
        Files.writeString(log, LogCodec.line(body, LogCodec.hash(body)) + "\n", StandardOpenOption.APPEND);
        assertThat(DisclosureLogs.verify(log).isIntact()).as("the chain alone").isTrue();

        CheckpointVerification v = verify();
        LogDefect d = logDefect(v);
        assertThat(d.kind()).isEqualTo(LogDefect.Kind.APPENDED_AFTER_CLOSE);
        assertThat(d.line()).isEqualTo(11);
        assertThat(d.detail()).startsWith("1 line(s) after the log was closed at sequence 10 (checkpoint 4, ");
        assertThat(v.log().intactLines()).isEqualTo(10);
        assertThatThrownBy(() -> DisclosureLogs.jsonLinesFileBuilder(log)
                .checkpoints(DisclosureLogs.checkpointFile(checkpoints), KEY).build())
                .isInstanceOf(DisclosureLogException.class).hasMessageContaining("APPENDED_AFTER_CLOSE");
    }

    @Test
    void case5ARewrittenChainDiffersFromTheFirstCheckpointAfterTheChange() throws Exception {
        List<Disclosure> rewritten = new ArrayList<>(disclosures());
        rewritten.set(3, entry(44));                      // sequence 4; checkpoints at 3 and 6 surround it
        writeRechained(rewritten);
        assertThat(DisclosureLogs.verify(log).isIntact()).as("the chain alone").isTrue();

        CheckpointVerification v = verify();
        LogDefect d = logDefect(v);
        assertThat(d.kind()).isEqualTo(LogDefect.Kind.ALTERED);
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.detail()).contains("the hash of sequence 6 differs from the checkpoint");
        assertThat(v.log().intactLines()).isEqualTo(5);
    }

    @Test
    void case6AnAlteredCheckpointIsNotAuthentic() throws Exception {
        // Cut the log to 8 lines and move the closing checkpoint to the new head, keeping its MAC.
        write(lines().subList(0, 8));
        Checkpoint newHead = DisclosureLogs.verify(log).head().orElseThrow();
        List<String> signed = Files.readAllLines(checkpoints, StandardCharsets.US_ASCII);
        SignedCheckpoint closed = SignedCheckpoint.parse(signed.get(3));
        signed.set(3, new SignedCheckpoint(newHead, closed.at(), closed.occasion(), closed.keyId(), closed.mac()).toString());
        Files.write(checkpoints, signed.subList(0, 4), StandardCharsets.US_ASCII);

        CheckpointVerification v = verify();
        assertThat(v.isIntact()).isFalse();
        CheckpointDefect d = v.checkpointDefect().orElseThrow();
        assertThat(d.position()).isEqualTo(4);
        assertThat(d.kind()).isEqualTo(CheckpointDefect.Kind.NOT_AUTHENTIC);
        assertThat(d.detail()).isEqualTo("its MAC does not match its content under key 'log-key-1': the checkpoint was forged or altered");
        assertThat(v.checkpoints()).hasSize(3);
    }

    @Test
    void case6ACheckpointSignedWithAnotherKeyOfTheSameIdIsNotAuthentic() throws Exception {
        write(lines().subList(0, 8));
        CheckpointKey guessed = CheckpointKey.of("log-key-1", bytes(2));
        SignedCheckpoint forged = SignedCheckpoint.sign(DisclosureLogs.verify(log).head().orElseThrow(), CLOCK.instant(),
                Occasion.CLOSED, guessed);
        Files.writeString(checkpoints, forged + "\n", StandardOpenOption.APPEND);

        CheckpointVerification v = verify();
        assertThat(v.checkpointDefect()).hasValueSatisfying(d -> {
            assertThat(d.position()).isEqualTo(5);
            assertThat(d.kind()).isEqualTo(CheckpointDefect.Kind.NOT_AUTHENTIC);
        });
    }

    @Test
    void checkpointsThatGoBackOrForkAreInconsistent() throws Exception {
        List<String> signed = Files.readAllLines(checkpoints, StandardCharsets.US_ASCII);
        Files.write(checkpoints, List.of(signed.get(1), signed.get(0)), StandardCharsets.US_ASCII);
        assertThat(verify().checkpointDefect()).hasValueSatisfying(d -> {
            assertThat(d.position()).isEqualTo(2);
            assertThat(d.kind()).isEqualTo(CheckpointDefect.Kind.INCONSISTENT);
            assertThat(d.detail()).isEqualTo("sequence 3 after a checkpoint at sequence 6: checkpoints only go forward");
        });

        Checkpoint other = new Checkpoint(6, "ab".repeat(32));
        Files.write(checkpoints, List.of(signed.get(1), SignedCheckpoint.sign(other, CLOCK.instant(), Occasion.ON_DEMAND, KEY).toString()),
                StandardCharsets.US_ASCII);
        assertThat(verify().checkpointDefect()).hasValueSatisfying(d -> {
            assertThat(d.position()).isEqualTo(2);
            assertThat(d.kind()).isEqualTo(CheckpointDefect.Kind.INCONSISTENT);
            assertThat(d.detail()).isEqualTo("a second hash for sequence 6: two different histories were signed");
        });
    }

    @Test
    void aLineThatIsNotACheckpointIsRefusedNamingTheFileAndLine() throws Exception {
        Files.writeString(checkpoints, "{\"seq\":3}\n", StandardOpenOption.APPEND);
        assertThatThrownBy(this::verify).isInstanceOf(DisclosureLogException.class)
                .hasMessageStartingWith(checkpoints + " line 5: not a checkpoint: a checkpoint is one JSON object");
    }

    @Test
    void aReopenedLogSignsAnOpeningCheckpointAndEntriesAfterTheLatestAreNotYetCovered() throws Exception {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFileBuilder(log)
                .checkpoints(DisclosureLogs.checkpointFile(checkpoints), KEY).checkpointEvery(3).clock(CLOCK).build()) {
            sink.append(entry(11));
            sink.append(entry(12));
            CheckpointVerification open = verify();
            assertThat(open.isIntact()).as(open.toString()).isTrue();
            assertThat(open.latest().orElseThrow().occasion()).isEqualTo(Occasion.OPENED);
            assertThat(open.latest().orElseThrow().head().sequence()).isEqualTo(10);
            assertThat(open.uncoveredLineCount()).isEqualTo(2);
            assertThat(open.toString()).endsWith("; 2 line(s) not yet covered by a checkpoint");

            SignedCheckpoint now = sink.writeCheckpoint().orElseThrow();
            assertThat(now.occasion()).isEqualTo(Occasion.ON_DEMAND);
            assertThat(now.head().sequence()).isEqualTo(12);
            assertThat(verify().uncoveredLineCount()).isZero();
        }
        assertThat(DisclosureLogs.checkpointFile(checkpoints).checkpoints()).extracting(SignedCheckpoint::occasion)
                .endsWith(Occasion.OPENED, Occasion.ON_DEMAND, Occasion.CLOSED);
        assertThat(verify().isIntact()).isTrue();
    }

    @Test
    void anOnDemandCheckpointOfALogFileIsSignedOnlyWhenTheLogVerifies() throws Exception {
        Path other = dir.resolve("other.checkpoints");
        SignedCheckpoint signed = DisclosureLogs.writeCheckpoint(log, DisclosureLogs.checkpointFile(other), KEY, CLOCK);
        assertThat(signed.head()).isEqualTo(DisclosureLogs.verify(log).head().orElseThrow());
        assertThat(signed.occasion()).isEqualTo(Occasion.ON_DEMAND);
        assertThat(Files.readString(other)).isEqualTo(signed + "\n");

        write(lines().subList(0, 9));
        assertThatThrownBy(() -> DisclosureLogs.writeCheckpoint(log, DisclosureLogs.checkpointFile(checkpoints), KEY, CLOCK))
                .isInstanceOf(DisclosureLogException.class).hasMessageContaining("TRUNCATED");
        assertThat(DisclosureLogs.checkpointFile(checkpoints).checkpoints()).hasSize(4);
    }
}
