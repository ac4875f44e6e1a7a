package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of {@code agreements.json} (docs/data-directory-rules.md): versions over time, known data elements,
 * unknown keys, encoding and parser limits, each reported at its exact line, column and rule code. Each agreement
 * object is written on one line, so the n-th object is on line n + 1 and starts at column 3.
 */
class AgreementsRulesTest {
    private static final DistrictDataReader LENIENT = DistrictDataReader.builder().lenient(true).build();

    @TempDir
    Path dir;

    /** One agreement object of the valid fixture (D1 discloses to C1 about K1), with {@code extra} keys first. */
    private static String agreement(String id, int version, String status, String versionDate, String extra) {
        return "{" + extra + "\"agreement_id\": \"" + id + "\", \"version\": " + version + ", \"status\": \"" + status + "\", "
                + (versionDate.isEmpty() ? "" : "\"version_effective_date\": \"" + versionDate + "\", ")
                + "\"disclosing_organization_id\": \"D1\", \"recipient_organization_id\": \"C1\", "
                + "\"legal_basis\": \"SCHOOL_OFFICIAL\", \"purpose\": \"Community school supports\", "
                + "\"school_ids\": [\"K1\"], \"school_years\": [2018], \"data_elements\": [\"ATTENDANCE\", \"attendance.records\"], "
                + "\"permitted_roles\": [\"SUCCESS_MENTOR\"], \"effective_date\": \"2017-09-01\", \"end_date\": \"2018-08-31\", "
                + "\"signed_date\": \"2017-08-15\", \"destruction_days\": 30}";
    }

    private static String agreement(String id, int version, String status, String versionDate) {
        return agreement(id, version, status, versionDate, "");
    }

    private static Fixture withAgreements(String... objects) {
        return Fixture.valid().raw("agreements.json", "[\n  " + String.join(",\n  ", objects) + "\n]\n");
    }

    private ReadResult read(Fixture f) {
        return LENIENT.read(f.writeTo(dir));
    }

    private static List<Violation> violations(ReadResult r) {
        return r.report().violations();
    }

    @Test
    void acceptsVersionsWithIncreasingVersionDatesInAnyFileOrder() {
        ReadResult r = read(withAgreements(agreement("A1", 2, "TERMINATED", "2018-03-01"), agreement("A1", 1, "ACTIVE", "")));
        assertThat(violations(r)).isEmpty();
        assertThat(r.data().agreementHistory(AgreementId.of("A1")).orElseThrow().versions())
                .extracting(DataSharingAgreement::version, DataSharingAgreement::versionEffectiveDate)
                .containsExactly(tuple(1, LocalDate.of(2017, 9, 1)), tuple(2, LocalDate.of(2018, 3, 1)));
    }

    @Test
    void rejectsEveryVersionWhenALaterVersionDoesNotTakeEffectAfterTheEarlier() {
        // v2 leaves out version_effective_date, so it would govern from effective_date, the day v1 does
        ReadResult r = read(withAgreements(agreement("A1", 1, "ACTIVE", ""), agreement("A1", 2, "TERMINATED", "")));
        assertThat(violations(r)).extracting(Violation::file, Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple("agreements.json", 3L, 3, Optional.of("version_effective_date"), "agreement.version-date"));
        assertThat(violations(r).get(0).message()).contains("version 2 must take effect after version 1");
        assertThat(r.data().agreements()).isEmpty();
        assertThat(r.report().files().get(DataFile.AGREEMENTS)).isEqualTo(new LoadReport.FileCounts(2, 0, 2));
    }

    @Test
    void rejectsAVersionThatChangesTheRecipient() {
        String v2 = agreement("A1", 2, "ACTIVE", "2018-01-01").replace("\"recipient_organization_id\": \"C1\"",
                "\"recipient_organization_id\": \"C2\"");
        ReadResult r = read(withAgreements(agreement("A1", 1, "ACTIVE", ""), v2));
        assertThat(violations(r)).extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(3L, 3, Optional.of("recipient_organization_id"), "agreement.version-fixed"));
        assertThat(violations(r).get(0).message()).contains("'C1', not 'C2'");
        assertThat(r.data().agreements()).isEmpty();
    }

    @Test
    void rejectsAVersionThatChangesTheLegalBasis() {
        String v2 = agreement("A1", 2, "ACTIVE", "2018-01-01").replace("SCHOOL_OFFICIAL", "STUDIES");
        assertThat(violations(read(withAgreements(agreement("A1", 1, "ACTIVE", ""), v2))))
                .extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(3L, 3, Optional.of("legal_basis"), "agreement.version-fixed"));
    }

    @Test
    void rejectsTheOtherVersionsOfAnAgreementWhoseVersionWasRejected() {
        // a lenient read must not keep v1 ACTIVE when the v2 that terminates it is rejected
        String v2 = agreement("A1", 2, "TERMINATED", "2018-03-01").replace("[\"K1\"]", "[\"K1\", \"Q9\"]");
        ReadResult r = read(withAgreements(agreement("A1", 1, "ACTIVE", ""), v2));
        assertThat(violations(r)).extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(2L, 3, Optional.of("agreement_id"), "reference.rejected"),
                        tuple(3L, 3, Optional.of("school_ids"), "reference.unknown-school"));
        assertThat(r.data().agreements()).isEmpty();
    }

    @Test
    void rejectsAnUnknownKeyAtTheKeyAndTheOtherVersionsWithIt() {
        ReadResult r = read(withAgreements(agreement("A1", 1, "ACTIVE", ""),
                agreement("A1", 2, "TERMINATED", "2018-03-01", "\"terminaton_reason\": \"x\", ")));
        assertThat(violations(r)).extracting(Violation::line, Violation::column, Violation::field, Violation::rule)
                .containsExactly(tuple(2L, 3, Optional.of("agreement_id"), "reference.rejected"),
                        tuple(3L, 4, Optional.of("terminaton_reason"), "agreement.unknown-key"));
        assertThat(violations(r)).allSatisfy(v -> assertThat(v.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.data().agreements()).isEmpty();
    }

    @Test
    void rejectsAnUnknownFieldPathAtItsArrayElement() {
        String a = agreement("A1", 1, "ACTIVE", "").replace("\"attendance.records\"", "\"attendance.recordz\"");
        ReadResult r = read(withAgreements(a));
        int column = ("  " + a).indexOf("\"attendance.recordz\"") + 1;
        assertThat(violations(r)).extracting(Violation::file, Violation::line, Violation::column, Violation::value, Violation::rule)
                .containsExactly(tuple("agreements.json", 2L, column, Optional.of("attendance.recordz"), "agreement.data-element"));
        assertThat(r.data().agreements()).isEmpty();
    }

    @Test
    void acceptsTheFieldPathsAHostDeclares() {
        String a = agreement("A1", 1, "ACTIVE", "").replace("\"attendance.records\"", "\"sports.teams\"");
        ReadResult r = DistrictDataReader.builder().dataElements(DataElements.of(List.of("sports.teams"))).build()
                .read(withAgreements(a).writeTo(dir));
        assertThat(violations(r)).isEmpty();
        assertThat(r.data().agreements()).singleElement().satisfies(x -> assertThat(x.dataElements()).contains("sports.teams"));
    }

    @Test
    void reportsAFileThatIsNotUtf8WithItsLocationInStrictMode() throws Exception {
        Path d = withAgreements(agreement("A1", 1, "ACTIVE", "")).writeTo(dir);
        byte[] bytes = Files.readAllBytes(d.resolve("agreements.json"));
        int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("Community");
        bytes[at] = (byte) 0xFF;
        Files.write(d.resolve("agreements.json"), bytes);
        assertThatThrownBy(() -> DistrictDataReader.builder().build().read(d))
                .isInstanceOfSatisfying(DataValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                        .containsExactly(tuple("agreements.json", 2L, at - 1, "json.encoding")));
    }

    @Test
    void reportsNestingDeeperThanTheParsersLimitAsAViolation() {
        Fixture f = Fixture.valid().raw("agreements.json", "[" + "{\"a\": [".repeat(300) + "]}".repeat(300) + "]");
        assertThat(violations(read(f))).extracting(Violation::file, Violation::line, Violation::rule)
                .containsExactly(tuple("agreements.json", 1L, "json.limit"));
    }

    // ---------------------------------------------------------------- agreements added in code

    private static DataSharingAgreement inCode(int version, AgreementStatus status, String element, LocalDate versionDate) {
        return new DataSharingAgreement(AgreementId.of("A1"), version, status, OrganizationId.of("D1"), OrganizationId.of("C1"),
                LegalBasis.SCHOOL_OFFICIAL, "Community school supports", Set.of(SchoolId.of("K1")), Set.of(SchoolYear.of(2018)),
                Set.of(element), Set.of(StaffRole.SUCCESS_MENTOR), LocalDate.of(2017, 9, 1), LocalDate.of(2018, 8, 31),
                LocalDate.of(2017, 8, 15), List.of(), 30, false, versionDate);
    }

    /** What building, in code, the fixture's district with {@code versions} of agreement A1 reports. */
    private static List<RecordViolation> buildingWith(DataSharingAgreement... versions) {
        DistrictDataBuilder b = DistrictData.builder();
        b.add(new Organization(OrganizationId.of("D1"), "City District", OrganizationType.DISTRICT));
        b.add(new Organization(OrganizationId.of("C1"), "Helping Hands", OrganizationType.COMMUNITY_ORGANIZATION));
        b.add(new School(SchoolId.of("K1"), "PS 1", OrganizationId.of("D1"), GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR));
        for (DataSharingAgreement v : versions) {
            b.add(v);
        }
        try {
            b.build();
            return List.of();
        } catch (DataValidationException e) {
            assertThat(e.violations()).isEmpty();
            return e.recordViolations();
        }
    }

    @Test
    void theBuilderAppliesTheSameRulesLocatedByRecord() {
        assertThat(buildingWith(inCode(1, AgreementStatus.ACTIVE, "ATTENDANCE", LocalDate.of(2017, 9, 1)),
                inCode(2, AgreementStatus.TERMINATED, "attendance.recordz", LocalDate.of(2017, 9, 1))))
                .extracting(RecordViolation::recordType, RecordViolation::position, RecordViolation::key,
                        RecordViolation::component, RecordViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("DataSharingAgreement", 2, "id=A1, version=2", Optional.of("dataElements"), "agreement.data-element"),
                        tuple("DataSharingAgreement", 1, "id=A1, version=1", Optional.of("id"), "reference.rejected"));
    }

    @Test
    void theBuilderRejectsVersionDatesOutOfOrder() {
        assertThat(buildingWith(inCode(1, AgreementStatus.ACTIVE, "ATTENDANCE", LocalDate.of(2018, 1, 1)),
                inCode(2, AgreementStatus.TERMINATED, "ATTENDANCE", LocalDate.of(2017, 12, 31))))
                .extracting(RecordViolation::rule).containsExactly("agreement.version-date");
        assertThat(buildingWith(inCode(1, AgreementStatus.ACTIVE, "ATTENDANCE", LocalDate.of(2017, 9, 1)),
                inCode(2, AgreementStatus.TERMINATED, "ATTENDANCE", LocalDate.of(2018, 3, 1)))).isEmpty();
    }
}
