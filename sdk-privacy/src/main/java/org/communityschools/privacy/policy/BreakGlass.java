package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;

/** One evaluation of {@link PolicyEngine#breakGlass}; stateless apart from its inputs, used once. */
final class BreakGlass {
    /** The purpose every break-glass decision and disclosure carries. */
    static final Purpose PURPOSE = Purpose.of("health-safety-emergency");

    private final Policy policy;
    private final DistrictData data;
    private final EmergencyAccess access;
    private final List<DataField> scope;
    private final EmergencyRequest request;
    private final LocalDate date;

    BreakGlass(Policy policy, DistrictData data, EmergencyAccess access, List<DataField> scope, EmergencyRequest request,
               LocalDate date) {
        this.policy = policy;
        this.data = data;
        this.access = access;
        this.scope = scope;
        this.request = request;
        this.date = date;
    }

    Decision run() {
        Staff staff = data.staff(request.requester()).orElse(null);
        if (staff == null) {
            return deny("requester " + request.requester() + " is not a staff member in the district data");
        }
        if (data.student(request.student()).isEmpty()) {
            return deny("student " + request.student() + " is not in the district data");
        }
        List<StaffAssignment> assignments = data.assignmentsOn(request.requester(), date);
        if (assignments.isEmpty()) {
            return deny("requester " + request.requester() + " has no staff assignment in force on " + date
                    + " (ended or not yet begun)");
        }
        List<StaffAssignment> allowed = assignments.stream().filter(a -> access.roles().contains(a.role())).toList();
        if (allowed.isEmpty()) {
            return deny("requester " + request.requester() + " holds none of the roles that may break glass "
                    + access.roles() + " on " + date);
        }
        Optional<String> through = through(allowed);
        if (through.isEmpty()) {
            return deny("the student is not enrolled on " + date + " in a school where the requester holds a role that "
                    + "may break glass, nor in a school of a district where they do");
        }
        if (scope.isEmpty()) {
            return deny("the emergency access scope names no field of the policy's catalog");
        }
        Map<FieldPath, Grant> granted = new TreeMap<>();
        // only what is needed now: the records of the current school year, at any school, up to the request's date
        RecordScope records = RecordScope.of(List.of(
                new RecordScope.Limit("the current school year of the emergency", List.of(new RecordScope.Span(
                        Optional.empty(), org.communityschools.core.model.SchoolYear.containing(date).firstDay(), date)))));
        for (DataField f : scope) {
            granted.put(f.path(), new Grant(f.path(), f.category(), LegalBasis.EMERGENCY, "break-glass",
                    Optional.empty(), Optional.empty(), records));
        }
        List<Obligation> obligations = new ArrayList<>();
        List<FieldPath> paths = new ArrayList<>(granted.keySet());
        for (int from = 0; from < paths.size(); from += 256) {
            obligations.add(new Obligation.RecordDisclosure(Disclosure.builder().at(request.at())
                    .requester(request.requester()).requesterOrganization(staff.employerId()).student(request.student())
                    .fields(paths.subList(from, Math.min(paths.size(), from + 256))).purpose(PURPOSE.code())
                    .legalBasis(LegalBasis.EMERGENCY).emergency(request.details()).build()));
        }
        Map<DataCategory, List<FieldPath>> denied = new TreeMap<>();
        for (DataField f : policy.catalog().fields()) {
            if (!granted.containsKey(f.path())) {
                denied.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f.path());
            }
        }
        List<Denial> denials = new ArrayList<>();
        denied.forEach((c, fields) -> denials.add(new Denial(c, fields, "not in the emergency access scope (34 CFR "
                + "99.36: only what is necessary to protect health or safety)")));
        String explanation = "Break-glass emergency access (34 CFR 99.36) under policy " + policy.id() + " v"
                + policy.version() + ": requester " + request.requester() + " (" + describe(allowed) + ", employed by "
                + staff.employerId() + ") for student " + request.student() + " on " + date + ", " + through.get()
                + ". A threat of " + request.details().threat().strip().length() + " characters and "
                + request.details().recipients().size() + " recipient(s) are recorded with the disclosure (34 CFR "
                + "99.32(a)(5)), flagged as an emergency.\nPermitted under EMERGENCY: " + granted.keySet() + ".";
        return new Decision(request.requester(), request.student(), PURPOSE, request.at(), date, policy.id(),
                policy.version(), List.copyOf(granted.values()), denials, obligations, explanation);
    }

    /** How the requester reaches the student: an assignment at their school, or at their school's district. */
    private Optional<String> through(List<StaffAssignment> allowed) {
        for (Enrollment e : data.enrollmentsOn(request.student(), date)) {
            for (StaffAssignment a : allowed) {
                if (a.organizationId().equals(e.schoolId())) {
                    return Optional.of("the student is enrolled at " + e.schoolId() + " where the requester is "
                            + a.role());
                }
            }
        }
        for (StaffAssignment a : allowed) {
            if (!(a.organizationId() instanceof OrganizationId o)) {
                continue;
            }
            Optional<Organization> org = data.organization(o);
            if (org.isEmpty() || org.get().type() != OrganizationType.DISTRICT) {
                continue;
            }
            for (Enrollment e : data.enrollmentsOf(request.student())) {
                if (!e.entryDate().isAfter(date)
                        && data.school(e.schoolId()).map(School::districtId).filter(o::equals).isPresent()) {
                    return Optional.of("the student is enrolled in the district " + o + " where the requester is "
                            + a.role());
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(List<StaffAssignment> assignments) {
        List<String> out = new ArrayList<>();
        for (StaffAssignment a : assignments) {
            out.add(a.role() + " at " + a.organizationId().value());
        }
        return String.join(", ", out);
    }

    private Decision deny(String reason) {
        return deny(policy, request, date, reason);
    }

    static Decision deny(Policy policy, EmergencyRequest request, LocalDate date, String reason) {
        return DecisionAssembly.denyAll(policy, request.requester(), request.student(), PURPOSE, request.at(), date,
                "break-glass emergency access (34 CFR 99.36) refused: " + reason);
    }
}
