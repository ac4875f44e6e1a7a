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
 * the engine's identity ({@link PolicyEngine#instance()}: no two engines share it, and an engine's policy and data
 * never change), and by requester, student, purpose and the <em>date</em> of the request: a decision depends on the
 * dated records only through that date, so it is reused for the whole day and re-stamped with each request's instant.
 * A revoked consent, an ended relationship or a terminated agreement takes effect in the cache as soon as the host
 * decides through an engine built from the changed data, whatever version numbers the host sets or forgets; two
 * districts sharing one cache never see each other's decisions. (The Ed-Fi profile cache that ignored the tenant, and
 * a key of host-set tenant and version numbers that default to the same values, are the failures this key avoids.)
 * Entries of engines no longer used are evicted by size.
 *
 * <p>Thread-safe (Caffeine); a decision is computed at most once per key at a time.
 */
public final class DecisionCache {
    private record Key(long engine, String tenant, StaffId requester, StudentId student, Purpose purpose,
                       LocalDate date) {}

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
        Key key = new Key(engine.instance(), engine.tenant(), requester, student, purpose,
                LocalDate.ofInstant(at, engine.zone()));
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
