package org.communityschools.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.Matching;
import org.communityschools.metrics.internal.Points;

/**
 * The follow-up of one action step (see {@link ActionStepFollowUp} for the rules): whether it was done on time, and
 * the attendance, behavior and coursework of the students it concerns before and after their start, against matched
 * students without such a step or intervention. Every figure comes with its counts. Prints ids only. Immutable and
 * thread-safe.
 *
 * @param stepId             the step
 * @param meetingId          the meeting that decided it
 * @param ownerId            the staff member who owns it
 * @param studentId          the student, when the step is about one student
 * @param interventionId     the intervention it starts or changes, if any
 * @param timeliness         whether it was done on time, as of the report's date
 * @param starts             each student the step concerns, with the day the follow-up measures from
 * @param measured           students of {@code starts} enrolled on at least one day of both attendance windows
 * @param figures            the measured students' figures
 * @param matched            measured students with at least one comparison student
 * @param matchedFigures     the matched students' figures
 * @param comparisonPairs    student–comparison pairs (a comparison student may serve several students)
 * @param comparisonStudents distinct comparison students
 * @param comparisonFigures  the comparison students' figures around each matched student's start, summed over the pairs
 * @param matches            each matched student's comparison students, in order of closeness
 */
public record ActionStepOutcome(ActionStepId stepId, MeetingId meetingId, StaffId ownerId, Optional<StudentId> studentId,
                                Optional<InterventionId> interventionId, ActionStepTimeliness timeliness,
                                Map<StudentId, LocalDate> starts, int measured, FollowUpFigures figures, int matched,
                                FollowUpFigures matchedFigures, int comparisonPairs, int comparisonStudents,
                                FollowUpFigures comparisonFigures, Map<StudentId, List<StudentId>> matches) {
    /**
     * Checks that nothing is missing and the counts nest (matched ≤ measured ≤ students); copies the maps.
     *
     * @param stepId the step
     * @param meetingId the meeting that decided it
     * @param ownerId the staff member who owns it
     * @param studentId the student, when the step is about one student
     * @param interventionId the intervention it starts or changes, if any
     * @param timeliness whether it was done on time, as of the report's date
     * @param starts each student the step concerns, with the day the follow-up measures from
     * @param measured students of {@code starts} enrolled on at least one day of both attendance windows
     * @param figures the measured students' figures
     * @param matched measured students with at least one comparison student
     * @param matchedFigures the matched students' figures
     * @param comparisonPairs student–comparison pairs (a comparison student may serve several students)
     * @param comparisonStudents distinct comparison students
     * @param comparisonFigures the comparison students' figures around each matched student's start, summed over the pairs
     * @param matches each matched student's comparison students, in order of closeness
     */
    public ActionStepOutcome {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(interventionId, "interventionId");
        Objects.requireNonNull(timeliness, "timeliness");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(matchedFigures, "matchedFigures");
        Objects.requireNonNull(comparisonFigures, "comparisonFigures");
        starts = Collections.unmodifiableMap(new TreeMap<>(starts));
        Matching.checkCounts(matched, measured, starts.size(), "students", comparisonPairs, comparisonStudents);
        matches = Matching.copyMatches(matches);
    }

    /**
     * Attendance: (matched students' after − before) − (comparison after − before), in percentage points, computed
     * exactly and rounded once (half even) to {@code scale} places; empty without a match.
     *
     * @param scale the number of decimal places
     * @return the difference in differences of the attendance rates, in percentage points
     */
    public Optional<BigDecimal> attendanceDifferenceInPoints(int scale) {
        return difference(f -> f.attendance().before(), f -> f.attendance().after()).map(d -> Points.round(d, scale));
    }

    /**
     * Behavior: the difference in differences of the incident rates, in incidents per 100 days enrolled, computed
     * exactly and rounded once (half even) to {@code scale} places; empty without a match.
     *
     * @param scale the number of decimal places
     * @return the difference in differences of incidents per 100 days enrolled
     */
    public Optional<BigDecimal> incidentDifferencePer100Days(int scale) {
        return difference(FollowUpFigures::incidentRateBefore, FollowUpFigures::incidentRateAfter).map(d -> Points.round(d, scale));
    }

    /**
     * Coursework: the difference in differences of the mean numeric marks, in mark points (0–100 scale), computed
     * exactly and rounded once (half even) to {@code scale} places; empty when either group lacks a mark before or after.
     *
     * @param scale the number of decimal places
     * @return the difference in differences of the mean marks
     */
    public Optional<BigDecimal> markDifference(int scale) {
        return difference(FollowUpFigures::meanMarkBefore, FollowUpFigures::meanMarkAfter).map(d -> Points.roundPlain(d, scale));
    }

    private Optional<BigInteger[]> difference(Function<FollowUpFigures, Optional<Ratio>> before,
                                              Function<FollowUpFigures, Optional<Ratio>> after) {
        Optional<Ratio> tb = before.apply(matchedFigures);
        Optional<Ratio> ta = after.apply(matchedFigures);
        Optional<Ratio> cb = before.apply(comparisonFigures);
        Optional<Ratio> ca = after.apply(comparisonFigures);
        if (tb.isEmpty() || ta.isEmpty() || cb.isEmpty() || ca.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Points.subtract(Points.change(tb.get(), ta.get()), Points.change(cb.get(), ca.get())));
    }

    /** {@code ActionStepOutcome[step=…, owner=…, timeliness=…]}: ids only. */
    @Override
    public String toString() {
        return "ActionStepOutcome[step=" + stepId + ", meeting=" + meetingId + ", owner=" + ownerId + ", timeliness=" + timeliness + "]";
    }
}
