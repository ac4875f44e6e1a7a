package org.communityschools.privacy.publication;

import java.util.Objects;

/**
 * The texts a protected table shows in place of a value. Immutable and thread-safe.
 *
 * @param smallGroup  shown for a cell suppressed because its group is too small, such as {@code s} or {@code N<10}
 * @param suppressed  shown for every other suppressed cell (small count or complementary), such as {@code s} or
 *                    {@code *}
 * @param bottomCoded the template of a bottom-coded rate, {@code {p}} replaced by the threshold in percent, such as
 *                    {@code ≤{p}%} or {@code <{p}%}
 * @param topCoded    the template of a top-coded rate, {@code {p}} replaced by 100 minus the threshold, such as
 *                    {@code ≥{p}%} or {@code >{p}%}
 */
public record Markers(String smallGroup, String suppressed, String bottomCoded, String topCoded) {
    /** {@code s} for every suppressed cell, {@code ≤{p}%} and {@code ≥{p}%} for coded rates. */
    public static final Markers DEFAULT = new Markers("s", "s", "≤{p}%", "≥{p}%");

    /**
     * Checks that every marker is present and not blank, and that the templates hold {@code {p}}.
     *
     * @param smallGroup shown for a cell suppressed because its group is too small, such as {@code s} or {@code N<10}
     * @param suppressed shown for every other suppressed cell (small count or complementary), such as {@code s} or
     *     {@code *}
     * @param bottomCoded the template of a bottom-coded rate, {@code {p}} replaced by the threshold in percent, such as
     *     {@code ≤{p}%} or {@code <{p}%}
     * @param topCoded the template of a top-coded rate, {@code {p}} replaced by 100 minus the threshold, such as {@code
     *     ≥{p}%} or {@code >{p}%}
     */
    public Markers {
        for (String m : new String[] {smallGroup, suppressed, bottomCoded, topCoded}) {
            Objects.requireNonNull(m, "marker");
            if (m.isBlank()) {
                throw new IllegalArgumentException("a marker must not be blank");
            }
        }
        if (!bottomCoded.contains("{p}") || !topCoded.contains("{p}")) {
            throw new IllegalArgumentException("coding templates must contain {p}, were '" + bottomCoded + "' and '" + topCoded + "'");
        }
    }

    /**
     * {@return the same markers with {@code smallGroup} and {@code suppressed} both set to {@code marker}}
     *
     * @param marker the marker, such as {@code s}
     */
    public static Markers suppressedAs(String marker) {
        return new Markers(marker, marker, DEFAULT.bottomCoded, DEFAULT.topCoded);
    }

    /**
     * {@return the bottom-coded marker for a threshold of {@code percent}}
     *
     * @param percent the threshold in percent
     */
    public String bottom(int percent) {
        return bottomCoded.replace("{p}", Integer.toString(percent));
    }

    /**
     * {@return the top-coded marker for a threshold of {@code percent} (shown as {@code 100 - percent})}
     *
     * @param percent the threshold in percent
     */
    public String top(int percent) {
        return topCoded.replace("{p}", Integer.toString(100 - percent));
    }
}
