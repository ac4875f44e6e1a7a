package org.communityschools.core.internal.index;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A persistent hash map over {@link IntTrie}: a key's spread hash (made non-negative) chooses a bucket, a bucket
 * is a small array of alternating keys and values. Updates copy the path and the bucket only. Immutable and
 * thread-safe.
 *
 * @param <K> the key type (with a proper {@code equals} and {@code hashCode})
 * @param <V> the value type
 */
public final class HashTrie<K, V> {
    private static final HashTrie<?, ?> EMPTY = new HashTrie<>(IntTrie.empty(), 0);

    private final IntTrie<Object[]> buckets;
    private final int size;

    private HashTrie(IntTrie<Object[]> buckets, int size) {
        this.buckets = buckets;
        this.size = size;
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> HashTrie<K, V> empty() {
        return (HashTrie<K, V>) EMPTY;
    }

    private static int bucket(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & 0x7FFFFFFF;
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public @Nullable V get(K key) {
        Object[] b = buckets.get(bucket(key));
        if (b != null) {
            for (int i = 0; i < b.length; i += 2) {
                if (b[i].equals(key)) {
                    return (V) b[i + 1];
                }
            }
        }
        return null;
    }

    /** A map like this one with {@code key} mapped to {@code value}, or removed when {@code value} is null. */
    public HashTrie<K, V> with(K key, @Nullable V value) {
        Objects.requireNonNull(key, "key");
        int h = bucket(key);
        Object[] b = buckets.get(h);
        int at = -1;
        if (b != null) {
            for (int i = 0; i < b.length; i += 2) {
                if (b[i].equals(key)) {
                    at = i;
                    break;
                }
            }
        }
        if (value == null) {
            if (at < 0) {
                return this;
            }
            Object[] nb = b.length == 2 ? null : new Object[b.length - 2];
            if (nb != null) {
                System.arraycopy(b, 0, nb, 0, at);
                System.arraycopy(b, at + 2, nb, at, b.length - at - 2);
            }
            return new HashTrie<>(buckets.with(h, nb), size - 1);
        }
        Object[] nb;
        if (at >= 0) {
            nb = b.clone();
            nb[at + 1] = value;
            return new HashTrie<>(buckets.with(h, nb), size);
        }
        nb = b == null ? new Object[2] : java.util.Arrays.copyOf(b, b.length + 2);
        nb[nb.length - 2] = key;
        nb[nb.length - 1] = value;
        return new HashTrie<>(buckets.with(h, nb), size + 1);
    }

    /** Visits every entry (in no particular order). */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        buckets.forEach((h, b) -> {
            for (int i = 0; i < b.length; i += 2) {
                action.accept((K) b[i], (V) b[i + 1]);
            }
        });
    }
}
