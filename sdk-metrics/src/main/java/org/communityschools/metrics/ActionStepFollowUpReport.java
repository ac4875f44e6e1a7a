package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;

/**
 * The follow-up of a school year's action steps as of a date: one {@link ActionStepOutcome} per step of the year's
 * meetings (by meeting date, then step id) and the share of steps completed on time per owner. Immutable and
 * thread-safe.
 *
 * @param schoolYear            the school year
 * @param asOf                  the day the follow-up is computed for: no day after it is measured, and an open step due
 *                              before it is overdue
 * @param windowDays            instructional days in each attendance window before and after a start
 * @param definition            how days present are counted (day rule and category treatment)
 * @param band                  the matching band: a comparison student's rate before is within this of the student's
 * @param matchesPerParticipant at most this many comparison students per student
 * @param steps                 by meeting date, then step id
 * @param owners                one tally per owner, by owner id
 */
public record ActionStepFollowUpReport(SchoolYear schoolYear, LocalDate asOf, int windowDays, ChronicAbsenceDefinition definition,
                                       Ratio band, int matchesPerParticipant, List<ActionStepOutcome> steps,
                                       List<OwnerTimeliness> owners) {
    /**
     * Checks that nothing is missing; copies the lists.
     *
     * @param schoolYear the school year
     * @param asOf the day the follow-up is computed for
     * @param windowDays instructional days in each attendance window before and after a start
     * @param definition how days present are counted (day rule and category treatment)
     * @param band the matching band
     * @param matchesPerParticipant at most this many comparison students per student
     * @param steps by meeting date, then step id
     * @param owners one tally per owner, by owner id
     */
    public ActionStepFollowUpReport {
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(band, "band");
        steps = List.copyOf(steps);
        owners = List.copyOf(owners);
    }

    /**
     * {@return the follow-up of the step, if it was decided at a meeting of the school year}
     *
     * @param id the step's identifier
     */
    public Optional<ActionStepOutcome> step(ActionStepId id) {
        Objects.requireNonNull(id, "id");
        return steps.stream().filter(s -> s.stepId().equals(id)).findFirst();
    }

    /**
     * {@return the owner's tally, if they own a step of the year}
     *
     * @param owner the staff member
     */
    public Optional<OwnerTimeliness> owner(StaffId owner) {
        Objects.requireNonNull(owner, "owner");
        return owners.stream().filter(o -> o.ownerId().equals(owner)).findFirst();
    }
}
