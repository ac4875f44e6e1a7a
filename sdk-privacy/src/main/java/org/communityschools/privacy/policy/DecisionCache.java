package org.communityschools.privacy.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of decisions, which many engines (of one district or of many) may share safely. An entry is keyed by
 * a <em>scope</em> and an <em>access stamp</em>, and by requester, student, purpose and the <em>date</em> of the
 * request: a decision depends on the dated records only through that date, so it is reused for the whole day and
 * re-stamped with each request's instant (and with the serving engine's {@link Decision#dataVersion()}).
 * <ul>
 *   <li>An engine built from data ({@link PolicyEngine#builder()}) is its own scope ({@link PolicyEngine#instance()}:
 *       no two engines share it, and an engine's policy and data never change) and its stamp is 0. A revoked consent,
 *       an ended relationship or a terminated agreement takes effect as soon as the host decides through an engine
 *       built from the changed data, whatever version numbers the host sets or forgets.</li>
 *   <li>The engines of a {@link LivePolicyEngine} share its scope (a number from the same sequence as engine
 *       instances, so never another engine's), and the stamp is the version of the access facts the decision reads
 *       ({@link org.communityschools.core.live.DistrictVersion#accessStamp}: the last version that changed the
 *       requester's staff record or assignments, the student's record, enrollments, relationships or consents, or
 *       anyone's organizations, schools, partnerships or agreements). A change to access facts makes exactly the
 *       decisions that read them miss; attendance, marks and incidents change no stamp, so they flush nothing.</li>
 * </ul>
 * Two districts sharing one cache never see each other's decisions. (The Ed-Fi profile cache that ignored the tenant,
 * and a key of host-set tenant and version numbers that default to the same values, are the failures this key
 * avoids.) Entries of engines no longer used are evicted by size.
 *
 * <p>Thread-safe (Caffeine); a decision is computed at most once per key at a time.
 */
public final class DecisionCache {
    private record Key(long scope, long stamp, String tenant, StaffId requester, StudentId student, Purpose purpose,
                       LocalDate date) {}

    private final Cache<Key, Decision> cache;

    private DecisionCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** {@return a builder; the maximum size is 100,000 decisions unless set} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the decision of {@code engine} for this request, from the cache when the same key was decided before}
     *
     * @param engine the engine that decides on a miss
     * @param requester the staff member who asks
     * @param student the student asked about
     * @param purpose the purpose of the request
     * @param at the instant of the request
     */
    public Decision decide(PolicyEngine engine, StaffId requester, StudentId student, Purpose purpose, Instant at) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        Key key = new Key(engine.cacheScope(), engine.accessStamp(requester, student), engine.tenant(), requester,
                student, purpose, engine.dateOf(at));
        return cache.get(key, k -> engine.decide(requester, student, purpose, at)).at(at).atVersion(engine.dataVersion());
    }

    /**
     * Drops every entry of {@code tenant}, for a host that wants the memory back after a reload.
     *
     * @param tenant the tenant's name
     */
    public void invalidateTenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        cache.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
    }

    /** {@return the approximate number of cached decisions} */
    public long size() {
        return cache.estimatedSize();
    }

    /** Builds a {@link DecisionCache}. Not thread-safe; the cache it builds is. */
    public static final class Builder {
        private @Nullable Long maximumSize;

        private Builder() {}

        /**
         * The maximum number of cached decisions, 1 or more.
         *
         * @param maximumSize the maximum number of cached decisions, 1 or more
         * @return this builder
         */
        public Builder maximumSize(long maximumSize) {
            if (this.maximumSize != null) {
                throw new IllegalStateException("maximumSize was already set");
            }
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be 1 or more, was " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /** {@return the cache} */
        public DecisionCache build() {
            return new DecisionCache(maximumSize == null ? 100_000 : maximumSize);
        }
    }
}
