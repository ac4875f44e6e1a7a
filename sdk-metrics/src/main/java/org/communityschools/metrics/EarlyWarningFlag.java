package org.communityschools.metrics;

import java.util.Objects;

/**
 * One early-warning flag of one student: the indicator, the level, and the reason with its figures (for example
 * {@code "attendance 84.4% (152 of 180 days) < 90%"}). Reasons state counts and rates only, never personal data.
 * Immutable and thread-safe.
 *
 * @param indicator the indicator (attendance, behavior or course performance)
 * @param level     the level
 * @param reason    the figures and the cut point met
 */
public record EarlyWarningFlag(Indicator indicator, Level level, String reason) {
    /**
     * Checks that nothing is missing.
     *
     * @param indicator the indicator (attendance, behavior or course performance)
     * @param level the level
     * @param reason the figures and the cut point met
     */
    public EarlyWarningFlag {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    /** The ABC indicators of Balfanz, Herzog &amp; Mac Iver (2007). */
    public enum Indicator {
        /** Attendance rate year to date. */
        ATTENDANCE,
        /** Suspensions and behavior incidents. */
        BEHAVIOR,
        /** Failed courses, average marks and credits. */
        COURSE_PERFORMANCE
    }

    /** The level of a flag, in increasing severity (the Ed-Fi Analytics Middle Tier's "early warning" and "at risk"). */
    public enum Level {
        /** Approaching a cut point. */
        EARLY_WARNING,
        /** At risk (off track). */
        AT_RISK
    }
}
