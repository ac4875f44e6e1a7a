package org.communityschools.privacy.scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
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
import org.communityschools.privacy.policy.Effect;
import org.communityschools.privacy.policy.HistoryWindow;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.Rule;
import org.communityschools.privacy.scope.ReferenceScope.Limit;
import org.communityschools.privacy.scope.ReferenceScope.Span;

/**
 * A naive reference of the grants of a decision and of their record scopes, written from the semantics of
 * docs/privacy-policy.md alone ("Semantics", "The record scope: which records of a permitted field", "Agreements over
 * time"), apart from the engine: it scans the record lists of the district data on every call (the student's own
 * records through the data's per-student lists) and uses none of the engine's scope types. {@link ExpectedView} applies the scopes to a student's records.
 *
 * <p>Where the text leaves a choice open, the choice made here is named in a comment starting "Reading:".
 */
final class ScopeReference {
    static final LocalDate BEGINNING = ReferenceScope.BEGINNING;
    static final LocalDate END = ReferenceScope.END;
    private static final List<LegalBasis> PRECEDENCE = List.of(LegalBasis.SCHOOL_OFFICIAL, LegalBasis.STUDIES,
            LegalBasis.AUDIT_EVALUATION, LegalBasis.CONSENT, LegalBasis.DIRECTORY);

    /** The authority a record is disclosed under: a legal basis with its agreement or consent. */
    record Authority(LegalBasis basis, Optional<AgreementId> agreement, Optional<ConsentId> consent) {}

    /** One grant of a field by one rule. */
    record RefGrant(String field, LegalBasis basis, String ruleId, Optional<AgreementId> agreement,
                    Optional<ConsentId> consent, ReferenceScope scope) {
        Authority authority() {
            return new Authority(basis, agreement, consent);
        }
    }

    private final Policy policy;
    private final DistrictData d;
    /** Per call of {@link #grants}: the agreement versions governing on its date. */
    private List<DataSharingAgreement> governing = List.of();
    /** Per rule of a call: the limit 4 of the rule, once computed. */
    private Limit relationshipScope;

    ScopeReference(Policy policy, DistrictData data) {
        this.policy = policy;
        this.d = data;
    }

    Policy policy() {
        return policy;
    }

    /**
     * The grants of each permitted field, in the order of precedence (basis, then rule order); a field that is not
     * permitted has no entry.
     */
    Map<String, List<RefGrant>> grants(StaffId staffId, StudentId studentId, Purpose purpose, LocalDate date) {
        Map<String, List<RefGrant>> out = new LinkedHashMap<>();
        if (!policy.purposes().containsKey(purpose)) {
            return out;
        }
        Staff staff = d.staff(staffId).orElse(null);
        Student student = d.student(studentId).orElse(null);
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
            if (r.effect() == Effect.FORBID && r.appliesTo(purpose) && schools(r, staff, studentId, mine, date) != null) {
                policy.catalog().resolve(r.fields()).forEach(f -> forbidden.add(f.path().value()));
            }
        }
        List<RefGrant> all = new ArrayList<>();
        governing = governing(date);
        for (Rule r : policy.rules()) {
            if (r.effect() != Effect.PERMIT || !r.purposes().contains(purpose)) {
                continue;
            }
            List<SchoolId> schools = schools(r, staff, studentId, mine, date);
            if (schools == null) {
                continue;
            }
            LegalBasis basis = r.basis().orElseThrow();
            relationshipScope = null;
            for (DataField f : policy.catalog().resolve(r.fields())) {
                String path = f.path().value();
                if (forbidden.contains(path) || needsOwnBasis(f, r, basis)) {
                    continue;
                }
                Optional<RefGrant> g = basisHolds(r, basis, f, staff, student, mine, schools, date);
                g.ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparingInt((RefGrant g) -> PRECEDENCE.indexOf(g.basis()))
                .thenComparingInt(g -> ruleIndex(g.ruleId())));
        for (RefGrant g : all) {
            out.computeIfAbsent(g.field(), k -> new ArrayList<>()).add(g);
        }
        return out;
    }

    private int ruleIndex(String id) {
        for (int i = 0; i < policy.rules().size(); i++) {
            if (policy.rules().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    private static boolean needsOwnBasis(DataField f, Rule r, LegalBasis basis) {
        for (Sensitivity overlay : List.of(Sensitivity.SPECIAL_EDUCATION_IDEA, Sensitivity.MEAL_ELIGIBILITY_NSLA)) {
            if (f.has(overlay) && basis != LegalBasis.CONSENT && !r.authorizes().contains(overlay)) {
                return true;
            }
        }
        return false;
    }

    /** The schools of the rule's relationship with the student on the date, or null when it does not hold. */
    private List<SchoolId> schools(Rule r, Staff staff, StudentId student, List<StaffAssignment> mine, LocalDate date) {
        List<StaffAssignment> held = held(r, mine);
        if (held.isEmpty()) {
            return null;
        }
        List<SchoolId> enrolled = new ArrayList<>();
        for (Enrollment e : d.enrollmentsOf(student)) {
            if (e.isEnrolledOn(date) && !enrolled.contains(e.schoolId())) {
                enrolled.add(e.schoolId());
            }
        }
        List<SchoolId> out = new ArrayList<>();
        switch (r.relationship()) {
            case ANY:
                return enrolled;
            case ASSIGNED_SCHOOL:
                for (SchoolId s : enrolled) {
                    if (held.stream().anyMatch(a -> a.organizationId().equals(s))) {
                        out.add(s);
                    }
                }
                return out.isEmpty() ? null : out;
            case PARTNER_SCHOOL:
                for (SchoolId s : enrolled) {
                    boolean there = held.stream().anyMatch(a -> a.organizationId().equals(s)
                            || a.organizationId().equals(staff.employerId()));
                    if (partnered(s, staff, SchoolYear.containing(date)) && there) {
                        out.add(s);
                    }
                }
                return out.isEmpty() ? null : out;
            case STUDENT_STAFF:
                return inForce(r, staff.id(), student, date).isEmpty() ? null : enrolled;
            case DISTRICT_WIDE:
                for (StaffAssignment a : held) {
                    if (!isDistrict(a)) {
                        continue;
                    }
                    for (Enrollment e : d.enrollmentsOf(student)) {
                        if (!e.entryDate().isAfter(date) && !out.contains(e.schoolId())
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

    private static List<StaffAssignment> held(Rule r, List<StaffAssignment> mine) {
        return mine.stream().filter(a -> r.roles().contains(a.role())).toList();
    }

    private boolean isDistrict(StaffAssignment a) {
        for (Organization o : d.organizations()) {
            if (o.id().equals(a.organizationId()) && o.type() == OrganizationType.DISTRICT) {
                return true;
            }
        }
        return false;
    }

    private boolean partnered(SchoolId s, Staff staff, SchoolYear year) {
        for (Partnership p : d.partnerships()) {
            if (p.schoolId().equals(s) && p.organizationId().equals(staff.employerId()) && p.schoolYear().equals(year)) {
                return true;
            }
        }
        return false;
    }

    private List<StudentStaffRelationship> inForce(Rule r, StaffId staff, StudentId student, LocalDate date) {
        List<StudentStaffRelationship> out = new ArrayList<>();
        for (StudentStaffRelationship rel : d.relationshipsOfStudent(student)) {
            if (rel.staffId().equals(staff)
                    && r.relationshipTypes().contains(rel.relationship()) && rel.period().contains(date)) {
                out.add(rel);
            }
        }
        return out;
    }

    School school(SchoolId id) {
        return d.school(id).orElseThrow(() -> new AssertionError("no school " + id));
    }

    /** Semantics 5: the grant of {@code f} by {@code r} when its legal basis holds, with its record scope. */
    private Optional<RefGrant> basisHolds(Rule r, LegalBasis basis, DataField f, Staff staff, Student student,
                                          List<StaffAssignment> mine, List<SchoolId> schools, LocalDate date) {
        String path = f.path().value();
        switch (basis) {
            case SCHOOL_OFFICIAL:
            case STUDIES:
            case AUDIT_EVALUATION:
                for (SchoolId s : schools) {
                    if (basis == LegalBasis.SCHOOL_OFFICIAL && school(s).districtId().equals(staff.employerId())) {
                        return Optional.of(new RefGrant(path, basis, r.id(), Optional.empty(), Optional.empty(),
                                relationshipScope(r, staff, student.id(), mine, schools, date, List.of())));
                    }
                }
                for (SchoolId s : schools) {
                    Optional<DataSharingAgreement> a = agreement(r, basis, f, staff, mine, s, date);
                    if (a.isPresent()) {
                        return Optional.of(new RefGrant(path, basis, r.id(), Optional.of(a.get().id()), Optional.empty(),
                                relationshipScope(r, staff, student.id(), mine, schools, date, agreementLimits(a.get()))));
                    }
                }
                return Optional.empty();
            case CONSENT:
                // Reading: the text does not say which consent a grant names when several qualify; here, the one
                // signed first (then the first in the data).
                List<Consent> consents = new ArrayList<>(d.consents());
                consents.sort(Comparator.comparing(Consent::signedDate));
                for (Consent c : consents) {
                    if (c.studentId().equals(student.id()) && c.recipientId().equals(staff.employerId())
                            && c.isInForceOn(date) && c.categories().contains(f.category())) {
                        // limit 3: the consent's window at any school, from its signature (RELATIONSHIP) or the rule's window
                        LocalDate first = r.history().kind() == HistoryWindow.Kind.RELATIONSHIP ? c.signedDate()
                                : windowStart(r.history(), date);
                        Limit window = new Limit("consent " + c.id().value(), List.of(new Span(Optional.empty(), first, date)));
                        return Optional.of(new RefGrant(path, basis, r.id(), Optional.empty(), Optional.of(c.id()),
                                new ReferenceScope(List.of(dateLimit(date), window))));
                    }
                }
                return Optional.empty();
            case DIRECTORY:
                if (!student.directoryOptOut() && policy.directoryFields().contains(f.path())) {
                    return Optional.of(new RefGrant(path, basis, r.id(), Optional.empty(), Optional.empty(),
                            relationshipScope(r, staff, student.id(), mine, schools, date, List.of())));
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The version of each agreement governing on the date: the latest version effective date not after it. */
    private List<DataSharingAgreement> governing(LocalDate date) {
        Map<String, DataSharingAgreement> latest = new LinkedHashMap<>();
        for (DataSharingAgreement a : d.agreements()) {
            DataSharingAgreement seen = latest.get(a.id().value());
            if (!a.versionEffectiveDate().isAfter(date)
                    && (seen == null || a.versionEffectiveDate().isAfter(seen.versionEffectiveDate()))) {
                latest.put(a.id().value(), a);
            }
        }
        return List.copyOf(latest.values());
    }

    private Optional<DataSharingAgreement> agreement(Rule r, LegalBasis basis, DataField f, Staff staff,
                                                     List<StaffAssignment> mine, SchoolId s, LocalDate date) {
        for (DataSharingAgreement a : governing) {
            boolean rolePermitted = mine.stream()
                    .anyMatch(m -> r.roles().contains(m.role()) && a.permittedRoles().contains(m.role()));
            if (a.recipientOrganizationId().equals(staff.employerId()) && a.legalBasis() == basis
                    && a.status() == AgreementStatus.ACTIVE && !date.isBefore(a.effectiveDate())
                    && !date.isAfter(a.endDate()) && a.disclosingOrganizationId().equals(school(s).districtId())
                    && a.schoolIds().contains(s) && a.schoolYears().contains(SchoolYear.containing(date))
                    && rolePermitted && (a.dataElements().contains(f.path().value())
                    || a.dataElements().contains(f.category().name()))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Limit 1: records dated after the date of the decision are never in scope. */
    private static Limit dateLimit(LocalDate date) {
        return new Limit("the date", List.of(new Span(Optional.empty(), BEGINNING, date)));
    }

    /** Limit 2: the version's schools, school years (July 1 to June 30) and term. */
    private static List<Limit> agreementLimits(DataSharingAgreement a) {
        List<Span> schools = a.schoolIds().stream().map(s -> new Span(Optional.of(s), BEGINNING, END)).toList();
        List<Span> years = a.schoolYears().stream()
                .map(y -> new Span(Optional.empty(), y.firstDay(), y.lastDay())).toList();
        return List.of(new Limit(a.id().value() + "'s schools", schools),
                new Limit(a.id().value() + "'s school years", years),
                new Limit(a.id().value() + "'s period", List.of(new Span(Optional.empty(), a.effectiveDate(), a.endDate()))));
    }

    private static LocalDate windowStart(HistoryWindow w, LocalDate date) {
        return switch (w.kind()) {
            case SCHOOL_YEARS -> SchoolYear.containing(date).plusYears(-w.priorSchoolYears()).firstDay();
            case WHOLE_RECORD, RELATIONSHIP -> BEGINNING;
        };
    }

    /** Limits 1, then {@code agreementLimits}, then limit 4: the relationship's schools and history window. */
    private ReferenceScope relationshipScope(Rule r, Staff staff, StudentId student, List<StaffAssignment> mine,
                                    List<SchoolId> schools, LocalDate date, List<Limit> agreementLimits) {
        List<Limit> limits = new ArrayList<>();
        limits.add(dateLimit(date));
        limits.addAll(agreementLimits);
        if (relationshipScope == null) {
            relationshipScope = relationshipLimit(r, staff, student, mine, schools, date);
        }
        limits.add(relationshipScope);
        return new ReferenceScope(limits);
    }

    private Limit relationshipLimit(Rule r, Staff staff, StudentId student, List<StaffAssignment> mine,
                                    List<SchoolId> schools, LocalDate date) {
        List<Span> spans = new ArrayList<>();
        if (r.history().kind() != HistoryWindow.Kind.RELATIONSHIP) {
            LocalDate first = windowStart(r.history(), date);
            schools.forEach(s -> spans.add(new Span(Optional.of(s), first, date)));
        } else {
            List<StaffAssignment> held = held(r, mine);
            for (SchoolId s : schools) {
                switch (r.relationship()) {
                    case ASSIGNED_SCHOOL -> {
                        // Reading: "the requester's assignment at the school together with each of the student's
                        // enrollments there" is the days on which both held (the relationship holds only then).
                        for (StaffAssignment a : held) {
                            if (a.organizationId().equals(s)) {
                                for (Enrollment e : d.enrollmentsOf(student)) {
                                    if (e.schoolId().equals(s)) {
                                        add(spans, s, both(a.period(), e.period()), date);
                                    }
                                }
                            }
                        }
                    }
                    case PARTNER_SCHOOL -> {
                        SchoolYear y = SchoolYear.containing(date);
                        while (partnered(s, staff, y.plusYears(-1))) {
                            y = y.plusYears(-1);
                        }
                        LocalDate from = y.firstDay();
                        for (StaffAssignment a : held) {
                            if (a.organizationId().equals(s) || a.organizationId().equals(staff.employerId())) {
                                add(spans, s, both(a.period(), DateRange.startingOn(from)), date);
                            }
                        }
                    }
                    case STUDENT_STAFF -> inForce(r, staff.id(), student, date)
                            .forEach(rel -> add(spans, s, Optional.of(rel.period()), date));
                    case DISTRICT_WIDE -> held.stream().filter(this::isDistrict)
                            .forEach(a -> add(spans, s, Optional.of(a.period()), date));
                    default -> throw new AssertionError(r.relationship());
                }
            }
        }
        return new Limit("the relationship", spans);
    }

    private static Optional<DateRange> both(DateRange x, DateRange y) {
        LocalDate start = x.start().isAfter(y.start()) ? x.start() : y.start();
        Optional<LocalDate> end = x.endExclusive().isEmpty() ? y.endExclusive()
                : y.endExclusive().isEmpty() ? x.endExclusive()
                : Optional.of(x.endExclusive().get().isBefore(y.endExclusive().get()) ? x.endExclusive().get()
                : y.endExclusive().get());
        return end.isPresent() && !end.get().isAfter(start) ? Optional.empty() : Optional.of(new DateRange(start, end));
    }

    private static void add(List<Span> spans, SchoolId s, Optional<DateRange> days, LocalDate date) {
        if (days.isEmpty()) {
            return;
        }
        LocalDate last = days.get().endExclusive().map(e -> e.minusDays(1)).orElse(END);
        spans.add(new Span(Optional.of(s), days.get().start(), last.isAfter(date) ? date : last));
    }
}
