package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.DiplomaType;

/**
 * The counts behind one adjusted cohort graduation rate: first-time 9th graders plus transfers in minus removals
 * is the adjusted cohort; graduates by diploma type plus non-graduates by outcome is the adjusted cohort again.
 * The rate is graduates ÷ adjusted cohort, and a district's rate is computed from the district's counts, never by
 * averaging school rates. Immutable and thread-safe.
 *
 * @param firstTimeNinthGraders students who entered as first-time 9th graders
 * @param transfersIn           students who joined later
 * @param removalsByReason      removals by reason (every reason present, possibly 0)
 * @param graduatesByDiploma    graduates by counted diploma type (every type present, possibly 0)
 * @param nonGraduatesByOutcome non-graduates in the adjusted cohort by outcome (every outcome present, possibly 0)
 */
public record CohortCounts(int firstTimeNinthGraders, int transfersIn, Map<CohortRemoval, Integer> removalsByReason,
                           Map<DiplomaType, Integer> graduatesByDiploma, Map<NonGraduateOutcome, Integer> nonGraduatesByOutcome) {
    /**
     * Checks that the counts are not negative and add up.
     *
     * @param firstTimeNinthGraders students who entered as first-time 9th graders
     * @param transfersIn students who joined later
     * @param removalsByReason removals by reason (every reason present, possibly 0)
     * @param graduatesByDiploma graduates by counted diploma type (every type present, possibly 0)
     * @param nonGraduatesByOutcome non-graduates in the adjusted cohort by outcome (every outcome present, possibly 0)
     */
    public CohortCounts {
        if (firstTimeNinthGraders < 0 || transfersIn < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        removalsByReason = complete(removalsByReason, CohortRemoval.class);
        graduatesByDiploma = complete(graduatesByDiploma, DiplomaType.class);
        nonGraduatesByOutcome = complete(nonGraduatesByOutcome, NonGraduateOutcome.class);
        int adjusted = firstTimeNinthGraders + transfersIn - sum(removalsByReason);
        if (sum(graduatesByDiploma) + sum(nonGraduatesByOutcome) != adjusted) {
            throw new IllegalArgumentException("graduates " + sum(graduatesByDiploma) + " plus non-graduates " + sum(nonGraduatesByOutcome)
                    + " must equal the adjusted cohort " + adjusted);
        }
    }

    /**
     * The counts of one student's status in a cohort: the per-student partial that {@link #plus} adds up, so that a
     * cohort can be counted across machines (shard by student) and still give exactly the batch report's counts.
     *
     * @param status a cohort member's status
     * @return the counts of one member: ones where the status counts
     */
    public static CohortCounts of(CohortStatus status) {
        org.communityschools.metrics.internal.CohortCounter c = new org.communityschools.metrics.internal.CohortCounter();
        c.add(Objects.requireNonNull(status, "status"));
        return c.result();
    }

    /**
     * {@return the counts of this cohort's students and {@code other}'s (disjoint students): every count is a sum}
     *
     * @param other the counts of other, disjoint students
     */
    public CohortCounts plus(CohortCounts other) {
        Objects.requireNonNull(other, "other");
        return new CohortCounts(firstTimeNinthGraders + other.firstTimeNinthGraders, transfersIn + other.transfersIn,
                sum(removalsByReason, other.removalsByReason, CohortRemoval.class),
                sum(graduatesByDiploma, other.graduatesByDiploma, DiplomaType.class),
                sum(nonGraduatesByOutcome, other.nonGraduatesByOutcome, NonGraduateOutcome.class));
    }

    private static <E extends Enum<E>> Map<E, Integer> sum(Map<E, Integer> a, Map<E, Integer> b, Class<E> type) {
        EnumMap<E, Integer> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            out.put(e, a.get(e) + b.get(e));
        }
        return out;
    }

    private static <E extends Enum<E>> Map<E, Integer> complete(Map<E, Integer> m, Class<E> type) {
        Objects.requireNonNull(m, type.getSimpleName());
        EnumMap<E, Integer> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            int n = m.getOrDefault(e, 0);
            if (n < 0) {
                throw new IllegalArgumentException("count of " + e + " must not be negative, was " + n);
            }
            out.put(e, n);
        }
        return Collections.unmodifiableMap(out);
    }

    private static int sum(Map<?, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@return all removals: the sum of {@link #removalsByReason()}} */
    public int removalCount() {
        return sum(removalsByReason);
    }

    /**
     * First-time 9th graders + transfers in − removals: the denominator.
     *
     * @return the denominator of the rate
     */
    public int adjustedCohort() {
        return firstTimeNinthGraders + transfersIn - removalCount();
    }

    /** {@return all graduates, the sum of {@link #graduatesByDiploma()}: the numerator} */
    public int graduateCount() {
        return sum(graduatesByDiploma);
    }

    /** {@return all non-graduates in the adjusted cohort: the sum of {@link #nonGraduatesByOutcome()}} */
    public int nonGraduateCount() {
        return sum(nonGraduatesByOutcome);
    }

    /**
     * Graduates ÷ adjusted cohort; empty when the adjusted cohort is empty.
     *
     * @return the rate, empty when the adjusted cohort is empty
     */
    public Optional<Ratio> rate() {
        int adjusted = adjustedCohort();
        return adjusted == 0 ? Optional.empty() : Optional.of(Ratio.of(graduateCount(), adjusted));
    }
}
