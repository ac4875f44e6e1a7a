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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair removes an incomplete final line and nothing else, keeps a backup, and refuses every other defect. */
class TornLastLineRepairTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-15T08:00:00.250Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path log;

    @BeforeEach
    void writeTwoEntries() {
        log = dir.resolve("disclosures.jsonl");
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log)) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
            sink.append(Samples.mentorSeesAttendance("S-2", Samples.T0.plusSeconds(1)));
        }
    }

    List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(".before-repair-")).toList();
        }
    }

    @Test
    void repairRemovesOnlyTheTornBytesAndKeepsABackupBesideTheLog() throws Exception {
        byte[] intact = Files.readAllBytes(log);
        Files.writeString(log, "{\"seq\":3,\"prev\":\"ab12", StandardOpenOption.APPEND);
        byte[] torn = Files.readAllBytes(log);

        LogRepair repair = DisclosureLogs.repair(log, CLOCK).orElseThrow();

        assertThat(repair.backup()).isEqualTo(dir.resolve("disclosures.jsonl.before-repair-20260915T080000250Z"));
        assertThat(Files.readAllBytes(repair.backup())).isEqualTo(torn);
        assertThat(repair.droppedBytes()).isEqualTo(21);
        byte[] repaired = Files.readAllBytes(log);
        assertThat(java.util.Arrays.copyOf(repaired, intact.length)).isEqualTo(intact);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("{\"seq\":3,").contains("\"kind\":\"repair\"", "\"dropped_bytes\":21");
        assertThat(DisclosureLogs.verify(log).isIntact()).isTrue();
    }

    @Test
    void aFinalLineThatIsNotACompleteObjectIsTornEvenWithItsLineEnd() throws Exception {
        Files.write(log, new byte[] {0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);
        VerificationReport report = DisclosureLogs.verify(log);
        assertThat(report.defect()).hasValueSatisfying(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.kind()).isEqualTo(LogDefect.Kind.TORN_LAST_LINE);
            assertThat(d.detail()).isEqualTo("the last line (4 bytes) is not a complete JSON object: a write that did not complete");
        });
        assertThat(DisclosureLogs.repair(log, CLOCK).orElseThrow().droppedBytes()).isEqualTo(5);
        assertThat(DisclosureLogs.verify(log).intactLines()).isEqualTo(3);
    }

    @Test
    void aCompleteLastLineThatFailsItsChecksIsAlteredAndIsNotRepaired() throws Exception {
        String altered = Files.readString(log).replace("\"student\":\"S-2\"", "\"student\":\"S-9\"");
        Files.writeString(log, altered);
        assertThat(DisclosureLogs.verify(log).defect()).map(LogDefect::kind).contains(LogDefect.Kind.ALTERED);
        assertThatThrownBy(() -> DisclosureLogs.repair(log, CLOCK)).isInstanceOf(DisclosureLogException.class)
                .hasMessageContaining("only a torn last line can be repaired");
        assertThat(Files.readString(log)).isEqualTo(altered);
        assertThat(backups()).isEmpty();
    }

    @Test
    void aTornLastLineAfterAnotherDefectIsNotRepaired() throws Exception {
        String altered = Files.readString(log).replaceFirst("\"student\":\"S-1\"", "\"student\":\"S-7\"") + "{\"seq\":3";
        Files.writeString(log, altered);
        assertThatThrownBy(() -> DisclosureLogs.repair(log, CLOCK)).isInstanceOf(DisclosureLogException.class)
                .hasMessageContaining("NOT INTACT at line 1: ALTERED");
        assertThat(Files.readString(log)).isEqualTo(altered);
        assertThat(backups()).isEmpty();
    }

    @Test
    void aRepairAfterACrashLeavesTheLogConsistentWithItsCheckpoints() throws Exception {
        Path checkpoints = dir.resolve("disclosures.checkpoints");
        // A sink that never closed (a crash): its last checkpoint is the opening one, at sequence 2.
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFileBuilder(log)
                .checkpoints(DisclosureLogs.checkpointFile(checkpoints), CheckpointTamperTest.KEY).checkpointOnClose(false).build()) {
            sink.append(Samples.mentorSeesAttendance("S-3", Samples.T0.plusSeconds(2)));
        }
        Files.writeString(log, "{\"seq\":4,", StandardOpenOption.APPEND);
        DisclosureLogs.repair(log, CLOCK).orElseThrow();

        CheckpointVerification v = DisclosureLogs.verify(log, DisclosureLogs.checkpointFile(checkpoints), CheckpointTamperTest.KEY);
        assertThat(v.isIntact()).as(v.toString()).isTrue();
        assertThat(v.latest().orElseThrow().head().sequence()).isEqualTo(2);
        assertThat(v.uncoveredLineCount()).as("the third entry and the repair line").isEqualTo(2);
    }
}
