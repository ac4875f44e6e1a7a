package org.communityschools.privacy.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.view.Decisions.permitting;

import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.Sensitivity;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.RowFilter;
import org.junit.jupiter.api.Test;

/** A permitted field is written only when everything about it is known; any doubt leaves it out. */
class FailClosedTest {
    private static final Student STUDENT = ViewCity.DATA.students().get(0);

    @Test
    void aDecisionThatPermitsNothingWritesAnEmptyObject() {
        assertThat(ViewText.json(StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of())))).isEqualTo("{}");
    }

    @Test
    void aPermittedFieldUnknownToTheCatalogIsNeverWritten() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("secret.everything")));
        assertThat(ViewText.json(view)).isEqualTo("{}");
        assertThat(view.absentFields()).containsEntry(FieldPath.of("secret.everything"), "not in the field catalog");
    }

    @Test
    void aRowRestrictionTheViewDoesNotSupportLeavesTheFieldOut() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(),
                List.of("identity.name", "identity.studentId"),
                new Obligation.RestrictRows(FieldPath.of("identity.name"), RowFilter.DELIVERED_BY_REQUESTER)));
        assertThat(ViewText.tree(view).at("/identity/name").isMissingNode()).isTrue();
        assertThat(view.shownFields()).containsExactly(FieldPath.of("identity.studentId"));
        assertThat(view.absentFields().get(FieldPath.of("identity.name")))
                .isEqualTo("the record view does not support the row restriction DELIVERED_BY_REQUESTER on this field");
    }

    @Test
    void theRecordFilterLeavesOutAPropertyOfAFieldUnderAnUnsupportedRowRestriction() {
        RecordFilter f = RecordFilter.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.name", "identity.studentId"),
                new Obligation.RestrictRows(FieldPath.of("identity.name"), RowFilter.DELIVERED_BY_REQUESTER)));
        var out = ViewText.tree(f, STUDENT);
        assertThat(out.has("student_id")).isTrue();
        assertThat(out.has("first_name")).isFalse();
    }

    @Test
    void aPermittedCatalogFieldWithoutASourceIsNeverWritten() {
        // contact.address is in the default catalog but the data directory does not carry it
        var view = StudentRecordView.of(ViewCity.DATA,
                permitting(STUDENT.id(), List.of("contact.address", "identity.studentId")));
        assertThat(view.categories()).containsExactly("identity");
        assertThat(view.absentFields().get(FieldPath.of("contact.address"))).contains("no source");
    }

    @Test
    void aFieldWhoseSourceIsRemovedFromTheCatalogIsNeverWrittenEvenThoughTheViewCouldFillIt() {
        FieldCatalog.Builder b = FieldCatalog.builder();
        for (DataField f : FieldCatalog.defaultCatalog().fields()) {
            b.add(f.path().value().equals("identity.name")
                    ? new DataField(f.path(), f.category(), f.sensitivities(), f.description(), Optional.empty()) : f);
        }
        var view = StudentRecordView.of(ViewCity.DATA,
                permitting(STUDENT.id(), List.of("identity.name", "identity.studentId")), b.build());
        assertThat(ViewText.json(view)).isEqualTo("{\"identity\":{\"studentId\":\"" + STUDENT.id().value() + "\"}}");
        assertThat(ViewText.json(view)).doesNotContain(STUDENT.lastName());
    }

    @Test
    void aCatalogFieldTheViewDoesNotKnowHowToFillIsNeverWritten() {
        FieldCatalog catalog = FieldCatalog.defaultCatalog().toBuilder()
                .add("identity.nickname", DataCategory.IDENTITY, "a nickname", "students.csv: nickname")
                .add("attendance.records.note", DataCategory.ATTENDANCE, "a note", "attendance.csv: note",
                        Sensitivity.FREE_TEXT)
                .build();
        StudentId s = withAttendance();
        var view = StudentRecordView.of(ViewCity.DATA, permitting(s,
                List.of("identity.nickname", "attendance.records", "attendance.records.note")), catalog);
        assertThat(ViewText.tree(view).at("/attendance/records").findValues("note")).isEmpty();
        assertThat(ViewText.tree(view).at("/identity").isMissingNode()).isTrue();
        assertThat(view.absentFields().get(FieldPath.of("identity.nickname"))).contains("does not know how to fill");
        assertThat(view.absentFields()).containsKey(FieldPath.of("attendance.records.note"));
    }

    @Test
    void aChildFieldIsWrittenOnlyInsideAWrittenParent() {
        StudentId s = withAttendance();
        var view = StudentRecordView.of(ViewCity.DATA, permitting(s, List.of("attendance.records.reason")));
        assertThat(ViewText.json(view)).isEqualTo("{}");
        assertThat(view.absentFields().get(FieldPath.of("attendance.records.reason"))).contains("parent");
    }

    @Test
    void aStudentMissingFromTheDataWritesNothing() {
        var view = StudentRecordView.of(DistrictData.empty(), permitting(STUDENT.id(), List.of("identity.name")));
        assertThat(ViewText.json(view)).isEqualTo("{}");
        assertThat(view.absentFields().get(FieldPath.of("identity.name"))).contains("not in the district data");
    }

    @Test
    void reasonsForAbsentFieldsNeverHoldPersonalData() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), FieldCatalog.defaultCatalog().fields()
                .stream().map(f -> f.path().value()).toList()));
        assertThat(view.absentFields().values()).allSatisfy(r -> assertThat(r)
                .doesNotContain(STUDENT.firstName(), STUDENT.lastName(), STUDENT.birthDate().toString()));
        assertThat(view.shownFields()).contains(FieldPath.of("identity.name"));
    }

    @Test
    void theTextOfAViewIsReachableOnlyThroughItsDisclosure() {
        // record first, then show: no public method of a view or of RecordViews gives its text or tree otherwise
        for (Class<?> type : List.of(StudentRecordView.class, RecordViews.class, RecordFilter.class)) {
            assertThat(java.util.Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() == type)
                    .filter(m -> m.getReturnType() == String.class || tools.jackson.databind.JsonNode.class
                            .isAssignableFrom(m.getReturnType()) || m.getReturnType() == tools.jackson.databind.JacksonModule.class)
                    .map(java.lang.reflect.Method::getName))
                    .as(type.getSimpleName()).allMatch(n -> n.equals("explanation") || n.equals("toString")
                            || n.equals("sha256"));
        }
    }

    @Test
    void aFailedAppendYieldsNoText() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.studentId")));
        var failing = new org.communityschools.privacy.disclosure.DisclosureSink() {
            @Override
            public org.communityschools.privacy.disclosure.DisclosureEntry append(
                    org.communityschools.privacy.disclosure.Disclosure d) {
                throw new org.communityschools.privacy.disclosure.DisclosureLogException("disk full");
            }

            @Override
            public List<org.communityschools.privacy.disclosure.DisclosureEntry> historyOf(StudentId s) {
                return List.of();
            }

            @Override
            public java.util.Optional<org.communityschools.privacy.disclosure.Checkpoint> checkpoint() {
                return java.util.Optional.empty();
            }

            @Override
            public void close() {}
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.disclose(failing))
                .isInstanceOf(org.communityschools.privacy.disclosure.DisclosureLogException.class);
    }

    private static StudentId withAttendance() {
        return ViewCity.DATA.students().stream().map(Student::id)
                .filter(id -> !ViewCity.DATA.attendance().recordsOf(id).isEmpty()).findFirst().orElseThrow();
    }
}
