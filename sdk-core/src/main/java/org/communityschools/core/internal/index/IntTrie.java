package org.communityschools.core.internal.index;

import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A persistent map from non-negative {@code int} keys to values: a radix trie of 32-way nodes (5 bits a level, 7
 * levels), updated by path copying, so that a new version shares every node but the at most 7 on the path to the
 * changed key with the old one. Lookups touch 7 small arrays. Immutable and thread-safe.
 *
 * @param <V> the value type
 */
public final class IntTrie<V> {
    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;
    private static final int LEVELS = 7;
    private static final IntTrie<?> EMPTY = new IntTrie<>(null, 0);

    private final Object @Nullable [] root;
    private final int size;

    private IntTrie(Object @Nullable [] root, int size) {
        this.root = root;
        this.size = size;
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <V> IntTrie<V> empty() {
        return (IntTrie<V>) EMPTY;
    }

    /** The number of keys with a value. */
    public int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public @Nullable V get(int key) {
        Object[] node = root;
        for (int level = LEVELS - 1; node != null; level--) {
            Object child = node[(key >>> (level * BITS)) & MASK];
            if (level == 0) {
                return (V) child;
            }
            node = (Object[]) child;
        }
        return null;
    }

    /** A map like this one with {@code key} mapped to {@code value}, or removed when {@code value} is null. */
    public IntTrie<V> with(int key, @Nullable V value) {
        if (key < 0) {
            throw new IllegalArgumentException("key must not be negative, was " + key);
        }
        boolean had = get(key) != null;
        if (value == null && !had) {
            return this;
        }
        Object[] newRoot = set(root, LEVELS - 1, key, value);
        return new IntTrie<>(newRoot, size + (value == null ? -1 : had ? 0 : 1));
    }

    /**
     * A map like this one with every entry of {@code entries} set (a null value removes the key): as many
     * {@link #with} calls, but each node on the changed paths is copied once for the whole call, not once per key.
     */
    public IntTrie<V> withAll(java.util.Map<Integer, ? extends @Nullable V> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        java.util.Set<Object[]> fresh = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Object[] newRoot = root == null ? new Object[WIDTH] : root.clone();
        fresh.add(newRoot);
        int n = size;
        for (java.util.Map.Entry<Integer, ? extends @Nullable V> e : entries.entrySet()) {
            int key = e.getKey();
            if (key < 0) {
                throw new IllegalArgumentException("key must not be negative, was " + key);
            }
            Object[] node = newRoot;
            for (int level = LEVELS - 1; level > 0; level--) {
                int i = (key >>> (level * BITS)) & MASK;
                Object[] child = (Object[]) node[i];
                if (child == null) {
                    child = new Object[WIDTH];
                    fresh.add(child);
                    node[i] = child;
                } else if (!fresh.contains(child)) {
                    child = child.clone();
                    fresh.add(child);
                    node[i] = child;
                }
                node = child;
            }
            int i = key & MASK;
            boolean had = node[i] != null;
            node[i] = e.getValue();
            n += e.getValue() == null ? (had ? -1 : 0) : (had ? 0 : 1);
        }
        return new IntTrie<>(n == 0 ? null : prune(newRoot, LEVELS - 1, fresh), n);
    }

    /**
     * {@code node} with its empty children removed, or null when nothing is left: only the nodes copied by this call
     * ({@code fresh}) can have become empty, so only they are walked.
     */
    private static Object @Nullable [] prune(Object[] node, int level, java.util.Set<Object[]> fresh) {
        boolean any = false;
        for (int i = 0; i < WIDTH; i++) {
            Object child = node[i];
            if (child != null && level > 0 && fresh.contains(child) && prune((Object[]) child, level - 1, fresh) == null) {
                node[i] = null;
            } else if (child != null) {
                any = true;
            }
        }
        return any ? node : null;
    }

    private static Object @Nullable [] set(Object @Nullable [] node, int level, int key, @Nullable Object value) {
        Object[] copy = node == null ? new Object[WIDTH] : node.clone();
        int i = (key >>> (level * BITS)) & MASK;
        if (level == 0) {
            copy[i] = value;
        } else {
            copy[i] = set((Object[]) copy[i], level - 1, key, value);
        }
        for (Object o : copy) {
            if (o != null) {
                return copy;
            }
        }
        return null;
    }

    /** Visits the entries in key order. */
    @SuppressWarnings("unchecked")
    public void forEach(EntryVisitor<V> visitor) {
        walk(root, LEVELS - 1, 0, (EntryVisitor<Object>) visitor);
    }

    private static void walk(Object @Nullable [] node, int level, int prefix, EntryVisitor<Object> visitor) {
        if (node == null) {
            return;
        }
        for (int i = 0; i < WIDTH; i++) {
            Object child = node[i];
            if (child == null) {
                continue;
            }
            int key = prefix | (i << (level * BITS));
            if (level == 0) {
                visitor.visit(key, child);
            } else {
                walk((Object[]) child, level - 1, key, visitor);
            }
        }
    }

    /** Builds a map of {@code n} keys 0..n-1 from {@code values} (null values are left out). */
    public static <V> IntTrie<V> of(int n, IntFunction<@Nullable V> values) {
        IntTrie<V> t = empty();
        for (int i = 0; i < n; i++) {
            V v = values.apply(i);
            if (v != null) {
                t = t.with(i, v);
            }
        }
        return t;
    }

    /** One entry. */
    @FunctionalInterface
    public interface EntryVisitor<V> {
        /** The entry of {@code key}. */
        void visit(int key, V value);
    }
}
