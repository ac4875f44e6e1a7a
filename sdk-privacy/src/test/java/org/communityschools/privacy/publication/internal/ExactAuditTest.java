package org.communityschools.privacy.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit is exact over the integers even where the linear relaxation is not: two odd cycles of "at most one of
 * two neighbours" (x_i + x_{i+1} ≤ 1, written x_i + x_{i+1} + s_i = 1 with a published 1), and a hidden total
 * y = Σ x. Each 5-cycle holds at most 2 ones, so y ≤ 4; the relaxation (every x = 1/2) reaches 5.
 */
class ExactAuditTest {
    // cells: x0..x9 (0..9), s0..s9 (10..19), published ones t0..t9 (20..29), y (30)
    private static final int CELLS = 31;

    private static int[][] lines() {
        List<int[]> lines = new ArrayList<>();
        for (int cycle = 0; cycle < 2; cycle++) {
            for (int i = 0; i < 5; i++) {
                int x = cycle * 5 + i;
                int next = cycle * 5 + (i + 1) % 5;
                lines.add(new int[] {20 + x, x, next, 10 + x});
            }
        }
        int[] sum = new int[11];
        sum[0] = 30;
        for (int i = 0; i < 10; i++) {
            sum[i + 1] = i;
        }
        lines.add(sum);
        return lines.toArray(new int[0][]);
    }

    @Test
    void theRelaxationOvershootsOnTwoOddCycles() {
        // unknowns x0..x9, s0..s9, y; equations as in lines()
        long[][] a = new long[11][21];
        long[] b = new long[11];
        for (int cycle = 0; cycle < 2; cycle++) {
            for (int i = 0; i < 5; i++) {
                int x = cycle * 5 + i;
                a[x][x] = 1;
                a[x][cycle * 5 + (i + 1) % 5] = 1;
                a[x][10 + x] = 1;
                b[x] = 1;
            }
        }
        for (int i = 0; i < 10; i++) {
            a[10][i] = 1;
        }
        a[10][20] = -1;
        long[] lo = new long[21];
        long[] hi = new long[21];
        java.util.Arrays.fill(hi, 1);
        hi[20] = 10;
        BoundedLp lp = new BoundedLp(a, b, lo, hi);
        assertThat(lp.optimize(20, 1).orElseThrow().value()).isEqualTo(Rational.of(5));
    }

    @Test
    void branchAndBoundFindsTheIntegerMaximum() {
        boolean[] hidden = new boolean[CELLS];
        long[] value = new long[CELLS];
        long[] lo = new long[CELLS];
        long[] hi = new long[CELLS];
        for (int i = 0; i < 20; i++) {
            hidden[i] = true;
            hi[i] = 1;
        }
        for (int i = 20; i < 30; i++) {
            value[i] = 1;
        }
        hidden[30] = true;
        hi[30] = 10;
        long[][] ranges = ExactAudit.ranges(lines(), hidden, value, lo, hi);
        assertThat(ranges[30]).containsExactly(0, 4);
        assertThat(ranges[0]).containsExactly(0, 1);
        assertThat(ranges[20]).isNull();
    }
}
