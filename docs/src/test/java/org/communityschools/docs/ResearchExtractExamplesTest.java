package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.extract.Generalization;
import org.communityschools.privacy.extract.Pseudonymizer;
import org.communityschools.privacy.extract.ResearchExtract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/research-extracts.md, compiled, run, and quoted exactly. */
class ResearchExtractExamplesTest {
    private static final Path PAGE = Path.of("research-extracts.md");

    private static String region(String name) throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/communityschools/docs/ResearchExtractExamplesTest.java"));
        String begin = "// tag::" + name + "[]\n";
        String body = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("        // end::" + name + "[]"));
        return body.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).reduce("", (a, l) -> a + l + "\n");
    }

    @Test
    void extractUnderAStudiesAgreement(@TempDir Path dir) throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir.resolve("city"));
        DistrictData data = DistrictDataReader.builder().build().read(dir.resolve("city")).data();
        byte[] projectKey = "2f9c1e7a55b04d8e9a3c6b1f0e2d4a7c".getBytes(StandardCharsets.US_ASCII);
        Clock clock = Clock.fixed(data.agreement(AgreementId.of("DSA-RES01-STUDY")).orElseThrow().effectiveDate()
                .plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        Path out = dir.resolve("extract");
        Path logFile = dir.resolve("district-disclosures.jsonl");
        // tag::extract[]
        ResearchExtract extract = ResearchExtract.builder(data, AgreementId.of("DSA-RES01-STUDY"))
                .pseudonyms(Pseudonymizer.hmacSha256("study-2025-key-1", projectKey))  // or Pseudonymizer.randomTokens()
                .recipient(StaffId.of("RES01-PI"))                 // who receives it: the requester in the log
                .generalize(Set.of(Generalization.BIRTH_DATE_TO_YEAR))
                .k(5)                                              // k-anonymity over birth year, sex, race/ethnicity
                .onViolation(ResearchExtract.KStrategy.GENERALIZE_THEN_SUPPRESS)
                .clock(clock)
                .build();                  // refuses other legal bases, inactive or expired agreements, unknown elements
        try (DisclosureSink log = DisclosureLogs.jsonLinesFile(logFile)) {
            List<DisclosureEntry> entries = extract.write(out, log);   // one entry per student, then the files
        }
        // end::extract[]
        assertThat(Files.readString(PAGE)).contains("```java\n" + region("extract") + "```\n");
        assertThat(Files.readAllLines(logFile)).hasSize(extract.studentCount());
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"key_id\":\"study-2025-key-1\"")
                .contains("\"destruction_date\":\"" + extract.destructionDate() + "\"");
        assertThat(Files.readAllLines(out.resolve("students.csv")).get(0))
                .isEqualTo("research_id,birth_year,sex,race_ethnicity,ninth_grade_cohort");
        assertThat(extract.tables()).extracting(t -> t.name())
                .containsExactly("students.csv", "attendance.csv", "characteristics.csv");
    }
}
