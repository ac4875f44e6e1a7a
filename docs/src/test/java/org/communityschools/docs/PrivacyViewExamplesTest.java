package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.RecordFilter;
import org.communityschools.privacy.view.RecordViews;
import org.communityschools.privacy.view.StudentRecordView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The code of docs/privacy-view.md, compiled, run, and quoted exactly. */
class PrivacyViewExamplesTest {
    @Test
    void viewOfAMenteeForADistrictMentor(@TempDir Path dir) throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        StudentStaffRelationship mentee = data.relationshipsOfStaff(StaffId.of("SCH0001-M02")).stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF).findFirst().orElseThrow();
        StudentId student = mentee.studentId();
        Instant when = mentee.period().start().plusMonths(3).atTime(12, 0).atZone(ZoneId.of("America/New_York")).toInstant();
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data)
                .zone(ZoneId.of("America/New_York")).build();
        DisclosureSink log = DisclosureLogs.inMemory();
        // tag::view[]
        Decision d = engine.decide(StaffId.of("SCH0001-M02"), student, Purpose.of("student-support"), when);
        StudentRecordView view = StudentRecordView.of(data, d);   // permitted fields, records in scope only
        view.shownFields();                                       //   the fields it writes
        view.absentFields();                                      //   permitted but not written, and why
        view.maskedFields();                                      //   the masks applied
        view.withheld();                                          //   records outside every grant's scope, counted
        DisclosedView shown = view.disclosePretty(log);           // record first: appends the entries, then the text
        String pretty = shown.json();                             // indented, for people ("{}" when denied)
        List<DisclosureEntry> entries = shown.entries();          // exactly what the text holds, with its digest
        // end::view[]
        // tag::records[]
        RecordFilter filter = RecordFilter.of(data, d);
        DisclosedView rows = filter.disclose(data.attendance().recordsOf(student), log);  // recorded, then the JSON
        // end::records[]
        assertThat(view.categories()).containsExactlyInAnyOrder("identity", "attendance", "interventions");
        assertThat(pretty).doesNotContain("\"reason\"", "birthDate", "school_year");
        assertThat(view.absentFields()).containsKey(FieldPath.of("attendance.records.reason"));
        assertThat(pretty).startsWith("{\n  \"identity\" : {").contains("\"goal\" : ");
        assertThat(entries).hasSize(1);
        Disclosure entry = entries.get(0).disclosure();
        assertThat(entry.fields()).containsExactlyElementsOf(view.shownFields());
        assertThat(entry.recordCounts()).isEqualTo(view.recordCounts());
        assertThat(entry.contentDigest()).contains(RecordViews.sha256(pretty));
        assertThat(rows.json()).startsWith("[{\"student_id\":").doesNotContain("reason");
        assertThat(rows.entries().get(0).disclosure().recordCounts().get(FieldPath.of("attendance.records")))
                .isEqualTo(view.recordCounts().get(FieldPath.of("attendance.records")));
        for (JsonNode r : JsonMapper.builder().build().readTree(pretty).path("attendance").path("records")) {
            LocalDate day = LocalDate.parse(r.path("date").asString());
            assertThat(day).isAfterOrEqualTo(mentee.period().start()).isBeforeOrEqualTo(d.date());
        }
        assertThat(log.historyOf(student)).hasSize(2);
        DocPages.assertQuoted("privacy-view.md", PrivacyViewExamplesTest.class, "view");
        DocPages.assertQuoted("privacy-view.md", PrivacyViewExamplesTest.class, "records");
    }

    @Test
    void whatTheAgreementOfACommunitySchoolDirectorWithholds(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        ZoneId zone = ZoneId.of("America/New_York");
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(zone).build();
        LocalDate day = LocalDate.of(2018, 3, 1);
        Instant when = day.atTime(12, 0).atZone(zone).toInstant();
        StaffAssignment csd = data.staffAssignments().stream()
                .filter(a -> a.role() == StaffRole.COMMUNITY_SCHOOL_DIRECTOR && a.period().contains(day)).findFirst().orElseThrow();
        StudentRecordView view = data.enrollmentsAt(SchoolId.of(csd.organizationId().value())).stream()
                .filter(e -> e.isEnrolledOn(day)).map(e -> StudentRecordView.of(data,
                        engine.decide(csd.staffId(), e.studentId(), Purpose.of("student-support"), when)))
                .filter(v -> v.withheld().stream().anyMatch(w -> w.reason().endsWith("'s schools")))
                .findFirst().orElseThrow();
        String withheld = view.withheld().stream().map(w -> w.describe() + "\n").reduce("", String::concat);
        assertThat(view.explanation()).endsWith(view.withheld().get(view.withheld().size() - 1).describe() + ".");
        DocPages.assertShown("privacy-view.md", withheld);
    }
}
