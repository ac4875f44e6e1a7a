package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DeltaFolderWatcher;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.LiveChronicAbsence;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/live-data.md, compiled, run, and quoted exactly. */
class LiveDataExamplesTest {
    @Test
    void liveDistrict(@TempDir Path dir) {
        Path snapshot = dir.resolve("city");
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(snapshot);
        DistrictData data = DistrictDataReader.builder().build().read(snapshot).data();
        Path journalDir = dir.resolve("journal");
        StaffId csd = StaffId.of("SCH0001-CSD");
        Consent consent = data.consents().stream().filter(c -> c.revokedDate().isEmpty()).findFirst().orElseThrow();
        StudentId student = consent.studentId();
        LocalDate today = consent.signedDate().plusDays(30);
        Instant now = today.atTime(12, 0).atZone(ZoneId.of("America/New_York")).toInstant();
        Consent revoked = new Consent(consent.id(), student, consent.grantor(), consent.recipientId(), consent.purpose(),
                consent.categories(), consent.signedDate(), consent.authentication(), Optional.of(today));
        // tag::live[]
        LiveDistrict live = LiveDistrict.builder().data(data).journal(journalDir).build();   // snapshot + journal
        LivePolicyEngine policy = LivePolicyEngine.builder()
                .policy(Policies.defaultPolicy()).zone(ZoneId.of("America/New_York")).district(live).build();
        LiveChronicAbsence chronic = LiveChronicAbsence.follow(live, SchoolYear.containing(today),
                ChronicAbsenceDefinition.NYSED);
        DecisionCache cache = DecisionCache.builder().build();

        DistrictVersion v = live.apply(ChangeBatch.builder().upsert(revoked).build());   // on disk when it returns
        Decision d = policy.decide(cache, csd, student, Purpose.of("student-support"), now, v.number());
        d.dataVersion();   // >= v.number(): this decision reflects the revocation
        // end::live[]
        assertThat(d.dataVersion()).isEqualTo(1);
        assertThat(chronic.version()).isEqualTo(1);
        assertThat(v.accessVersionOf(student)).isEqualTo(1);
        live.close();
        try (LiveDistrict reopened = LiveDistrict.builder().journal(journalDir).build()) {
            assertThat(reopened.current().number()).isEqualTo(1);
            assertThat(reopened.current().data().consentsOf(student)).contains(revoked);
        }
        DocPages.assertQuoted("live-data.md", LiveDataExamplesTest.class, "live");
    }

    @Test
    void watchedFolder(@TempDir Path dir) throws java.io.IOException {
        Path snapshot = dir.resolve("city");
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(snapshot);
        DistrictData data = DistrictDataReader.builder().build().read(snapshot).data();
        Path inbox = dir.resolve("inbox");
        Consent consent = data.consents().stream().filter(c -> c.revokedDate().isEmpty()).findFirst().orElseThrow();
        java.util.List<String> lines = Files.readAllLines(snapshot.resolve("consents.csv"));
        String header = lines.get(0);
        String row = lines.stream().filter(l -> l.startsWith(consent.id().value() + ",")).findFirst().orElseThrow()
                + consent.signedDate().plusDays(30);   // the revocation date, in the last column
        java.util.List<DeltaFolderWatcher.Outcome> outcomes = new java.util.ArrayList<>();
        LiveDistrict live = LiveDistrict.of(data);
        // tag::watch[]
        try (DeltaFolderWatcher watcher = DeltaFolderWatcher.of(live, inbox, outcomes::add)) {
            Path delta = Files.createDirectories(inbox.resolve("2026-12-07T0530-revocation"));
            Files.writeString(delta.resolve("consents.csv"), header + ",op\n" + row + ",upsert\n");
            Files.createFile(delta.resolve(DeltaFolderWatcher.READY));   // complete: the watcher may apply it now
            watcher.poll();   // or watcher.start(Duration.ofSeconds(1)): poll on a daemon thread until close()
        }
        // outcomes: applied as version 1, moved to inbox/applied/2026-12-07T0530-revocation
        // end::watch[]
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.version()).hasValue(1);
            assertThat(o.movedTo()).isEqualTo(inbox.resolve("applied/2026-12-07T0530-revocation"));
        });
        assertThat(live.current().data().consentsOf(consent.studentId())).filteredOn(c -> c.id().equals(consent.id()))
                .singleElement().satisfies(c -> assertThat(c.revokedDate()).hasValue(consent.signedDate().plusDays(30)));
        live.close();
        DocPages.assertQuoted("live-data.md", LiveDataExamplesTest.class, "watch");
    }
}
