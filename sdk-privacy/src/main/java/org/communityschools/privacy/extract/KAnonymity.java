package org.communityschools.privacy.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The k-anonymity check for microdata (Sweeney 2002): rows are grouped by their quasi-identifier
 * values, and every group of fewer than {@code k} rows is a violation. Stateless and thread-safe.
 */
public final class KAnonymity {
    private KAnonymity() {
    }

    /**
     * The equivalence classes of fewer than {@code k} rows, in order of first appearance.
     *
     * @param rows the quasi-identifier values of each row, all of the same length
     * @param k    at least 1; 1 finds nothing
     * @return the small equivalence classes, each with its values and its number of rows
     */
    public static List<EquivalenceClass> violations(List<? extends List<String>> rows, int k) {
        Objects.requireNonNull(rows, "rows");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        Map<List<String>, Integer> sizes = new LinkedHashMap<>();
        for (List<String> row : rows) {
            sizes.merge(List.copyOf(row), 1, Integer::sum);
        }
        List<EquivalenceClass> out = new ArrayList<>();
        sizes.forEach((values, size) -> {
            if (size < k) {
                out.add(new EquivalenceClass(values, size));
            }
        });
        return List.copyOf(out);
    }

    /**
     * {@return whether every equivalence class of {@code rows} has at least {@code k} rows}
     *
     * @param rows the quasi-identifier values of each row, all of the same length
     * @param k at least 1
     */
    public static boolean holds(List<? extends List<String>> rows, int k) {
        return violations(rows, k).isEmpty();
    }
}
