package org.communityschools.core.internal.index;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranks for sorting column lists by a {@code long} per position ({@link Grouped#ofRanks}): the rank of a value is the
 * number of distinct values before it in an order, so that equal values (ties of the order) have equal ranks and the
 * ranks of several fields packed from the most significant field down order as the fields compared one after the
 * other.
 */
public final class Ranks {
    private Ranks() {
    }

    /**
     * The rank of each of {@code 0..n-1} in {@code order}: the number of values before it that {@code order} does not
     * tie with it (ties share a rank).
     *
     * @param n the number of values
     * @param order the order of two values' indexes
     * @return the rank of each index
     */
    public static int[] of(int n, Comparator<Integer> order) {
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, order);
        int[] rank = new int[n];
        for (int i = 1; i < n; i++) {
            int same = order.compare(sorted[i - 1], sorted[i]) == 0 ? 0 : 1;
            rank[sorted[i]] = rank[sorted[i - 1]] + same;
        }
        return rank;
    }

    /**
     * The rank of the identifier at each index of {@code ids} in the identifiers' natural order. A table's indexes are
     * in the order its file listed the identifiers, which is often already the identifiers' order (students.csv
     * sorted by student_id): then, checked in one pass, the rank is the index itself (identifiers are unique); else
     * the identifiers are sorted ({@link #of}).
     *
     * @param ids a table
     * @param <K> the identifier type
     * @return the rank of each index
     */
    public static <K extends Comparable<K>> int[] ofIds(IdTable<K, ?> ids) {
        int n = ids.size();
        int[] rank = new int[n];
        if (n == 0) {
            return rank;
        }
        K previous = ids.id(0);
        for (int i = 1; i < n; i++) {
            K next = ids.id(i);
            if (previous.compareTo(next) >= 0) {
                return of(n, (a, b) -> ids.id(a).compareTo(ids.id(b)));
            }
            rank[i] = i;
            previous = next;
        }
        return rank;
    }

    /**
     * The bits that hold the numbers {@code 0..n-1}.
     *
     * @param n how many numbers
     * @return the bits
     */
    public static int bits(int n) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    }
}
