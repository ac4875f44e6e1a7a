package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.communityschools.privacy.disclosure.SignedCheckpoint.Occasion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed form of a checkpoint, its text, and the rules for keys and key files. */
class SignedCheckpointTest {
    /** The bytes 1, 2, ..., 32. */
    static final byte[] KEY_BYTES = CheckpointTamperTest.bytes(1);
    static final CheckpointKey KEY = CheckpointKey.of("log-key-1", KEY_BYTES);
    static final Checkpoint HEAD = new Checkpoint(12, "ab".repeat(32));
    static final Instant AT = Instant.parse("2026-09-15T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theMacIsHmacSha256OverTheDomainSeparatedEncoding() {
        // Computed independently: Python hmac.new(bytes(range(1, 33)), b"org.communityschools.disclosure-checkpoint.v1\n"
        //   b"12\n" + b"ab" * 32 + b"\n2026-09-15T08:00:00Z\nclosed\nlog-key-1\n", hashlib.sha256).hexdigest()
        SignedCheckpoint signed = SignedCheckpoint.sign(HEAD, AT, Occasion.CLOSED, KEY);
        assertThat(signed.mac()).isEqualTo("9daef0fb296ac2bf5d0e5efd2ff9edb499813cba2f56e13df354e9cfcf7bb2e0");
        assertThat(signed.isAuthentic(KEY)).isTrue();
        assertThat(signed.toString()).isEqualTo("{\"seq\":12,\"hash\":\"" + "ab".repeat(32) + "\",\"at\":\"2026-09-15T08:00:00Z\","
                + "\"occasion\":\"closed\",\"key_id\":\"log-key-1\",\"mac\":\"9daef0fb296ac2bf5d0e5efd2ff9edb499813cba2f56e13df354e9cfcf7bb2e0\"}");
    }

    @Test
    void theTextRoundTripsForEveryOccasion() {
        for (Occasion o : Occasion.values()) {
            SignedCheckpoint signed = SignedCheckpoint.sign(HEAD, AT.plusNanos(1_500), o, KEY);
            assertThat(SignedCheckpoint.parse(signed.toString())).isEqualTo(signed);
        }
    }

    @Test
    void changingAnySignedValueBreaksTheMac() {
        SignedCheckpoint s = SignedCheckpoint.sign(HEAD, AT, Occasion.CLOSED, KEY);
        assertThat(new SignedCheckpoint(new Checkpoint(11, HEAD.hash()), s.at(), s.occasion(), s.keyId(), s.mac()).isAuthentic(KEY)).isFalse();
        assertThat(new SignedCheckpoint(new Checkpoint(12, "cd".repeat(32)), s.at(), s.occasion(), s.keyId(), s.mac()).isAuthentic(KEY)).isFalse();
        assertThat(new SignedCheckpoint(HEAD, AT.plusSeconds(1), s.occasion(), s.keyId(), s.mac()).isAuthentic(KEY)).isFalse();
        assertThat(new SignedCheckpoint(HEAD, AT, Occasion.INTERVAL, s.keyId(), s.mac()).isAuthentic(KEY)).isFalse();
        assertThat(s.isAuthentic(CheckpointKey.of("log-key-2", KEY_BYTES))).as("another key id").isFalse();
        assertThat(s.isAuthentic(CheckpointKey.of("log-key-1", CheckpointTamperTest.bytes(2)))).as("another key").isFalse();
    }

    @Test
    void parsingRefusesAnythingButTheCanonicalLine() {
        String line = SignedCheckpoint.sign(HEAD, AT, Occasion.CLOSED, KEY).toString();
        assertThatThrownBy(() -> SignedCheckpoint.parse(line.replace(",", ", "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in this order without white space");
        assertThatThrownBy(() -> SignedCheckpoint.parse(line.replace("\"seq\":12", "\"seq\":012")))
                .hasMessageContaining("not in canonical form");
        assertThatThrownBy(() -> SignedCheckpoint.parse(line.replace("closed", "sealed")))
                .hasMessageContaining("occasion must be interval, on-demand, opened or closed");
        assertThatThrownBy(() -> SignedCheckpoint.parse(line.replace("08:00:00Z", "08:00:61Z")))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void aKeyFileHoldsAtLeast32BytesInHexOrBase64() throws Exception {
        Path base64 = Files.writeString(dir.resolve("b64.key"), "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n");
        Path hex = Files.writeString(dir.resolve("hex.key"), "  0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20 \n");
        SignedCheckpoint expected = SignedCheckpoint.sign(HEAD, AT, Occasion.CLOSED, KEY);
        assertThat(SignedCheckpoint.sign(HEAD, AT, Occasion.CLOSED, CheckpointKey.fromFile("log-key-1", base64))).isEqualTo(expected);
        assertThat(SignedCheckpoint.sign(HEAD, AT, Occasion.CLOSED, CheckpointKey.fromFile("log-key-1", hex))).isEqualTo(expected);
        assertThat(CheckpointKey.fromFile("log-key-1", hex).toString()).isEqualTo("CheckpointKey[log-key-1]");
    }

    @Test
    void weakKeysAndMalformedKeyFilesAreRefusedNamingTheFileAndRule() throws Exception {
        Path short31 = Files.writeString(dir.resolve("short.key"), "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThatThrownBy(() -> CheckpointKey.fromFile("k", short31)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key file " + short31 + " line 1: a checkpoint key needs at least 32 bytes (256 bits), had 31");
        Path nonsense = Files.writeString(dir.resolve("nonsense.key"), "not a key!");
        assertThatThrownBy(() -> CheckpointKey.fromFile("k", nonsense)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key file " + nonsense + " line 1 must hold the key in hexadecimal or base64, and nothing else");
        byte[] repeated = new byte[64];
        Arrays.fill(repeated, (byte) 7);
        assertThatThrownBy(() -> CheckpointKey.of("k", repeated)).hasMessage("a checkpoint key must be random, not one repeated byte");
        assertThatThrownBy(() -> CheckpointKey.of("a key", KEY_BYTES)).hasMessageContaining("a key id is 1-64 letters");
        assertThatThrownBy(() -> CheckpointKey.fromFile("k", dir.resolve("absent.key"))).isInstanceOf(DisclosureLogException.class)
                .hasMessage("no key file at " + dir.resolve("absent.key"));
    }

    @Test
    void theBuilderSetsEachSettingOnceAndChecksTheCombination() {
        Path log = dir.resolve("log.jsonl");
        assertThatThrownBy(() -> DisclosureLogs.jsonLinesFileBuilder(log).checkpointEvery(10).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("need checkpoints(store, key)");
        assertThatThrownBy(() -> DisclosureLogs.jsonLinesFileBuilder(log).checkpointEvery(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DisclosureLogs.jsonLinesFileBuilder(log).checkpointOnClose(true).checkpointOnClose(false))
                .isInstanceOf(IllegalStateException.class).hasMessage("checkpointOnClose was already set to true");
        try (DisclosureSink plain = DisclosureLogs.jsonLinesFileBuilder(log).build()) {
            assertThatThrownBy(plain::writeCheckpoint).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no checkpoint store");
        }
        assertThat(Files.exists(log)).isTrue();
    }
}
