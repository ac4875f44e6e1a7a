package org.communityschools.privacy.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of decisions, shared by the engines of many tenants. An entry is keyed by the engine's tenant,
 * policy id and version, data version and time zone, and by requester, student, purpose and the <em>date</em> of the
 * request: a decision depends on the dated records only through that date, so it is reused for the whole day and
 * re-stamped with each request's instant. A revoked consent, a suspended agreement or an ended assignment is never
 * served stale as long as the host builds a new engine with a higher {@link PolicyEngine#dataVersion()} when the
 * records change (an engine's data never changes), and a policy change comes with a new policy version: neither can
 * hit an entry made before. The Ed-Fi profile cache that ignored the tenant is the failure this key avoids.
 *
 * <p>Thread-safe (Caffeine); a decision is computed at most once per key at a time.
 */
public final class DecisionCache {
    private record Key(String tenant, String policyId, int policyVersion, long dataVersion, ZoneId zone,
                       StaffId requester, StudentId student, Purpose purpose, LocalDate date) {}

    private final Cache<Key, Decision> cache;

    private DecisionCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** A builder; the maximum size is 100,000 decisions unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The decision of {@code engine} for this request, from the cache when the same key was decided before. */
    public Decision decide(PolicyEngine engine, StaffId requester, StudentId student, Purpose purpose, Instant at) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        Key key = new Key(engine.tenant(), engine.policy().id(), engine.policy().version(), engine.dataVersion(),
                engine.zone(), requester, student, purpose, LocalDate.ofInstant(at, engine.zone()));
        return cache.get(key, k -> engine.decide(requester, student, purpose, at)).at(at);
    }

    /** Drops every entry of {@code tenant}, for a host that wants the memory back after a reload. */
    public void invalidateTenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        cache.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
    }

    /** The approximate number of cached decisions. */
    public long size() {
        return cache.estimatedSize();
    }

    /** Builds a {@link DecisionCache}. Not thread-safe; the cache it builds is. */
    public static final class Builder {
        private @Nullable Long maximumSize;

        private Builder() {}

        /** The maximum number of cached decisions, 1 or more. */
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

        /** The cache. */
        public DecisionCache build() {
            return new DecisionCache(maximumSize == null ? 100_000 : maximumSize);
        }
    }
}
