package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Top and bottom coding of rates by group size (NCES Statistical Methods and Data Protection
 * Technical Brief, NCES 2011-603): a published rate at or below {@code p}% is shown only as "≤p%", one at or above
 * {@code (100 − p)}% only as "≥(100−p)%", where {@code p} depends on the group size so that the coded range always
 * covers 0–2 students (or all−2 to all): the <b>200/n rule</b>, {@code p · n / 100 ≥ 2} for the smallest group of the
 * bracket. The default brackets are NCES 2011-603's (≤1%/≥99% for 300+, ≤2%/≥98% for 100–299,
 * ≤5%/≥95% for 40–99), extended down by the same rule (10% for 20–39, 20% for 10–19, 40% for 5–9). Groups smaller
 * than the smallest bracket are not coded: the primary suppression rule must cover them
 * ({@link SuppressionRules.Builder#build()} checks this). Immutable and thread-safe.
 *
 * @param brackets the brackets, by minimum group size
 */
public record RateCoding(List<Bracket> brackets) {
    /** The default brackets described above. */
    public static final RateCoding DEFAULT = new RateCoding(List.of(new Bracket(300, 1), new Bracket(100, 2),
            new Bracket(40, 5), new Bracket(20, 10), new Bracket(10, 20), new Bracket(5, 40)));

    /**
     * A coding bracket: groups of at least {@code minimumGroupSize} (and below the next bracket) are coded at
     * {@code percent}.
     *
     * @param minimumGroupSize the smallest group size of the bracket, positive
     * @param percent          the threshold in percent, below 50, with {@code percent · minimumGroupSize ≥ 200}
     */
    public record Bracket(long minimumGroupSize, int percent) {
        /**
         * Checks the 200/n rule.
         *
         * @param minimumGroupSize the smallest group size of the bracket, positive
         * @param percent the threshold in percent, below 50, with {@code percent · minimumGroupSize ≥ 200}
         */
        public Bracket {
            if (minimumGroupSize <= 0 || percent <= 0 || percent >= 50) {
                throw new IllegalArgumentException("a coding bracket needs a positive group size and a percent in 1..49, was "
                        + minimumGroupSize + " at " + percent + "%");
            }
            if (percent * minimumGroupSize < 200) {
                throw new IllegalArgumentException("the 200/n rule: the coded range must cover 2 students, so percent × group size ≥ 200, was "
                        + percent + "% of " + minimumGroupSize);
            }
        }
    }

    /**
     * Sorts the brackets by decreasing group size and checks that group sizes are distinct.
     *
     * @param brackets the brackets, by minimum group size
     */
    public RateCoding {
        Objects.requireNonNull(brackets, "brackets");
        List<Bracket> sorted = new ArrayList<>(brackets);
        sorted.sort(Comparator.comparingLong(Bracket::minimumGroupSize).reversed());
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("rate coding needs at least one bracket");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).minimumGroupSize() == sorted.get(i - 1).minimumGroupSize()) {
                throw new IllegalArgumentException("two coding brackets for the same group size " + sorted.get(i).minimumGroupSize());
            }
        }
        brackets = List.copyOf(sorted);
    }

    /**
     * {@return the threshold in percent for a group of {@code groupSize}, empty below the smallest bracket}
     *
     * @param groupSize the size of a group
     */
    public Optional<Integer> percentFor(long groupSize) {
        for (Bracket b : brackets) {
            if (groupSize >= b.minimumGroupSize()) {
                return Optional.of(b.percent());
            }
        }
        return Optional.empty();
    }

    /** {@return the smallest group size that is coded} */
    public long smallestCodedGroup() {
        return brackets.get(brackets.size() - 1).minimumGroupSize();
    }
}
