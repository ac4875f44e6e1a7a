package org.communityschools.metrics;

import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.internal.InterventionEngine;

/**
 * Interventions alongside outcomes: for each intervention type and provider, the participants' attendance rate in a
 * window before and after their start date, against non-participants at the same schools who were similarly at risk
 * before (a simple matched comparison). Descriptive, not causal: matching on prior attendance alone leaves every other
 * difference between the groups (and regression to the mean of a low "before" window) in the result. Stateless and
 * thread-safe.
 *
 * <p>The rules:
 * <ol>
 *   <li><b>Participants.</b> A participation ({@code intervention_participants}) belongs to the type and provider of its
 *       intervention and to the intervention's school. A student who started with the same type and provider in the
 *       school year is one participant, measured at the first start date (ties: the smallest intervention id).</li>
 *   <li><b>Windows.</b> Before: the {@code windowDays} instructional days of the school's calendar in the school year
 *       that precede the start date. After: the {@code windowDays} instructional days from the start date on. A
 *       student's days enrolled are the window's days on which an enrollment at that school covers the day; days
 *       present are days enrolled minus days absent under the {@link ChronicAbsenceDefinition}'s day rule and category
 *       treatment ({@link ChronicAbsence#figures}). A participant is <i>measured</i> when enrolled on at least one day
 *       of each window.</li>
 *   <li><b>Matching.</b> Candidates for a measured participant are students enrolled at the same school on the start
 *       date who did not take part in any intervention of the same type and provider overlapping the school year,
 *       measured in the same two windows (around the participant's start date) and enrolled on at least one day of
 *       each. A candidate matches when its rate before is within {@code band} of the participant's (inclusive: a
 *       difference of exactly 5 points matches a band of 5/100). The closest {@code matchesPerParticipant} are kept;
 *       equally close candidates are ordered by a fixed hash (64-bit FNV-1a) of the participant's and the candidate's
 *       ids, then by student id, so that ties are spread over participants and the same data always give the same
 *       matches; a comparison student may serve several participants (matching with replacement),
 *       and counts once per pair.</li>
 *   <li><b>Rates.</b> Each group's rate is its summed days present ÷ its summed days enrolled (a day-weighted rate). The
 *       change is after − before in percentage points; the difference between the groups is the matched participants'
 *       change minus the comparison pairs' change (a difference in differences; Angrist and Pischke, Mostly Harmless Econometrics, 2009, chapter 5).</li>
 * </ol>
 */
public final class InterventionOutcomes {
    /** The default matching band: 5 percentage points. */
    public static final Ratio DEFAULT_BAND = Ratio.of(5, 100);
    /** The default number of comparison students per participant. */
    public static final int DEFAULT_MATCHES = 3;

    private InterventionOutcomes() {}

    /**
     * The report with the {@linkplain #DEFAULT_BAND default band} (±5 points) and up to {@value #DEFAULT_MATCHES}
     * comparison students per participant.
     *
     * @param data the district data
     * @param schoolYear the school year
     * @param windowDays the number of instructional days in the window before and after each start, 1 or more
     * @param definition the chronic-absence definition the attendance rates follow
     * @return every intervention's participants against matched non-participants
     */
    public static InterventionOutcomeReport evaluate(DistrictData data, SchoolYear schoolYear, int windowDays,
                                                     ChronicAbsenceDefinition definition) {
        return evaluate(data, schoolYear, windowDays, definition, DEFAULT_BAND, DEFAULT_MATCHES);
    }

    /**
     * The report of {@code schoolYear}, with windows of {@code windowDays} instructional days (for example 30), a
     * matching band and a number of comparison students per participant.
     *
     * @param data the district data
     * @param schoolYear the school year
     * @param windowDays the number of instructional days in the window before and after each start, 1 or more
     * @param definition the chronic-absence definition the attendance rates follow
     * @param band the widest difference in the prior attendance rate between a participant and a comparison student, 0 to 1
     * @param matchesPerParticipant the most comparison students per participant, 1 or more
     * @return every intervention's participants against matched non-participants
     * @throws IllegalArgumentException when the window or the number of matches is below 1, or the band is negative
     *                                  or above 1
     */
    public static InterventionOutcomeReport evaluate(DistrictData data, SchoolYear schoolYear, int windowDays,
                                                     ChronicAbsenceDefinition definition, Ratio band, int matchesPerParticipant) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(band, "band");
        checkMethod(windowDays, band, matchesPerParticipant);
        return InterventionEngine.evaluate(data, schoolYear, windowDays, definition, band, matchesPerParticipant);
    }

    /** The checks of the method's settings, shared with {@link ActionStepFollowUp}. */
    static void checkMethod(int windowDays, Ratio band, int matchesPerParticipant) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("the window must be at least 1 instructional day, was " + windowDays);
        }
        if (matchesPerParticipant < 1) {
            throw new IllegalArgumentException("matches per participant must be at least 1, was " + matchesPerParticipant);
        }
        if (band.numerator() < 0 || band.numerator() > band.denominator()) {
            throw new IllegalArgumentException("the band must be from 0 to 1, was " + band);
        }
    }
}
