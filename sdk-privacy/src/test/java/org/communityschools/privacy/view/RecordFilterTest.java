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
        ObjectNode o = ViewText.tree(RecordFilter.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.studentId", "demographics.sex"))), STUDENT);
        assertThat(o.propertyNames()).containsExactlyInAnyOrder("student_id", "sex");
    }

    @Test
    void aColumnWithNoCatalogMappingIsNeverWritten() {
        ObjectNode o = ViewText.tree(RecordFilter.of(ViewCity.DATA, permitting(STUDENT.id(), FieldCatalogPaths.ALL)), STUDENT);
        assertThat(o.has("directory_opt_out")).isFalse();
        assertThat(o.has("first_name")).isTrue();
    }

    @Test
    void masksApplyToTheColumnsOfTheirField() {
        ObjectNode o = ViewText.tree(RecordFilter.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.name", "demographics.birthDate"),
                mask("identity.name", MaskTransform.INITIALS),
                mask("demographics.birthDate", MaskTransform.BIRTH_YEAR_ONLY))), STUDENT);
        assertThat(o.get("first_name").asString()).hasSize(2).endsWith(".");
        assertThat(o.get("last_name").asString()).hasSize(2).endsWith(".");
        assertThat(o.get("birth_date").asInt()).isEqualTo(STUDENT.birthDate().getYear());
    }

    @Test
    void anAttendanceRecordShowsItsReasonOnlyWhenTheReasonIsPermittedAndNotRemoved() {
        StudentId s = WITH_REASON.studentId();
        List<String> both = List.of("attendance.records", "attendance.records.reason");
        assertThat(ViewText.tree(RecordFilter.of(ViewCity.DATA, permitting(s, both)), WITH_REASON).has("reason")).isTrue();
        assertThat(ViewText.tree(RecordFilter.of(ViewCity.DATA, permitting(s, List.of("attendance.records"))), WITH_REASON).has("reason"))
                .isFalse();
        assertThat(ViewText.tree(RecordFilter.of(ViewCity.DATA, permitting(s, both, mask("attendance.records.reason", MaskTransform.REMOVE))), WITH_REASON).propertyNames()).containsExactlyInAnyOrder("school_id", "date", "category",
                "duration");
    }

    @Test
    void aChildPermittedWithoutItsRecordFieldWritesNothing() {
        assertThat(ViewText.json(RecordFilter.of(ViewCity.DATA, permitting(WITH_REASON.studentId(), List.of("attendance.records.reason",
                "identity.studentId"))), WITH_REASON)).isEqualTo("{}");
    }

    @Test
    void aRecordOfAnotherStudentWritesNothing() {
        StudentId other = ViewCity.DATA.students().stream().map(Student::id)
                .filter(id -> !id.equals(WITH_REASON.studentId())).findFirst().orElseThrow();
        assertThat(ViewText.json(RecordFilter.of(ViewCity.DATA, permitting(other, FieldCatalogPaths.ALL)), WITH_REASON)).isEqualTo("{}");
    }

    @Test
    void aTypeWithoutAFilterWritesNothing() {
        var filter = RecordFilter.of(ViewCity.DATA, permitting(STUDENT.id(), FieldCatalogPaths.ALL));
        assertThat(ViewText.json(filter, ViewCity.DATA.staff().get(0))).isEqualTo("{}");
        assertThat(ViewText.json(filter, "a string")).isEqualTo("{}");
        assertThat(RecordFilter.filterId(ViewCity.DATA.staff().get(0))).isEmpty();
        assertThat(RecordFilter.filterId(WITH_REASON)).contains("attendance");
    }

    @Test
    void aDeniedDecisionWritesNothingOfAnyRecord() {
        var filter = RecordFilter.of(ViewCity.DATA, permitting(STUDENT.id(), List.of()));
        assertThat(ViewText.json(filter, STUDENT)).isEqualTo("{}");
        try (var sink = org.communityschools.privacy.disclosure.DisclosureLogs.inMemory()) {
            assertThat(filter.disclose(ViewCity.DATA.enrollmentsOf(STUDENT.id()), sink).json()).isEqualTo("[]");
            assertThat(sink.historyOf(STUDENT.id())).isEmpty();
        }
    }
}
