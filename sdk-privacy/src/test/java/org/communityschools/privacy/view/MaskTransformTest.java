package org.communityschools.privacy.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.view.Decisions.mask;
import static org.communityschools.privacy.view.Decisions.permitting;

import java.util.List;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.view.internal.Masks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Every transform of {@link MaskTransform}, on its own values and, failing closed, on any other. */
class MaskTransformTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Student STUDENT = ViewCity.DATA.students().get(0);

    @Test
    void everyDeclaredTransformIsImplemented() {
        JsonNode any = F.stringNode("2010-05-17");
        for (MaskTransform t : MaskTransform.values()) {
            // apply is an exhaustive switch: a new constant fails to compile until it is implemented
            assertThat(Masks.apply(t, any)).isNotNull();
        }
    }

    @Test
    void birthDateIsShownAsItsYearOnly() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("demographics.birthDate"),
                mask("demographics.birthDate", MaskTransform.BIRTH_YEAR_ONLY)));
        assertThat(ViewText.json(view)).isEqualTo("{\"demographics\":{\"birthDate\":" + STUDENT.birthDate().getYear() + "}}");
        assertThat(view.maskedFields()).containsEntry(FieldPath.of("demographics.birthDate"), MaskTransform.BIRTH_YEAR_ONLY);
    }

    @Test
    void nameIsShownAsItsInitials() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.name"),
                mask("identity.name", MaskTransform.INITIALS)));
        String initials = Character.toUpperCase(STUDENT.firstName().charAt(0)) + "."
                + Character.toUpperCase(STUDENT.lastName().charAt(0)) + ".";
        assertThat(ViewText.json(view)).isEqualTo("{\"identity\":{\"name\":{\"initials\":\"" + initials + "\"}}}");
        assertThat(ViewText.json(view)).doesNotContain(STUDENT.firstName(), STUDENT.lastName());
    }

    @Test
    void initialsSkipLeadingPunctuationAndKeepNonLatinLetters() {
        ObjectNode name = F.objectNode().put("first_name", " 'élodie").put("last_name", "Øster-Berg");
        assertThat(Masks.apply(MaskTransform.INITIALS, name).orElseThrow().get("initials").asString()).isEqualTo("É.Ø.");
    }

    @Test
    void freeTextIsRemovedWhileTheRestOfItsRecordIsShown() {
        StudentId s = ViewCity.DATA.students().stream().map(Student::id)
                .filter(id -> ViewCity.DATA.attendance().recordsOf(id).stream().anyMatch(r -> r.reason().isPresent()))
                .findFirst().orElseThrow();
        var shown = StudentRecordView.of(ViewCity.DATA,
                permitting(s, List.of("attendance.records", "attendance.records.reason")));
        var masked = StudentRecordView.of(ViewCity.DATA, permitting(s,
                List.of("attendance.records", "attendance.records.reason"),
                mask("attendance.records.reason", MaskTransform.REMOVE)));
        assertThat(ViewText.tree(shown).at("/attendance/records").findValues("reason")).isNotEmpty();
        assertThat(ViewText.tree(masked).at("/attendance/records").findValues("reason")).isEmpty();
        assertThat(ViewText.tree(masked).at("/attendance/records").size())
                .isEqualTo(ViewCity.DATA.attendance().recordsOf(s).size());
        assertThat(masked.absentFields()).containsKey(FieldPath.of("attendance.records.reason"));
        String someReason = ViewCity.DATA.attendance().recordsOf(s).stream().map(AttendanceRecord::reason)
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        assertThat(ViewText.json(masked)).doesNotContain(someReason);
    }

    @Test
    void aMaskThatDoesNotApplyToTheFieldHidesTheField() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(),
                List.of("demographics.sex", "identity.studentId"),
                mask("demographics.sex", MaskTransform.BIRTH_YEAR_ONLY),
                mask("identity.studentId", MaskTransform.INITIALS)));
        assertThat(ViewText.json(view)).isEqualTo("{}");
        assertThat(view.absentFields().get(FieldPath.of("demographics.sex"))).contains("does not apply");
        assertThat(view.absentFields().get(FieldPath.of("identity.studentId"))).contains("does not apply");
    }

    @Test
    void conflictingMasksHideTheField() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.name"),
                mask("identity.name", MaskTransform.INITIALS), mask("identity.name", MaskTransform.BIRTH_YEAR_ONLY)));
        assertThat(view.isEmpty()).isTrue();
        assertThat(view.absentFields().get(FieldPath.of("identity.name"))).contains("conflicting");
    }

    @Test
    void removingARecordFieldAlsoHidesItsChildren() {
        StudentId s = ViewCity.DATA.students().stream().map(Student::id)
                .filter(id -> ViewCity.DATA.attendance().recordsOf(id).stream().anyMatch(r -> r.reason().isPresent()))
                .findFirst().orElseThrow();
        var view = StudentRecordView.of(ViewCity.DATA, permitting(s,
                List.of("attendance.records", "attendance.records.reason"),
                mask("attendance.records", MaskTransform.REMOVE)));
        assertThat(ViewText.json(view)).isEqualTo("{}");
        assertThat(view.shownFields()).isEmpty();
        assertThat(view.absentFields()).containsKeys(FieldPath.of("attendance.records"),
                FieldPath.of("attendance.records.reason"));
    }

    @Test
    void removeHidesAnyFieldItIsPutOn() {
        var view = StudentRecordView.of(ViewCity.DATA, permitting(STUDENT.id(), List.of("identity.name"),
                mask("identity.name", MaskTransform.REMOVE)));
        assertThat(ViewText.json(view)).isEqualTo("{}");
        assertThat(view.maskedFields()).containsEntry(FieldPath.of("identity.name"), MaskTransform.REMOVE);
    }
}
