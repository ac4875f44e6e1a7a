package org.communityschools.privacy.publication;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules for protecting a {@link CountTable} before publication (NCES 2011-603):
 * <ul>
 *   <li><b>primary suppression</b>: a cell whose group size is below {@link #minimumGroupSize()} ({@code n}), or whose
 *       count or group size minus count is below {@link #minimumCount()} ({@code k}, 0 to disable);</li>
 *   <li><b>complementary suppression</b>, always on: further cells so that no suppressed cell can be recovered from
 *       the published totals;</li>
 *   <li>the <b>audit</b>: the exact range of values of each suppressed cell consistent with everything published
 *       must be at least {@link #minimumRangeWidth()} wide (or the whole group, when the group is smaller);</li>
 *   <li>optional top and bottom <b>coding</b> of rates ({@link RateCoding}, the 200/n rule);</li>
 *   <li>the {@link Markers} shown in place of values.</li>
 * </ul>
 * Presets: {@link #NYSED}, {@link #NYC_DOE}, {@link #NYC_DOE_ATTENDANCE}, {@link #N10}; {@link #forName(String)}
 * reads the command-line names {@code nysed}, {@code nyc-doe}, {@code n10}. Anything else: {@link #builder()}.
 * Immutable and thread-safe.
 */
public final class SuppressionRules {
    /**
     * New York State Education Department: results for groups of fewer than 5 students are suppressed ("s"), and the
     * next smallest group is suppressed where one suppressed group could be computed from the total. Source: the
     * suppression notes of the NYSED public data site (data.nysed.gov) and its report cards. The SDK could not confirm
     * whether NYSED also suppresses counts near 0 or near the group size, so {@code k} is 0 here (configurable through
     * the builder). n = 5, k = 0, complementary order {@link ComplementaryOrder#SMALLEST_GROUP}, audited width 1, no rate
     * coding, marker {@code s}.
     */
    public static final SuppressionRules NYSED = builder().name("nysed").minimumGroupSize(5).minimumCount(0)
            .minimumRangeWidth(1).complementaryOrder(ComplementaryOrder.SMALLEST_GROUP).markers(Markers.suppressedAs("s")).build();

    /**
     * New York City Department of Education (InfoHub reports): data for five or fewer students are suppressed ("s"),
     * and so are counts within 5 of the total. Read here as: group size of 5 or fewer ({@code n = 6}) and a count or
     * group size minus count of 5 or fewer ({@code k = 6}). Whether the count rule applies on the low side (5 or fewer
     * students with the outcome) in every NYC DOE report is not certain; change {@code k} through the builder if a
     * report differs. For attendance tables counted in days use {@link #NYC_DOE_ATTENDANCE}. Audited width 1, no rate
     * coding, marker {@code s}.
     */
    public static final SuppressionRules NYC_DOE = builder().name("nyc-doe").minimumGroupSize(6).minimumCount(6)
            .minimumRangeWidth(1).markers(Markers.suppressedAs("s")).build();

    /**
     * NYC DOE attendance tables whose group size is days enrolled: groups of 900 or fewer total days are suppressed
     * ({@code n = 901}), no count rule. Source: NYC DOE InfoHub attendance reports; the threshold is in days, so use it
     * only with tables whose group sizes are days. Audited width 1, marker {@code s}.
     */
    public static final SuppressionRules NYC_DOE_ATTENDANCE = builder().name("nyc-doe-attendance").minimumGroupSize(901)
            .minimumCount(0).minimumRangeWidth(1).markers(Markers.suppressedAs("s")).build();

    /**
     * A generic minimum cell size of 10, the most common threshold in state releases (NCES 2011-603
     * discusses minimum n from 5 to 30): groups of fewer than 10 are suppressed ({@code N<10}), other suppressed
     * cells show {@code *}, and extreme rates are top and bottom coded by {@link RateCoding#DEFAULT} (which is what
     * protects counts near 0 and near the group size, so {@code k = 0}). Audited width 1.
     */
    public static final SuppressionRules N10 = builder().name("n10").minimumGroupSize(10).minimumCount(0)
            .minimumRangeWidth(1).rateCoding(RateCoding.DEFAULT).markers(new Markers("N<10", "*", "≤{p}%", "≥{p}%")).build();

    private final String name;
    private final long minimumGroupSize;
    private final long minimumCount;
    private final long minimumRangeWidth;
    private final Optional<RateCoding> rateCoding;
    private final Markers markers;
    private final boolean widenUntilProtected;
    private final ComplementaryOrder complementaryOrder;

    private SuppressionRules(Builder b) {
        this.complementaryOrder = b.complementaryOrder;
        this.widenUntilProtected = b.widenUntilProtected;
        this.name = b.name;
        this.minimumGroupSize = b.minimumGroupSize;
        this.minimumCount = b.minimumCount;
        this.minimumRangeWidth = b.minimumRangeWidth;
        this.rateCoding = b.rateCoding;
        this.markers = b.markers;
    }

    /**
     * {@return a builder; {@code minimumGroupSize} is required, the rest default to k = 0, width 1, no coding, {@code
     * s}}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the preset of a command-line name: {@code nysed}, {@code nyc-doe}, {@code nyc-doe-attendance} or {@code
     * n10}}
     *
     * @param name the preset's name
     */
    public static SuppressionRules forName(String name) {
        return switch (Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT)) {
            case "nysed" -> NYSED;
            case "nyc-doe" -> NYC_DOE;
            case "nyc-doe-attendance" -> NYC_DOE_ATTENDANCE;
            case "n10" -> N10;
            default -> throw new IllegalArgumentException("unknown suppression preset '" + name
                    + "', known: nysed, nyc-doe, nyc-doe-attendance, n10");
        };
    }

    /** {@return the preset's name, or {@code custom}} */
    public String name() {
        return name;
    }

    /**
     * {@code n}: a cell whose group size is below this is suppressed.
     *
     * @return the minimum group size
     */
    public long minimumGroupSize() {
        return minimumGroupSize;
    }

    /**
     * {@code k}: a cell whose count, or group size minus count, is below this is suppressed; 0 disables.
     *
     * @return the minimum count
     */
    public long minimumCount() {
        return minimumCount;
    }

    /** {@return the narrowest audited range a suppressed cell may have (capped at its group size)} */
    public long minimumRangeWidth() {
        return minimumRangeWidth;
    }

    /**
     * Top and bottom coding of rates, if any.
     *
     * @return the rate coding, if any
     */
    public Optional<RateCoding> rateCoding() {
        return rateCoding;
    }

    /** {@return the markers shown in place of values} */
    public Markers markers() {
        return markers;
    }

    /**
     * Whether the engine, when the audit finds a hidden cell narrowed below the required width, suppresses further
     * cells and audits again (true, the default), or refuses the release at once (false: the heuristic's pattern is
     * audited as it is).
     *
     * @return true when the engine widens the suppressions until the audit passes
     */
    public boolean widenUntilProtected() {
        return widenUntilProtected;
    }

    /** {@return which cell complementary suppression takes first} */
    public ComplementaryOrder complementaryOrder() {
        return complementaryOrder;
    }

    /**
     * Whether a cell is suppressed for its small group. A group of no one (0 of 0) is not: it has nothing to
     * protect, and hiding it would only force complementary suppressions around it.
     *
     * @param cell a cell
     * @return true when the cell's group is too small to publish
     */
    public boolean isSmallGroup(Cell cell) {
        return cell.groupSize() > 0 && cell.groupSize() < minimumGroupSize;
    }

    /**
     * Whether a cell is suppressed for its small count (count or group size minus count below {@code k}); never a
     * group of no one (0 of 0).
     *
     * @param cell a cell
     * @return true when the cell's count is too small to publish
     */
    public boolean isSmallCount(Cell cell) {
        return cell.groupSize() > 0 && (cell.count() < minimumCount || cell.groupSize() - cell.count() < minimumCount);
    }

    @Override
    public String toString() {
        return "SuppressionRules[" + name + ": n=" + minimumGroupSize + ", k=" + minimumCount + ", width="
                + minimumRangeWidth + (widenUntilProtected ? "" : ", refuse without widening") + rateCoding.map(c -> ", coding=" + c.brackets()).orElse("") + "]";
    }

    /** Builds {@link SuppressionRules}; each setting once, checked at once, the combination in {@link #build()}. */
    public static final class Builder {
        private String name = "custom";
        private long minimumGroupSize = -1;
        private long minimumCount = 0;
        private long minimumRangeWidth = 1;
        private Optional<RateCoding> rateCoding = Optional.empty();
        private Markers markers = Markers.DEFAULT;
        private boolean widenUntilProtected = true;
        private ComplementaryOrder complementaryOrder = ComplementaryOrder.SMALLEST_COUNT;

        private Builder() {
        }

        /**
         * Which cell complementary suppression takes first; default {@link ComplementaryOrder#SMALLEST_COUNT}.
         *
         * @param order which cell to take first
         * @return this builder
         */
        public Builder complementaryOrder(ComplementaryOrder order) {
            this.complementaryOrder = java.util.Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * See {@link SuppressionRules#widenUntilProtected()}; default true.
         *
         * @param widen true to widen until protected, false to refuse at once
         * @return this builder
         */
        public Builder widenUntilProtected(boolean widen) {
            this.widenUntilProtected = widen;
            return this;
        }

        /**
         * The name shown in reports.
         *
         * @param name the name shown in reports
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * {@code n}, at least 1.
         *
         * @param n the minimum group size
         * @return this builder
         */
        public Builder minimumGroupSize(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("minimum group size must be at least 1, was " + n);
            }
            this.minimumGroupSize = n;
            return this;
        }

        /**
         * {@code k}, at least 0 (0 disables the count rule).
         *
         * @param k the minimum count
         * @return this builder
         */
        public Builder minimumCount(long k) {
            if (k < 0) {
                throw new IllegalArgumentException("minimum count must not be negative, was " + k);
            }
            this.minimumCount = k;
            return this;
        }

        /**
         * The narrowest audited range, at least 1 (a suppressed cell may never be pinned to one value).
         *
         * @param width the narrowest audited range, at least 1 (a suppressed cell may never be pinned to one value)
         * @return this builder
         */
        public Builder minimumRangeWidth(long width) {
            if (width < 1) {
                throw new IllegalArgumentException("minimum range width must be at least 1 so that no cell is pinned, was " + width);
            }
            this.minimumRangeWidth = width;
            return this;
        }

        /**
         * Top and bottom coding of rates.
         *
         * @param coding the rate coding
         * @return this builder
         */
        public Builder rateCoding(RateCoding coding) {
            this.rateCoding = Optional.of(Objects.requireNonNull(coding, "coding"));
            return this;
        }

        /**
         * The markers.
         *
         * @param markers the markers
         * @return this builder
         */
        public Builder markers(Markers markers) {
            this.markers = Objects.requireNonNull(markers, "markers");
            return this;
        }

        /** {@return the rules; checks that {@code n} was set and that every unsuppressed group can be coded} */
        public SuppressionRules build() {
            if (minimumGroupSize < 1) {
                throw new IllegalStateException("a minimum group size (n) is required");
            }
            rateCoding.ifPresent(c -> {
                if (minimumGroupSize < c.smallestCodedGroup()) {
                    throw new IllegalStateException("with rate coding, groups below the smallest coding bracket ("
                            + c.smallestCodedGroup() + ") must be suppressed, but the minimum group size is " + minimumGroupSize);
                }
            });
            return new SuppressionRules(this);
        }
    }
}
