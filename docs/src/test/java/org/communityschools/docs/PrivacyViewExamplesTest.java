package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.RecordFilter;
import org.communityschools.privacy.view.RecordViews;
import org.communityschools.privacy.view.StudentRecordView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/privacy-view.md, compiled, run, and quoted exactly. */
class PrivacyViewExamplesTest {
    @Test
    void viewOfAMenteeForADistrictMentor(@TempDir Path dir) throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        StudentStaffRelationship mentee = data.relationshipsOfStaff(StaffId.of("SCH0001-M02")).stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF).findFirst().orElseThrow();
        StudentId student = mentee.studentId();
        Instant when = mentee.period().start().plusDays(2).atTime(12, 0).atZone(ZoneId.of("America/New_York")).toInstant();
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data)
                .zone(ZoneId.of("America/New_York")).build();
        // tag::view[]
        Decision d = engine.decide(StaffId.of("SCH0001-M02"), student, Purpose.of("student-support"), when);
        String json = RecordViews.toJson(data, d);                // only the permitted fields; "{}" when denied
        StudentRecordView view = StudentRecordView.of(data, d);   // the same view, with its bookkeeping:
        view.shownFields();                                       //   the fields written
        view.absentFields();                                      //   permitted but not written, and why
        view.maskedFields();                                      //   the masks applied
        String pretty = RecordViews.toPrettyJson(view);           // indented, for people
        // end::view[]
        // tag::records[]
        RecordFilter filter = RecordFilter.of(d);
        String rows = filter.toJson(data.attendance().recordsOf(student));  // attendance.csv rows, as JSON, filtered
        String name = filter.toJson(data.student(student).orElseThrow());   // {"student_id":...,"first_name":...,...}
        // end::records[]
        assertThat(view.categories()).containsExactlyInAnyOrder("identity", "attendance", "interventions");
        assertThat(json).isEqualTo(view.toJson()).doesNotContain("\"reason\"", "birthDate", "school_year");
        assertThat(view.absentFields()).containsEntry(FieldPath.of("attendance.records.reason"),
                "removed by the mask REMOVE");
        assertThat(pretty).startsWith("{\n  \"identity\" : {").contains("\"goal\" : ");
        assertThat(rows).startsWith("[{\"student_id\":").doesNotContain("reason");
        assertThat(name).contains("first_name").doesNotContain("birth_date", "directory_opt_out");
        DocPages.assertQuoted("privacy-view.md", PrivacyViewExamplesTest.class, "view");
        DocPages.assertQuoted("privacy-view.md", PrivacyViewExamplesTest.class, "records");
    }
}
