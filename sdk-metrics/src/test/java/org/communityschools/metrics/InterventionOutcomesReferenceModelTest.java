package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StudentId;

/**
 * {@link InterventionOutcomes} against a reference that walks calendar indices with plain integers: counts, each group's
 * days, and the matching rule (every match eligible and within the band, as many as allowed, none left out that is
 * strictly closer than one kept).
 */
class InterventionOutcomesReferenceModelTest {
    static final int DAYS = 30;
    static final InterventionId ID = InterventionId.of("MENTOR1");

    /** A student: the first enrolled day, the days absent, and a start day when a participant. */
    record Spec(int entry, List<Boolean> absent, Optional<Integer> start) {}

    /** Days present and enrolled in the windows, by plain counting. */
    record Days(int presentBefore, int enrolledBefore, int presentAfter, int enrolledAfter) {
        boolean measured() {
            return enrolledBefore > 0 && enrolledAfter > 0;
        }
    }

    @Provide
    Arbitrary<List<Spec>> students() {
        return Combinators.combine(Arbitraries.integers().between(0, DAYS - 1), Arbitraries.of(true, false, false, false).list().ofSize(DAYS),
                Arbitraries.integers().between(1, DAYS - 1).optional(0.3)).as(Spec::new).list().ofMinSize(2).ofMaxSize(14);
    }

    static Days days(Spec s, int start, int window) {
        int pb = 0, eb = 0, pa = 0, ea = 0;
        for (int d = Math.max(0, start - window); d < start; d++) {
            if (d >= s.entry()) {
                eb++;
                pb += s.absent().get(d) ? 0 : 1;
            }
        }
        for (int d = start; d < Math.min(DAYS, start + window); d++) {
            if (d >= s.entry()) {
                ea++;
                pa += s.absent().get(d) ? 0 : 1;
            }
        }
        return new Days(pb, eb, pa, ea);
    }

    /** |a/b − c/d| as a fraction {numerator, denominator}. */
    static long[] distance(int a, int b, int c, int d) {
        return new long[] {Math.abs((long) a * d - (long) c * b), (long) b * d};
    }

    static int compare(long[] x, long[] y) {
        return Long.compare(x[0] * y[1], y[0] * x[1]);
    }

    @Property(tries = 150)
    void reportMatchesThePlainReference(@ForAll("students") List<Spec> specs, @ForAll @IntRange(min = 1, max = 10) int window,
                                        @ForAll @IntRange(min = 0, max = 20) int bandPoints, @ForAll @IntRange(min = 1, max = 3) int k) {
        SmallDistrict d = new SmallDistrict(DAYS);
        d.builder.add(new Intervention(ID, InterventionType.SUCCESS_MENTOR, SmallDistrict.CBO, SmallDistrict.A, Optional.empty()));
        Map<StudentId, Spec> byId = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            StudentId id = d.student("s" + (char) ('a' + i), s.entry());
            byId.put(id, s);
            for (int day = s.entry(); day < DAYS; day++) {
                if (s.absent().get(day)) {
                    d.absentOn(id, day);
                }
            }
            if (s.start().isPresent()) {
                d.builder.add(new InterventionParticipant(ID, id, Optional.empty(), DateRange.closed(d.calendar.get(s.start().get()),
                        d.calendar.get(DAYS - 1)), Optional.empty(), ParticipationStatus.ACTIVE));
            }
        }
        Ratio band = Ratio.of(bandPoints, 100);
        List<InterventionOutcome> outcomes = InterventionOutcomes.evaluate(d.build(), SmallDistrict.YEAR, window,
                ChronicAbsenceDefinition.FEDERAL, band, k).outcomes();

        long participants = specs.stream().filter(s -> s.start().isPresent()).count();
        assertThat(outcomes).hasSize(participants == 0 ? 0 : 1);
        if (participants == 0) {
            return;
        }
        InterventionOutcome o = outcomes.get(0);
        assertThat(o.participants()).isEqualTo(participants);
        int measured = 0, matched = 0;
        int[] all = new int[4];
        int[] matchedDays = new int[4];
        int[] comparison = new int[4];
        for (Map.Entry<StudentId, Spec> p : byId.entrySet()) {
            if (p.getValue().start().isEmpty()) {
                continue;
            }
            int start = p.getValue().start().get();
            Days own = days(p.getValue(), start, window);
            if (!own.measured()) {
                assertThat(o.matches()).doesNotContainKey(p.getKey());
                continue;
            }
            measured++;
            add(all, own);
            List<Map.Entry<StudentId, long[]>> eligible = new ArrayList<>();
            for (Map.Entry<StudentId, Spec> c : byId.entrySet()) {
                Days cd = days(c.getValue(), start, window);
                if (c.getValue().start().isPresent() || c.getValue().entry() > start || !cd.measured()) {
                    continue;
                }
                long[] dist = distance(own.presentBefore(), own.enrolledBefore(), cd.presentBefore(), cd.enrolledBefore());
                if (dist[0] * 100 <= (long) bandPoints * dist[1]) {
                    eligible.add(Map.entry(c.getKey(), dist));
                }
            }
            List<StudentId> chosen = o.matches().getOrDefault(p.getKey(), List.of());
            assertThat(chosen).hasSize(Math.min(k, eligible.size()));
            Map<StudentId, long[]> eligibleById = new HashMap<>();
            eligible.forEach(e -> eligibleById.put(e.getKey(), e.getValue()));
            assertThat(eligibleById.keySet()).containsAll(chosen);
            for (StudentId kept : chosen) {
                for (Map.Entry<StudentId, long[]> e : eligible) {
                    if (!chosen.contains(e.getKey())) {
                        assertThat(compare(e.getValue(), eligibleById.get(kept))).as("a left-out candidate is not strictly closer").isGreaterThanOrEqualTo(0);
                    }
                }
            }
            if (!chosen.isEmpty()) {
                matched++;
                add(matchedDays, own);
                chosen.forEach(c -> add(comparison, days(byId.get(c), start, window)));
            }
        }
        assertThat(o.measured()).isEqualTo(measured);
        assertThat(o.matched()).isEqualTo(matched);
        assertThat(o.participantRates()).isEqualTo(rates(all));
        assertThat(o.matchedRates()).isEqualTo(rates(matchedDays));
        assertThat(o.comparisonRates()).isEqualTo(rates(comparison));
    }

    static void add(int[] sums, Days d) {
        sums[0] += d.presentBefore();
        sums[1] += d.enrolledBefore();
        sums[2] += d.presentAfter();
        sums[3] += d.enrolledAfter();
    }

    static WindowRates rates(int[] s) {
        return new WindowRates(BigDecimal.valueOf(s[0]), s[1], BigDecimal.valueOf(s[2]), s[3]);
    }
}
