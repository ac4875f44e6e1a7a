package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.policy.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.junit.jupiter.api.Test;

/** "What can I see and why" and "who can see this" (IDEA 34 CFR 300.623). */
class ExplainAccessTest {
    private static final PolicyEngine ENGINE = TinyCity.engine(TinyCity.DATA);

    /** Every student and purpose, decided one by one: what the narrowed search must find. */
    private static List<Access> bruteForce(StaffId requester) {
        List<Access> out = new ArrayList<>();
        List<StudentId> students = TinyCity.DATA.students().stream().map(Student::id)
                .sorted((a, b) -> a.value().compareTo(b.value())).toList();
        for (StudentId s : students) {
            for (Purpose p : Policies.defaultPolicy().purposes().keySet()) {
                Decision d = ENGINE.decide(requester, s, p, TinyCity.noon(DAY));
                if (d.permitsAny()) {
                    out.add(Access.of(d));
                }
            }
        }
        return out;
    }

    @Test
    void whatCanISeeFindsExactlyTheStudentsEveryDecisionPermits() {
        for (StaffId requester : List.of(PRINCIPAL, CSD, DISTRICT_MENTOR, CBO_MENTOR, COUNSELOR, RESEARCHER,
                StaffId.of("SCH0001-T001"))) {
            assertThat(ENGINE.whatCanISee(requester, TinyCity.noon(DAY))).as(requester.value())
                    .isEqualTo(bruteForce(requester));
        }
    }

    @Test
    void aMentorReachesExactlyTheMenteesOfTheDay() {
        Set<StudentId> mentees = TinyCity.DATA.relationshipsOn(DISTRICT_MENTOR, DAY).stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF).map(r -> r.studentId())
                .collect(Collectors.toCollection(() -> new TreeSet<>((a, b) -> a.value().compareTo(b.value()))));
        List<Access> reach = ENGINE.whatCanISee(DISTRICT_MENTOR, TinyCity.noon(DAY));
        assertThat(mentees).isNotEmpty();
        assertThat(reach).extracting(Access::student).containsExactlyElementsOf(mentees);
        assertThat(reach).allSatisfy(a -> {
            assertThat(a.categories()).containsExactly(DataCategory.IDENTITY, DataCategory.ATTENDANCE,
                    DataCategory.INTERVENTIONS, DataCategory.MEETINGS);
            assertThat(a.rules()).containsExactly("mentor-caseload");
        });
    }

    @Test
    void whoCanSeeSpecialEducationListsThePrincipalAndTheDistrictAdministrators() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        List<Viewer> viewers = ENGINE.whoCanSee(s, FieldPath.of("specialEducation.disability"), TinyCity.noon(DAY));
        assertThat(viewers).extracting(v -> v.staff().value() + " " + v.purpose() + " " + v.grant().ruleId())
                .containsExactly("DIST01-A01 district-administration district-admin",
                        "DIST01-A02 district-administration district-admin",
                        "SCH0001-P1 school-administration principal-special-education",
                        "SCH0001-P1 student-support principal-special-education");
    }

    @Test
    void whoCanSeeAttendanceIncludesTheStudentsTeachersOnly() {
        StudentId s = TinyCity.DATA.studentStaffRelationships().stream()
                .filter(r -> r.relationship() == RelationshipType.TEACHER_OF && r.period().contains(DAY))
                .map(r -> r.studentId()).findFirst().orElseThrow();
        Set<String> teachers = TinyCity.DATA.relationshipsOfStudent(s).stream()
                .filter(r -> r.relationship() == RelationshipType.TEACHER_OF && r.period().contains(DAY))
                .map(r -> r.staffId().value()).collect(Collectors.toSet());
        List<Viewer> viewers = ENGINE.whoCanSee(s, FieldPath.of("attendance.records"), TinyCity.noon(DAY));
        assertThat(viewers).filteredOn(v -> v.grant().ruleId().equals("teacher-roster"))
                .extracting(v -> v.staff().value()).containsExactlyInAnyOrderElementsOf(teachers);
    }
}
