package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import java.util.Objects;

/**
 * Attendance Works' student tiers by share of enrolled days absent: satisfactory under 5%, at risk 5% to under
 * 10%, moderate chronic absence 10% to under 20%, severe chronic absence 20% or more. Decided exactly on the
 * {@link Ratio} of days absent to days enrolled.
 */
public enum AttendanceTier {
    /** Absent under 5% of enrolled days. */
    SATISFACTORY,
    /** Absent 5% to under 10%. */
    AT_RISK,
    /** Absent 10% to under 20%. */
    MODERATE_CHRONIC,
    /** Absent 20% or more. */
    SEVERE_CHRONIC;

    private static final Ratio FIVE_PERCENT = Ratio.of(1, 20);
    private static final Ratio TEN_PERCENT = Ratio.of(1, 10);
    private static final Ratio TWENTY_PERCENT = Ratio.of(1, 5);

    /**
     * {@return the tier of an absence rate (days absent ÷ days enrolled)}
     *
     * @param absenceRate days absent ÷ days enrolled, between 0 and 1
     */
    public static AttendanceTier of(Ratio absenceRate) {
        Objects.requireNonNull(absenceRate, "absenceRate");
        if (absenceRate.isAtLeast(TWENTY_PERCENT)) {
            return SEVERE_CHRONIC;
        }
        if (absenceRate.isAtLeast(TEN_PERCENT)) {
            return MODERATE_CHRONIC;
        }
        if (absenceRate.isAtLeast(FIVE_PERCENT)) {
            return AT_RISK;
        }
        return SATISFACTORY;
    }
}
