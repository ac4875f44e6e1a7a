package org.communityschools.privacy.publication.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The audit: for each hidden cell, the exact smallest and largest integer value consistent with everything
 * published. The unknowns are the hidden cells, each within its known bounds (0 to its group size when suppressed,
 * the coded range when coded); the equations are the table's sums ({@code total = Σ members}) with the published
 * cells moved to the right-hand side. Unknowns linked by no equation are independent, so the program is split into
 * connected components.
 *
 * <p>Each bound is an integer program {@code max ±x_k} solved by branch and bound over the exact rational simplex
 * of {@link BoundedLp}: an LP optimum whose point is integral is the integer optimum; otherwise the search branches
 * on the first fractional coordinate ({@code x_j ≤ ⌊v⌋} or {@code x_j ≥ ⌈v⌉}) and prunes with {@code ⌊LP bound⌋}.
 * Every step is exact, so the result is the exact integer range. For one- and two-dimensional tables with
 * marginals the constraint matrix is totally unimodular and the root LP is already integral.
 */
final class ExactAudit {
    private ExactAudit() {
    }

    /**
     * @param lines  the sums, each {@code [total, member, member, ...]} as cell indices
     * @param hidden which cells are unknown to a reader
     * @param value  the published value of every visible cell (ignored for hidden cells)
     * @param lo     the known lower bound of every hidden cell
     * @param hi     the known upper bound of every hidden cell
     * @return for each cell, {@code {lower, upper}} when hidden, {@code null} otherwise
     */
    static long[] @Nullable [] ranges(int[][] lines, boolean[] hidden, long[] value, long[] lo, long[] hi) {
        return ranges(lines, hidden, value, lo, hi, true, AuditBudget.unlimited());
    }

    /**
     * As {@link #ranges(int[][], boolean[], long[], long[], long[])}, spending the linear programming from
     * {@code budget}.
     *
     * @throws AuditBudget.ExceededException when a linked group or the work goes over the budget
     */
    static long[] @Nullable [] ranges(int[][] lines, boolean[] hidden, long[] value, long[] lo, long[] hi,
            AuditBudget budget) {
        return ranges(lines, hidden, value, lo, hi, true, budget);
    }

    /**
     * As {@link #ranges(int[][], boolean[], long[], long[], long[])}; with {@code closedForm} false every component
     * is solved by linear programming, even one of a single equation (the oracle of the closed form in tests).
     */
    static long[] @Nullable [] ranges(int[][] lines, boolean[] hidden, long[] value, long[] lo, long[] hi, boolean closedForm) {
        return ranges(lines, hidden, value, lo, hi, closedForm, AuditBudget.unlimited());
    }

    private static long[] @Nullable [] ranges(int[][] lines, boolean[] hidden, long[] value, long[] lo, long[] hi,
            boolean closedForm, AuditBudget budget) {
        int n = hidden.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] line : lines) {
            int first = -1;
            for (int c : line) {
                if (hidden[c]) {
                    if (first < 0) {
                        first = c;
                    } else {
                        parent[find(parent, c)] = find(parent, first);
                    }
                }
            }
        }
        // the components in order of their first cell, and each sum with the component of its hidden cells: one pass
        // over the cells and one over the sums, so that many small components cost no more than one large one
        int[] componentOf = new int[n];
        Arrays.fill(componentOf, -1);
        int[] local = new int[n];
        List<List<Integer>> components = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (hidden[i]) {
                int root = find(parent, i);
                if (componentOf[root] < 0) {
                    componentOf[root] = components.size();
                    components.add(new ArrayList<>());
                }
                List<Integer> vars = components.get(componentOf[root]);
                local[i] = vars.size();
                vars.add(i);
            }
        }
        List<List<int[]>> linesOf = new ArrayList<>(components.size());
        for (int k = 0; k < components.size(); k++) {
            linesOf.add(new ArrayList<>());
        }
        for (int[] line : lines) {
            for (int c : line) {
                if (hidden[c]) {
                    linesOf.get(componentOf[find(parent, c)]).add(line);
                    break;
                }
            }
        }
        long[][] result = new long[n][];
        for (int k = 0; k < components.size(); k++) {
            solveComponent(components.get(k), linesOf.get(k), local, hidden, value, lo, hi, closedForm, budget, result);
        }
        return result;
    }

    /**
     * The ranges of one connected component: its hidden cells {@code vars} (with {@code local[c]} the position of cell
     * {@code c} in {@code vars}), the sums {@code lines} holding them, the published {@code value} of the other cells
     * of those sums, and the known bounds; written into {@code result} at each cell of {@code vars}. A component's
     * ranges depend on nothing else, which lets the engine audit again only the components a suppression changed.
     */
    static void solveComponent(List<Integer> vars, List<int[]> lines, int[] local, boolean[] hidden, long[] value,
            long[] lo, long[] hi, boolean closedForm, AuditBudget budget, long[] @Nullable [] result) {
        List<long[]> rowsA = new ArrayList<>();
        List<Long> rowsB = new ArrayList<>();
        for (int[] line : lines) {
            long[] a = new long[vars.size()];
            long b = 0;
            for (int m = 0; m < line.length; m++) {
                int c = line[m];
                long coef = m == 0 ? 1 : -1;
                if (hidden[c]) {
                    a[local[c]] += coef;
                } else {
                    b = Math.subtractExact(b, coef * value[c]);
                }
            }
            rowsA.add(a);
            rowsB.add(b);
        }
        long[][] a = rowsA.toArray(new long[0][]);
        long[] b = rowsB.stream().mapToLong(Long::longValue).toArray();
        long[] l = new long[vars.size()];
        long[] h = new long[vars.size()];
        for (int v = 0; v < vars.size(); v++) {
            l[v] = lo[vars.get(v)];
            h[v] = hi[vars.get(v)];
        }
        if (closedForm && a.length == 1 && unitCoefficients(a[0])) {
            singleEquation(a[0], b[0], l, h, vars, result);
            return;
        }
        budget.checkLinked(vars.size());
        BoundedLp root0 = new BoundedLp(a, b, l, h, budget);
        if (!root0.isFeasible()) {
            throw new IllegalStateException("the published table admits no completion; the table's sums are inconsistent");
        }
        for (int v = 0; v < vars.size(); v++) {
            // the true table is an integer point of every component, so both optima exist
            long max = Objects.requireNonNull(integerMax(a, b, l, h, v, 1, root0, null, budget), "max");
            long min = -Objects.requireNonNull(integerMax(a, b, l, h, v, -1, root0, null, budget), "min");
            result[vars.get(v)] = new long[] {min, max};
        }
    }

    private static boolean unitCoefficients(long[] a) {
        for (long c : a) {
            if (c != 1 && c != -1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ranges of the variables of one equation {@code Σ a_v·x_v = b} with unit coefficients and integer bounds
     * {@code l_v ≤ x_v ≤ h_v}, in closed form and linear time (a flat table: a total and its members). The other terms
     * of the sum take every integer between their least and greatest sum, so {@code a_k·x_k} ranges over
     * {@code [b − max, b − min]} of the others, cut to the variable's own bounds. The LP gives the same ranges (a
     * property in the tests); this is what keeps a table of a million rows linear.
     */
    private static void singleEquation(long[] a, long b, long[] l, long[] h, List<Integer> vars, long[] @Nullable [] result) {
        long min = 0;
        long max = 0;
        for (int v = 0; v < a.length; v++) {
            min = Math.addExact(min, a[v] > 0 ? l[v] : -h[v]);
            max = Math.addExact(max, a[v] > 0 ? h[v] : -l[v]);
        }
        for (int v = 0; v < a.length; v++) {
            long othersMin = min - (a[v] > 0 ? l[v] : -h[v]);
            long othersMax = max - (a[v] > 0 ? h[v] : -l[v]);
            long termLo = b - othersMax;
            long termHi = b - othersMin;
            long lower = a[v] > 0 ? Math.max(l[v], termLo) : Math.max(l[v], -termHi);
            long upper = a[v] > 0 ? Math.min(h[v], termHi) : Math.min(h[v], -termLo);
            if (lower > upper) {
                throw new IllegalStateException("the published table admits no completion; the table's sums are inconsistent");
            }
            result[vars.get(v)] = new long[] {lower, upper};
        }
    }

    /** The maximum of {@code sign · x[k]} over the integer points, at least {@code incumbent} when given. */
    private static @Nullable Long integerMax(long[][] a, long[] b, long[] lo, long[] hi, int k, int sign,
            @Nullable BoundedLp prepared, @Nullable Long incumbent, AuditBudget budget) {
        BoundedLp lp = prepared != null ? prepared : new BoundedLp(a, b, lo, hi, budget);
        Optional<BoundedLp.Optimum> opt = lp.optimize(k, sign);
        if (opt.isEmpty()) {
            return incumbent;
        }
        Rational objective = sign > 0 ? opt.get().value() : opt.get().value().negate();
        long bound = objective.floor();
        if (incumbent != null && bound <= incumbent) {
            return incumbent;
        }
        Rational[] point = opt.get().point();
        for (int j = 0; j < point.length; j++) {
            if (!point[j].isInteger()) {
                long[] hiDown = hi.clone();
                hiDown[j] = point[j].floor();
                @Nullable Long best = integerMax(a, b, lo, hiDown, k, sign, null, incumbent, budget);
                long[] loUp = lo.clone();
                loUp[j] = point[j].ceil();
                return integerMax(a, b, loUp, hi, k, sign, null, best, budget);
            }
        }
        return bound; // integral point: the LP optimum is reached by an integer point
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
