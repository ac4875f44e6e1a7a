package org.communityschools.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing acknowledged is lost: the journal is replayed on opening, a torn last frame is cut off, compaction. */
class JournalTest {
    @TempDir
    Path dir;

    /** The data after batches 1..n of the child's stream, applied in memory. */
    private static DistrictData expectedAfter(long n) {
        LiveDistrict live = LiveDistrict.of(SmallDistrict.build(6));
        for (int i = 1; i <= n; i++) {
            live.apply(JournalChild.batch(i));
        }
        return live.current().data();
    }

    @Test
    void reopeningReplaysEveryAcknowledgedBatch() {
        try (LiveDistrict live = LiveDistrict.builder().data(SmallDistrict.build(6)).journal(dir).build()) {
            for (int i = 1; i <= 7; i++) {
                live.apply(JournalChild.batch(i));
            }
        }
        try (LiveDistrict reopened = LiveDistrict.builder().journal(dir).build()) {
            assertThat(reopened.current().number()).isEqualTo(7);
            assertThat(DataDump.of(reopened.current().data())).isEqualTo(DataDump.of(expectedAfter(7)));
        }
    }

    @Test
    void aTornLastFrameIsCutOffAndTheBatchesBeforeItStay() throws IOException {
        try (LiveDistrict live = LiveDistrict.builder().data(SmallDistrict.build(6)).journal(dir).build()) {
            for (int i = 1; i <= 3; i++) {
                live.apply(JournalChild.batch(i));
            }
        }
        Path log = dir.resolve("journal-0.log");
        long size = Files.size(log);
        Files.write(log, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, '{', '"'}, StandardOpenOption.APPEND);

        try (LiveDistrict reopened = LiveDistrict.builder().journal(dir).build()) {
            assertThat(reopened.current().number()).isEqualTo(3);
            assertThat(Files.size(log)).isEqualTo(size);
            reopened.apply(JournalChild.batch(4));
        }
        try (LiveDistrict again = LiveDistrict.builder().journal(dir).build()) {
            assertThat(DataDump.of(again.current().data())).isEqualTo(DataDump.of(expectedAfter(4)));
        }
    }

    @Test
    void compactionWritesASnapshotAndStartsAnEmptyJournal() throws IOException {
        try (LiveDistrict live = LiveDistrict.builder().data(SmallDistrict.build(6)).journal(dir).build()) {
            for (int i = 1; i <= 4; i++) {
                live.apply(JournalChild.batch(i));
            }
            live.compact();
            live.apply(JournalChild.batch(5));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("journal-4.log", "snapshot-4", "snapshot-4.done");
        }
        try (LiveDistrict reopened = LiveDistrict.builder().journal(dir).build()) {
            assertThat(reopened.current().number()).isEqualTo(5);
            assertThat(DataDump.of(reopened.current().data())).isEqualTo(DataDump.of(expectedAfter(5)));
        }
    }

    @Test
    void aProcessKilledMidStreamKeepsEveryAcknowledgedBatchAndNoPartialOne() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalChild.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lastAck = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastAck < 40 && (line = out.readLine()) != null) {
                lastAck = Long.parseLong(line.substring("ACK ".length()));
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(lastAck).as("the child acknowledged batches").isEqualTo(40);

        try (LiveDistrict reopened = LiveDistrict.builder().journal(dir).build()) {
            long n = reopened.current().number();
            assertThat(n).isGreaterThanOrEqualTo(lastAck);
            assertThat(DataDump.of(reopened.current().data())).isEqualTo(DataDump.of(expectedAfter(n)));
        }
    }

    @Test
    void theJournalHoldsOneFramePerBatch() throws IOException {
        try (LiveDistrict live = LiveDistrict.builder().data(SmallDistrict.build(2)).journal(dir).build()) {
            live.apply(ChangeBatch.builder().upsert(SmallDistrict.absence(1, SmallDistrict.K1, 2)).build());
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("journal-0.log"));
        int length = java.nio.ByteBuffer.wrap(bytes).getInt();
        assertThat(bytes.length).isEqualTo(8 + length);
        assertThat(new String(bytes, 8, length, StandardCharsets.UTF_8))
                .contains("\"version\":1", "\"op\":\"upsert\"", "\"file\":\"attendance.csv\"");
        assertThat(List.of(Files.readString(dir.resolve("snapshot-0").resolve("students.csv")).split("\n"))).hasSize(3);
    }
}
