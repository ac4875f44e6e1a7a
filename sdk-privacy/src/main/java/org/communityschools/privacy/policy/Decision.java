package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;

/**
 * What a requester may see of one student's records at one instant, and why: the permitted fields each with its legal
 * basis and granting rule, the denied fields by category with the reason, the obligations that come with the permit,
 * and a human-readable explanation (Cedar's "determining policies", XACML's obligations). A field not among
 * {@link #grants()} is denied: include-only. Immutable and thread-safe.
 *
 * @param requester     who asked
 * @param student       whose records
 * @param purpose       for what
 * @param at            the instant of the request
 * @param date          that instant's date in the district's time zone, at which the dated records were evaluated
 * @param policyId      the policy's id
 * @param policyVersion the policy's version
 * @param grants        the permitted fields, by path
 * @param denials       the denied fields, by category and reason
 * @param obligations   what the caller must do when acting on the permit
 * @param explanation   why, in words, with identifiers but never personal data
 */
public record Decision(StaffId requester, StudentId student, Purpose purpose, Instant at, LocalDate date, String policyId,
                       int policyVersion, List<Grant> grants, List<Denial> denials, List<Obligation> obligations,
                       String explanation) {
    /** Checks that nothing is missing, that fields are granted at most once and never both granted and denied. */
    public Decision {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(policyId, "policyId");
        grants = sortedByField(Objects.requireNonNull(grants, "grants"));
        denials = List.copyOf(Objects.requireNonNull(denials, "denials"));
        obligations = List.copyOf(Objects.requireNonNull(obligations, "obligations"));
        Objects.requireNonNull(explanation, "explanation");
        Set<FieldPath> seen = new HashSet<>();
        for (Grant g : grants) {
            if (!seen.add(g.field())) {
                throw new IllegalArgumentException("a field is granted at most once, twice: " + g.field());
            }
        }
        if (!seen.isEmpty()) {
            for (Denial d : denials) {
                for (FieldPath f : d.fields()) {
                    if (seen.contains(f)) {
                        throw new IllegalArgumentException("a field is either granted or denied, both: " + f);
                    }
                }
            }
        }
    }

    /** An unmodifiable copy of {@code grants} sorted by field (stable); not re-sorted when already in order. */
    private static List<Grant> sortedByField(List<Grant> grants) {
        List<Grant> copy = List.copyOf(grants);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i - 1).field().compareTo(copy.get(i).field()) > 0) {
                List<Grant> sorted = new ArrayList<>(copy);
                sorted.sort((x, y) -> x.field().compareTo(y.field()));
                return List.copyOf(sorted);
            }
        }
        return copy;
    }

    /**
     * This decision as made at {@code instant} (same date): the decision and its disclosure entries carry the new
     * instant. Used by {@link DecisionCache}, whose entries hold for a whole day of the district's calendar.
     */
    Decision at(Instant instant) {
        if (instant.equals(at)) {
            return this;
        }
        List<Obligation> moved = new ArrayList<>();
        for (Obligation o : obligations) {
            if (o instanceof Obligation.RecordDisclosure r) {
                var x = r.disclosure();
                moved.add(new Obligation.RecordDisclosure(new org.communityschools.privacy.disclosure.Disclosure(instant,
                        x.requester(), x.requesterOrganization(), x.student(), x.fields(), x.purpose(), x.legalBasis(),
                        x.agreementId(), x.consentId(), x.emergency())));
            } else {
                moved.add(o);
            }
        }
        return new Decision(requester, student, purpose, instant, date, policyId, policyVersion, grants, denials, moved,
                explanation);
    }

    /** Whether any field is permitted. */
    public boolean permitsAny() {
        return !grants.isEmpty();
    }

    /** Whether this field is permitted. */
    public boolean permits(FieldPath field) {
        return grant(field).isPresent();
    }

    /** Whether the field at this path is permitted (false for a path that is malformed or unknown). */
    public boolean permits(String path) {
        return FieldPath.isWellFormed(path) && permits(FieldPath.of(path));
    }

    /** The grant of this field, if permitted. */
    public Optional<Grant> grant(FieldPath field) {
        Objects.requireNonNull(field, "field");
        for (Grant g : grants) {
            if (g.field().equals(field)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The permitted fields, sorted by path. */
    public Set<FieldPath> permittedFields() {
        Set<FieldPath> out = new TreeSet<>();
        grants.forEach(g -> out.add(g.field()));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The categories with at least one permitted field, in enum order. */
    public Set<DataCategory> permittedCategories() {
        Set<DataCategory> out = java.util.EnumSet.noneOf(DataCategory.class);
        grants.forEach(g -> out.add(g.category()));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The reasons the fields of {@code category} were denied, possibly none. */
    public List<String> denialReasons(DataCategory category) {
        Objects.requireNonNull(category, "category");
        return denials.stream().filter(d -> d.category() == category).map(Denial::reason).toList();
    }

    /** The reason this field was denied; empty when it is permitted. */
    public Optional<String> denialReason(FieldPath field) {
        Objects.requireNonNull(field, "field");
        return denials.stream().filter(d -> d.fields().contains(field)).map(Denial::reason).findFirst();
    }
}
