package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify --checkpoint}, {@code audit checkpoint} and {@code audit repair}, with their exit codes. */
class AuditCommandTest {
    @TempDir
    Path dir;
    Path log;
    Path key;
    Path checkpoints;

    static Disclosure disclosure(int n) {
        return Disclosure.builder().at(Instant.parse("2026-09-14T13:45:00Z").plusSeconds(n))
                .requester(StaffId.of("M-17")).requesterOrganization(OrganizationId.of("CBO-1"))
                .student(StudentId.of("S-" + n)).fields("attendance.records").purpose("success mentoring")
                .legalBasis(LegalBasis.SCHOOL_OFFICIAL).agreement(AgreementId.of("DSA-2026-01")).build();
    }

    void append(int from, int to) {
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log)) {
            for (int n = from; n <= to; n++) {
                sink.append(disclosure(n));
            }
        }
    }

    @BeforeEach
    void writeALogAndAKey() throws Exception {
        log = dir.resolve("disclosures.jsonl");
        checkpoints = dir.resolve("vault").resolve("disclosures.checkpoints");
        Files.createDirectories(checkpoints.getParent());
        key = Files.writeString(dir.resolve("vault").resolve("log.key"), "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n");
        append(1, 3);
    }

    Cli.Run checkpoint() {
        return Cli.run("audit", "checkpoint", "--log", log.toString(), "--key-file", key.toString(), "--key-id", "log-key-1",
                "--out", checkpoints.toString());
    }

    Cli.Run verify() {
        return Cli.run("audit", "verify", log.toString(), "--checkpoint", checkpoints.toString(), "--key-file", key.toString());
    }

    @Test
    void aSignedCheckpointIsAppendedAndAnIntactLogVerifiesAgainstIt() throws Exception {
        Cli.Run signed = checkpoint();
        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).startsWith(log + ": signed checkpoint at sequence 3 appended to " + checkpoints);
        assertThat(Files.readAllLines(checkpoints)).hasSize(1).first().asString()
                .startsWith("{\"seq\":3,\"hash\":\"").contains("\"occasion\":\"on-demand\",\"key_id\":\"log-key-1\",\"mac\":\"");

        Cli.Run intact = verify();
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains(": intact, 3 lines", "reaches checkpoint 1 at sequence 3 (on-demand");

        append(4, 4);
        Cli.Run uncovered = verify();
        assertThat(uncovered.code()).isZero();
        assertThat(uncovered.out()).contains("; 1 line(s) not yet covered by a checkpoint");
    }

    @Test
    void verifyNamesATruncatedLogAndAForgedCheckpointWithExitCode1() throws Exception {
        assertThat(checkpoint().code()).isZero();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.write(log, lines.subList(0, 2), StandardCharsets.UTF_8);
        Cli.Run truncated = verify();
        assertThat(truncated.code()).isEqualTo(1);
        assertThat(truncated.out()).contains("NOT INTACT at line 3: TRUNCATED");

        Files.write(log, lines, StandardCharsets.UTF_8);
        String signed = Files.readString(checkpoints);
        Files.writeString(checkpoints, signed.replace("\"seq\":3", "\"seq\":2"));
        Cli.Run forged = verify();
        assertThat(forged.code()).isEqualTo(1);
        assertThat(forged.out()).contains("CHECKPOINT 1 NOT_AUTHENTIC (its MAC does not match its content under key 'log-key-1'");
    }

    @Test
    void byDefaultTheCheckpointsBesideTheLogAreUsedAndNeedTheirKey() {
        Cli.Run signed = Cli.run("audit", "checkpoint", "--log", log.toString(), "--key-file", key.toString(), "--key-id", "k1");
        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(dir.resolve("disclosures.jsonl.checkpoints")).isRegularFile();

        Cli.Run noKey = Cli.run("audit", "verify", log.toString());
        assertThat(noKey.code()).isEqualTo(1);
        assertThat(noKey.err()).contains("the checkpoints in " + dir.resolve("disclosures.jsonl.checkpoints") + " need their key: give --key-file");

        Cli.Run withKey = Cli.run("audit", "verify", log.toString(), "--key-file", key.toString());
        assertThat(withKey.code()).as(withKey.err()).isZero();
        assertThat(withKey.out()).contains("reaches checkpoint 1 at sequence 3");
    }

    @Test
    void aWeakKeyOrATamperedLogIsRefusedAndNothingIsSigned() throws Exception {
        Path weak = Files.writeString(dir.resolve("weak.key"), "00112233445566778899aabbccddeeff");
        Cli.Run refused = Cli.run("audit", "checkpoint", "--log", log.toString(), "--key-file", weak.toString(), "--key-id", "k1",
                "--out", checkpoints.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("the key file " + weak + " line 1: a checkpoint key needs at least 32 bytes (256 bits), had 16");

        assertThat(checkpoint().code()).isZero();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.write(log, lines.subList(0, 1), StandardCharsets.UTF_8);
        Cli.Run tampered = checkpoint();
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.err()).contains("refusing to sign the head of " + log, "TRUNCATED");
        assertThat(Files.readAllLines(checkpoints)).hasSize(1);
    }

    @Test
    void repairRemovesATornLastLineKeepsABackupAndSaysWhatItRemoved() throws Exception {
        byte[] intact = Files.readAllBytes(log);
        Files.writeString(log, "{\"seq\":4,\"prev\":", StandardOpenOption.APPEND);
        Cli.Run torn = Cli.run("audit", "verify", log.toString());
        assertThat(torn.code()).isEqualTo(1);
        assertThat(torn.out()).contains("NOT INTACT at line 4: TORN_LAST_LINE");

        Cli.Run repair = Cli.run("audit", "repair", log.toString());
        assertThat(repair.code()).as(repair.err()).isZero();
        assertThat(repair.out()).startsWith(log + ": removed the incomplete last line after line 3 (16 bytes, SHA-256 ")
                .contains("recorded as repair line 4; the log as it was is kept in " + log + ".before-repair-");
        try (var files = Files.list(dir)) {
            Path backup = files.filter(f -> f.getFileName().toString().startsWith("disclosures.jsonl.before-repair-"))
                    .findFirst().orElseThrow();
            assertThat(new String(Files.readAllBytes(backup), StandardCharsets.UTF_8))
                    .isEqualTo(new String(intact, StandardCharsets.UTF_8) + "{\"seq\":4,\"prev\":");
        }
        assertThat(Cli.run("audit", "verify", log.toString()).code()).isZero();

        Cli.Run nothing = Cli.run("audit", "repair", log.toString());
        assertThat(nothing.code()).isZero();
        assertThat(nothing.out()).isEqualTo(log + ": intact, nothing to repair" + System.lineSeparator());
    }

    @Test
    void repairRefusesAnyOtherDefectAndChangesNothing() throws Exception {
        String altered = Files.readString(log).replaceFirst("S-1", "S-9") + "{\"seq\":4";
        Files.writeString(log, altered);
        Cli.Run refused = Cli.run("audit", "repair", log.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("only a torn last line can be repaired", "NOT INTACT at line 1: ALTERED");
        assertThat(Files.readString(log)).isEqualTo(altered);
    }
}
