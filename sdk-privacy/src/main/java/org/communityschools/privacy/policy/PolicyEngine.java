package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a requester may see of a student's records at an instant, field by field, under a {@link Policy} and
 * against the district's dated records ({@link DistrictData}: staff assignments, enrollments, rosters and caseloads,
 * partnerships, data-sharing agreements, consents, directory opt-outs).
 *
 * <h2>Semantics</h2>
 * <ol>
 *   <li><b>Default deny.</b> A field is permitted only when a permit rule grants it and every check below passes.</li>
 *   <li><b>A rule applies</b> when it serves the request's purpose, the requester holds one of its roles through a
 *       staff assignment in force on the date, and its {@link Relationship} with the student holds on that date.</li>
 *   <li><b>Forbid overrides permit.</b> A field named by an applicable forbid rule is denied whatever grants it.</li>
 *   <li><b>Explicit basis for IDEA and NSLA.</b> A field tagged {@code SPECIAL_EDUCATION_IDEA} or
 *       {@code MEAL_ELIGIBILITY_NSLA} is granted only by a consent or by a rule that names that overlay in
 *       {@link Rule#authorizes()}, never by a general school-official grant (34 CFR 300.622; 42 USC 1758(b)(6)).</li>
 *   <li><b>The legal basis is checked against the records:</b>
 *     <ul>
 *       <li>{@code SCHOOL_OFFICIAL}: a requester employed by the student's school district needs nothing more; any
 *           other requester (a CBO's staff) needs a data-sharing agreement that is {@code ACTIVE}, in effect on the
 *           date, with the school's district as discloser and the requester's employer as recipient, the school and
 *           school year in scope, the requester's role permitted, and the field or its category among its data
 *           elements (34 CFR 99.31(a)(1)(i)(B));</li>
 *       <li>{@code STUDIES}, {@code AUDIT_EVALUATION}: always such an agreement, with that legal basis (99.31(a)(6),
 *           99.35);</li>
 *       <li>{@code CONSENT}: a consent of the student in force on the date (signed, not revoked) naming the requester's
 *           employer and the field's category (99.30);</li>
 *       <li>{@code DIRECTORY}: the field is designated directory information and the student has not opted out
 *           (99.37).</li>
 *     </ul></li>
 *   <li><b>Any error denies.</b> An unknown requester, student or purpose, a requester with no assignment in force,
 *       a student not enrolled where a school is needed, or any exception while evaluating yields a decision that
 *       denies every field, with the reason (never Cedar's skip-on-error).</li>
 * </ol>
 * Revocations, suspensions, expiries, opt-outs and ended assignments deny from the date they take effect, because
 * every decision is computed from the records at its instant. Each decision carries the obligation to record the
 * disclosure ({@link Obligation.RecordDisclosure}, one per basis and agreement or consent) and the masks and row
 * restrictions ({@link Obligation.RestrictRows}) of the rules that granted fields.
 *
 * <p>Immutable and thread-safe; build one per policy and district data with {@link #builder()}.
 */
public final class PolicyEngine {
    /** Numbers every engine made in this JVM, so that a cache keyed by it can never mix two engines' decisions. */
    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();

    private final long instance = INSTANCES.incrementAndGet();
    /** The scope of this engine's entries in a {@link DecisionCache}: its instance, or its live engine's. */
    private final long cacheScope;
    private final org.communityschools.core.live.@Nullable DistrictVersion version;
    private final Policy policy;
    private final DistrictData data;
    private final ZoneId zone;
    private final String tenant;
    private final long dataVersion;
    private final PolicyIndex index;
    private final EmergencyAccess emergencyAccess;
    private final List<DataField> emergencyScope;
    /** The date of an instant in {@link #zone}, the last day remembered. */
    private final LocalDays days;

    private PolicyEngine(Policy policy, DistrictData data, ZoneId zone, String tenant, long dataVersion,
                         @Nullable EmergencyAccess emergencyAccess) {
        EmergencyAccess chosen = emergencyAccess != null ? emergencyAccess : policy.emergency().orElse(null);
        this.emergencyAccess = chosen == null ? EmergencyAccess.defaults() : chosen;
        this.emergencyScope = chosen == null ? this.emergencyAccess.resolveKnown(policy.catalog())
                : chosen.resolve(policy.catalog());
        this.policy = policy;
        this.data = data;
        this.zone = zone;
        this.tenant = tenant;
        this.dataVersion = dataVersion;
        this.index = new PolicyIndex(policy);
        this.days = new LocalDays(zone);
        this.cacheScope = instance;
        this.version = null;
    }

    /** An engine like {@code template} for a version of a live district: shares the compiled policy. */
    private PolicyEngine(PolicyEngine template, org.communityschools.core.live.DistrictVersion version, long cacheScope) {
        this.emergencyAccess = template.emergencyAccess;
        this.emergencyScope = template.emergencyScope;
        this.policy = template.policy;
        this.data = version.data();
        this.zone = template.zone;
        this.tenant = template.tenant;
        this.dataVersion = version.number();
        this.index = template.index;
        this.days = template.days;
        this.cacheScope = cacheScope;
        this.version = version;
    }

    /** A number for a live engine's cache scope, from the same sequence as engine instances (so never equal to one). */
    static long newScope() {
        return INSTANCES.incrementAndGet();
    }

    /** This engine's policy and settings over {@code version}, in the cache scope {@code scope}. */
    PolicyEngine forVersion(org.communityschools.core.live.DistrictVersion version, long scope) {
        return new PolicyEngine(this, version, scope);
    }

    /** {@return the date of {@code at} in the district's time zone, as {@code LocalDate.ofInstant(at, zone())}} */
    LocalDate dateOf(Instant at) {
        return days.dateOf(at);
    }

    /** The scope of this engine's entries in a decision cache. */
    long cacheScope() {
        return cacheScope;
    }

    /**
     * The version of the access facts a decision about {@code requester} and {@code student} reads: for an engine of a
     * live district, {@link org.communityschools.core.live.DistrictVersion#accessStamp}; else 0 (the engine's own
     * scope already ties its entries to its data).
     */
    long accessStamp(StaffId requester, StudentId student) {
        return version == null ? 0 : version.accessStamp(requester, student);
    }

    /** {@return a builder; the policy, the district data and the district's time zone are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the policy this engine applies} */
    public Policy policy() {
        return policy;
    }

    /** {@return the district's time zone, in which an instant's date is taken} */
    public ZoneId zone() {
        return zone;
    }

    /**
     * This engine's identity: a number no other engine made in this JVM has. An engine's policy and data never
     * change, so a decision keyed by it is tied to exactly the data and policy it was computed from.
     *
     * @return the engine's identity
     */
    public long instance() {
        return instance;
    }

    /** {@return the tenant (district) this engine decides for; {@code default} unless set} */
    public String tenant() {
        return tenant;
    }

    /**
     * The version of the district data this engine reads, as the host numbers it (0 unless set), or the number of the
     * live district's version for an engine of a {@link LivePolicyEngine}. Every decision states it
     * ({@link Decision#dataVersion()}). A {@link DecisionCache} never keys on a number the host sets: it keys on the
     * engine's own identity, or for a live engine on the live engine's identity and the access-fact versions the
     * district computes, so a host that forgets to raise this number is still never served a decision made from other
     * data.
     *
     * @return the version number of the district data
     */
    public long dataVersion() {
        return dataVersion;
    }

    /**
     * What {@code requester} may see of {@code student}'s records for {@code purpose} at {@code at}. Never throws for
     * unknown or inconsistent data: such a request is denied with the reason.
     *
     * @param requester the staff member who asks
     * @param student the student asked about
     * @param purpose the purpose of the request
     * @param at the instant of the request
     * @return the decision, with its reasons
     */
    public Decision decide(StaffId requester, StudentId student, Purpose purpose, Instant at) {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        LocalDate date = days.dateOf(at);
        try {
            return new Evaluation(policy, data, index, requester, student, purpose, at, date).run().atVersion(dataVersion);
        } catch (RuntimeException e) {
            return DecisionAssembly.denyAll(policy, requester, student, purpose, at, date,
                    "an error occurred while evaluating (" + e.getClass().getSimpleName() + "); any error denies")
                    .atVersion(dataVersion);
        }
    }

    /**
     * Who may break glass and what an emergency decision grants: as set on the builder, else the policy's
     * {@link Policy#emergency() emergency section}, else {@link EmergencyAccess#defaults()}.
     *
     * @return the emergency access in effect
     */
    public EmergencyAccess emergencyAccess() {
        return emergencyAccess;
    }

    /**
     * Break-glass access in a health or safety emergency (FERPA 34 CFR 99.36): what {@code request}'s requester may see
     * of the student's records to protect the health or safety of the student or others. Granted, with legal basis
     * {@code EMERGENCY} and rule id {@code break-glass}, are exactly the fields of {@link #emergencyAccess()}, when
     * <ul>
     *   <li>the requester is a staff member of the district data with a staff assignment in force on the request's
     *       date (in the district's time zone) in one of the roles that may break glass, and</li>
     *   <li>the student is in the district data and is enrolled on that date at a school where that assignment is,
     *       or has been enrolled by that date in a school of the district organization where it is.</li>
     * </ul>
     * Otherwise, and on any error, every field is denied with the reason (fail closed). The standing rules of the
     * policy play no part: break glass is a separate, recorded workflow, never a rule ({@link Rule}), and
     * {@link #decide} never grants basis {@code EMERGENCY}.
     *
     * <p>A granting decision has purpose {@code health-safety-emergency} and carries a
     * {@link Obligation.RecordDisclosure} with basis {@code EMERGENCY} and the request's
     * {@link org.communityschools.privacy.disclosure.EmergencyDetails} (threat and recipients, 34 CFR 99.32(a)(5)),
     * which is always part of the FERPA record of disclosures and flagged as an emergency
     * ({@link org.communityschools.privacy.disclosure.Disclosure#isEmergency()}); append it before releasing anything.
     * The explanation says that this was break-glass access and quotes neither the threat nor the recipients. A
     * request without an articulated threat or without recipients cannot be built ({@link EmergencyRequest}).
     * Break-glass decisions are never cached.
     *
     * @param request the emergency request: who asks, about whom, when, and the emergency stated
     * @return the decision, with its reasons
     */
    public Decision breakGlass(EmergencyRequest request) {
        Objects.requireNonNull(request, "request");
        LocalDate date = LocalDate.ofInstant(request.at(), zone);
        try {
            return new BreakGlass(policy, data, emergencyAccess, emergencyScope, request, date).run();
        } catch (RuntimeException e) {
            return BreakGlass.deny(policy, request, date,
                    "an error occurred while evaluating (" + e.getClass().getSimpleName() + "); any error denies")
                    .atVersion(dataVersion);
        }
    }

    /**
     * "What can I see and why": every student {@code requester} can reach at {@code at}, for each declared purpose,
     * with the categories and the granting rules. Candidates are the students enrolled that day at the schools where
     * the requester is assigned or that their employer partners with, the students on their rosters and caseloads, and
     * (for a requester assigned at a district organization) every student; each candidate is decided as by {@link #decide}.
     * Sorted by student, then purpose. Cost grows with the candidates: a district-wide requester in a large city is a
     * batch job, not an interactive call.
     *
     * @param requester the staff member
     * @param at the instant
     * @return the students the requester can reach, with what and why
     */
    public List<Access> whatCanISee(StaffId requester, Instant at) {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(at, "at");
        LocalDate date = LocalDate.ofInstant(at, zone);
        List<Access> out = new ArrayList<>();
        for (StudentId s : candidates(requester, date)) {
            for (Purpose p : policy.purposes().keySet()) {
                Decision d = decide(requester, s, p, at);
                if (d.permitsAny()) {
                    out.add(Access.of(d));
                }
            }
        }
        return List.copyOf(out);
    }

    private java.util.SortedSet<StudentId> candidates(StaffId requester, LocalDate date) {
        java.util.SortedSet<StudentId> out = new java.util.TreeSet<>(java.util.Comparator.comparing(StudentId::value));
        var staff = data.staff(requester);
        if (staff.isEmpty()) {
            return out;
        }
        java.util.Set<org.communityschools.core.model.SchoolId> schools = new java.util.HashSet<>();
        boolean districtWide = false;
        for (var a : data.assignmentsOn(requester, date)) {
            if (a.organizationId() instanceof org.communityschools.core.model.SchoolId s) {
                schools.add(s);
            } else if (a.organizationId() instanceof OrganizationId o && data.organization(o)
                    .filter(x -> x.type() == org.communityschools.core.model.OrganizationType.DISTRICT).isPresent()) {
                districtWide = true;
            }
        }
        if (districtWide) {
            data.students().forEach(st -> out.add(st.id()));
            return out;
        }
        schools.addAll(data.schoolsPartneredWith(staff.get().employerId(),
                org.communityschools.core.model.SchoolYear.containing(date)));
        for (var s : schools) {
            for (var e : data.enrollmentsAt(s)) {
                if (e.isEnrolledOn(date)) {
                    out.add(e.studentId());
                }
            }
        }
        data.relationshipsOn(requester, date).forEach(r -> out.add(r.studentId()));
        return out;
    }

    /**
     * "Who can see this": every staff member who may see {@code field} of {@code student} at {@code at}, for each
     * declared purpose, with the grant that says why; for special education fields, the list of persons with access
     * of IDEA 34 CFR 300.623(d). Every staff member with an assignment in force is decided as by {@link #decide}.
     * Sorted by staff id, then purpose.
     *
     * @param student the student
     * @param field the field
     * @param at the instant
     * @return the staff members who may see the field, with the grant that says why
     */
    public List<Viewer> whoCanSee(StudentId student, org.communityschools.privacy.FieldPath field, Instant at) {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(at, "at");
        LocalDate date = LocalDate.ofInstant(at, zone);
        List<Viewer> out = new ArrayList<>();
        List<StaffId> staff = new ArrayList<>();
        data.staff().forEach(s -> staff.add(s.id()));
        staff.sort(java.util.Comparator.comparing(StaffId::value));
        for (StaffId s : staff) {
            if (data.assignmentsOn(s, date).isEmpty()) {
                continue;
            }
            for (Purpose p : policy.purposes().keySet()) {
                decide(s, student, p, at).grant(field).ifPresent(g -> out.add(new Viewer(s, p, g)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Builds a {@link PolicyEngine}. Each setting is set once (a second call throws {@link IllegalStateException}).
     * Not thread-safe; the engine it builds is.
     */
    public static final class Builder {
        private @Nullable Policy policy;
        private @Nullable DistrictData data;
        private @Nullable ZoneId zone;
        private @Nullable String tenant;
        private @Nullable Long dataVersion;
        private @Nullable EmergencyAccess emergencyAccess;

        private Builder() {}

        /**
         * Who may break glass and what they may see, overriding the policy's emergency section. Unless set: the
         * policy's section, else {@link EmergencyAccess#defaults()}, of which the fields that a custom catalog lacks
         * are left out.
         *
         * @param emergencyAccess who may break glass and what they may see
         * @return this builder
         */
        public Builder emergencyAccess(EmergencyAccess emergencyAccess) {
            if (this.emergencyAccess != null) {
                throw new IllegalStateException("emergencyAccess was already set");
            }
            this.emergencyAccess = Objects.requireNonNull(emergencyAccess, "emergencyAccess");
            return this;
        }

        /**
         * The tenant (district) this engine decides for: 1-64 letters, digits, '.', '-', '_'.
         *
         * @param tenant the tenant (district) this engine decides for
         * @return this builder
         */
        public Builder tenant(String tenant) {
            if (this.tenant != null) {
                throw new IllegalStateException("tenant was already set");
            }
            Objects.requireNonNull(tenant, "tenant");
            if (!tenant.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("a tenant has 1-64 letters, digits, '.', '-' or '_', was '" + tenant + "'");
            }
            this.tenant = tenant;
            return this;
        }

        /**
         * The version of the district data, 0 or more; raise it whenever the records change.
         *
         * @param dataVersion the version of the district data, 0 or more
         * @return this builder
         */
        public Builder dataVersion(long dataVersion) {
            if (this.dataVersion != null) {
                throw new IllegalStateException("dataVersion was already set");
            }
            if (dataVersion < 0) {
                throw new IllegalArgumentException("dataVersion must not be negative, was " + dataVersion);
            }
            this.dataVersion = dataVersion;
            return this;
        }

        /**
         * The policy to apply.
         *
         * @param policy the policy to apply
         * @return this builder
         */
        public Builder policy(Policy policy) {
            if (this.policy != null) {
                throw new IllegalStateException("policy was already set");
            }
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The district's records.
         *
         * @param data the district's records
         * @return this builder
         */
        public Builder districtData(DistrictData data) {
            if (this.data != null) {
                throw new IllegalStateException("districtData was already set");
            }
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * The district's time zone, such as {@code America/New_York}: an instant's date is taken there.
         *
         * @param zone the district's time zone, such as {@code America/New_York}
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            if (this.zone != null) {
                throw new IllegalStateException("zone was already set");
            }
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The engine.
         *
         * @return the engine
         * @throws IllegalStateException    when the policy, the data or the zone is not set
         * @throws IllegalArgumentException when the emergency access names a field unknown to the policy's catalog or
         *                                  a meal-eligibility field
         */
        public PolicyEngine build() {
            if (policy == null || data == null || zone == null) {
                throw new IllegalStateException("a policy engine needs a policy, district data and a time zone");
            }
            return new PolicyEngine(policy, data, zone, tenant == null ? "default" : tenant,
                    dataVersion == null ? 0 : dataVersion,
                    emergencyAccess);
        }
    }
}
