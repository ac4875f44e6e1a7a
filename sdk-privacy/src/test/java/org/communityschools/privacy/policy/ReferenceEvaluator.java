package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.Sensitivity;

/**
 * A naive, obviously correct evaluator of the policy semantics (docs/privacy-policy.md), written separately from the
 * engine: it scans the full record lists of the district data on every call, uses no index, and returns the permitted
 * fields with the id of the rule that granted each.
 */
final class ReferenceEvaluator {
    private final Policy policy;
    private final DistrictData d;

    ReferenceEvaluator(Policy policy, DistrictData data) {
        this.policy = policy;
        this.d = data;
    }

    Map<String, String> permitted(StaffId staffId, StudentId studentId, Purpose purpose, LocalDate date) {
        Map<String, String> out = new TreeMap<>();
        if (!policy.purposes().containsKey(purpose)) {
            return out;
        }
        Staff staff = null;
        for (Staff s : d.staff()) {
            if (s.id().equals(staffId)) {
                staff = s;
            }
        }
        Student student = null;
        for (Student s : d.students()) {
            if (s.id().equals(studentId)) {
                student = s;
            }
        }
        if (staff == null || student == null) {
            return out;
        }
        List<StaffAssignment> mine = new ArrayList<>();
        for (StaffAssignment a : d.staffAssignments()) {
            if (a.staffId().equals(staffId) && a.period().contains(date)) {
                mine.add(a);
            }
        }
        if (mine.isEmpty()) {
            return out;
        }
        Set<String> forbidden = new HashSet<>();
        for (Rule r : policy.rules()) {
            if (r.effect() == Effect.FORBID && (r.purposes().isEmpty() || r.purposes().contains(purpose))
                    && schools(r, staff, studentId, mine, date) != null) {
                for (DataField f : policy.catalog().resolve(r.fields())) {
                    forbidden.add(f.path().value());
                }
            }
        }
        for (Rule r : policy.rules()) {
            if (r.effect() != Effect.PERMIT || !r.purposes().contains(purpose)) {
                continue;
            }
            List<SchoolId> schools = schools(r, staff, studentId, mine, date);
            if (schools == null) {
                continue;
            }
            LegalBasis basis = r.basis().orElseThrow();
            for (DataField f : policy.catalog().resolve(r.fields())) {
                String path = f.path().value();
                if (out.containsKey(path) || forbidden.contains(path)) {
                    continue;
                }
                if (f.has(Sensitivity.SPECIAL_EDUCATION_IDEA) && basis != LegalBasis.CONSENT
                        && !r.authorizes().contains(Sensitivity.SPECIAL_EDUCATION_IDEA)) {
                    continue;
                }
                if (f.has(Sensitivity.MEAL_ELIGIBILITY_NSLA) && basis != LegalBasis.CONSENT
                        && !r.authorizes().contains(Sensitivity.MEAL_ELIGIBILITY_NSLA)) {
                    continue;
                }
                if (allowed(r, basis, f, staff, student, mine, schools, date)) {
                    out.put(path, r.id());
                }
            }
        }
        return out;
    }

    private List<SchoolId> schools(Rule r, Staff staff, StudentId student, List<StaffAssignment> mine, LocalDate date) {
        List<StaffAssignment> held = new ArrayList<>();
        for (StaffAssignment a : mine) {
            if (r.roles().contains(a.role())) {
                held.add(a);
            }
        }
        if (held.isEmpty()) {
            return null;
        }
        List<SchoolId> enrolled = new ArrayList<>();
        for (Enrollment e : d.enrollments()) {
            if (e.studentId().equals(student) && e.isEnrolledOn(date) && !enrolled.contains(e.schoolId())) {
                enrolled.add(e.schoolId());
            }
        }
        SchoolYear year = SchoolYear.containing(date);
        List<SchoolId> out = new ArrayList<>();
        switch (r.relationship()) {
            case ANY:
                return enrolled;
            case ASSIGNED_SCHOOL:
                for (SchoolId s : enrolled) {
                    for (StaffAssignment a : held) {
                        if (a.organizationId() instanceof SchoolId at && at.equals(s) && !out.contains(s)) {
                            out.add(s);
                        }
                    }
                }
                return out.isEmpty() ? null : out;
            case PARTNER_SCHOOL:
                for (SchoolId s : enrolled) {
                    boolean partnered = false;
                    for (Partnership p : d.partnerships()) {
                        if (p.schoolId().equals(s) && p.organizationId().equals(staff.employerId())
                                && p.schoolYear().equals(year)) {
                            partnered = true;
                        }
                    }
                    boolean there = false;
                    for (StaffAssignment a : held) {
                        if (a.organizationId().equals(s) || a.organizationId().equals(staff.employerId())) {
                            there = true;
                        }
                    }
                    if (partnered && there) {
                        out.add(s);
                    }
                }
                return out.isEmpty() ? null : out;
            case STUDENT_STAFF:
                for (StudentStaffRelationship rel : d.studentStaffRelationships()) {
                    if (rel.staffId().equals(staff.id()) && rel.studentId().equals(student)
                            && r.relationshipTypes().contains(rel.relationship()) && rel.period().contains(date)) {
                        return enrolled;
                    }
                }
                return null;
            case DISTRICT_WIDE:
                for (StaffAssignment a : held) {
                    boolean district = false;
                    for (Organization o : d.organizations()) {
                        if (o.id().equals(a.organizationId()) && o.type() == OrganizationType.DISTRICT) {
                            district = true;
                        }
                    }
                    if (!district) {
                        continue;
                    }
                    for (Enrollment e : d.enrollments()) {
                        if (e.studentId().equals(student) && !e.entryDate().isAfter(date) && !out.contains(e.schoolId())
                                && school(e.schoolId()).districtId().equals(a.organizationId())) {
                            out.add(e.schoolId());
                        }
                    }
                }
                return out.isEmpty() ? null : out;
            default:
                throw new AssertionError(r.relationship());
        }
    }

    private School school(SchoolId id) {
        for (School s : d.schools()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no school " + id);
    }

    private boolean allowed(Rule r, LegalBasis basis, DataField f, Staff staff, Student student,
                            List<StaffAssignment> mine, List<SchoolId> schools, LocalDate date) {
        switch (basis) {
            case SCHOOL_OFFICIAL:
            case STUDIES:
            case AUDIT_EVALUATION:
                for (SchoolId s : schools) {
                    if (basis == LegalBasis.SCHOOL_OFFICIAL && school(s).districtId().equals(staff.employerId())) {
                        return true;
                    }
                    if (agreementCovers(r, basis, f, staff, mine, s, date)) {
                        return true;
                    }
                }
                return false;
            case CONSENT:
                for (Consent c : d.consents()) {
                    if (c.studentId().equals(student.id()) && c.recipientId().equals(staff.employerId())
                            && c.isInForceOn(date) && c.categories().contains(f.category())) {
                        return true;
                    }
                }
                return false;
            case DIRECTORY:
                return !student.directoryOptOut() && policy.directoryFields().contains(f.path());
            default:
                return false;
        }
    }

    private boolean agreementCovers(Rule r, LegalBasis basis, DataField f, Staff staff, List<StaffAssignment> mine,
                                    SchoolId s, LocalDate date) {
        // the version governing on the date: the latest version effective date not after it
        Map<String, DataSharingAgreement> latest = new HashMap<>();
        for (DataSharingAgreement a : d.agreements()) {
            DataSharingAgreement seen = latest.get(a.id().value());
            if (!a.versionEffectiveDate().isAfter(date)
                    && (seen == null || a.versionEffectiveDate().isAfter(seen.versionEffectiveDate()))) {
                latest.put(a.id().value(), a);
            }
        }
        for (DataSharingAgreement a : latest.values()) {
            boolean rolePermitted = false;
            for (StaffAssignment m : mine) {
                if (r.roles().contains(m.role()) && a.permittedRoles().contains(m.role())) {
                    rolePermitted = true;
                }
            }
            if (a.recipientOrganizationId().equals(staff.employerId()) && a.legalBasis() == basis
                    && a.status() == AgreementStatus.ACTIVE && !date.isBefore(a.effectiveDate())
                    && !date.isAfter(a.endDate()) && a.disclosingOrganizationId().equals(school(s).districtId())
                    && a.schoolIds().contains(s) && a.schoolYears().contains(SchoolYear.containing(date))
                    && rolePermitted && (a.dataElements().contains(f.path().value())
                    || a.dataElements().contains(f.category().name()))) {
                return true;
            }
        }
        return false;
    }
}
