package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * A policy engine that follows a {@link LiveDistrict}: one immutable {@link PolicyEngine} per version of the
 * district's data, made when a version is first decided on (sharing the compiled policy, so it costs a few fields),
 * so a decision always reads one consistent version. Every decision states the version it holds at
 * ({@link Decision#dataVersion()}), and a host can ask for a decision <em>at least as fresh as</em> a version it knows
 * (Zanzibar's consistency token): after {@code live.apply(batch)} returned version {@code v}, a page rendered with
 * {@code decide(..., v)} can never be served a decision from before the batch.
 *
 * <p>With a {@link DecisionCache}, the engines of one live engine share a cache scope no other engine has, and an
 * entry is keyed by the access-fact versions of the requester and the student
 * ({@link DistrictVersion#accessStamp(StaffId, StudentId)}): a changed staff assignment, enrollment, relationship,
 * partnership, agreement, consent or directory opt-out makes exactly the decisions that read it miss, while
 * attendance, marks and incidents flush nothing.
 *
 * <p>Thread-safe: any number of threads may decide while the district's writer applies batches.
 */
public final class LivePolicyEngine {
    private final LiveDistrict district;
    private final PolicyEngine template;
    private final long scope = PolicyEngine.newScope();
    private volatile PolicyEngine current;

    private LivePolicyEngine(LiveDistrict district, PolicyEngine template) {
        this.district = district;
        this.template = template;
        this.current = template.forVersion(district.current(), scope);
    }

    /** {@return a builder; the policy, the zone and the live district are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the engine of the district's current version} */
    public PolicyEngine engine() {
        DistrictVersion v = district.current();
        PolicyEngine e = current;
        if (e.dataVersion() != v.number()) {
            e = template.forVersion(v, scope);
            current = e;
        }
        return e;
    }

    /**
     * The engine of a version at least as fresh as {@code atLeastVersion}.
     *
     * @param atLeastVersion a version number the caller has seen
     * @return the engine of the current version
     * @throws IllegalArgumentException when the district has not reached that version (the token is not one of this
     *                                  district's versions)
     */
    public PolicyEngine engine(long atLeastVersion) {
        PolicyEngine e = engine();
        if (e.dataVersion() < atLeastVersion) {
            throw new IllegalArgumentException("version " + atLeastVersion + " has not been applied; the district is at "
                    + e.dataVersion());
        }
        return e;
    }

    /**
     * {@return what {@code requester} may see of {@code student} at {@code at}, decided on the current version}
     *
     * @param requester the staff member who asks
     * @param student the student asked about
     * @param purpose the purpose of the request
     * @param at the instant of the request
     */
    public Decision decide(StaffId requester, StudentId student, Purpose purpose, Instant at) {
        return engine().decide(requester, student, purpose, at);
    }

    /**
     * As {@link #decide(StaffId, StudentId, Purpose, Instant)}, on a version at least {@code atLeastVersion}.
     *
     * @param requester the staff member who asks
     * @param student the student asked about
     * @param purpose the purpose of the request
     * @param at the instant of the request
     * @param atLeastVersion a version number the caller has seen
     * @return the decision
     */
    public Decision decide(StaffId requester, StudentId student, Purpose purpose, Instant at, long atLeastVersion) {
        return engine(atLeastVersion).decide(requester, student, purpose, at);
    }

    /**
     * As {@link #decide(StaffId, StudentId, Purpose, Instant, long)}, through {@code cache}.
     *
     * @param cache the decision cache
     * @param requester the staff member who asks
     * @param student the student asked about
     * @param purpose the purpose of the request
     * @param at the instant of the request
     * @param atLeastVersion a version number the caller has seen
     * @return the decision, from the cache when it holds one made on the same access facts
     */
    public Decision decide(DecisionCache cache, StaffId requester, StudentId student, Purpose purpose, Instant at,
                           long atLeastVersion) {
        Objects.requireNonNull(cache, "cache");
        return cache.decide(engine(atLeastVersion), requester, student, purpose, at);
    }

    /** {@return the district this engine follows} */
    public LiveDistrict district() {
        return district;
    }

    @Override
    public String toString() {
        return "LivePolicyEngine[" + template.policy().id() + " v" + template.policy().version() + ", " + district + "]";
    }

    /** Builds a {@link LivePolicyEngine}; each setting once. Not thread-safe. */
    public static final class Builder {
        private final PolicyEngine.Builder engine = PolicyEngine.builder();
        private @Nullable LiveDistrict district;

        private Builder() {}

        /**
         * The policy to apply.
         *
         * @param policy the policy to apply
         * @return this builder
         */
        public Builder policy(Policy policy) {
            engine.policy(policy);
            return this;
        }

        /**
         * The district's time zone.
         *
         * @param zone the district's time zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            engine.zone(zone);
            return this;
        }

        /**
         * The tenant, as in {@link PolicyEngine.Builder#tenant(String)}.
         *
         * @param tenant the tenant, as in {@link PolicyEngine.Builder#tenant(String)}
         * @return this builder
         */
        public Builder tenant(String tenant) {
            engine.tenant(tenant);
            return this;
        }

        /**
         * Emergency access, as in {@link PolicyEngine.Builder#emergencyAccess(EmergencyAccess)}.
         *
         * @param emergencyAccess who may break glass and what they may see
         * @return this builder
         */
        public Builder emergencyAccess(EmergencyAccess emergencyAccess) {
            engine.emergencyAccess(emergencyAccess);
            return this;
        }

        /**
         * The live district to follow.
         *
         * @param district the live district to follow
         * @return this builder
         */
        public Builder district(LiveDistrict district) {
            if (this.district != null) {
                throw new IllegalStateException("district was already set");
            }
            this.district = Objects.requireNonNull(district, "district");
            return this;
        }

        /**
         * The live engine.
         *
         * @return the live engine
         * @throws IllegalStateException when the policy, the zone or the district is not set
         */
        public LivePolicyEngine build() {
            if (district == null) {
                throw new IllegalStateException("a live policy engine needs a live district");
            }
            return new LivePolicyEngine(district, engine.districtData(district.current().data()).build());
        }
    }
}
