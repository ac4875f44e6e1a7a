package org.communityschools.privacy.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Values that many requests build alike (a scope's days at a school, a reason's text), kept by key (compared by value)
 * so that each is built once and shared: bounded, it forgets all it keeps when it reaches its limit and starts again,
 * so that memory stays small however many distinct keys come. A value given back is always one made for an equal key,
 * so a caller gets the same answer whether the value was kept or made afresh. Thread-safe: values are immutable (or
 * filled in benign races), and a race makes equal values of which one is kept.
 *
 * @param <K> the key, with value equality
 * @param <V> the value
 */
public final class SharedValues<K, V> {
    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final int limit;

    /**
     * A store that keeps up to {@code limit} values.
     *
     * @param limit how many values are kept before all are forgotten (at least one)
     */
    public SharedValues(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a store of shared values keeps at least one value: " + limit);
        }
        this.limit = limit;
    }

    /**
     * The value kept for {@code key}, or null.
     *
     * @param key the key
     * @return the value kept, or null when none is
     */
    public @Nullable V get(K key) {
        return values.get(key);
    }

    /**
     * Keeps {@code made} for {@code key} unless a value is kept already (forgetting every value first when the store is
     * full).
     *
     * @param key the key
     * @param made a value made for {@code key}
     * @return the value kept for {@code key}: {@code made} or the one kept before
     */
    public V keep(K key, V made) {
        Objects.requireNonNull(made, "made");
        if (values.size() >= limit) {
            values.clear();
        }
        V raced = values.putIfAbsent(key, made);
        return raced != null ? raced : made;
    }

    /**
     * {@return how many values are kept now}
     */
    public int size() {
        return values.size();
    }

    /** Forgets every value kept. */
    public void clear() {
        values.clear();
    }
}
