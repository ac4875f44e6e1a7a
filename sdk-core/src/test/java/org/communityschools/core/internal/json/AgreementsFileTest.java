package org.communityschools.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Signatory;
import org.communityschools.core.model.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementsFileTest {

    static DataSharingAgreement agreement(String id, int version) {
        return new DataSharingAgreement(AgreementId.of(id), version, AgreementStatus.ACTIVE, OrganizationId.of("NYCDOE"),
                OrganizationId.of("CBO-7"), LegalBasis.SCHOOL_OFFICIAL, "Support students at risk of chronic absence",
                Set.of(SchoolId.of("02M475"), SchoolId.of("01M015")), Set.of(SchoolYear.of(2019), SchoolYear.of(2018)),
                Set.of("attendance.records", "ATTENDANCE", "BEHAVIOR"), Set.of(StaffRole.SUCCESS_MENTOR, StaffRole.COMMUNITY_SCHOOL_DIRECTOR),
                LocalDate.of(2017, 7, 1), LocalDate.of(2019, 6, 30), LocalDate.of(2017, 6, 15),
                List.of(new Signatory("Jane Roe", "Chief Privacy Officer")), 45, false);
    }

    static final String ONE_AGREEMENT = """
            [
              {
                "agreement_id": "DSA-1",
                "version": 1,
                "status": "ACTIVE",
                "disclosing_organization_id": "NYCDOE",
                "recipient_organization_id": "CBO-7",
                "legal_basis": "SCHOOL_OFFICIAL",
                "purpose": "Support students at risk of chronic absence",
                "school_ids": [
                  "01M015",
                  "02M475"
                ],
                "school_years": [
                  2018,
                  2019
                ],
                "data_elements": [
                  "ATTENDANCE",
                  "BEHAVIOR",
                  "attendance.records"
                ],
                "permitted_roles": [
                  "COMMUNITY_SCHOOL_DIRECTOR",
                  "SUCCESS_MENTOR"
                ],
                "effective_date": "2017-07-01",
                "end_date": "2019-06-30",
                "signed_date": "2017-06-15",
                "signatories": [
                  {
                    "name": "Jane Roe",
                    "title": "Chief Privacy Officer"
                  }
                ],
                "destruction_days": 45,
                "redisclosure_allowed": false
              }
            ]
            """;

    private static AgreementsFile.Result read(String json) {
        return AgreementsFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String write(List<DataSharingAgreement> agreements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgreementsFile.write(agreements, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesSortedPrettyPrintedJsonWithUnixLineEnds() {
        assertThat(write(List.of(agreement("DSA-1", 1)))).isEqualTo(ONE_AGREEMENT);
    }

    @Test
    void writesAgreementsSortedByIdThenVersion() {
        String json = write(List.of(agreement("B", 1), agreement("A", 2), agreement("A", 1)));
        assertThat(read(json).agreements()).extracting(p -> p.agreement().id().value() + "/" + p.agreement().version())
                .containsExactly("A/1", "A/2", "B/1");
    }

    @Test
    void readsWhatItWrites(@TempDir Path dir) {
        Path file = dir.resolve("agreements.json");
        List<DataSharingAgreement> agreements = List.of(agreement("A", 1), agreement("B", 3));
        AgreementsFile.write(agreements, file);
        AgreementsFile.Result result = AgreementsFile.read(file);
        assertThat(result.violations()).isEmpty();
        assertThat(result.agreements()).extracting(AgreementsFile.ParsedAgreement::agreement).isEqualTo(agreements);
    }

    @Test
    void locatesEachAgreementAtItsOpeningBrace() {
        String json = write(List.of(agreement("A", 1), agreement("B", 1)));
        List<AgreementsFile.ParsedAgreement> parsed = read(json).agreements();
        int linesPerAgreement = (int) ONE_AGREEMENT.lines().count() - 2;
        assertThat(parsed).extracting(AgreementsFile.ParsedAgreement::line, AgreementsFile.ParsedAgreement::column)
                .containsExactly(tuple(2L, 3), tuple(2L + linesPerAgreement, 3));
    }

    @Test
    void acceptsSchoolYearsInEveryDirectoryForm() {
        String json = ONE_AGREEMENT.replace("2018,\n", "\"2017-18\",\n").replace("2019\n", "\"2018-2019\"\n");
        AgreementsFile.Result result = read(json);
        assertThat(result.violations()).isEmpty();
        assertThat(result.agreements().get(0).agreement().schoolYears()).containsExactlyInAnyOrder(SchoolYear.of(2018), SchoolYear.of(2019));
    }

    @Test
    void reportsEveryBadValueAtItsLineAndColumnAndRejectsTheAgreement() {
        String json = ONE_AGREEMENT
                .replace("\"version\": 1", "\"version\": \"one\"")
                .replace("\"ACTIVE\"", "\"LIVE\"")
                .replace("2019\n", "\"2019-21\"\n")
                .replace("\"2017-06-15\"", "\"2017-06-31\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).extracting(Violation::severity, Violation::line, Violation::column, Violation::field,
                        Violation::value, Violation::rule)
                .containsExactly(
                        tuple(Severity.ERROR, 4L, 16, Optional.of("version"), Optional.of("one"), "field.format"),
                        tuple(Severity.ERROR, 5L, 15, Optional.of("status"), Optional.of("LIVE"), "field.format"),
                        tuple(Severity.ERROR, 16L, 7, Optional.of("school_years"), Optional.of("2019-21"), "field.format"),
                        tuple(Severity.ERROR, 29L, 20, Optional.of("signed_date"), Optional.of("2017-06-31"), "field.format"));
        assertThat(result.violations().get(1).message()).contains("DRAFT, ACTIVE");
        assertThat(result.violations()).allSatisfy(v -> assertThat(v.file()).isEqualTo("agreements.json"));
    }

    @Test
    void reportsMissingRequiredKeysAtTheOpeningBrace() {
        String json = ONE_AGREEMENT.replace("    \"purpose\": \"Support students at risk of chronic absence\",\n", "")
                .replace("\"destruction_days\": 45", "\"destruction_days\": null");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(2L, 3, Optional.of("purpose"), "field.required"),
                        tuple(35L, 25, Optional.of("destruction_days"), "field.required"));
    }

    @Test
    void rejectsAnAgreementWithAnUnknownKeyLocatedAtTheKey() {
        String json = ONE_AGREEMENT.replace("    \"version\": 1,\n", "    \"version\": 1,\n    \"notes\": [1, 2],\n");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.rejectedIds()).containsExactly("DSA-1");
        assertThat(result.violations()).extracting(Violation::severity, Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(Severity.ERROR, 5L, 5, Optional.of("notes"), "agreement.unknown-key"));
        assertThat(result.violations().get(0).message()).contains("'notes'");
    }

    @Test
    void rejectsAnUnknownKeyOfASignatoryReportedUnderItsTopLevelKey() {
        String json = ONE_AGREEMENT.replace("\"title\": \"Chief Privacy Officer\"", "\"title\": \"Chief Privacy Officer\", \"email\": \"x\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).extracting(Violation::severity, Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(Severity.ERROR, 33L, 43, Optional.of("signatories"), "agreement.unknown-key"));
        assertThat(result.violations().get(0).message()).contains("'email'");
    }

    @Test
    void redactsSignatoryNames() {
        String json = ONE_AGREEMENT.replace("\"name\": \"Jane Roe\"", "\"name\": 42")
                .replace("\"title\": \"Chief Privacy Officer\"", "\"title\": 7");
        AgreementsFile.Result result = read(json);
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::field, Violation::value)
                .containsExactly(tuple(32L, 17, Optional.of("signatories"), Optional.of("<redacted>")),
                        tuple(33L, 18, Optional.of("signatories"), Optional.of("7")));
        assertThat(result.violations()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("42"));
    }

    @Test
    void reportsRecordRulesAtTheValueTheyName() {
        String json = ONE_AGREEMENT.replace("\"end_date\": \"2019-06-30\"", "\"end_date\": \"2017-06-30\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(28L, 17, Optional.of("end_date"), "field.rule"));
        assertThat(result.violations().get(0).message()).startsWith("end_date must not be before effective_date");
    }

    @Test
    void rejectsAnUnknownDataCategoryAtItsArrayElement() {
        String json = ONE_AGREEMENT.replace("\"BEHAVIOR\"", "\"GOSSIP\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::field, Violation::value, Violation::rule)
                .containsExactly(tuple(20L, 7, Optional.of("data_elements"), Optional.of("GOSSIP"), "agreement.data-element"));
    }

    @Test
    void rejectsAFieldPathTheCatalogDoesNotKnowAtItsArrayElement() {
        String json = ONE_AGREEMENT.replace("\"attendance.records\"", "\"attendance.recordz\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.rejectedIds()).containsExactly("DSA-1");
        assertThat(result.violations()).extracting(Violation::file, Violation::line, Violation::column, Violation::value, Violation::rule)
                .containsExactly(tuple("agreements.json", 21L, 7, Optional.of("attendance.recordz"), "agreement.data-element"));
        assertThat(result.violations().get(0).message()).contains("'attendance.recordz' is neither");
    }

    @Test
    void acceptsTheFieldPathsOfAHostCatalog(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agreements.json");
        Files.writeString(file, ONE_AGREEMENT.replace("\"attendance.records\"", "\"sports.teams\""));
        assertThat(AgreementsFile.read(file).violations()).extracting(Violation::rule).containsExactly("agreement.data-element");
        AgreementsFile.Result custom = AgreementsFile.read(file, DataElements.of(List.of("sports.teams")));
        assertThat(custom.violations()).isEmpty();
        assertThat(custom.agreements().get(0).agreement().dataElements()).contains("sports.teams");
    }

    @Test
    void reportsBytesThatAreNotUtf8AtTheirLineAndColumn(@TempDir Path dir) throws Exception {
        byte[] text = ONE_AGREEMENT.replace("Support students", "Support \u0000students").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == 0) {
                text[i] = (byte) 0xC3; // a lead byte followed by an ASCII letter: malformed
            }
        }
        Path file = dir.resolve("agreements.json");
        Files.write(file, text);
        AgreementsFile.Result result = AgreementsFile.read(file);
        assertThat(result.agreements()).isEmpty();
        // line 9 is `    "purpose": "Support ...`: the bad byte follows `    "purpose": "Support ` (24 characters)
        assertThat(result.violations()).extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple("agreements.json", 9L, 25, "json.encoding"));
    }

    @Test
    void reportsBytesThatAreNotUtf8AfterWindowsLineEnds() {
        byte[] text = "[\r\n  \"\u00e9\r\n\u0000".getBytes(StandardCharsets.UTF_8);
        text[text.length - 1] = (byte) 0xFF;
        AgreementsFile.Result result = AgreementsFile.read(new ByteArrayInputStream(text));
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple(3L, 1, "json.encoding"));
    }

    @Test
    void reportsNestingDeeperThanTheParsersLimitWithoutAStackTrace() {
        String json = "[\n" + "[".repeat(600) + "]".repeat(600) + "\n]";
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("agreements.json");
            assertThat(v.rule()).isEqualTo("json.limit");
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.message()).contains("deeper than the parser's limit of 500 levels");
        });
    }

    @Test
    void readsAVersionEffectiveDateAndDefaultsItToTheEffectiveDate() {
        DataSharingAgreement v1 = agreement("DSA-1", 1);
        assertThat(v1.versionEffectiveDate()).isEqualTo(v1.effectiveDate());
        assertThat(write(List.of(v1))).doesNotContain("version_effective_date");
        String json = ONE_AGREEMENT.replace("\"version\": 1,", "\"version\": 2,\n    \"version_effective_date\": \"2018-01-01\",")
                .replace("\"signed_date\": \"2017-06-15\"", "\"signed_date\": \"2017-12-15\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.violations()).isEmpty();
        DataSharingAgreement v2 = result.agreements().get(0).agreement();
        assertThat(v2.versionEffectiveDate()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(v2.effectiveDate()).isEqualTo(LocalDate.of(2017, 7, 1));
        assertThat(write(List.of(v2))).isEqualTo(json);
    }

    @Test
    void rejectsAVersionSignedAfterItTakesEffect() {
        String json = ONE_AGREEMENT.replace("\"version\": 1,", "\"version\": 2,\n    \"version_effective_date\": \"2018-01-01\",")
                .replace("\"signed_date\": \"2017-06-15\"", "\"signed_date\": \"2018-01-02\"");
        AgreementsFile.Result result = read(json);
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(30L, 20, Optional.of("signed_date"), "field.rule"));
    }

    @Test
    void rejectsASecondAgreementWithTheSameIdAndVersion() {
        String json = write(List.of(agreement("A", 1), agreement("A", 2)))
                .replace("\"version\": 2", "\"version\": 1");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).hasSize(1);
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::field, Violation::value, Violation::rule)
                .containsExactly(tuple(39L, 3, Optional.of("agreement_id"), Optional.of("A"), "unique.id"));
        assertThat(result.violations().get(0).message()).contains("also at line 2");
    }

    @Test
    void reportsMalformedJsonOnceWithTheParsersLocation() {
        String json = ONE_AGREEMENT.replace("\"version\": 1,", "\"version\": 1,,");
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("json.syntax");
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.line()).isEqualTo(4);
            assertThat(v.column()).isEqualTo(18);
        });
    }

    @Test
    void reportsATruncatedFileAsMalformed() {
        AgreementsFile.Result result = read(ONE_AGREEMENT.substring(0, 60));
        assertThat(result.agreements()).isEmpty();
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("json.syntax");
            assertThat(v.line()).isEqualTo(5);
        });
    }

    @Test
    void rejectsAFileThatIsNotAnArray() {
        AgreementsFile.Result result = read("{\"agreement_id\": \"A\"}");
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple(1L, 1, "json.structure"));
    }

    @Test
    void reportsAnElementThatIsNotAnObjectAndGoesOn() {
        String json = "[\n  \"DSA-1\",\n" + write(List.of(agreement("A", 1))).substring(2);
        AgreementsFile.Result result = read(json);
        assertThat(result.agreements()).hasSize(1);
        assertThat(result.violations()).extracting(Violation::line, Violation::column, Violation::value, Violation::rule)
                .containsExactly(tuple(2L, 3, Optional.of("DSA-1"), "json.structure"));
    }

    @Test
    void readsAnEmptyArray(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agreements.json");
        AgreementsFile.write(List.of(), file);
        assertThat(Files.readString(file)).isEqualTo("[]\n");
        assertThat(AgreementsFile.read(file)).isEqualTo(new AgreementsFile.Result(List.of(), List.of()));
    }
}
