package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentStaffRelationship;
import org.jspecify.annotations.Nullable;

/**
 * Whether a rule's relationship holds between the requester and the student on the date ({@link Relationship}), and
 * if so through which schools and over which records: the spans of the relationship's schools and history window
 * ({@link HistoryWindow}). The words (how it holds, why it does not, the scope's label) are built only when asked.
 * One instance per evaluation; not thread-safe.
 */
final class RuleMatcher {
    /**
     * The schools through which a relationship holds (possibly none, for ANY), how it holds, and the records it
     * reaches: the spans of its schools and history window, named by {@code label}; with its rule, {@code labelKey}
     * (a value) determines the label's text, so that a scope can be found without building the text.
     */
    record Match(List<SchoolId> schools, Supplier<String> how, List<RecordScope.Span> spans, Supplier<String> label,
                 Object labelKey) {}

    /** What the label of a student-staff match says besides its rule: the relationship type and the schools. */
    private record StudentStaffLabel(RelationshipType type, List<SchoolId> at) {
        // written out: a scope's key, hashed and compared on every decision
        @Override
        public boolean equals(Object o) {
            return o instanceof StudentStaffLabel l && l.type == type && l.at.equals(at);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + at.hashCode();
        }
    }

    private final RequestFacts f;
    /** Why the last rule that did not match does not, in words. */
    private Supplier<String> mismatch = () -> "";

    RuleMatcher(RequestFacts facts) {
        this.f = facts;
    }

    /** Why the last call of {@link #match} that returned null did not match. */
    Supplier<String> mismatch() {
        return mismatch;
    }

    /** How rule {@code r}'s relationship holds, or null when it does not (then {@link #mismatch} says why). */
    @Nullable Match match(Rule r) {
        // the assignments in the rule's roles (a relationship with the student needs only to know there is one)
        List<StaffAssignment> held = r.relationship() == Relationship.STUDENT_STAFF ? null : held(r);
        if (held != null ? held.isEmpty() : !holdsAny(r)) {
            mismatch = () -> "the requester holds none of its roles " + f.index.roles(r) + " on " + f.date;
            return null;
        }
        List<SchoolId> enrolledAt = f.enrolledAt();
        switch (r.relationship()) {
            case ANY -> {
                StaffRole role = held.get(0).role();
                return new Match(enrolledAt, () -> "the requester holds role " + role, List.of(),
                        () -> "any relationship", "");
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
                    mismatch = () -> "the student is not enrolled on " + f.date + " in a school where the requester holds "
                            + f.index.roles(r);
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
                return new Match(out, () -> "the student is enrolled at " + out + " where the requester is assigned", spans,
                        () -> "the requester's school " + out + " and " + r.history().describe() + " there", out);
            }
            case PARTNER_SCHOOL -> {
                OrganizationId employer = f.staff().employerId();
                List<SchoolId> out = new ArrayList<>();
                for (SchoolId s : enrolledAt) {
                    boolean partnered = f.data.partnershipsOf(s, f.year).stream().anyMatch(p -> p.organizationId().equals(employer));
                    boolean assigned = held.stream().anyMatch(a -> a.organizationId().equals(s) || a.organizationId().equals(employer));
                    if (partnered && assigned) {
                        out.add(s);
                    }
                }
                if (out.isEmpty()) {
                    mismatch = () -> "the student is not enrolled on " + f.date + " in a school partnered in " + f.year.label()
                            + " with " + employer + " where the requester works";
                    return null;
                }
                List<RecordScope.Span> spans = new ArrayList<>();
                for (SchoolId s : out) {
                    // the partnership's own period: the consecutive school years up to this one it has held
                    SchoolYear earliest = f.year;
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
                return new Match(out, () -> "the student is enrolled at " + out + ", partnered with " + employer + " in "
                        + f.year.label(), spans, () -> "the partnered school " + out + " and " + r.history().describe()
                        + " there", out);
            }
            case STUDENT_STAFF -> {
                List<DateRange> periods = new ArrayList<>();
                StudentStaffRelationship matched = null;
                List<StudentStaffRelationship> with = f.relationshipsWithStudent();
                for (int i = 0; i < with.size(); i++) {
                    StudentStaffRelationship rel = with.get(i);
                    if (r.relationshipTypes().contains(rel.relationship())) {
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
                    List<SchoolId> at = enrolledAt;
                    return new Match(enrolledAt, () -> "the student is on the requester's " + type + " list on "
                            + f.date, spans, () -> "the requester's " + type + " relationship at " + at + " ("
                            + r.history().describe() + ")", new StudentStaffLabel(type, at));
                }
                mismatch = () -> "the student is not on the requester's " + r.relationshipTypes() + " list on " + f.date;
                return null;
            }
            case DISTRICT_WIDE -> {
                List<SchoolId> out = new ArrayList<>();
                for (StaffAssignment a : held) {
                    if (!(a.organizationId() instanceof OrganizationId o)) {
                        continue;
                    }
                    Optional<Organization> org = f.data.organization(o);
                    if (org.isEmpty() || org.get().type() != OrganizationType.DISTRICT) {
                        continue;
                    }
                    for (Enrollment e : f.data.enrollmentsOf(f.student)) {
                        if (!e.entryDate().isAfter(f.date) && !out.contains(e.schoolId())
                                && f.data.school(e.schoolId()).map(School::districtId).filter(o::equals).isPresent()) {
                            out.add(e.schoolId());
                        }
                    }
                }
                if (out.isEmpty()) {
                    mismatch = () -> "the student has not been enrolled by " + f.date + " in a school of the district where the "
                            + "requester holds " + f.index.roles(r);
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
                return new Match(out, () -> "the student is enrolled in the requester's district", spans,
                        () -> "the requester's district's schools " + out + " (" + r.history().describe() + ")", out);
            }
        }
        throw new IllegalStateException("unknown relationship " + r.relationship());
    }

    /** The requester's assignments on the date in one of {@code r}'s roles. */
    private List<StaffAssignment> held(Rule r) {
        List<StaffAssignment> held = new ArrayList<>(f.assignments.size());
        for (int i = 0; i < f.assignments.size(); i++) {
            StaffAssignment a = f.assignments.get(i);
            if (r.roles().contains(a.role())) {
                held.add(a);
            }
        }
        return held;
    }

    /** Whether the requester holds one of {@code r}'s roles through an assignment on the date. */
    private boolean holdsAny(Rule r) {
        for (int i = 0; i < f.assignments.size(); i++) {
            if (r.roles().contains(f.assignments.get(i).role())) {
                return true;
            }
        }
        return false;
    }

    private boolean partnered(SchoolId s, SchoolYear y, OrganizationId employer) {
        for (var p : f.data.partnershipsOf(s, y)) {
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
        Optional<LocalDate> start = r.history().fixedStart(f.date);
        if (start.isPresent()) {
            out.add(new RecordScope.Span(Optional.of(s), start.get(), f.date));
            return;
        }
        for (Enrollment e : f.data.enrollmentsOf(f.student)) {
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
        Optional<LocalDate> start = r.history().fixedStart(f.date);
        if (start.isPresent()) {
            out.add(new RecordScope.Span(Optional.of(s), start.get(), f.date));
            return;
        }
        for (DateRange p : periods) {
            add(s, p, p, out);
        }
    }

    /** Adds the span of the days in both {@code a} and {@code b}, up to the date, at {@code s}, if there are any. */
    private void add(SchoolId s, DateRange a, DateRange b, List<RecordScope.Span> out) {
        LocalDate from = a.start().isAfter(b.start()) ? a.start() : b.start();
        LocalDate to = f.date;
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
}
