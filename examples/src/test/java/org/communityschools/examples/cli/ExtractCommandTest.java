package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code extract} on a generated {@code tiny} city, under its studies agreement. */
class ExtractCommandTest {
    @TempDir
    static Path dir;
    static Path city;
    static DistrictData data;
    static DataSharingAgreement study;

    @BeforeAll
    static void generate() {
        city = dir.resolve("city");
        SyntheticCity.builder().preset(Preset.TINY).seed(5).build().writeTo(city);
        data = DistrictDataReader.builder().build().read(city).data();
        study = data.agreements().stream().filter(a -> a.legalBasis() == LegalBasis.STUDIES).findFirst().orElseThrow();
    }

    static String during() {
        return study.effectiveDate().plusDays(30).toString();
    }

    @Test
    void anHmacExtractRecordsItsKeyIdDestructionDateAndOneDisclosurePerStudent() throws IOException {
        Path key = dir.resolve("project.key");
        Files.writeString(key, "00112233445566778899aabbccddeeff0123456789abcdef\n");
        Path out = dir.resolve("hmac-extract");
        Path log = dir.resolve("district-log.jsonl");

        Cli.Run run = Cli.run("extract", "--data", city.toString(), "--agreement", study.id().value(), "--out", out.toString(),
                "--key-file", key.toString(), "--key-id", "study-2025-k1", "--k", "5", "--log", log.toString(),
                "--at", during());

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.get("agreement").stringValue()).isEqualTo(study.id().value());
        assertThat(manifest.get("pseudonym").get("key_id").stringValue()).isEqualTo("study-2025-k1");
        assertThat(manifest.get("k").intValue()).isEqualTo(5);
        assertThat(manifest.get("destruction_date").stringValue()).isEqualTo(study.destructionDeadline().toString());
        int students = manifest.get("students").intValue();
        assertThat(Files.readAllLines(out.resolve("students.csv"))).hasSize(students + 1);
        assertThat(DisclosureLogs.verify(log).isIntact()).isTrue();
        assertThat(Files.readAllLines(log)).hasSize(students);
        assertThat(Cli.run("audit", "verify", log.toString()).code()).isZero();
        // no student id anywhere in the extract
        Set<String> ids = new HashSet<>();
        data.students().forEach(s -> ids.add(s.id().value()));
        for (String file : List.of("students.csv", "attendance.csv")) {
            assertThat(Files.readAllLines(out.resolve(file))).noneMatch(l -> ids.contains(l.split(",")[0]));
        }
    }

    @Test
    void aRandomTokenExtractWritesTheCrosswalkApart() throws IOException {
        Path out = dir.resolve("token-extract");
        Path crosswalk = dir.resolve("crosswalk.csv");
        Cli.Run run = Cli.run("extract", "--data", city.toString(), "--agreement", study.id().value(), "--out", out.toString(),
                "--crosswalk", crosswalk.toString(), "--k", "1", "--at", during());

        assertThat(run.code()).as(run.err()).isZero();
        Set<String> researchIds = new HashSet<>();
        Files.readAllLines(out.resolve("students.csv")).stream().skip(1).forEach(l -> researchIds.add(l.split(",")[0]));
        Set<String> crosswalked = new HashSet<>();
        Files.readAllLines(crosswalk).stream().skip(1).forEach(l -> crosswalked.add(l.split(",")[1]));
        assertThat(crosswalked).isEqualTo(researchIds);
        assertThat(Files.exists(dir.resolve("token-extract-disclosures.jsonl"))).isTrue();
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("RANDOM_TOKEN");
    }

    @Test
    void aSchoolOfficialAgreementIsRefusedAndNothingIsWritten() {
        DataSharingAgreement official = data.agreements().stream()
                .filter(a -> a.legalBasis() == LegalBasis.SCHOOL_OFFICIAL).findFirst().orElseThrow();
        Path out = dir.resolve("refused");
        Cli.Run run = Cli.run("extract", "--data", city.toString(), "--agreement", official.id().value(), "--out",
                out.toString(), "--crosswalk", dir.resolve("unused.csv").toString(), "--at", during());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("SCHOOL_OFFICIAL").doesNotContain("Exception");
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.exists(dir.resolve("unused.csv"))).isFalse();
    }

    @Test
    void aPlainHashCannotBeAskedFor() {
        Cli.Run noIds = Cli.run("extract", "--data", city.toString(), "--agreement", study.id().value(), "--out",
                dir.resolve("x").toString());
        assertThat(noIds.code()).isEqualTo(2);
        Cli.Run hash = Cli.run("extract", "--data", city.toString(), "--agreement", study.id().value(), "--out",
                dir.resolve("y").toString(), "--hash");
        assertThat(hash.code()).isEqualTo(2);
    }
}
