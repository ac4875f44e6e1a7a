package org.communityschools.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * The general-engine peer of a policy decision: jCasbin (org.casbin:jcasbin, pure Java) enforcing the roster and
 * caseload rules of the SDK's default policy ({@code community-schools-default.yaml}) as a vendor would write them:
 * an RBAC model with domains in which the domain is the student, and a staff member holds the role
 * {@code <staff role>/<relationship>} in a student's domain for each student–staff relationship in force on the day
 * (the vendor syncs them daily: Casbin has no notion of dates). One {@code enforce} call per data category answers
 * "may this requester read this category of this student for this purpose".
 *
 * <p>Policy lines: {@code SUCCESS_MENTOR/MENTOR_OF} may read IDENTITY, ATTENDANCE and INTERVENTIONS for
 * student-support (rule {@code mentor-caseload}, whose fields fall in those categories), and
 * {@code TEACHER/TEACHER_OF} may read IDENTITY, ATTENDANCE, BEHAVIOR, COURSEWORK and PROGRAMS for instruction (rule
 * {@code teacher-roster}), and DIRECTORY through the role {@code TEACHER/TEACHER_OF/DIRECTORY}, granted in the domain of
 * a student whose parent did not opt out of directory information (rule {@code directory-roster}, 34 CFR 99.37): the
 * rules of the default policy that rest on a student–staff relationship. The
 * other rules (school assignment, partnership, district-wide, the researcher's deny) would add policy lines that
 * Casbin's matcher evaluates one by one, so leaving them out favours the peer. What the SDK checks beyond this (agreements, consents, masks, row filters, reasons, the disclosure
 * obligation) has no counterpart here, so the peer does less work than the SDK. Not thread-safe (one enforcer, used
 * by one benchmark thread).
 */
final class CasbinPeer {
    /** The Casbin model: RBAC with domains, allow-and-no-deny effect. */
    static final String MODEL = """
            [request_definition]
            r = sub, dom, obj, act

            [policy_definition]
            p = sub, obj, act, eft

            [role_definition]
            g = _, _, _

            [policy_effect]
            e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

            [matchers]
            m = g(r.sub, p.sub, r.dom) && r.obj == p.obj && r.act == p.act
            """;

    private static final DataCategory[] CATEGORIES = DataCategory.values();

    private final Enforcer enforcer;

    /** Builds the enforcer: the policy lines, and the roles of every relationship in force on {@code day}. */
    CasbinPeer(DistrictData data, LocalDate day) {
        Model model = new Model();
        model.loadModelFromText(MODEL);
        enforcer = new Enforcer(model);
        enforcer.enableLog(false);
        List<List<String>> policy = new ArrayList<>();
        for (DataCategory c : EnumSet.of(DataCategory.IDENTITY, DataCategory.ATTENDANCE, DataCategory.INTERVENTIONS)) {
            policy.add(List.of("SUCCESS_MENTOR/MENTOR_OF", c.name(), "student-support", "allow"));
        }
        for (DataCategory c : EnumSet.of(DataCategory.IDENTITY, DataCategory.ATTENDANCE, DataCategory.BEHAVIOR,
                DataCategory.COURSEWORK, DataCategory.PROGRAMS)) {
            policy.add(List.of("TEACHER/TEACHER_OF", c.name(), "instruction", "allow"));
        }
        policy.add(List.of("TEACHER/TEACHER_OF/DIRECTORY", DataCategory.DIRECTORY.name(), "instruction", "allow"));
        // the meeting steps and notes (default policy v3): a partner's staff only as far as its agreement names them,
        // which the synthetic cities' agreements do not; so only the district's own staff
        policy.add(List.of("SUCCESS_MENTOR/MENTOR_OF/DISTRICT", DataCategory.MEETINGS.name(), "student-support", "allow"));
        policy.add(List.of("TEACHER/TEACHER_OF/DISTRICT", DataCategory.MEETINGS.name(), "instruction", "allow"));
        enforcer.addPolicies(policy);
        Set<List<String>> roles = new LinkedHashSet<>();
        for (StudentStaffRelationship r : data.studentStaffRelationships()) {
            if (!r.period().contains(day)) {
                continue;
            }
            for (StaffAssignment a : data.assignmentsOn(r.staffId(), day)) {
                String role = a.role().name() + "/" + r.relationship().name();
                roles.add(List.of(r.staffId().value(), role, r.studentId().value()));
                boolean district = data.staff(r.staffId()).flatMap(st -> data.organization(st.employerId()))
                        .filter(o -> o.type() == org.communityschools.core.model.OrganizationType.DISTRICT).isPresent();
                if (district) {
                    roles.add(List.of(r.staffId().value(), role + "/DISTRICT", r.studentId().value()));
                }
                if (data.student(r.studentId()).filter(st -> !st.directoryOptOut()).isPresent()) {
                    roles.add(List.of(r.staffId().value(), role + "/DIRECTORY", r.studentId().value()));
                }
            }
        }
        enforcer.addGroupingPolicies(new ArrayList<>(roles));
    }

    /** One enforce call: may {@code requester} read {@code category} of {@code student} for {@code purpose}. */
    boolean enforce(StaffId requester, StudentId student, DataCategory category, String purpose) {
        return enforcer.enforce(requester.value(), student.value(), category.name(), purpose);
    }

    /** The categories {@code requester} may read of {@code student}: one enforce call per category. */
    Set<DataCategory> permittedCategories(StaffId requester, StudentId student, String purpose) {
        Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
        String sub = requester.value();
        String dom = student.value();
        for (DataCategory c : CATEGORIES) {
            if (enforcer.enforce(sub, dom, c.name(), purpose)) {
                out.add(c);
            }
        }
        return out;
    }
}
