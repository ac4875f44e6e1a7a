package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.Sensitivity;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.CheckpointKey;
import org.communityschools.privacy.disclosure.CheckpointStore;
import org.communityschools.privacy.disclosure.CheckpointVerification;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.disclosure.SignedCheckpoint;
import org.communityschools.privacy.disclosure.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/privacy-field-catalog.md and docs/privacy-disclosure-log.md, compiled, run, and quoted exactly. */
class PrivacyExamplesTest {
    private static void assertQuoted(String page, String region) {
        DocPages.assertQuoted(page, PrivacyExamplesTest.class, region);
    }

    @Test
    void fieldCatalog() throws IOException {
        DataSharingAgreement agreement = new DataSharingAgreement(AgreementId.of("DSA-2026-01"), 1, AgreementStatus.ACTIVE,
                OrganizationId.of("D1"), OrganizationId.of("CBO-1"), LegalBasis.SCHOOL_OFFICIAL, "success mentoring",
                Set.of(SchoolId.of("01M015")), Set.of(SchoolYear.of(2027)), Set.of("ATTENDANCE", "identity.name"),
                Set.of(StaffRole.SUCCESS_MENTOR), LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30),
                LocalDate.of(2026, 6, 1), List.of(), 30, false);
        // tag::field-catalog[]
        FieldCatalog catalog = FieldCatalog.defaultCatalog();
        Optional<DataField> reason = catalog.field("attendance.records.reason");  // ATTENDANCE, tagged FREE_TEXT
        List<String> unknown = catalog.unknownElements(agreement.dataElements()); // a loader refuses unless empty
        List<DataField> granted = catalog.resolve(List.of("BEHAVIOR", "identity.name"));
        // end::field-catalog[]
        assertThat(reason).hasValueSatisfying(f -> assertThat(f.has(Sensitivity.FREE_TEXT)).isTrue());
        assertThat(unknown).isEmpty();
        assertThat(granted).extracting(f -> f.path().value())
                .containsExactly("behavior.incidents", "behavior.incidents.action", "identity.name");
        assertQuoted("privacy-field-catalog.md", "field-catalog");
    }

    @Test
    void disclosureLog(@TempDir Path dir) throws IOException {
        Instant now = Instant.parse("2026-09-14T13:45:00Z");
        Path log = dir.resolve("disclosures.jsonl");
        // tag::disclosure-log[]
        Checkpoint head;
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log)) {
            DisclosureEntry entry = sink.append(Disclosure.builder()
                    .at(now).requester(StaffId.of("M-17")).requesterOrganization(OrganizationId.of("CBO-1"))
                    .student(StudentId.of("S-1")).fields("attendance.records", "attendance.summary")
                    .purpose("success mentoring").legalBasis(LegalBasis.SCHOOL_OFFICIAL)
                    .agreement(AgreementId.of("DSA-2026-01"))
                    .build());                              // returns once the line is on the storage device
            List<DisclosureEntry> history = sink.historyOf(StudentId.of("S-1"));
            head = sink.checkpoint().orElseThrow();         // keep it somewhere else
        }
        VerificationReport report = DisclosureLogs.verify(log, head);
        // end::disclosure-log[]
        assertThat(report.isIntact()).isTrue();
        assertThat(head.sequence()).isEqualTo(1);
        assertQuoted("privacy-disclosure-log.md", "disclosure-log");
    }

    @Test
    void signedCheckpoints(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("disclosures.jsonl");
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Path keyFile = Files.writeString(vault.resolve("log.key"), "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n");
        Disclosure disclosure = Disclosure.builder().at(Instant.parse("2026-09-14T13:45:00Z")).requester(StaffId.of("M-17"))
                .requesterOrganization(OrganizationId.of("CBO-1")).student(StudentId.of("S-1")).fields("attendance.records")
                .purpose("success mentoring").legalBasis(LegalBasis.SCHOOL_OFFICIAL).agreement(AgreementId.of("DSA-2026-01"))
                .build();
        // tag::signed-checkpoints[]
        CheckpointKey key = CheckpointKey.fromFile("log-key-1", keyFile);   // at least 32 bytes, hex or base64
        CheckpointStore checkpoints = DisclosureLogs.checkpointFile(vault.resolve("disclosures.checkpoints"));
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFileBuilder(log)
                .checkpoints(checkpoints, key)          // verifies the log against them when it opens
                .checkpointEvery(1000)                  // and signs one on close, by default
                .build()) {
            sink.append(disclosure);
            SignedCheckpoint now = sink.writeCheckpoint().orElseThrow();   // on demand
        }
        CheckpointVerification verification = DisclosureLogs.verify(log, checkpoints, key);
        // end::signed-checkpoints[]
        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.checkpoints()).extracting(c -> c.occasion())
                .containsExactly(SignedCheckpoint.Occasion.ON_DEMAND, SignedCheckpoint.Occasion.CLOSED);
        assertThat(verification.uncoveredLineCount()).isZero();
        assertQuoted("privacy-disclosure-log.md", "signed-checkpoints");
    }
}
