package org.communityschools.privacy.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The closed form of a single equation (a flat table: a total and its members) gives the same ranges as the linear
 * program, which stays the oracle: random true tables, random hidden cells, bounds that hold the true values.
 */
class ExactAuditClosedFormProperties {
    @Property(tries = 300)
    void aFlatTableGetsTheRangesOfTheLinearProgram(@ForAll @IntRange(min = 1, max = 8) int members, @ForAll long seed) {
        Random random = new Random(seed);
        int n = members + 1;
        long[] truth = new long[n];
        for (int i = 1; i < n; i++) {
            truth[i] = random.nextInt(30);
            truth[0] += truth[i];
        }
        boolean[] hidden = new boolean[n];
        long[] value = new long[n];
        long[] lo = new long[n];
        long[] hi = new long[n];
        int[] line = new int[n];
        for (int i = 0; i < n; i++) {
            line[i] = i;
            hidden[i] = random.nextInt(3) > 0;
            value[i] = hidden[i] ? 0 : truth[i];
            lo[i] = Math.max(0, truth[i] - random.nextInt(5));
            hi[i] = truth[i] + random.nextInt(40);
        }
        int[][] lines = {line};
        long[][] closed = ExactAudit.ranges(lines, hidden, value, lo, hi, true);
        long[][] lp = ExactAudit.ranges(lines, hidden, value, lo, hi, false);
        for (int i = 0; i < n; i++) {
            assertThat(closed[i]).as("cell " + i).isEqualTo(lp[i]);
            if (hidden[i]) {
                assertThat(closed[i][0]).isLessThanOrEqualTo(truth[i]);
                assertThat(closed[i][1]).isGreaterThanOrEqualTo(truth[i]);
            }
        }
    }
}
