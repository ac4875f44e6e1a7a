package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.internal.FollowUpEngine;

/**
 * The follow-up of the action steps a school team decided at its meetings ({@code action_steps.csv}): for each step,
 * whether it was done on time, and the attendance, behavior and coursework of the students it concerns before and after
 * it started, against matched students without such a step, by the method of {@link InterventionOutcomes} (the same
 * windows, matching and difference in differences). Descriptive, not causal. Stateless and thread-safe.
 *
 * <p>The rules:
 * <ol>
 *   <li><b>Steps.</b> The steps decided at meetings dated in the school year; a step whose meeting is not in the data is
 *       left out.</li>
 *   <li><b>On time</b> (as of {@code asOf}). A step is on time when it is {@code DONE} with a completion date on or before
 *       its due date; late when done after it; overdue (not on time) when still {@code OPEN} and its due date is before
 *       {@code asOf}. An open step due on or after {@code asOf} is not yet due, and a {@code DROPPED} step was given up by
 *       the team: both are outside the denominator. An owner's on-time share is on time ÷ (on time + late + overdue)
 *       ({@link OwnerTimeliness}).</li>
 *   <li><b>Whom a step concerns, and from when.</b> A step about a student concerns that student: when the step names an
 *       intervention in which the student takes part starting in the school year, from the first such start, at the
 *       intervention's school; otherwise from the meeting's date, at the meeting's school. A step about a group that names
 *       an intervention concerns the intervention's participants who started in the school year, each from their first
 *       start; a group step without an intervention names no student and is not measured.</li>
 *   <li><b>Windows and matching</b> as in {@link InterventionOutcomes}: the {@code windowDays} instructional days before
 *       the start and from the start on (no day after {@code asOf} or the year's end, so a recent step has a short or
 *       empty window after); a student is measured when enrolled on at least one day of each; candidates are students
 *       enrolled at the same school on the start date, measured in the same windows, who are the student of no step of the
 *       year's meetings and (when the step names an intervention) took part in no intervention of the same type and
 *       provider overlapping the school year; the closest {@code matchesPerParticipant} within {@code band} of the
 *       student's attendance rate before are kept, with the same tie-break.</li>
 *   <li><b>Outcomes.</b> Attendance: days present ÷ days enrolled in each window (day-weighted over a group). Behavior:
 *       incidents at that school dated from the first to the last day of each window, per day enrolled. Coursework: the
 *       numeric course marks at that school in the school year that became final ({@code term_end_date}, or the year's
 *       last day) before the start, against those final from the start up to {@code asOf} (marks are final only at a
 *       term's end, so a window of instructional days would mostly hold none); their mean. Each group's figures are sums
 *       over its members; the difference between the groups is the matched students' change minus the comparison
 *       pairs' change (difference in differences; Angrist and Pischke, Mostly Harmless Econometrics, 2009, chapter 5),
 *       computed exactly and rounded once.</li>
 * </ol>
 */
public final class ActionStepFollowUp {
    private ActionStepFollowUp() {}

    /**
     * The follow-up with the {@linkplain InterventionOutcomes#DEFAULT_BAND default band} (±5 points) and up to
     * {@value InterventionOutcomes#DEFAULT_MATCHES} comparison students per student.
     *
     * @param data the district data
     * @param schoolYear the school year whose meetings' steps are followed up
     * @param asOf the day the follow-up is computed for
     * @param windowDays the number of instructional days in the attendance window before and after each start, 1 or more
     * @param definition the chronic-absence definition the attendance rates follow
     * @return every step's follow-up and the on-time share per owner
     */
    public static ActionStepFollowUpReport evaluate(DistrictData data, SchoolYear schoolYear, LocalDate asOf, int windowDays,
                                                    ChronicAbsenceDefinition definition) {
        return evaluate(data, schoolYear, asOf, windowDays, definition, InterventionOutcomes.DEFAULT_BAND,
                InterventionOutcomes.DEFAULT_MATCHES);
    }

    /**
     * The follow-up of {@code schoolYear}'s steps as of {@code asOf}, with windows of {@code windowDays} instructional
     * days, a matching band and a number of comparison students per student.
     *
     * @param data the district data
     * @param schoolYear the school year whose meetings' steps are followed up
     * @param asOf the day the follow-up is computed for
     * @param windowDays the number of instructional days in the attendance window before and after each start, 1 or more
     * @param definition the chronic-absence definition the attendance rates follow
     * @param band the widest difference in the prior attendance rate between a student and a comparison student, 0 to 1
     * @param matchesPerParticipant the most comparison students per student, 1 or more
     * @return every step's follow-up and the on-time share per owner
     * @throws IllegalArgumentException when the window or the number of matches is below 1, or the band is negative or
     *                                  above 1
     */
    public static ActionStepFollowUpReport evaluate(DistrictData data, SchoolYear schoolYear, LocalDate asOf, int windowDays,
                                                    ChronicAbsenceDefinition definition, Ratio band, int matchesPerParticipant) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(band, "band");
        InterventionOutcomes.checkMethod(windowDays, band, matchesPerParticipant);
        return FollowUpEngine.evaluate(data, schoolYear, asOf, windowDays, definition, band, matchesPerParticipant);
    }
}
