package org.communityschools.metrics;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.Ratio;

/**
 * A group's attendance, behavior and coursework before and after a start date, summed over its members (see
 * {@link ActionStepFollowUp} for the windows): attendance as days present and enrolled in the windows of instructional
 * days, behavior incidents dated in those windows, and the numeric course marks that became final in the school year
 * before the start and from the start on. Rates are exact {@link Ratio}s. Immutable and thread-safe.
 *
 * @param attendance      days present and enrolled before and after
 * @param incidentsBefore behavior incidents in the windows before
 * @param incidentsAfter  behavior incidents in the windows after
 * @param markSumBefore   the sum of the numeric marks final before the start
 * @param marksBefore     how many numeric marks became final before the start
 * @param markSumAfter    the sum of the numeric marks final from the start on
 * @param marksAfter      how many numeric marks became final from the start on
 */
public record FollowUpFigures(WindowRates attendance, long incidentsBefore, long incidentsAfter, BigDecimal markSumBefore,
                              long marksBefore, BigDecimal markSumAfter, long marksAfter) {
    /** No member. */
    public static final FollowUpFigures EMPTY = new FollowUpFigures(WindowRates.EMPTY, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);

    /**
     * Checks that nothing is missing and no count is negative.
     *
     * @param attendance days present and enrolled before and after
     * @param incidentsBefore behavior incidents in the windows before
     * @param incidentsAfter behavior incidents in the windows after
     * @param markSumBefore the sum of the numeric marks final before the start
     * @param marksBefore how many numeric marks became final before the start
     * @param markSumAfter the sum of the numeric marks final from the start on
     * @param marksAfter how many numeric marks became final from the start on
     */
    public FollowUpFigures {
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(markSumBefore, "markSumBefore");
        Objects.requireNonNull(markSumAfter, "markSumAfter");
        if (incidentsBefore < 0 || incidentsAfter < 0 || marksBefore < 0 || marksAfter < 0) {
            throw new IllegalArgumentException("counts must not be negative: incidents " + incidentsBefore + "/" + incidentsAfter
                    + ", marks " + marksBefore + "/" + marksAfter);
        }
    }

    /**
     * These figures plus {@code other}'s.
     *
     * @param other the figures of other members
     * @return the sums of both
     */
    public FollowUpFigures plus(FollowUpFigures other) {
        Objects.requireNonNull(other, "other");
        return new FollowUpFigures(attendance.plus(other.attendance), incidentsBefore + other.incidentsBefore,
                incidentsAfter + other.incidentsAfter, markSumBefore.add(other.markSumBefore), marksBefore + other.marksBefore,
                markSumAfter.add(other.markSumAfter), marksAfter + other.marksAfter);
    }

    /**
     * Incidents per day enrolled before the start; empty without a day enrolled.
     *
     * @return incidents before ÷ days enrolled before
     */
    public Optional<Ratio> incidentRateBefore() {
        return attendance.daysEnrolledBefore() == 0 ? Optional.empty()
                : Optional.of(Ratio.of(incidentsBefore, attendance.daysEnrolledBefore()));
    }

    /**
     * Incidents per day enrolled after the start; empty without a day enrolled.
     *
     * @return incidents after ÷ days enrolled after
     */
    public Optional<Ratio> incidentRateAfter() {
        return attendance.daysEnrolledAfter() == 0 ? Optional.empty()
                : Optional.of(Ratio.of(incidentsAfter, attendance.daysEnrolledAfter()));
    }

    /**
     * The mean numeric mark final before the start (0–100); empty without a mark.
     *
     * @return mark sum ÷ marks, before
     */
    public Optional<Ratio> meanMarkBefore() {
        return marksBefore == 0 ? Optional.empty() : Optional.of(Ratio.of(markSumBefore, BigDecimal.valueOf(marksBefore)));
    }

    /**
     * The mean numeric mark final from the start on (0–100); empty without a mark.
     *
     * @return mark sum ÷ marks, after
     */
    public Optional<Ratio> meanMarkAfter() {
        return marksAfter == 0 ? Optional.empty() : Optional.of(Ratio.of(markSumAfter, BigDecimal.valueOf(marksAfter)));
    }
}
