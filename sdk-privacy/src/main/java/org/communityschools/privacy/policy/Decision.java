package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.jspecify.annotations.Nullable;

/**
 * What a requester may see of one student's records at one instant, and why: the permitted fields each with its legal
 * basis, granting rule and the scope of records it covers ({@link RecordScope}: schools, dates, school years), the
 * denied fields by category with the reason, the obligations that come with the permit, and a human-readable
 * explanation (Cedar's "determining policies", XACML's obligations). A field not among {@link #grants()} is denied:
 * include-only.
 *
 * <p>A field may be granted by several rules (a school-official grant under an agreement and a consent grant, say),
 * each with its own scope; {@link #grants()} lists them by field and, for one field, by precedence of legal basis
 * ({@code SCHOOL_OFFICIAL}, {@code STUDIES}, {@code AUDIT_EVALUATION}, {@code CONSENT}, {@code DIRECTORY}, then rule
 * order). A record is disclosed under the first grant whose scope covers it (the broadest basis), and withheld when
 * none does.
 *
 * <p>Only a {@link PolicyEngine} makes decisions: there is no public constructor, so a record view given a decision
 * knows that an engine made it. Immutable and thread-safe.
 */
public final class Decision {
    private final StaffId requester;
    private final StudentId student;
    private final Purpose purpose;
    private final Instant at;
    private final LocalDate date;
    private final String policyId;
    private final int policyVersion;
    /** The grants, sorted, and by field. */
    private final GrantSet grantSet;
    private final List<Grant> grants;
    private final List<Denial> denials;
    private final List<Obligation> obligations;
    /** The explanation once rendered; null until then when it is rendered from {@link #explain}. */
    private @Nullable String explanation;
    private final @Nullable Supplier<String> explain;
    private final long dataVersion;

    /** Checks that nothing is missing, that a rule grants a field at most once and that no field is both granted and denied. */
    Decision(StaffId requester, StudentId student, Purpose purpose, Instant at, LocalDate date, String policyId,
             int policyVersion, List<Grant> grants, List<Denial> denials, List<Obligation> obligations,
             String explanation) {
        this(requester, student, purpose, at, date, policyId, policyVersion,
                GrantSet.of(Objects.requireNonNull(grants, "grants")), denials, obligations,
                Objects.requireNonNull(explanation, "explanation"), null, true);
    }

    /**
     * As the constructor above, with the explanation rendered by {@code explain} when first read (an engine's
     * explanation is words about facts it has already read; most callers never read it). {@code explain} must be
     * thread-safe and return the same text on every call.
     */
    Decision(StaffId requester, StudentId student, Purpose purpose, Instant at, LocalDate date, String policyId,
             int policyVersion, List<Grant> grants, List<Denial> denials, List<Obligation> obligations,
             Supplier<String> explain) {
        this(requester, student, purpose, at, date, policyId, policyVersion,
                GrantSet.of(Objects.requireNonNull(grants, "grants")), denials, obligations, null,
                Objects.requireNonNull(explain, "explain"), true);
    }

    /**
     * As the constructor above, with the grants already sorted and checked ({@link GrantSet#of}) and denials already
     * checked against them ({@link #checkDisjoint}: the engine's index checks each list of denials it keeps once).
     */
    Decision(StaffId requester, StudentId student, Purpose purpose, Instant at, LocalDate date, String policyId,
             int policyVersion, GrantSet grants, List<Denial> denials, List<Obligation> obligations,
             Supplier<String> explain) {
        this(requester, student, purpose, at, date, policyId, policyVersion, grants, denials, obligations, null,
                Objects.requireNonNull(explain, "explain"), false);
    }

    private Decision(StaffId requester, StudentId student, Purpose purpose, Instant at, LocalDate date, String policyId,
                     int policyVersion, GrantSet grants, List<Denial> denials, List<Obligation> obligations,
                     @Nullable String explanation, @Nullable Supplier<String> explain, boolean checkDisjoint) {
        this.requester = Objects.requireNonNull(requester, "requester");
        this.student = Objects.requireNonNull(student, "student");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.at = Objects.requireNonNull(at, "at");
        this.date = Objects.requireNonNull(date, "date");
        this.policyId = Objects.requireNonNull(policyId, "policyId");
        this.policyVersion = policyVersion;
        this.grantSet = grants;
        this.grants = grants.grants;
        this.denials = List.copyOf(Objects.requireNonNull(denials, "denials"));
        this.obligations = List.copyOf(Objects.requireNonNull(obligations, "obligations"));
        this.explanation = explanation;
        this.explain = explain;
        this.dataVersion = 0;
        if (checkDisjoint) {
            checkDisjoint(grants, this.denials);
        }
    }

    /** Checks that no field of {@code denials} is granted by {@code grants}. */
    static void checkDisjoint(GrantSet grants, List<Denial> denials) {
        if (grants.fieldCount() == 0) {
            return;
        }
        for (int d = 0; d < denials.size(); d++) {
            List<FieldPath> fields = denials.get(d).fields();
            for (int i = 0; i < fields.size(); i++) {
                if (grants.grantsOf(fields.get(i)) != null) {
                    throw new IllegalArgumentException("a field is either granted or denied, both: " + fields.get(i));
                }
            }
        }
    }

    /** A copy of {@code d} made at {@code at} with {@code obligations}, holding at {@code dataVersion}. */
    private Decision(Decision d, Instant at, List<Obligation> obligations, long dataVersion) {
        this.requester = d.requester;
        this.student = d.student;
        this.purpose = d.purpose;
        this.at = at;
        this.date = d.date;
        this.policyId = d.policyId;
        this.policyVersion = d.policyVersion;
        this.grantSet = d.grantSet;
        this.grants = d.grants;
        this.denials = d.denials;
        this.obligations = obligations;
        this.explanation = d.explanation;
        this.explain = d.explain;
        this.dataVersion = dataVersion;
    }

    /**
     * This decision as holding at data version {@code version}: set by the engine that makes or serves it (a
     * {@link DecisionCache} serves a decision at a later version only while the access facts it read are unchanged).
     */
    Decision atVersion(long version) {
        return version == dataVersion ? this : new Decision(this, at, obligations, version);
    }

    /**
     * The version of the district data this decision holds at: the {@link PolicyEngine#dataVersion()} of the engine
     * that made or served it; with a {@link LivePolicyEngine}, the number of the district's version. A host that
     * applied a change at version {@code v} knows a decision reflects it when {@code dataVersion() >= v}. Not part of
     * {@link #equals}: two decisions that decide the same are equal whatever version they hold at.
     *
     * @return the version number of the district data
     */
    public long dataVersion() {
        return dataVersion;
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
                moved.add(new Obligation.RecordDisclosure(r.disclosure().at(instant)));
            } else {
                moved.add(o);
            }
        }
        return new Decision(this, instant, List.copyOf(moved), dataVersion);
    }

    /**
     * Who asked.
     *
     * @return the staff member who asked
     */
    public StaffId requester() {
        return requester;
    }

    /**
     * Whose records.
     *
     * @return the student whose records were asked for
     */
    public StudentId student() {
        return student;
    }

    /**
     * For what.
     *
     * @return the purpose of the request
     */
    public Purpose purpose() {
        return purpose;
    }

    /** {@return the instant of the request} */
    public Instant at() {
        return at;
    }

    /**
     * That instant's date in the district's time zone, at which the dated records were evaluated.
     *
     * @return the date at which the dated records were evaluated
     */
    public LocalDate date() {
        return date;
    }

    /** {@return the policy's id} */
    public String policyId() {
        return policyId;
    }

    /** {@return the policy's version} */
    public int policyVersion() {
        return policyVersion;
    }

    /** {@return every grant, sorted by field, then by precedence of legal basis (see the class comment)} */
    public List<Grant> grants() {
        return grants;
    }

    /** {@return the denied fields, by category and reason} */
    public List<Denial> denials() {
        return denials;
    }

    /** {@return what the caller must do when acting on the permit} */
    public List<Obligation> obligations() {
        return obligations;
    }

    /**
     * Why, in words, with identifiers but never personal data.
     *
     * @return the explanation
     */
    public String explanation() {
        String known = explanation;
        if (known == null) {
            // rendered at most a few times under a race, always to the same text; a String is safely published
            known = Objects.requireNonNull(Objects.requireNonNull(explain, "explain").get(), "explanation");
            explanation = known;
        }
        return known;
    }

    /** {@return whether any field is permitted} */
    public boolean permitsAny() {
        return !grants.isEmpty();
    }

    /**
     * {@return whether this field is permitted}
     *
     * @param field a field path
     */
    public boolean permits(FieldPath field) {
        return grantSet.grantsOf(Objects.requireNonNull(field, "field")) != null;
    }

    /**
     * {@return whether the field at this path is permitted (false for a path that is malformed or unknown)}
     *
     * @param path a field path, as text
     */
    public boolean permits(String path) {
        return FieldPath.isWellFormed(path) && permits(FieldPath.of(path));
    }

    /**
     * {@return the grant of this field with the broadest basis (the first of {@link #grantsOf}), if permitted}
     *
     * @param field a field path
     */
    public Optional<Grant> grant(FieldPath field) {
        return grantSet.firstGrantOf(Objects.requireNonNull(field, "field"));
    }

    /**
     * {@return every grant of this field, by precedence; empty when it is denied}
     *
     * @param field a field path
     */
    public List<Grant> grantsOf(FieldPath field) {
        List<Grant> of = grantSet.grantsOf(Objects.requireNonNull(field, "field"));
        return of == null ? List.of() : of;
    }

    /**
     * The row scope of each permitted field of {@code category}: the scopes of its grants, by precedence. A host that
     * renders its own records shows a record of a field only when one of these scopes covers it.
     *
     * @param category a data category
     * @return each permitted field of the category and the scopes of its grants
     */
    public Map<FieldPath, List<RecordScope>> rowScope(DataCategory category) {
        Objects.requireNonNull(category, "category");
        Map<FieldPath, List<RecordScope>> out = new LinkedHashMap<>();
        for (int i = 0; i < grantSet.fieldCount(); i++) {
            List<Grant> gs = grantSet.grantsAt(i);
            if (gs.get(0).category() == category) {
                out.put(grantSet.field(i), gs.stream().map(Grant::scope).toList());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Whether a record of {@code field} at {@code school} with a day in {@code [first, last]} may be shown: the scope of
     * one of the field's grants covers it (for a record of one day, {@code first} equals {@code last}). What a host that
     * renders its own records, or derives figures from them, applies to each record.
     *
     * @param field the field of the record
     * @param school the school of the record
     * @param first the record's first day
     * @param last the record's last day (inclusive)
     * @return true when a grant's scope covers the record
     */
    public boolean covers(FieldPath field, org.communityschools.core.model.SchoolId school, LocalDate first,
                          LocalDate last) {
        Objects.requireNonNull(school, "school");
        for (Grant g : grantsOf(field)) {
            if (g.scope().coversAny(school, first, last)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The days of {@code [first, last]} at {@code school} that a grant of {@code field} covers, merged across the
     * field's grants: sorted, disjoint, inclusive ranges (a range reaching {@link LocalDate#MAX} is open-ended).
     *
     * @param field the field of the records
     * @param school the school of the records
     * @param first the first day asked about
     * @param last the last day asked about (inclusive)
     * @return the covered days, as sorted, disjoint, inclusive ranges
     */
    public List<org.communityschools.core.model.DateRange> coveredDays(FieldPath field,
                                                                       org.communityschools.core.model.SchoolId school,
                                                                       LocalDate first, LocalDate last) {
        Objects.requireNonNull(school, "school");
        List<org.communityschools.core.model.DateRange> all = new ArrayList<>();
        for (Grant g : grantsOf(field)) {
            all.addAll(g.scope().coveredDays(school, first, last));
        }
        return RecordScope.merged(all);
    }

    /** {@return the permitted fields, sorted by path (the same set on every call: nothing is built per call)} */
    public Set<FieldPath> permittedFields() {
        return grantSet.permitted;
    }

    /** {@return the categories with at least one permitted field, in enum order} */
    public Set<DataCategory> permittedCategories() {
        return grantSet.categories;
    }

    /**
     * {@return the reasons the fields of {@code category} were denied, possibly none}
     *
     * @param category a data category
     */
    public List<String> denialReasons(DataCategory category) {
        Objects.requireNonNull(category, "category");
        return denials.stream().filter(d -> d.category() == category).map(Denial::reason).toList();
    }

    /**
     * {@return the reason this field was denied; empty when it is permitted}
     *
     * @param field a field path
     */
    public Optional<String> denialReason(FieldPath field) {
        Objects.requireNonNull(field, "field");
        return denials.stream().filter(d -> d.fields().contains(field)).map(Denial::reason).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && d.requester.equals(requester) && d.student.equals(student)
                && d.purpose.equals(purpose) && d.at.equals(at) && d.date.equals(date) && d.policyId.equals(policyId)
                && d.policyVersion == policyVersion && d.grants.equals(grants) && d.denials.equals(denials)
                && d.obligations.equals(obligations) && d.explanation().equals(explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(requester, student, purpose, at, date, policyId, policyVersion, grants, denials, obligations,
                explanation());
    }

    /** Ids, policy and counts only. */
    @Override
    public String toString() {
        return "Decision[requester=" + requester + ", student=" + student + ", purpose=" + purpose + ", date=" + date
                + ", policy=" + policyId + " v" + policyVersion + ", " + grantSet.fieldCount() + " fields permitted, "
                + denials.size() + " denials]";
    }
}
