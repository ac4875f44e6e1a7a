package org.communityschools.core.internal.index;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Items grouped by a dense integer key (compressed sparse rows): one array sorted by key, then by an order, and an
 * offsets array, so that the items of a key are found in O(1) without a map entry per key. Immutable once built.
 *
 * @param <T> the item type
 */
public final class Grouped<T> {
    /** The items in group order; null when they are {@link #source} at {@link #positions}. */
    private final Object @Nullable [] items;
    /** For groups built by {@link #ofPositions}: the list the items are read from on demand, and their positions in it. */
    private final @Nullable List<?> source;
    private final int @Nullable [] positions;
    private final int[] offsets;
    /** Groups replaced by later versions (key to sorted items), sharing {@link #items} otherwise; null when none. */
    private final @Nullable IntTrie<Object[]> overrides;
    private final int size;

    private Grouped(Object[] items, int[] offsets) {
        this(items, offsets, null, items.length);
    }

    private Grouped(Object[] items, int[] offsets, @Nullable IntTrie<Object[]> overrides, int size) {
        this(items, null, null, offsets, overrides, size);
    }

    private Grouped(Object @Nullable [] items, @Nullable List<?> source, int @Nullable [] positions, int[] offsets,
                    @Nullable IntTrie<Object[]> overrides, int size) {
        this.items = items;
        this.source = source;
        this.positions = positions;
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
        return new Grouped<>(items, source, positions, offsets, o.with(key, group.toArray()), size - old + group.size());
    }

    /** Whether no group was replaced (only then are {@link #start}, {@link #end} and {@link #at} meaningful). */
    public boolean isFlat() {
        return overrides == null;
    }

    /** Groups {@code items} by {@code key} (0 to {@code keys - 1}; negative keys are dropped), each group sorted by {@code order}. */
    public static <T> Grouped<T> of(List<T> items, int keys, ToIntFunction<? super T> key, Comparator<? super T> order) {
        // each item's key once (a key is often an id table lookup), in the list's order
        int[] keyOf = new int[items.size()];
        int at = 0;
        for (T item : items) {
            keyOf[at++] = key.applyAsInt(item);
        }
        return ofKeys(items, keys, keyOf, order);
    }

    /**
     * {@link #of} with the items' keys already known: {@code keyOf[i]} is the key of the item at {@code i} (negative:
     * left out), for a loader that found each key when it added the item, instead of looking it up again.
     *
     * @param items the items
     * @param keys the number of keys
     * @param keyOf the key of each item, in the items' order (not changed)
     * @param order the order within a group
     * @param <T> the items' type
     * @return the items grouped by key
     */
    public static <T> Grouped<T> ofKeys(List<T> items, int keys, int[] keyOf, Comparator<? super T> order) {
        if (keyOf.length < items.size()) {
            throw new IllegalArgumentException("a key per item: " + keyOf.length + " keys for " + items.size() + " items");
        }
        int[] offsets = new int[keys + 1];
        int n = 0;
        for (int i = 0, size = items.size(); i < size; i++) {
            int k = keyOf[i];
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
        int at = 0;
        for (T item : items) {
            int k = keyOf[at++];
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

    /**
     * Groups the items of {@code source} (a list that builds its items on demand, such as {@link CourseMarkColumns})
     * by the key of each position, {@code keyAt} (0 to {@code keys - 1}; negative keys are dropped), each group
     * sorted by {@code order} as {@link #of} sorts it (stable, so equal items keep the list's order). Holds an
     * {@code int} position per item, not the item: {@link #get} and {@link #at} read {@code source} again.
     */
    public static <T> Grouped<T> ofPositions(List<T> source, int keys, IntUnaryOperator keyAt, Comparator<? super T> order) {
        int[] offsets = new int[keys + 1];
        int[] positions = positionsByKey(source.size(), keys, keyAt, offsets);
        int n = positions.length;
        Comparator<Map.Entry<T, Integer>> byItem = Map.Entry.comparingByKey(order);
        for (int k = 0; k < keys; k++) {
            int from = offsets[k];
            int to = offsets[k + 1];
            if (to - from > 1 && !inOrder(source, positions, from, to, order)) {
                List<Map.Entry<T, Integer>> group = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    group.add(Map.entry(source.get(positions[i]), positions[i]));
                }
                group.sort(byItem);
                for (int i = from; i < to; i++) {
                    positions[i] = group.get(i - from).getValue();
                }
            }
        }
        return new Grouped<>(null, source, positions, offsets, null, n);
    }

    /**
     * An order of the positions of a list compared from its columns, without building the items at them: negative,
     * zero or positive as the item at {@code a} comes before, ties with or comes after the item at {@code b}.
     */
    @FunctionalInterface
    public interface PositionOrder {
        /**
         * Compares the items at two positions.
         *
         * @param a a position of the list
         * @param b another position of the list
         * @return negative, zero or positive as the item at {@code a} is before, tied with or after the one at {@code b}
         */
        int compare(int a, int b);
    }

    /**
     * As {@link #ofPositions}, with the items at two positions compared by {@code order} (which must order them as
     * the items' comparator would, ties included): a group already in order is checked, and a group out of order is
     * sorted, without building an item. Stable, so tied items keep the list's order, as {@link #ofPositions} keeps it.
     *
     * @param source the list the items are read from on demand
     * @param keys the number of keys (groups)
     * @param keyAt the key of each position (negative: left out)
     * @param order the order of two positions' items
     * @param <T> the item type
     * @return the groups
     */
    public static <T> Grouped<T> ofColumns(List<T> source, int keys, IntUnaryOperator keyAt, PositionOrder order) {
        int[] offsets = new int[keys + 1];
        int[] positions = positionsByKey(source.size(), keys, keyAt, offsets);
        for (int k = 0; k < keys; k++) {
            int from = offsets[k];
            int to = offsets[k + 1];
            if (to - from > 1 && !inOrder(positions, from, to, order)) {
                sort(positions, from, to, order);
            }
        }
        return new Grouped<>(null, source, positions, offsets, null, positions.length);
    }

    /**
     * As {@link #ofColumns}, with the order of the items given as a rank per position ({@code rank[p]}, smaller first;
     * equal ranks tie and keep the list's order): a column list that can rank its items by the fields its order
     * compares groups them with no call per comparison, in code that is the same for every list (one compilation,
     * where {@link #ofColumns}' comparisons are compiled again for each order).
     *
     * @param source the list the items are read from on demand
     * @param keys the number of keys (groups)
     * @param keyOf the key of each position (negative: left out), not changed
     * @param rank the rank of each position in the order, not changed
     * @param <T> the item type
     * @return the groups
     */
    public static <T> Grouped<T> ofRanks(List<T> source, int keys, int[] keyOf, long[] rank) {
        int[] offsets = new int[keys + 1];
        int[] positions = positionsByKey(source.size(), keys, p -> keyOf[p], offsets);
        for (int k = 0; k < keys; k++) {
            int from = offsets[k];
            int to = offsets[k + 1];
            boolean sorted = true;
            for (int i = from + 1; i < to && sorted; i++) {
                sorted = rank[positions[i - 1]] <= rank[positions[i]];
            }
            if (!sorted) {
                sortByRank(positions, from, to, rank);
            }
        }
        return new Grouped<>(null, source, positions, offsets, null, positions.length);
    }

    /**
     * Sorts {@code positions[from, to)} by rank, stably: insertion for a small group, else the JDK's merge sort. The
     * same steps as {@link #sort(int[], int, int, PositionOrder)}, written out for ranks on purpose: comparing longs in
     * code no other order shares keeps it compiled once (through {@code sort}, each order recompiled it; issue 19).
     */
    private static void sortByRank(int[] positions, int from, int to, long[] rank) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int p = positions[i];
                long r = rank[p];
                int j = i - 1;
                while (j >= from && rank[positions[j]] > r) {
                    positions[j + 1] = positions[j];
                    j--;
                }
                positions[j + 1] = p;
            }
            return;
        }
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = positions[i];
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(rank[a], rank[b]));
        for (int i = from; i < to; i++) {
            positions[i] = boxed[i - from];
        }
    }

    /** The positions {@code 0..size-1} with a key, grouped by key in increasing position; fills {@code offsets}. */
    private static int[] positionsByKey(int size, int keys, IntUnaryOperator keyAt, int[] offsets) {
        int n = 0;
        for (int p = 0; p < size; p++) {
            int k = keyAt.applyAsInt(p);
            if (k >= 0) {
                offsets[k + 1]++;
                n++;
            }
        }
        for (int k = 0; k < keys; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] cursor = Arrays.copyOf(offsets, keys);
        int[] positions = new int[n];
        for (int p = 0; p < size; p++) {
            int k = keyAt.applyAsInt(p);
            if (k >= 0) {
                positions[cursor[k]++] = p;
            }
        }
        return positions;
    }

    private static boolean inOrder(int[] positions, int from, int to, PositionOrder order) {
        for (int i = from + 1; i < to; i++) {
            if (order.compare(positions[i - 1], positions[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Sorts {@code positions[from, to)} by {@code order}, stably: insertion for a small group, else a merge sort. */
    private static void sort(int[] positions, int from, int to, PositionOrder order) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int p = positions[i];
                int j = i - 1;
                while (j >= from && order.compare(positions[j], p) > 0) {
                    positions[j + 1] = positions[j];
                    j--;
                }
                positions[j + 1] = p;
            }
            return;
        }
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = positions[i];
        }
        Arrays.sort(boxed, (a, b) -> order.compare(a, b));
        for (int i = from; i < to; i++) {
            positions[i] = boxed[i - from];
        }
    }

    /**
     * Whether the items at {@code positions[from, to)} are already in {@code order}: then a stable sort leaves them as
     * they are, and grouping files written in that order (course marks by student) builds no sort entries.
     */
    private static <T> boolean inOrder(List<T> source, int[] positions, int from, int to, Comparator<? super T> order) {
        T previous = source.get(positions[from]);
        for (int i = from + 1; i < to; i++) {
            T next = source.get(positions[i]);
            if (order.compare(previous, next) > 0) {
                return false;
            }
            previous = next;
        }
        return true;
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
        if (items != null) {
            return (List<T>) Collections.unmodifiableList(Arrays.asList(items).subList(offsets[key], offsets[key + 1]));
        }
        int from = offsets[key];
        int to = offsets[key + 1];
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return at(from + Objects.checkIndex(index, to - from));
            }

            @Override
            public int size() {
                return to - from;
            }
        };
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

    /**
     * The list the items of {@code key} are read from by position ({@link #sourcePosition}), when the groups were
     * built from one ({@link #ofColumns}, {@link #ofPositions}) and the group of {@code key} was not replaced; else
     * null (read the group with {@link #get}). Then the group's items are at {@link #start} to {@link #end}.
     */
    public @Nullable List<?> sourceOf(int key) {
        if (source == null || overrides != null && key >= 0 && overrides.get(key) != null) {
            return null;
        }
        return source;
    }

    /** The position in the {@link #sourceOf source list} of the item at {@code position} (a group's, see {@link #start}). */
    public int sourcePosition(int position) {
        return positions[position];
    }

    /** The item at {@code position}. */
    @SuppressWarnings("unchecked")
    public T at(int position) {
        return (T) (items != null ? items[position] : source.get(positions[position]));
    }

    /** The number of items in all groups. */
    public int size() {
        return size;
    }

    /**
     * The items of {@code key} that pass {@code test} with {@code value} (such as a date an item must include), in
     * order; unmodifiable. Allocates nothing when none passes.
     */
    public <V> List<T> matching(int key, java.util.function.BiPredicate<? super T, ? super V> test, V value) {
        List<T> group = isFlat() ? null : get(key);
        int first = group == null ? start(key) : 0;
        int n = group == null ? end(key) - first : group.size();
        // usually one passes (a student's enrollment on a day, a staff member's assignment): no list built for it
        T only = null;
        List<T> out = null;
        for (int i = 0; i < n; i++) {
            T t = group == null ? at(first + i) : group.get(i);
            if (test.test(t, value)) {
                if (only == null) {
                    only = t;
                } else {
                    if (out == null) {
                        out = new ArrayList<>(4);
                        out.add(only);
                    }
                    out.add(t);
                }
            }
        }
        return out != null ? List.copyOf(out) : only != null ? List.of(only) : List.of();
    }
}
