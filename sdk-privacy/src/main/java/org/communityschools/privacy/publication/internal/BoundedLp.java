package org.communityschools.privacy.publication.internal;

import java.util.Optional;

/**
 * A linear program over exact rationals: the feasible set {@code { x : A x = b, lo ≤ x ≤ hi }} with integer data,
 * optimized for one coordinate at a time. Two-phase tableau simplex with Bland's rule (smallest index enters and
 * leaves), which cannot cycle, so every call terminates with the exact optimum. All variables are bounded, so no
 * program is unbounded. Phase 1 runs once in the constructor; each {@link #optimize} starts from the basis the previous one ended
 * in (any feasible basis will do), which saves most pivots when the objectives follow one another. Not thread-safe.
 */
final class BoundedLp {
    private final int n;          // structural variables y = x - lo
    private final int rows;       // equality rows + bound rows
    private final int cols;       // n structural + n slacks + m artificials
    private final int firstArtificial;
    private final long[] lo;
    private final boolean feasible;
    private final Rational[][] tableau; // rows x (cols + 1), last column the right-hand side
    private final int[] basis;
    private final AuditBudget budget;

    /**
     * @param a  the equations' coefficients, {@code a[i][j]} for equation i and variable j
     * @param b  the equations' right-hand sides
     * @param lo the lower bounds
     * @param hi the upper bounds
     */
    BoundedLp(long[][] a, long[] b, long[] lo, long[] hi) {
        this(a, b, lo, hi, AuditBudget.unlimited());
    }

    /** As {@link #BoundedLp(long[][], long[], long[], long[])}, each pivot spent from {@code budget}. */
    BoundedLp(long[][] a, long[] b, long[] lo, long[] hi, AuditBudget budget) {
        this.budget = budget;
        this.n = lo.length;
        int m = b.length;
        this.lo = lo.clone();
        this.rows = m + n;
        this.cols = 2 * n + m;
        this.firstArtificial = 2 * n;
        boolean ok = true;
        for (int j = 0; j < n; j++) {
            ok &= hi[j] >= lo[j];
        }
        tableau = new Rational[rows][cols + 1];
        basis = new int[rows];
        for (Rational[] row : tableau) {
            java.util.Arrays.fill(row, Rational.ZERO);
        }
        for (int i = 0; i < m; i++) {
            long rhs = b[i];
            for (int j = 0; j < n; j++) {
                rhs = Math.subtractExact(rhs, Math.multiplyExact(a[i][j], lo[j]));
            }
            int sign = rhs < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                tableau[i][j] = Rational.of(sign * a[i][j]);
            }
            tableau[i][firstArtificial + i] = Rational.ONE;
            tableau[i][cols] = Rational.of(sign * rhs);
            basis[i] = firstArtificial + i;
        }
        for (int j = 0; j < n; j++) {
            int r = m + j;
            tableau[r][j] = Rational.ONE;
            tableau[r][n + j] = Rational.ONE;
            tableau[r][cols] = Rational.of(Math.max(0, hi[j] - lo[j]));
            basis[r] = n + j;
        }
        if (ok && m > 0) {
            // phase 1: maximize -(sum of artificials)
            Rational[] cost = new Rational[cols];
            java.util.Arrays.fill(cost, Rational.ZERO);
            for (int i = 0; i < m; i++) {
                cost[firstArtificial + i] = Rational.ONE.negate();
            }
            Rational value = run(cost, cols);
            ok = value.signum() == 0;
            if (ok) {
                driveOutArtificials();
            }
        }
        this.feasible = ok;
    }

    boolean isFeasible() {
        return feasible;
    }

    /** The optimum of {@code sign · x[k]} ({@code sign} 1 to maximize, -1 to minimize) and a point reaching it. */
    Optional<Optimum> optimize(int k, int sign) {
        if (!feasible) {
            return Optional.empty();
        }
        Rational[] cost = new Rational[cols];
        java.util.Arrays.fill(cost, Rational.ZERO);
        cost[k] = Rational.of(sign);
        run(cost, firstArtificial);
        Rational[] x = new Rational[n];
        java.util.Arrays.fill(x, Rational.ZERO);
        for (int i = 0; i < rows; i++) {
            if (basis[i] < n) {
                x[basis[i]] = tableau[i][cols];
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] = x[j].add(Rational.of(lo[j]));
        }
        return Optional.of(new Optimum(x[k], x));
    }

    /** An optimal value of {@code x[k]} (not multiplied by the sign) and the point. */
    record Optimum(Rational value, Rational[] point) {
    }

    /** Maximizes {@code cost · columns}, entering only columns below {@code enterLimit}; returns the objective. */
    private Rational run(Rational[] cost, int enterLimit) {
        while (true) {
            int enter = -1;
            for (int j = 0; j < enterLimit && enter < 0; j++) {
                if (isBasic(j)) {
                    continue;
                }
                Rational d = cost[j];
                for (int i = 0; i < rows; i++) {
                    Rational t = tableau[i][j];
                    if (t.signum() != 0 && cost[basis[i]].signum() != 0) {
                        d = d.subtract(cost[basis[i]].multiply(t));
                    }
                }
                if (d.signum() > 0) {
                    enter = j;
                }
            }
            if (enter < 0) {
                Rational z = Rational.ZERO;
                for (int i = 0; i < rows; i++) {
                    if (cost[basis[i]].signum() != 0) {
                        z = z.add(cost[basis[i]].multiply(tableau[i][cols]));
                    }
                }
                return z;
            }
            int leave = -1;
            Rational best = null;
            for (int i = 0; i < rows; i++) {
                Rational t = tableau[i][enter];
                if (t.signum() > 0) {
                    Rational ratio = tableau[i][cols].divide(t);
                    int c = best == null ? -1 : ratio.compareTo(best);
                    if (c < 0 || (c == 0 && basis[i] < basis[leave])) {
                        best = ratio;
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                throw new IllegalStateException("unbounded program, impossible with bounded variables");
            }
            pivot(leave, enter);
        }
    }

    private boolean isBasic(int j) {
        for (int b : basis) {
            if (b == j) {
                return true;
            }
        }
        return false;
    }

    private void driveOutArtificials() {
        for (int i = 0; i < rows; i++) {
            if (basis[i] >= firstArtificial) {
                for (int j = 0; j < firstArtificial; j++) {
                    if (tableau[i][j].signum() != 0 && !isBasic(j)) {
                        pivot(i, j);
                        break;
                    }
                }
                // otherwise the row is redundant: zero in every non-artificial column, and stays so
            }
        }
    }

    private void pivot(int r, int c) {
        budget.spend((long) rows * (cols + 1));
        Rational p = tableau[r][c];
        Rational[] pr = tableau[r];
        for (int j = 0; j <= cols; j++) {
            if (pr[j].signum() != 0) {
                pr[j] = pr[j].divide(p);
            }
        }
        for (int i = 0; i < rows; i++) {
            if (i == r) {
                continue;
            }
            Rational f = tableau[i][c];
            if (f.signum() == 0) {
                continue;
            }
            Rational[] row = tableau[i];
            for (int j = 0; j <= cols; j++) {
                if (pr[j].signum() != 0) {
                    row[j] = row[j].subtract(f.multiply(pr[j]));
                }
            }
        }
        basis[r] = c;
    }
}
