package org.communityschools.privacy.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which top-level objects each role's view of one student holds under the default policy (docs/privacy-policy.md) on
 * the synthetic tiny city.
 */
class ViewsByRoleTest {
    private static final LocalDate DAY = Decisions.DAY;
    private static final SchoolId COMMUNITY_SCHOOL = SchoolId.of("SCH0001");
    /** A student of the community school, on the day, with attendance and without a consent in force. */
    private static final StudentId STUDENT = ViewCity.DATA.enrollments().stream()
            .filter(e -> e.schoolId().equals(COMMUNITY_SCHOOL) && e.isEnrolledOn(DAY))
            .map(Enrollment::studentId)
            .filter(s -> ViewCity.DATA.consentsOf(s).stream().noneMatch(c -> c.isInForceOn(DAY)))
            .filter(s -> !ViewCity.DATA.attendance().recordsOf(s).isEmpty())
            .findFirst().orElseThrow();

    private static StudentRecordView view(StaffId staff, StudentId student, String purpose, LocalDate day) {
        Decision d = ViewCity.ENGINE.decide(staff, student, Purpose.of(purpose), ViewCity.noon(day));
        return StudentRecordView.of(ViewCity.DATA, d);
    }

    @Test
    void principalSeesEveryCategoryWithASourceButHealthAndCaseNotes() {
        var v = view(StaffId.of("SCH0001-P1"), STUDENT, "school-administration", DAY);
        assertThat(v.categories()).contains("identity", "directory", "demographics", "attendance")
                .doesNotContain("health", "case_notes", "contact", "assessment");
        assertThat(ViewText.tree(v).at("/identity/name/first_name").isString()).isTrue();
        assertThat(v.absentFields()).containsKeys(org.communityschools.privacy.FieldPath.of("contact.address"));
    }

    @Test
    void communitySchoolDirectorSeesTheAgreementCategoriesWithoutAbsenceReasons() {
        var v = view(StaffId.of("SCH0001-CSD"), STUDENT, "student-support", DAY);
        assertThat(v.categories()).contains("identity", "attendance")
                .allSatisfy(c -> assertThat(c).isIn("identity", "attendance", "behavior", "coursework", "interventions"));
        ObjectNode tree = ViewText.tree(v);
        assertThat(tree.at("/attendance/records").findValues("reason")).as("reason is masked REMOVE").isEmpty();
        assertThat(tree.at("/behavior/incidents").findValues("description")).as("free text is CASE_NOTES").isEmpty();
    }

    @Test
    void successMentorSeesOnlyIdentityAttendanceAndInterventionsOfAMentee() {
        StudentStaffRelationship r = ViewCity.DATA.relationshipsOfStaff(StaffId.of("SCH0001-M02")).stream()
                .filter(x -> x.relationship() == RelationshipType.MENTOR_OF).findFirst().orElseThrow();
        var v = view(r.staffId(), r.studentId(), "student-support", r.period().start().plusDays(2));
        assertThat(v.categories()).contains("identity")
                .allSatisfy(c -> assertThat(c).isIn("identity", "attendance", "interventions"));
        assertThat(ViewText.tree(v).at("/attendance/records").findValues("reason")).isEmpty();
    }

    @Test
    void teacherSeesInstructionalRecordsOfARosteredStudentOnly() {
        StudentStaffRelationship r = ViewCity.DATA.studentStaffRelationships().stream()
                .filter(x -> x.relationship() == RelationshipType.TEACHER_OF && x.period().contains(DAY)).findFirst()
                .orElseThrow();
        var v = view(r.staffId(), r.studentId(), "instruction", DAY);
        assertThat(v.categories()).contains("identity")
                .allSatisfy(c -> assertThat(c).isIn("identity", "directory", "attendance", "behavior", "coursework", "programs"));
        assertThat(ViewText.tree(v).at("/coursework/diplomas").isMissingNode()).as("an IEP diploma reveals a disability")
                .isTrue();
    }

    @Test
    void aTeacherOfAnotherStudentGetsAnEmptyObject() {
        StudentStaffRelationship r = ViewCity.DATA.studentStaffRelationships().stream()
                .filter(x -> x.relationship() == RelationshipType.TEACHER_OF && x.period().contains(DAY)).findFirst()
                .orElseThrow();
        StudentId other = ViewCity.DATA.students().stream().map(s -> s.id())
                .filter(s -> ViewCity.DATA.relationshipsOfStudent(s).stream().noneMatch(x -> x.staffId().equals(r.staffId())))
                .findFirst().orElseThrow();
        assertThat(ViewText.json(view(r.staffId(), other, "instruction", DAY))).isEqualTo("{}");
    }
}
