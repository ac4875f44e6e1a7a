package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.jspecify.annotations.Nullable;

/**
 * A frozen copy of the engine's evaluation as it was before its per-call work was indexed (session 2, the policy
 * performance issue): {@code TreeMap}s keyed by path, every reason built per field, every agreement checked per field.
 * {@link EvaluationMatchesBaselineTest} checks that the indexed {@code Evaluation} returns exactly the same
 * {@link Decision} (grants, denials and their reasons, obligations, explanation). When the policy semantics change on
 * purpose, change this copy the same way (or delete it with its test). Not thread-safe, used once.
 */
final class BaselineEvaluation {
    private final Policy policy;
    private final DistrictData data;
    private final List<List<DataField>> ruleFields;
    private final Map<OrganizationId, List<DataSharingAgreement>> agreements;
    private final StaffId requester;
    private final StudentId student;
    private final Purpose purpose;
    private final Instant at;
    private final LocalDate date;
    private final SchoolYear year;

    private final Map<FieldPath, Grant> granted = new TreeMap<>();
    private final Map<FieldPath, String> forbidden = new TreeMap<>();
    private final Map<FieldPath, Set<String>> failures = new TreeMap<>();
    private final List<Obligation> masks = new ArrayList<>();
    private final List<String> explanation = new ArrayList<>();
    private @Nullable Staff staff;
    private List<StaffAssignment> assignments = List.of();
    private List<Enrollment> enrollments = List.of();
    private @Nullable Student studentRecord;
    private String mismatch = "";

    /** The schools through which a relationship holds (possibly none, for ANY). */
    private record Match(List<SchoolId> schools, String how) {}

    /** The result of a basis check: a failure reason, or the agreement or consent that authorizes. */
    private record Outcome(@Nullable String failure, Optional<AgreementId> agreement, Optional<ConsentId> consent) {
        static Outcome fail(String reason) {
            return new Outcome(reason, Optional.empty(), Optional.empty());
        }

        static final Outcome OK = new Outcome(null, Optional.empty(), Optional.empty());
    }

    BaselineEvaluation(Policy policy, DistrictData data, List<List<DataField>> ruleFields,
               Map<OrganizationId, List<DataSharingAgreement>> agreements, StaffId requester, StudentId student,
               Purpose purpose, Instant at, LocalDate date) {
        this.policy = policy;
        this.data = data;
        this.ruleFields = ruleFields;
        this.agreements = agreements;
        this.requester = requester;
        this.student = student;
        this.purpose = purpose;
        this.at = at;
        this.date = date;
        this.year = SchoolYear.containing(date);
    }

    Decision run() {
        if (!policy.purposes().containsKey(purpose)) {
            return denyAll("purpose '" + purpose + "' is not declared by policy " + policy.id());
        }
        staff = data.staff(requester).orElse(null);
        if (staff == null) {
            return denyAll("requester " + requester + " is not a staff member in the district data");
        }
        studentRecord = data.student(student).orElse(null);
        if (studentRecord == null) {
            return denyAll("student " + student + " is not in the district data");
        }
        assignments = data.assignmentsOn(requester, date);
        if (assignments.isEmpty()) {
            return denyAll("requester " + requester + " has no staff assignment in force on " + date
                    + " (ended or not yet begun)");
        }
        enrollments = data.enrollmentsOn(student, date);
        explanation.add("Policy " + policy.id() + " v" + policy.version() + ": requester " + requester + " ("
                + describeAssignments() + ", employed by " + staff.employerId() + ") asks for student " + student
                + "'s records for purpose '" + purpose + "' on " + date + ".");
        List<Rule> rules = policy.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.effect() != Effect.FORBID || !r.appliesTo(purpose)) {
                continue;
            }
            Match m = match(r);
            if (m != null) {
                String reason = "forbidden by rule '" + r.id() + "'" + (r.description().isEmpty() ? "" : ": " + r.description());
                explanation.add("Forbid rule '" + r.id() + "' applies (" + m.how() + ").");
                for (DataField f : ruleFields.get(i)) {
                    forbidden.putIfAbsent(f.path(), reason);
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.effect() != Effect.PERMIT) {
                continue;
            }
            if (!r.appliesTo(purpose)) {
                explanation.add("Rule '" + r.id() + "' does not apply: it serves " + r.purposes() + ", not '" + purpose
                        + "'.");
                continue;
            }
            Match m = match(r);
            if (m == null) {
                explanation.add("Rule '" + r.id() + "' does not apply: " + mismatch + ".");
                continue;
            }
            int before = granted.size();
            for (DataField f : ruleFields.get(i)) {
                if (granted.containsKey(f.path()) || forbidden.containsKey(f.path())) {
                    continue;
                }
                if (!PolicyChecker.overlayAllows(r, f)) {
                    fail(f, "needs its own explicit basis, not a general " + r.basis().orElseThrow() + " grant: "
                            + overlayLaw(f));
                    continue;
                }
                Outcome o = basis(r, f, m);
                if (o.failure() != null) {
                    fail(f, o.failure());
                    continue;
                }
                granted.put(f.path(), new Grant(f.path(), f.category(), r.basis().orElseThrow(), r.id(), o.agreement(),
                        o.consent(), TestDecisions.everything()));
                for (Mask mask : r.masks()) {
                    if (mask.field().equals(f.path())) {
                        masks.add(new Obligation.MaskField(mask.field(), mask.transform()));
                    }
                }
                for (RowRestriction row : r.rows()) {
                    if (row.field().equals(f.path())) {
                        masks.add(new Obligation.RestrictRows(row.field(), row.filter()));
                    }
                }
            }
            explanation.add("Rule '" + r.id() + "' applies (" + m.how() + ") under " + r.basis().orElseThrow() + ": "
                    + (granted.size() - before) + " field(s) granted.");
        }
        return decision();
    }

    private String describeAssignments() {
        List<String> out = new ArrayList<>();
        for (StaffAssignment a : assignments) {
            out.add(a.role() + " at " + a.organizationId().value());
        }
        return String.join(", ", out);
    }

    private static String overlayLaw(DataField f) {
        return f.has(org.communityschools.privacy.Sensitivity.SPECIAL_EDUCATION_IDEA)
                ? "special education records under IDEA (34 CFR 300.622) need consent or a rule authorizing SPECIAL_EDUCATION_IDEA"
                : "meal eligibility under the National School Lunch Act (42 USC 1758(b)(6), 7 CFR 245.6) needs consent or a "
                + "rule authorizing MEAL_ELIGIBILITY_NSLA";
    }

    private void fail(DataField f, String reason) {
        failures.computeIfAbsent(f.path(), k -> new LinkedHashSet<>()).add(reason);
    }

    private Set<StaffRole> heldRoles(Rule r) {
        Set<StaffRole> out = EnumSet.noneOf(StaffRole.class);
        for (StaffAssignment a : assignments) {
            if (r.roles().contains(a.role())) {
                out.add(a.role());
            }
        }
        return out;
    }

    private @Nullable Match match(Rule r) {
        List<StaffAssignment> held = new ArrayList<>();
        for (StaffAssignment a : assignments) {
            if (r.roles().contains(a.role())) {
                held.add(a);
            }
        }
        if (held.isEmpty()) {
            mismatch = "the requester holds none of its roles " + r.roles() + " on " + date;
            return null;
        }
        Set<SchoolId> enrolledAt = new LinkedHashSet<>();
        for (Enrollment e : enrollments) {
            enrolledAt.add(e.schoolId());
        }
        switch (r.relationship()) {
            case ANY -> {
                return new Match(List.copyOf(enrolledAt), "the requester holds role " + held.get(0).role());
            }
            case ASSIGNED_SCHOOL -> {
                List<SchoolId> out = new ArrayList<>();
                for (SchoolId s : enrolledAt) {
                    for (StaffAssignment a : held) {
                        if (a.organizationId().equals(s)) {
                            out.add(s);
                            break;
                        }
                    }
                }
                if (out.isEmpty()) {
                    mismatch = "the student is not enrolled on " + date + " in a school where the requester holds "
                            + r.roles();
                    return null;
                }
                return new Match(out, "the student is enrolled at " + out + " where the requester is assigned");
            }
            case PARTNER_SCHOOL -> {
                OrganizationId employer = staff().employerId();
                List<SchoolId> out = new ArrayList<>();
                for (SchoolId s : enrolledAt) {
                    boolean partnered = data.partnershipsOf(s, year).stream().anyMatch(p -> p.organizationId().equals(employer));
                    boolean assigned = held.stream().anyMatch(a -> a.organizationId().equals(s) || a.organizationId().equals(employer));
                    if (partnered && assigned) {
                        out.add(s);
                    }
                }
                if (out.isEmpty()) {
                    mismatch = "the student is not enrolled on " + date + " in a school partnered in " + year.label()
                            + " with " + employer + " where the requester works";
                    return null;
                }
                return new Match(out, "the student is enrolled at " + out + ", partnered with " + employer + " in "
                        + year.label());
            }
            case STUDENT_STAFF -> {
                for (StudentStaffRelationship rel : data.relationshipsOn(requester, date)) {
                    if (rel.studentId().equals(student) && r.relationshipTypes().contains(rel.relationship())) {
                        return new Match(List.copyOf(enrolledAt), "the student is on the requester's " + rel.relationship()
                                + " list on " + date);
                    }
                }
                mismatch = "the student is not on the requester's " + r.relationshipTypes() + " list on " + date;
                return null;
            }
            case DISTRICT_WIDE -> {
                List<SchoolId> out = new ArrayList<>();
                for (StaffAssignment a : held) {
                    if (!(a.organizationId() instanceof OrganizationId o)) {
                        continue;
                    }
                    Optional<Organization> org = data.organization(o);
                    if (org.isEmpty() || org.get().type() != OrganizationType.DISTRICT) {
                        continue;
                    }
                    for (Enrollment e : data.enrollmentsOf(student)) {
                        if (!e.entryDate().isAfter(date) && !out.contains(e.schoolId())
                                && data.school(e.schoolId()).map(School::districtId).filter(o::equals).isPresent()) {
                            out.add(e.schoolId());
                        }
                    }
                }
                if (out.isEmpty()) {
                    mismatch = "the student has not been enrolled by " + date + " in a school of the district where the "
                            + "requester holds " + r.roles();
                    return null;
                }
                return new Match(out, "the student is enrolled in the requester's district");
            }
        }
        throw new IllegalStateException("unknown relationship " + r.relationship());
    }

    private Staff staff() {
        if (staff == null) {
            throw new IllegalStateException("no staff");
        }
        return staff;
    }

    private Outcome basis(Rule r, DataField f, Match m) {
        LegalBasis basis = r.basis().orElseThrow();
        return switch (basis) {
            case SCHOOL_OFFICIAL, STUDIES, AUDIT_EVALUATION -> throughSchools(r, f, m, basis);
            case CONSENT -> consent(f);
            case DIRECTORY -> directory(f);
            case EMERGENCY -> Outcome.fail("emergency access is a break-glass workflow, not a standing rule");
        };
    }

    private Outcome throughSchools(Rule r, DataField f, Match m, LegalBasis basis) {
        if (m.schools().isEmpty()) {
            return Outcome.fail("the student is not enrolled in any school on " + date
                    + ", so no school's officials or agreements cover the request");
        }
        String first = null;
        for (SchoolId s : m.schools()) {
            School school = data.school(s).orElse(null);
            if (school == null) {
                return Outcome.fail("school " + s + " is not in the district data");
            }
            if (basis == LegalBasis.SCHOOL_OFFICIAL && school.districtId().equals(staff().employerId())) {
                return Outcome.OK;
            }
            Outcome o = agreement(r, f, s, school, basis);
            if (o.failure() == null) {
                return o;
            }
            if (first == null) {
                first = o.failure();
            }
        }
        return Outcome.fail(first == null ? "no agreement covers the request" : first);
    }

    private Outcome agreement(Rule r, DataField f, SchoolId s, School school, LegalBasis basis) {
        OrganizationId employer = staff().employerId();
        List<String> reasons = new ArrayList<>();
        Set<StaffRole> roles = heldRoles(r);
        for (DataSharingAgreement a : agreements.getOrDefault(employer, List.of())) {
            if (a.legalBasis() != basis) {
                continue;
            }
            String why = whyNot(a, f, s, school, roles);
            if (why == null) {
                return new Outcome(null, Optional.of(a.id()), Optional.empty());
            }
            reasons.add(why);
        }
        if (reasons.isEmpty()) {
            return Outcome.fail("no " + basis + " data-sharing agreement names the requester's organization " + employer
                    + " as recipient (34 CFR 99.31(a)(1)(i)(B))");
        }
        return Outcome.fail(String.join("; ", reasons));
    }

    private @Nullable String whyNot(DataSharingAgreement a, DataField f, SchoolId s, School school, Set<StaffRole> roles) {
        String name = "agreement " + a.id() + " v" + a.version();
        if (a.status() != AgreementStatus.ACTIVE) {
            return name + " is " + a.status() + ", not ACTIVE";
        }
        if (!a.term().contains(date)) {
            return name + " is not in effect on " + date + " (term " + a.effectiveDate() + " to " + a.endDate() + ")";
        }
        if (!a.disclosingOrganizationId().equals(school.districtId())) {
            return name + " is not disclosed by the school's district " + school.districtId();
        }
        if (!a.schoolIds().contains(s)) {
            return "school " + s + " is not in the scope of " + name;
        }
        if (!a.schoolYears().contains(year)) {
            return "school year " + year.label() + " is not in the scope of " + name;
        }
        if (roles.stream().noneMatch(a.permittedRoles()::contains)) {
            return name + " does not permit the requester's role " + roles;
        }
        if (!a.dataElements().contains(f.path().value()) && !a.dataElements().contains(f.category().name())) {
            return name + " lists neither the field nor its category " + f.category() + " among its data elements";
        }
        return null;
    }

    private Outcome consent(DataField f) {
        OrganizationId employer = staff().employerId();
        List<String> reasons = new ArrayList<>();
        for (Consent c : data.consentsOf(student)) {
            if (!c.recipientId().equals(employer)) {
                continue;
            }
            if (c.revokedDate().isPresent() && !date.isBefore(c.revokedDate().get())) {
                reasons.add("consent " + c.id() + " was revoked on " + c.revokedDate().get());
            } else if (!c.isInForceOn(date)) {
                reasons.add("consent " + c.id() + " is not in force on " + date);
            } else if (!c.categories().contains(f.category())) {
                reasons.add("consent " + c.id() + " does not cover category " + f.category());
            } else {
                return new Outcome(null, Optional.empty(), Optional.of(c.id()));
            }
        }
        if (reasons.isEmpty()) {
            return Outcome.fail("no consent for student " + student + " names the requester's organization " + employer
                    + " (34 CFR 99.30)");
        }
        return Outcome.fail(String.join("; ", reasons));
    }

    private Outcome directory(DataField f) {
        Student st = studentRecord;
        if (st == null) {
            return Outcome.fail("student " + student + " is not in the district data");
        }
        if (st.directoryOptOut()) {
            return Outcome.fail("the student's parent (or the eligible student) opted out of directory information "
                    + "(34 CFR 99.37(a)(2))");
        }
        if (!policy.directoryFields().contains(f.path())) {
            return Outcome.fail(f.path() + " is not designated directory information (34 CFR 99.37(a)(1))");
        }
        return Outcome.OK;
    }

    private Decision decision() {
        List<Obligation> obligations = new ArrayList<>();
        Map<String, List<Grant>> groups = new LinkedHashMap<>();
        for (Grant g : granted.values()) {
            groups.computeIfAbsent(g.basis() + "|" + g.agreement().map(AgreementId::value).orElse("") + "|"
                    + g.consent().map(ConsentId::value).orElse(""), k -> new ArrayList<>()).add(g);
        }
        for (List<Grant> group : groups.values()) {
            for (int from = 0; from < group.size(); from += 256) {
                List<Grant> part = group.subList(from, Math.min(group.size(), from + 256));
                Grant g = part.get(0);
                Disclosure.Builder b = Disclosure.builder().at(at).requester(requester)
                        .requesterOrganization(staff().employerId()).student(student)
                        .fields(part.stream().map(Grant::field).toList()).purpose(purpose.code()).legalBasis(g.basis());
                g.agreement().ifPresent(b::agreement);
                g.consent().ifPresent(b::consent);
                obligations.add(new Obligation.RecordDisclosure(b.build()));
            }
        }
        obligations.addAll(masks);
        Map<DataCategory, Map<String, List<FieldPath>>> denied = new TreeMap<>();
        for (DataField f : policy.catalog().fields()) {
            if (granted.containsKey(f.path())) {
                continue;
            }
            String reason = forbidden.get(f.path());
            if (reason == null && failures.containsKey(f.path())) {
                reason = String.join("; ", failures.get(f.path()));
            }
            if (reason == null) {
                reason = "no rule grants it to this requester for purpose '" + purpose + "' (default deny)";
            }
            denied.computeIfAbsent(f.category(), k -> new LinkedHashMap<>()).computeIfAbsent(reason, k -> new ArrayList<>())
                    .add(f.path());
        }
        List<Denial> denials = new ArrayList<>();
        denied.forEach((c, byReason) -> byReason.forEach((reason, fields) -> denials.add(new Denial(c, fields, reason))));
        explanation.add(granted.isEmpty() ? "Nothing is permitted." : "Permitted: " + granted.keySet() + ".");
        return new Decision(requester, student, purpose, at, date, policy.id(), policy.version(),
                List.copyOf(granted.values()), denials, obligations, String.join("\n", explanation));
    }

    private Decision denyAll(String reason) {
        return denyAll(policy, requester, student, purpose, at, date, reason);
    }

    static Decision denyAll(Policy policy, StaffId requester, StudentId student, Purpose purpose, Instant at,
                            LocalDate date, String reason) {
        Map<DataCategory, List<FieldPath>> byCategory = new TreeMap<>();
        for (DataField f : policy.catalog().fields()) {
            byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f.path());
        }
        List<Denial> denials = new ArrayList<>();
        byCategory.forEach((c, fields) -> denials.add(new Denial(c, fields, reason)));
        return new Decision(requester, student, purpose, at, date, policy.id(), policy.version(), List.of(), denials,
                List.of(), "Policy " + policy.id() + " v" + policy.version() + ": everything is denied: " + reason + ".");
    }
}
