package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.List;

/**
 * The obviously correct reference for the audit: enumerates every assignment of non-negative integers to the hidden
 * leaf cells (cells whose row and column are both leaves), derives every total from the leaves, keeps the
 * assignments where every visible cell equals its published value and every hidden cell lies within its known
 * bounds, and records the smallest and largest value of each hidden cell. Only for small tables.
 */
final class BruteForce {
    private final int n;
    private final boolean[] hidden;
    private final long[] value;
    private final long[] lo;
    private final long[] hi;
    private final List<List<Integer>> leavesUnder = new ArrayList<>();
    private final List<Integer> hiddenLeaves = new ArrayList<>();
    private final long[] current;
    private final long[][] seen;
    private final List<List<Integer>> checkAtDepth = new ArrayList<>();

    private BruteForce(CountTable original, ProtectedTable published, SuppressionRules rules) {
        n = original.cells().size();
        hidden = new boolean[n];
        value = new long[n];
        lo = new long[n];
        hi = new long[n];
        current = new long[n];
        seen = new long[n][];
        Dimension rows = original.rows();
        Dimension cols = original.columns();
        int nc = cols.size();
        for (int i = 0; i < n; i++) {
            ProtectedCell p = published.cells().get(i);
            long g = original.cells().get(i).groupSize();
            hidden[i] = p.status() != CellStatus.PUBLISHED;
            value[i] = p.count().orElse(-1L);
            int percent = rules.rateCoding().flatMap(c -> c.percentFor(g)).orElse(0);
            long coded = percent * g / 100;
            switch (p.status()) {
                case SUPPRESSED -> hi[i] = g;
                case BOTTOM_CODED -> hi[i] = coded;
                case TOP_CODED -> {
                    lo[i] = g - coded;
                    hi[i] = g;
                }
                default -> {
                }
            }
            List<Integer> under = new ArrayList<>();
            for (int r : leaves(rows, i / nc)) {
                for (int c : leaves(cols, i % nc)) {
                    under.add(r * nc + c);
                }
            }
            leavesUnder.add(under);
            if (under.size() == 1 && under.get(0) == i) {
                if (hidden[i]) {
                    hiddenLeaves.add(i);
                } else {
                    current[i] = value[i];
                }
            }
        }
        for (int d = 0; d <= hiddenLeaves.size(); d++) {
            checkAtDepth.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (leavesUnder.get(i).size() == 1 && leavesUnder.get(i).get(0) == i) {
                continue;
            }
            int depth = 0;
            for (int leaf : leavesUnder.get(i)) {
                depth = Math.max(depth, hiddenLeaves.indexOf(leaf) + 1);
            }
            checkAtDepth.get(depth).add(i);
        }
    }

    private static List<Integer> leaves(Dimension d, int node) {
        if (d.childrenOf(node).isEmpty()) {
            return List.of(node);
        }
        List<Integer> out = new ArrayList<>();
        for (int k : d.childrenOf(node)) {
            out.addAll(leaves(d, k));
        }
        return out;
    }

    /** For each cell, {@code {min, max}} over all completions when hidden, {@code null} otherwise. */
    static long[][] ranges(CountTable original, ProtectedTable published, SuppressionRules rules) {
        BruteForce b = new BruteForce(original, published, rules);
        b.search(0);
        long[][] out = new long[b.n][];
        for (int i = 0; i < b.n; i++) {
            if (b.hidden[i]) {
                out[i] = b.seen[i];
            }
        }
        return out;
    }

    private boolean consistent(int depth) {
        for (int cell : checkAtDepth.get(depth)) {
            long sum = 0;
            for (int leaf : leavesUnder.get(cell)) {
                sum += current[leaf];
            }
            current[cell] = sum;
            if (hidden[cell] ? sum < lo[cell] || sum > hi[cell] : sum != value[cell]) {
                return false;
            }
        }
        return true;
    }

    private void search(int depth) {
        if (!consistent(depth)) {
            return;
        }
        if (depth == hiddenLeaves.size()) {
            for (int i = 0; i < n; i++) {
                if (hidden[i]) {
                    if (seen[i] == null) {
                        seen[i] = new long[] {current[i], current[i]};
                    } else {
                        seen[i][0] = Math.min(seen[i][0], current[i]);
                        seen[i][1] = Math.max(seen[i][1], current[i]);
                    }
                }
            }
            return;
        }
        int leaf = hiddenLeaves.get(depth);
        for (long v = lo[leaf]; v <= hi[leaf]; v++) {
            current[leaf] = v;
            search(depth + 1);
        }
    }
}
