package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
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
 * A frozen copy of the engine's evaluation as it was before issue 19's hot-path work (one class, the explanation and
 * every relationship's words built eagerly, each agreement and consent list read from the district data per field, a
 * text key per scope): {@link EvaluationMatchesEagerProperties} checks that {@code Evaluation} returns an equal
 * {@link Decision}, explanation included. When the policy semantics change on purpose, change this copy the same way
 * (or delete it with its test). Not thread-safe, used once.
 */
final class EagerEvaluation {
    private final Policy policy;
    private final DistrictData data;
    private final PolicyIndex index;
    private final List<List<DataField>> ruleFields;
    private final int[][] ruleIndices;
    private final List<DataField> catalog;
    private final StaffId requester;
    private final StudentId student;
    private final Purpose purpose;
    private final Instant at;
    private final LocalDate date;
    private final SchoolYear year;
    private final String dateText;

    // Indexed by the field's position in the catalog, which is ordered by path.
    private final List<Grant>[] granted;
    private final String[] forbidden;
    private final Set<String>[] failures;
    private int grantedCount;
    private int grantCount;
    /** The roles of the rule being evaluated that the requester holds (computed once per rule). */
    private @Nullable Set<StaffRole> ruleRoles;
    /** Per school of the rule being evaluated: each agreement's field-independent failure, "" when it passes. */
    private final Map<SchoolId, String[]> agreementChecks = new HashMap<>();
    /** Per rule being evaluated: the overlay failure reasons, by law. */
    private @Nullable String overlayIdea;
    private @Nullable String overlayNsla;
    private final List<Obligation> masks = new ArrayList<>();
    private final List<String> explanation = new ArrayList<>();
    private @Nullable Staff staff;
    private List<StaffAssignment> assignments = List.of();
    private List<Enrollment> enrollments = List.of();
    private @Nullable Student studentRecord;
    private String mismatch = "";
    private @Nullable Set<SchoolId> enrolledAt;
    private @Nullable List<StudentStaffRelationship> relationships;

    /**
     * The schools through which a relationship holds (possibly none, for ANY), and the records it reaches: the spans
     * of its schools and history window, named by {@code label}.
     */
    private record Match(List<SchoolId> schools, String how, List<RecordScope.Span> spans,
                         java.util.function.Supplier<String> label) {}

    /** The scopes built for this evaluation, by rule position and authority (a rule's scope is the same for its fields). */
    private final Map<String, RecordScope> scopes = new HashMap<>();
    private RecordScope.@Nullable Limit dateLimit;

    /** The result of a basis check: a failure reason, or the agreement or consent that authorizes. */
    private record Outcome(@Nullable String failure, Optional<AgreementId> agreement, Optional<ConsentId> consent) {
        static Outcome fail(String reason) {
            return new Outcome(reason, Optional.empty(), Optional.empty());
        }

        static final Outcome OK = new Outcome(null, Optional.empty(), Optional.empty());
    }

    @SuppressWarnings("unchecked")
    EagerEvaluation(Policy policy, DistrictData data, PolicyIndex index, StaffId requester, StudentId student,
               Purpose purpose, Instant at, LocalDate date) {
        this.policy = policy;
        this.data = data;
        this.index = index;
        this.ruleFields = index.ruleFields;
        this.ruleIndices = index.ruleIndices;
        this.catalog = policy.catalog().fields();
        this.granted = new List[catalog.size()];
        this.forbidden = new String[catalog.size()];
        this.failures = new Set[catalog.size()];
        this.requester = requester;
        this.student = student;
        this.purpose = purpose;
        this.at = at;
        this.date = date;
        this.year = SchoolYear.containing(date);
        this.dateText = date.toString();
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
                for (int k : ruleIndices[i]) {
                    if (forbidden[k] == null) {
                        forbidden[k] = reason;
                    }
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.effect() != Effect.PERMIT) {
                continue;
            }
            if (!r.appliesTo(purpose)) {
                explanation.add("Rule '" + r.id() + "' does not apply: it serves " + index.purposes(r) + ", not '" + purpose
                        + "'.");
                continue;
            }
            Match m = match(r);
            if (m == null) {
                explanation.add("Rule '" + r.id() + "' does not apply: " + mismatch + ".");
                continue;
            }
            int before = grantCount;
            ruleRoles = null;
            agreementChecks.clear();
            overlayIdea = null;
            overlayNsla = null;
            List<DataField> fields = ruleFields.get(i);
            int[] indices = ruleIndices[i];
            for (int j = 0; j < indices.length; j++) {
                int k = indices[j];
                DataField f = fields.get(j);
                if (forbidden[k] != null) {
                    continue;
                }
                if (!PolicyChecker.overlayAllows(r, f)) {
                    fail(k, overlayFailure(r, f));
                    continue;
                }
                Outcome o = basis(r, f, m);
                if (o.failure() != null) {
                    fail(k, o.failure());
                    continue;
                }
                List<Grant> of = granted[k];
                if (of == null) {
                    of = new ArrayList<>(2);
                    granted[k] = of;
                    grantedCount++;
                }
                of.add(new Grant(f.path(), f.category(), r.basis().orElseThrow(), r.id(), o.agreement(), o.consent(),
                        scope(i, r, m, o)));
                grantCount++;
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
                    + (grantCount - before) + " field(s) granted.");
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

    /** The overlay failure of {@code f} under {@code r}, built once per rule and law. */
    private String overlayFailure(Rule r, DataField f) {
        boolean idea = f.has(org.communityschools.privacy.Sensitivity.SPECIAL_EDUCATION_IDEA);
        String known = idea ? overlayIdea : overlayNsla;
        if (known != null) {
            return known;
        }
        String reason = "needs its own explicit basis, not a general " + r.basis().orElseThrow() + " grant: "
                + overlayLaw(f);
        if (idea) {
            overlayIdea = reason;
        } else {
            overlayNsla = reason;
        }
        return reason;
    }

    private void fail(int k, String reason) {
        Set<String> set = failures[k];
        if (set == null) {
            set = new LinkedHashSet<>();
            failures[k] = set;
        }
        set.add(reason);
    }

    private Set<StaffRole> heldRoles(Rule r) {
        Set<StaffRole> known = ruleRoles;
        if (known != null) {
            return known;
        }
        Set<StaffRole> out = EnumSet.noneOf(StaffRole.class);
        for (StaffAssignment a : assignments) {
            if (r.roles().contains(a.role())) {
                out.add(a.role());
            }
        }
        ruleRoles = out;
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
            mismatch = "the requester holds none of its roles " + index.roles(r) + " on " + dateText;
            return null;
        }
        Set<SchoolId> enrolledAt = enrolledAt();
        switch (r.relationship()) {
            case ANY -> {
                return new Match(List.copyOf(enrolledAt), "the requester holds role " + held.get(0).role(), List.of(),
                        () -> "any relationship");
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
                    mismatch = "the student is not enrolled on " + dateText + " in a school where the requester holds "
                            + index.roles(r);
                    return null;
                }
                List<RecordScope.Span> spans = new ArrayList<>();
                for (SchoolId s : out) {
                    List<DateRange> periods = new ArrayList<>();
                    for (StaffAssignment a : held) {
                        if (a.organizationId().equals(s)) {
                            periods.add(a.period());
                        }
                    }
                    window(r, s, periods, spans);
                }
                return new Match(out, "the student is enrolled at " + out + " where the requester is assigned", spans,
                        () -> "the requester's school " + out + " and " + r.history().describe() + " there");
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
                List<RecordScope.Span> spans = new ArrayList<>();
                for (SchoolId s : out) {
                    // the partnership's own period: the consecutive school years up to this one it has held
                    SchoolYear earliest = year;
                    while (earliest.endYear() > 1900 && partnered(s, earliest.plusYears(-1), employer)) {
                        earliest = earliest.plusYears(-1);
                    }
                    SchoolYear first = earliest;
                    List<DateRange> periods = new ArrayList<>();
                    for (StaffAssignment a : held) {
                        if (a.organizationId().equals(s) || a.organizationId().equals(employer)) {
                            DateRange p = a.period();
                            if (p.start().isBefore(first.firstDay())) {
                                p = new DateRange(first.firstDay(), p.endExclusive());
                            }
                            if (p.lastDay().map(d -> !d.isBefore(first.firstDay())).orElse(true)) {
                                periods.add(p);
                            }
                        }
                    }
                    window(r, s, periods, spans);
                }
                return new Match(out, "the student is enrolled at " + out + ", partnered with " + employer + " in "
                        + year.label(), spans, () -> "the partnered school " + out + " and " + r.history().describe()
                        + " there");
            }
            case STUDENT_STAFF -> {
                List<DateRange> periods = new ArrayList<>();
                StudentStaffRelationship matched = null;
                for (StudentStaffRelationship rel : relationships()) {
                    if (rel.studentId().equals(student) && r.relationshipTypes().contains(rel.relationship())) {
                        periods.add(rel.period());
                        if (matched == null) {
                            matched = rel;
                        }
                    }
                }
                if (matched != null) {
                    List<RecordScope.Span> spans = new ArrayList<>();
                    for (SchoolId s : enrolledAt) {
                        windowOfPeriods(r, s, periods, spans);
                    }
                    var type = matched.relationship();
                    Set<SchoolId> at = enrolledAt;
                    return new Match(List.copyOf(enrolledAt), "the student is on the requester's " + type + " list on "
                            + date, spans, () -> "the requester's " + type + " relationship at " + at + " ("
                            + r.history().describe() + ")");
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
                            + "requester holds " + index.roles(r);
                    return null;
                }
                List<DateRange> periods = new ArrayList<>();
                for (StaffAssignment a : held) {
                    if (a.organizationId() instanceof OrganizationId) {
                        periods.add(a.period());
                    }
                }
                List<RecordScope.Span> spans = new ArrayList<>();
                for (SchoolId s : out) {
                    windowOfPeriods(r, s, periods, spans);
                }
                return new Match(out, "the student is enrolled in the requester's district", spans,
                        () -> "the requester's district's schools " + out + " (" + r.history().describe() + ")");
            }
        }
        throw new IllegalStateException("unknown relationship " + r.relationship());
    }

    private boolean partnered(SchoolId s, SchoolYear y, OrganizationId employer) {
        for (var p : data.partnershipsOf(s, y)) {
            if (p.organizationId().equals(employer)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the spans of rule {@code r}'s history window at school {@code s}: for a fixed window, from its start to the
     * date; for the relationship's own period, the days on which one of {@code periods} (the requester's assignments)
     * and one of the student's enrollments at {@code s} both held, up to the date.
     */
    private void window(Rule r, SchoolId s, List<DateRange> periods, List<RecordScope.Span> out) {
        Optional<LocalDate> start = r.history().fixedStart(date);
        if (start.isPresent()) {
            out.add(new RecordScope.Span(Optional.of(s), start.get(), date));
            return;
        }
        for (Enrollment e : data.enrollmentsOf(student)) {
            if (!e.schoolId().equals(s)) {
                continue;
            }
            for (DateRange p : periods) {
                add(s, e.period(), p, out);
            }
        }
    }

    /** Like {@link #window}, but the relationship's own period is one of {@code periods} alone. */
    private void windowOfPeriods(Rule r, SchoolId s, List<DateRange> periods, List<RecordScope.Span> out) {
        Optional<LocalDate> start = r.history().fixedStart(date);
        if (start.isPresent()) {
            out.add(new RecordScope.Span(Optional.of(s), start.get(), date));
            return;
        }
        for (DateRange p : periods) {
            add(s, p, p, out);
        }
    }

    /** Adds the span of the days in both {@code a} and {@code b}, up to the date, at {@code s}, if there are any. */
    private void add(SchoolId s, DateRange a, DateRange b, List<RecordScope.Span> out) {
        LocalDate from = a.start().isAfter(b.start()) ? a.start() : b.start();
        LocalDate to = date;
        if (a.lastDay().isPresent() && a.lastDay().get().isBefore(to)) {
            to = a.lastDay().get();
        }
        if (b.lastDay().isPresent() && b.lastDay().get().isBefore(to)) {
            to = b.lastDay().get();
        }
        if (!to.isBefore(from)) {
            out.add(new RecordScope.Span(Optional.of(s), from, to));
        }
    }

    /**
     * The scope of the records that rule {@code r} (at position {@code ruleIndex}), matched by {@code m}, grants under
     * authority {@code o}: never past the date of the decision; under an agreement, the agreement's schools, school
     * years and effective period; under a consent, the consent's window (from its signature for the relationship's
     * window, else the rule's window) at any school; otherwise the relationship's schools and window. Built once per
     * rule and authority.
     */
    private RecordScope scope(int ruleIndex, Rule r, Match m, Outcome o) {
        String key = ruleIndex + "|" + o.agreement().map(AgreementId::value).orElse("") + "|"
                + o.consent().map(ConsentId::value).orElse("");
        RecordScope known = scopes.get(key);
        if (known != null) {
            return known;
        }
        List<RecordScope.Limit> limits = new ArrayList<>(5);
        if (o.agreement().isPresent()) {
            limits.addAll(RecordScope.agreementLimits(agreementNamed(o.agreement().get()), date));
        } else {
            RecordScope.Limit cap = dateLimit;
            if (cap == null) {
                cap = RecordScope.dateLimit(date);
                dateLimit = cap;
            }
            limits.add(cap);
        }
        if (o.consent().isPresent()) {
            Consent c = consentNamed(o.consent().get());
            LocalDate from = r.history().fixedStart(date).orElse(c.signedDate());
            limits.add(new RecordScope.Limit("the window of consent " + c.id() + " (" + (r.history().kind()
                    == HistoryWindow.Kind.RELATIONSHIP ? "from its signature" : r.history().describe()) + ")",
                    from.isAfter(date) ? List.of() : List.of(new RecordScope.Span(Optional.empty(), from, date))));
        } else {
            limits.add(new RecordScope.Limit(m.label().get(), m.spans()));
        }
        RecordScope scope = RecordScope.of(limits);
        scopes.put(key, scope);
        return scope;
    }

    private DataSharingAgreement agreementNamed(AgreementId id) {
        for (DataSharingAgreement a : data.agreementVersionsOn(staff().employerId(), date)) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalStateException("agreement " + id + " is not among the requester's organization's");
    }

    private Consent consentNamed(ConsentId id) {
        for (Consent c : data.consentsOf(student)) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalStateException("consent " + id + " is not the student's");
    }

    /** The schools of the student's enrollments on the date, in enrollment order (computed once). */
    private Set<SchoolId> enrolledAt() {
        Set<SchoolId> known = enrolledAt;
        if (known == null) {
            known = new LinkedHashSet<>();
            for (Enrollment e : enrollments) {
                known.add(e.schoolId());
            }
            enrolledAt = known;
        }
        return known;
    }

    /** The requester's student-staff relationships on the date (read once). */
    private List<StudentStaffRelationship> relationships() {
        List<StudentStaffRelationship> known = relationships;
        if (known == null) {
            known = data.relationshipsOn(requester, date);
            relationships = known;
        }
        return known;
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
        // the versions that govern on the decision's date: a later amendment or termination never applies to the past
        List<DataSharingAgreement> candidates = data.agreementVersionsOn(employer, date);
        String[] checks = agreementChecks.get(s);
        if (checks == null) {
            checks = new String[candidates.size()];
            Set<StaffRole> roles = heldRoles(r);
            for (int i = 0; i < checks.length; i++) {
                DataSharingAgreement a = candidates.get(i);
                if (a.legalBasis() == basis) {
                    String why = whyNotForAnyField(a, s, school, roles);
                    checks[i] = why == null ? "" : why;
                }
            }
            agreementChecks.put(s, checks);
        }
        for (int i = 0; i < checks.length; i++) {
            DataSharingAgreement a = candidates.get(i);
            if (a.legalBasis() != basis) {
                continue;
            }
            String why = checks[i].isEmpty() ? whyNotField(a, f) : checks[i];
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

    /** Why {@code a} does not cover the request whatever the field (null when it may, field permitting). */
    private @Nullable String whyNotForAnyField(DataSharingAgreement a, SchoolId s, School school, Set<StaffRole> roles) {
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
        return null;
    }

    /** Why {@code a}, which covers the request otherwise, does not cover field {@code f} (null when it does). */
    private static @Nullable String whyNotField(DataSharingAgreement a, DataField f) {
        if (!a.dataElements().contains(f.path().value()) && !a.dataElements().contains(f.category().name())) {
            return "agreement " + a.id() + " v" + a.version() + " lists neither the field nor its category "
                    + f.category() + " among its data elements";
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

    /** The key of a disclosure entry: grants with the same basis, agreement and consent are logged together. */
    private record Authority(LegalBasis basis, Optional<AgreementId> agreement, Optional<ConsentId> consent) {}

    private Decision decision() {
        // The catalog is ordered by path, so the grants come out sorted by path.
        List<Grant> grants = new ArrayList<>(grantedCount);
        for (List<Grant> of : granted) {
            if (of != null) {
                grants.addAll(of);
            }
        }
        List<Obligation> obligations = new ArrayList<>();
        Map<Authority, List<Grant>> groups = new LinkedHashMap<>();
        Authority last = null;
        List<Grant> lastGroup = null;
        for (Grant g : grants) {
            if (last == null || last.basis() != g.basis() || !last.agreement().equals(g.agreement())
                    || !last.consent().equals(g.consent())) {
                last = new Authority(g.basis(), g.agreement(), g.consent());
                lastGroup = groups.computeIfAbsent(last, k -> new ArrayList<>());
            }
            if (lastGroup.isEmpty() || !lastGroup.get(lastGroup.size() - 1).field().equals(g.field())) {
                lastGroup.add(g);
            }
        }
        for (List<Grant> group : groups.values()) {
            for (int from = 0; from < group.size(); from += 256) {
                List<Grant> part = group.subList(from, Math.min(group.size(), from + 256));
                Grant g = part.get(0);
                List<FieldPath> paths = new ArrayList<>(part.size());
                for (Grant p : part) {
                    paths.add(p.field());
                }
                Disclosure.Builder b = Disclosure.builder().at(at).requester(requester)
                        .requesterOrganization(staff().employerId()).student(student)
                        .fields(paths).purpose(purpose.code()).legalBasis(g.basis());
                g.agreement().ifPresent(b::agreement);
                g.consent().ifPresent(b::consent);
                obligations.add(new Obligation.RecordDisclosure(b.build()));
            }
        }
        obligations.addAll(masks);
        List<Denial> denials = new ArrayList<>();
        String defaultDeny = null;
        List<String> reasons = new ArrayList<>(4);
        List<List<FieldPath>> fieldsByReason = new ArrayList<>(4);
        for (DataCategory c : DataCategory.values()) {
            int[] at = index.categoryIndices[c.ordinal()];
            reasons.clear();
            fieldsByReason.clear();
            boolean whole = true;
            for (int k : at) {
                if (granted[k] != null) {
                    whole = false;
                    continue;
                }
                String reason = forbidden[k];
                if (reason == null && failures[k] != null) {
                    Set<String> why = failures[k];
                    reason = why.size() == 1 ? why.iterator().next() : String.join("; ", why);
                }
                if (reason == null) {
                    if (defaultDeny == null) {
                        defaultDeny = "no rule grants it to this requester for purpose '" + purpose + "' (default deny)";
                    }
                    reason = defaultDeny;
                }
                int r = reasons.indexOf(reason);
                if (r < 0) {
                    r = reasons.size();
                    reasons.add(reason);
                    fieldsByReason.add(new ArrayList<>());
                }
                fieldsByReason.get(r).add(catalog.get(k).path());
            }
            if (whole && reasons.size() == 1) {
                // Every field of the category denied for one reason: the category's path list, already sorted.
                denials.add(new Denial(c, index.categoryPaths.get(c.ordinal()), reasons.get(0)));
            } else {
                for (int r = 0; r < reasons.size(); r++) {
                    denials.add(new Denial(c, fieldsByReason.get(r), reasons.get(r)));
                }
            }
        }
        if (grants.isEmpty()) {
            explanation.add("Nothing is permitted.");
        } else {
            StringBuilder permitted = new StringBuilder("Permitted: [");
            for (int j = 0; j < grants.size(); j++) {
                if (j > 0) {
                    permitted.append(", ");
                }
                permitted.append(grants.get(j).field().value());
            }
            explanation.add(permitted.append("].").toString());
        }
        return new Decision(requester, student, purpose, at, date, policy.id(), policy.version(), grants, denials,
                obligations, String.join("\n", explanation));
    }

    private Decision denyAll(String reason) {
        return denyAll(policy, requester, student, purpose, at, date, reason);
    }

    static Decision denyAll(Policy policy, StaffId requester, StudentId student, Purpose purpose, Instant at,
                            LocalDate date, String reason) {
        Map<DataCategory, List<FieldPath>> byCategory = new EnumMap<>(DataCategory.class);
        for (DataField f : policy.catalog().fields()) {
            byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f.path());
        }
        List<Denial> denials = new ArrayList<>();
        byCategory.forEach((c, fields) -> denials.add(new Denial(c, fields, reason)));
        return new Decision(requester, student, purpose, at, date, policy.id(), policy.version(), List.of(), denials,
                List.of(), "Policy " + policy.id() + " v" + policy.version() + ": everything is denied: " + reason + ".");
    }
}
