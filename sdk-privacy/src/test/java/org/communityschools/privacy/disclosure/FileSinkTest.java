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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    @TempDir
    Path dir;

    private Path log() {
        return dir.resolve("disclosures.jsonl");
    }

    @Test
    void appendsNumberedEntriesAndAnswersTheHistoryOfOneStudent() {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            DisclosureEntry first = sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
            sink.append(Samples.mentorSeesAttendance("S-2", Samples.T0.plusSeconds(60)));
            DisclosureEntry third = sink.append(Samples.emergency("S-1", Samples.T0.plusSeconds(120)));
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(third.sequence()).isEqualTo(3);
            assertThat(sink.historyOf(StudentId.of("S-1"))).containsExactly(first, third);
            assertThat(sink.historyOf(StudentId.of("S-9"))).isEmpty();
        }
        assertThat(DisclosureLogs.verify(log()).isIntact()).isTrue();
    }

    @Test
    void aLineHoldsIdsAndFieldPathsNeverValues() throws Exception {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
        }
        String line = Files.readString(log());
        assertThat(line).startsWith("{\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\",\"kind\":\"disclosure\","
                + "\"at\":\"2026-09-14T13:45:00Z\",\"requester\":\"M-17\",\"requester_organization\":\"CBO-1\","
                + "\"student\":\"S-1\",\"fields\":[\"attendance.records\",\"attendance.summary\"],"
                + "\"purpose\":\"success mentoring\",\"legal_basis\":\"SCHOOL_OFFICIAL\",\"agreement\":\"DSA-2026-01\","
                + "\"ferpa_record\":false,\"hash\":\"");
        assertThat(line).matches("\\{.*\"hash\":\"[0-9a-f]{64}\"}\n");
    }

    @Test
    void emergencyEntriesAreRecordedFlaggedAndRoundTrip() {
        Disclosure e = Samples.emergency("S-4", Samples.T0);
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(e);
        }
        try (DisclosureSink reopened = DisclosureLogs.jsonLinesFile(log())) {
            List<DisclosureEntry> history = reopened.historyOf(StudentId.of("S-4"));
            assertThat(history).extracting(DisclosureEntry::disclosure).containsExactly(e);
            assertThat(history.get(0).disclosure().isFerpaRecord()).isTrue();
        }
    }

    @Test
    void reopeningContinuesTheChain() {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
        }
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            assertThat(sink.checkpoint()).map(Checkpoint::sequence).contains(1L);
            assertThat(sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0.plusSeconds(1))).sequence()).isEqualTo(2);
        }
        VerificationReport report = DisclosureLogs.verify(log());
        assertThat(report.isIntact()).isTrue();
        assertThat(report.intactLines()).isEqualTo(2);
    }

    @Test
    void theInMemorySinkKeepsTheSameChainAsTheFile() throws Exception {
        List<Disclosure> disclosures = Samples.randomLog(42, 25);
        try (DisclosureSink file = DisclosureLogs.jsonLinesFile(log()); DisclosureSink memory = DisclosureLogs.inMemory()) {
            for (Disclosure d : disclosures) {
                assertThat(file.append(d)).isEqualTo(memory.append(d));
            }
            assertThat(file.checkpoint()).isPresent().isEqualTo(memory.checkpoint());
            assertThat(DisclosureLogs.verify(log()).head()).isEqualTo(memory.checkpoint());
            for (int s = 0; s < 6; s++) {
                StudentId student = StudentId.of("S" + s);
                assertThat(file.historyOf(student)).isEqualTo(memory.historyOf(student));
            }
        }
        assertThat(Files.readAllBytes(log())).isEqualTo(Samples.concat(Samples.lines(disclosures)));
    }

    @Test
    void anEmptyLogIsIntactWithoutAHead() throws Exception {
        Files.createFile(log());
        VerificationReport report = DisclosureLogs.verify(log());
        assertThat(report.isIntact()).isTrue();
        assertThat(report.head()).isEmpty();
        try (DisclosureSink sink = DisclosureLogs.inMemory()) {
            assertThat(sink.checkpoint()).isEmpty();
        }
    }

    @Test
    void aTornLastLineIsReportedAndBlocksAppendingUntilRepaired() throws Exception {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
            sink.append(Samples.mentorSeesAttendance("S-2", Samples.T0.plusSeconds(1)));
        }
        // A process killed in the middle of writing the third line.
        Files.writeString(log(), "{\"seq\":3,\"prev\":\"ab12", StandardOpenOption.APPEND);

        VerificationReport report = DisclosureLogs.verify(log());
        assertThat(report.isIntact()).isFalse();
        assertThat(report.intactLines()).isEqualTo(2);
        assertThat(report.defect()).hasValueSatisfying(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.TORN_LAST_LINE);
        });
        assertThatThrownBy(() -> DisclosureLogs.jsonLinesFile(log())).isInstanceOf(DisclosureLogException.class)
                .satisfies(e -> assertThat(((DisclosureLogException) e).report()).contains(report));

        Clock clock = Clock.fixed(Instant.parse("2026-09-15T08:00:00Z"), ZoneOffset.UTC);
        LogRepair repair = DisclosureLogs.repair(log(), clock).orElseThrow();
        assertThat(repair.line()).isEqualTo(3);
        assertThat(repair.droppedBytes()).isEqualTo("{\"seq\":3,\"prev\":\"ab12".length());
        assertThat(repair.at()).isEqualTo(clock.instant());
        assertThat(Files.readAllLines(log()).get(2)).contains("\"kind\":\"repair\"", "\"dropped_sha256\":\"" + repair.droppedSha256());

        assertThat(DisclosureLogs.verify(log()).intactLines()).isEqualTo(3);
        assertThat(DisclosureLogs.repair(log())).isEmpty();
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            assertThat(sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0.plusSeconds(2))).sequence()).isEqualTo(4);
            assertThat(sink.historyOf(StudentId.of("S-1"))).extracting(DisclosureEntry::sequence).containsExactly(1L, 4L);
        }
        assertThat(DisclosureLogs.verify(log()).isIntact()).isTrue();
    }

    @Test
    void aCompleteEntryWithoutItsLineEndIsTornToo() throws Exception {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
        }
        byte[] bytes = Files.readAllBytes(log());
        Files.write(log(), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(DisclosureLogs.verify(log()).defect()).map(LogDefect::kind).contains(LogDefect.Kind.TORN_LAST_LINE);
        assertThat(DisclosureLogs.repair(log())).isPresent();
        assertThat(DisclosureLogs.verify(log()).intactLines()).isEqualTo(1);
    }

    @Test
    void repairRefusesAnyDefectOtherThanATornLastLineAndChangesNothing() throws Exception {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
            sink.append(Samples.mentorSeesAttendance("S-2", Samples.T0));
        }
        String altered = Files.readString(log()).replaceFirst("S-1", "S-7");
        Files.writeString(log(), altered);
        assertThatThrownBy(() -> DisclosureLogs.repair(log())).isInstanceOf(DisclosureLogException.class)
                .hasMessageContaining("ALTERED");
        assertThat(Files.readString(log())).isEqualTo(altered);
    }

    @Test
    void aCheckpointKeptOutsideDetectsLinesCutFromTheEnd() throws Exception {
        Checkpoint checkpoint;
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            for (Disclosure d : Samples.randomLog(7, 5)) {
                sink.append(d);
            }
            checkpoint = sink.checkpoint().orElseThrow();
        }
        assertThat(DisclosureLogs.verify(log(), checkpoint).isIntact()).isTrue();
        List<String> lines = Files.readAllLines(log());
        Files.write(log(), lines.subList(0, 3));
        assertThat(DisclosureLogs.verify(log()).isIntact()).as("a chain alone cannot see a clean cut").isTrue();
        VerificationReport report = DisclosureLogs.verify(log(), Checkpoint.parse(checkpoint.toString()));
        assertThat(report.defect()).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.TRUNCATED);
            assertThat(d.line()).isEqualTo(4);
        });
    }

    @Test
    void aCheckpointDetectsAHistoryRewrittenWithFreshHashes() throws Exception {
        List<Disclosure> original = Samples.randomLog(1, 4);
        Files.write(log(), Samples.concat(Samples.lines(original)));
        Checkpoint checkpoint = DisclosureLogs.verify(log()).head().orElseThrow();
        List<Disclosure> forged = new ArrayList<>(original);
        forged.set(1, Samples.mentorSeesAttendance("S-99", Samples.T0));
        Files.write(log(), Samples.concat(Samples.lines(forged)));
        assertThat(DisclosureLogs.verify(log()).isIntact()).as("a rehashed forgery is self-consistent").isTrue();
        assertThat(DisclosureLogs.verify(log(), checkpoint).defect()).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.ALTERED);
            assertThat(d.line()).isEqualTo(4);
        });
    }

    @Test
    void historyRefusesALogAlteredBehindTheSink() throws Exception {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
            sink.append(Samples.mentorSeesAttendance("S-2", Samples.T0));
            // Another program (advisory locks do not stop it) rewrites the first line in place.
            byte[] bytes = Files.readAllBytes(log());
            String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("S-1", "S-3");
            try (var ch = java.nio.channels.FileChannel.open(log(), StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            }
            assertThatThrownBy(() -> sink.historyOf(StudentId.of("S-1"))).isInstanceOf(DisclosureLogException.class)
                    .hasMessageContaining("line 1");
        }
    }

    @Test
    void onlyOneSinkAtATimeMayAppendToALog() {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            assertThatThrownBy(() -> DisclosureLogs.jsonLinesFile(log())).isInstanceOf(DisclosureLogException.class)
                    .hasMessageContaining("already open");
            assertThatThrownBy(() -> DisclosureLogs.repair(log())).isInstanceOf(DisclosureLogException.class);
        }
    }

    @Test
    void aClosedSinkRefusesToAppend() {
        DisclosureSink sink = DisclosureLogs.jsonLinesFile(log());
        sink.close();
        sink.close();
        assertThatThrownBy(() -> sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0)))
                .isInstanceOf(IllegalStateException.class);
        DisclosureSink memory = DisclosureLogs.inMemory();
        memory.close();
        assertThatThrownBy(() -> memory.append(Samples.mentorSeesAttendance("S-1", Samples.T0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verifyingAMissingLogIsAnError() {
        assertThatThrownBy(() -> DisclosureLogs.verify(dir.resolve("none.jsonl"))).isInstanceOf(DisclosureLogException.class)
                .hasMessageContaining("no disclosure log");
    }

    @Test
    void concurrentAppendersProduceDenseSequenceNumbersAndAValidChain() throws Exception {
        int threads = 4;
        int each = 40;
        List<Long> sequences = new ArrayList<>();
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = t;
                    futures.add(pool.submit(() -> {
                        List<Long> mine = new ArrayList<>();
                        for (Disclosure d : Samples.randomLog(seed, each)) {
                            mine.add(sink.append(d).sequence());
                        }
                        return mine;
                    }));
                }
                for (Future<List<Long>> f : futures) {
                    List<Long> mine = f.get();
                    assertThat(mine).isSorted();
                    sequences.addAll(mine);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(sink.checkpoint()).map(Checkpoint::sequence).contains((long) threads * each);
        }
        assertThat(sequences).hasSize(threads * each).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s).isBetween(1L, (long) threads * each));
        VerificationReport report = DisclosureLogs.verify(log());
        assertThat(report.isIntact()).isTrue();
        assertThat(report.intactLines()).isEqualTo(threads * each);
    }
}
