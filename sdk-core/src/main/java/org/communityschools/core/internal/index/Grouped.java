package org.communityschools.core.internal.index;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Items grouped by a dense integer key (compressed sparse rows): one array sorted by key, then by an order, and an
 * offsets array, so that the items of a key are found in O(1) without a map entry per key. Immutable once built.
 *
 * @param <T> the item type
 */
public final class Grouped<T> {
    private final Object[] items;
    private final int[] offsets;
    /** Groups replaced by later versions (key to sorted items), sharing {@link #items} otherwise; null when none. */
    private final @Nullable IntTrie<Object[]> overrides;
    private final int size;

    private Grouped(Object[] items, int[] offsets) {
        this(items, offsets, null, items.length);
    }

    private Grouped(Object[] items, int[] offsets, @Nullable IntTrie<Object[]> overrides, int size) {
        this.items = items;
        this.offsets = offsets;
        this.overrides = overrides;
        this.size = size;
    }

    /**
     * These groups with the group of {@code key} replaced by {@code group} (already in order; empty to clear it):
     * shares everything else, so it costs the size of the group and a few small arrays, not a copy.
     */
    public Grouped<T> withGroup(int key, List<? extends T> group) {
        if (key < 0) {
            throw new IllegalArgumentException("key must not be negative, was " + key);
        }
        int old = get(key).size();
        IntTrie<Object[]> o = overrides == null ? IntTrie.empty() : overrides;
        return new Grouped<>(items, offsets, o.with(key, group.toArray()), size - old + group.size());
    }

    /** Whether no group was replaced (only then are {@link #start}, {@link #end} and {@link #at} meaningful). */
    public boolean isFlat() {
        return overrides == null;
    }

    /** Groups {@code items} by {@code key} (0 to {@code keys - 1}; negative keys are dropped), each group sorted by {@code order}. */
    public static <T> Grouped<T> of(List<T> items, int keys, ToIntFunction<? super T> key, Comparator<? super T> order) {
        int[] offsets = new int[keys + 1];
        int n = 0;
        for (T item : items) {
            int k = key.applyAsInt(item);
            if (k >= 0) {
                offsets[k + 1]++;
                n++;
            }
        }
        for (int k = 0; k < keys; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] cursor = Arrays.copyOf(offsets, keys);
        Object[] sorted = new Object[n];
        for (T item : items) {
            int k = key.applyAsInt(item);
            if (k >= 0) {
                sorted[cursor[k]++] = item;
            }
        }
        @SuppressWarnings("unchecked")
        Comparator<Object> c = (Comparator<Object>) order;
        for (int k = 0; k < keys; k++) {
            if (offsets[k + 1] - offsets[k] > 1) {
                Arrays.sort(sorted, offsets[k], offsets[k + 1], c);
            }
        }
        return new Grouped<>(sorted, offsets);
    }

    /** The items of {@code key}, in order; empty for a negative or unknown key. Unmodifiable. */
    @SuppressWarnings("unchecked")
    public List<T> get(int key) {
        if (overrides != null && key >= 0) {
            Object[] group = overrides.get(key);
            if (group != null) {
                return group.length == 0 ? List.of() : (List<T>) Collections.unmodifiableList(Arrays.asList(group));
            }
        }
        if (key < 0 || key + 1 >= offsets.length || offsets[key] == offsets[key + 1]) {
            return List.of();
        }
        return (List<T>) Collections.unmodifiableList(Arrays.asList(items).subList(offsets[key], offsets[key + 1]));
    }

    /**
     * The position of the first item of {@code key} (for allocation-free loops with {@link #at(int)}); only for groups
     * that are {@link #isFlat() flat}.
     */
    public int start(int key) {
        return key < 0 || key + 1 >= offsets.length ? 0 : offsets[key];
    }

    /** One past the position of the last item of {@code key}. */
    public int end(int key) {
        return key < 0 || key + 1 >= offsets.length ? 0 : offsets[key + 1];
    }

    /** The item at {@code position}. */
    @SuppressWarnings("unchecked")
    public T at(int position) {
        return (T) items[position];
    }

    /** The number of items in all groups. */
    public int size() {
        return size;
    }
}
