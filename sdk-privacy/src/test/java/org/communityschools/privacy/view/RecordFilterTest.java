package org.communityschools.privacy.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.view.Decisions.mask;
import static org.communityschools.privacy.view.Decisions.permitting;

import java.util.List;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.policy.MaskTransform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Domain records written for a requester keep only the properties the decision permits, and fail closed. */
class RecordFilterTest {
    private static final Student STUDENT = ViewCity.DATA.students().get(0);
    private static final AttendanceRecord WITH_REASON = ViewCity.DATA.students().stream()
            .flatMap(s -> ViewCity.DATA.attendance().recordsOf(s.id()).stream())
            .filter(r -> r.reason().isPresent()).findFirst().orElseThrow();

    @Test
    void aStudentRecordKeepsOnlyPermittedColumns() {
        ObjectNode o = RecordFilter.of(permitting(STUDENT.id(), List.of("identity.studentId", "demographics.sex")))
                .toJsonNode(STUDENT);
        assertThat(o.propertyNames()).containsExactlyInAnyOrder("student_id", "sex");
    }

    @Test
    void aColumnWithNoCatalogMappingIsNeverWritten() {
        ObjectNode o = RecordFilter.of(permitting(STUDENT.id(), FieldCatalogPaths.ALL)).toJsonNode(STUDENT);
        assertThat(o.has("directory_opt_out")).isFalse();
        assertThat(o.has("first_name")).isTrue();
    }

    @Test
    void masksApplyToTheColumnsOfTheirField() {
        ObjectNode o = RecordFilter.of(permitting(STUDENT.id(), List.of("identity.name", "demographics.birthDate"),
                mask("identity.name", MaskTransform.INITIALS),
                mask("demographics.birthDate", MaskTransform.BIRTH_YEAR_ONLY))).toJsonNode(STUDENT);
        assertThat(o.get("first_name").asString()).hasSize(2).endsWith(".");
        assertThat(o.get("last_name").asString()).hasSize(2).endsWith(".");
        assertThat(o.get("birth_date").asInt()).isEqualTo(STUDENT.birthDate().getYear());
    }

    @Test
    void anAttendanceRecordShowsItsReasonOnlyWhenTheReasonIsPermittedAndNotRemoved() {
        StudentId s = WITH_REASON.studentId();
        List<String> both = List.of("attendance.records", "attendance.records.reason");
        assertThat(RecordFilter.of(permitting(s, both)).toJsonNode(WITH_REASON).has("reason")).isTrue();
        assertThat(RecordFilter.of(permitting(s, List.of("attendance.records"))).toJsonNode(WITH_REASON).has("reason"))
                .isFalse();
        assertThat(RecordFilter.of(permitting(s, both, mask("attendance.records.reason", MaskTransform.REMOVE)))
                .toJsonNode(WITH_REASON).propertyNames()).containsExactlyInAnyOrder("school_id", "date", "category",
                "duration");
    }

    @Test
    void aChildPermittedWithoutItsRecordFieldWritesNothing() {
        assertThat(RecordFilter.of(permitting(WITH_REASON.studentId(), List.of("attendance.records.reason",
                "identity.studentId"))).toJson(WITH_REASON)).isEqualTo("{}");
    }

    @Test
    void aRecordOfAnotherStudentWritesNothing() {
        StudentId other = ViewCity.DATA.students().stream().map(Student::id)
                .filter(id -> !id.equals(WITH_REASON.studentId())).findFirst().orElseThrow();
        assertThat(RecordFilter.of(permitting(other, FieldCatalogPaths.ALL)).toJson(WITH_REASON)).isEqualTo("{}");
    }

    @Test
    void aTypeWithoutAFilterWritesNothing() {
        var filter = RecordFilter.of(permitting(STUDENT.id(), FieldCatalogPaths.ALL));
        assertThat(filter.toJson(ViewCity.DATA.staff().get(0))).isEqualTo("{}");
        assertThat(filter.toJson("a string")).isEqualTo("{}");
        assertThat(RecordFilter.filterId(ViewCity.DATA.staff().get(0))).isEmpty();
        assertThat(RecordFilter.filterId(WITH_REASON)).contains("attendance");
    }

    @Test
    void aDeniedDecisionWritesNothingOfAnyRecord() {
        var filter = RecordFilter.of(permitting(STUDENT.id(), List.of()));
        assertThat(filter.toJson(STUDENT)).isEqualTo("{}");
        assertThat(filter.toJson(ViewCity.DATA.enrollmentsOf(STUDENT.id()))).isEqualTo("[]");
    }
}
