package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/**
 * The matching's two exact arithmetics choose the same comparison students: {@code long}s, used while every product
 * fits, and {@link java.math.BigInteger}s, used when one does not.
 */
class MatchingArithmeticTest {

    @Property(tries = 300)
    void longAndBigIntegerArithmeticChooseTheSameStudents(@ForAll long seed) {
        Random rnd = new Random(seed);
        // Rates as the measure gives them: present days (halves scaled by ten) of up to 30 enrolled days, ties frequent.
        int enrolled = 1 + rnd.nextInt(30);
        int scale = rnd.nextBoolean() ? 1 : 10;
        List<Matching.Pooled> pool = new ArrayList<>();
        Set<StudentId> excluded = new HashSet<>();
        int size = rnd.nextInt(40);
        for (int i = 0; i < size; i++) {
            StudentId s = StudentId.of("S" + i);
            int days = 1 + rnd.nextInt(enrolled);
            pool.add(new Matching.Pooled(s, Ratio.of((long) rnd.nextInt(days * scale + 1), (long) days * scale)));
            if (rnd.nextInt(5) == 0) {
                excluded.add(s);
            }
        }
        StudentId participant = size > 0 && rnd.nextBoolean() ? pool.get(rnd.nextInt(size)).student() : StudentId.of("P");
        Ratio target = Ratio.of(rnd.nextInt(enrolled * scale + 1), (long) enrolled * scale);
        Ratio band = Ratio.of(rnd.nextInt(30), 100);
        int k = 1 + rnd.nextInt(5);

        List<StudentId> inLongs = Matching.closest(participant, target, pool, excluded, band, k);

        assertThat(inLongs).isEqualTo(Matching.closestInBigIntegers(participant, target, pool, excluded, band, k));
        assertThat(inLongs).hasSizeLessThanOrEqualTo(k).doesNotContain(participant).noneMatch(excluded::contains);
    }

    @Test
    void productsThatDoNotFitInALongAreLeftToBigIntegers() {
        // 3e12/4e12 against 1e12/7e12: the cross product 3e12 · 7e12 = 2.1e25 is past Long.MAX_VALUE (9.2e18).
        List<Matching.Pooled> pool = List.of(new Matching.Pooled(StudentId.of("S1"), Ratio.of(3_000_000_000_000L, 4_000_000_000_000L)),
                new Matching.Pooled(StudentId.of("S2"), Ratio.of(1, 7)));
        Ratio target = Ratio.of(1_000_000_000_000L, 7_000_000_000_000L);
        Ratio band = Ratio.of(1, 1);

        assertThatThrownBy(() -> Matching.closest(StudentId.of("P"), target, pool, Set.of(), band, 2))
                .isInstanceOf(ArithmeticException.class);
        // S2 is at distance 0 (1/7 = 1e12/7e12), S1 at 3/4 − 1/7 = 17/28, within the band of 1.
        assertThat(Matching.closestInBigIntegers(StudentId.of("P"), target, pool, Set.of(), band, 2))
                .containsExactly(StudentId.of("S2"), StudentId.of("S1"));
    }
}
