package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepStatus;

/**
 * Whether an action step was completed on time, as of a date (see {@link ActionStepFollowUp} for the rule): done by its
 * due date, done late, open past its due date, open and not yet due, or dropped. Only the first three count in an
 * owner's share of steps completed on time.
 */
public enum ActionStepTimeliness {
    /** Done, with a completion date on or before the due date. */
    ON_TIME,
    /** Done, with a completion date after the due date. */
    LATE,
    /** Still open on the as-of date, which is after the due date: counts as not on time. */
    OVERDUE,
    /** Still open and due on or after the as-of date: not counted yet. */
    NOT_YET_DUE,
    /** Given up by the team's decision: not counted (neither done nor missed). */
    DROPPED;

    /**
     * The timeliness of {@code step} as of {@code asOf}.
     *
     * @param step the action step
     * @param asOf the day the question is asked (an open step due before this day is overdue)
     * @return its timeliness
     */
    public static ActionStepTimeliness of(ActionStep step, LocalDate asOf) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(asOf, "asOf");
        if (step.status() == ActionStepStatus.DROPPED) {
            return DROPPED;
        }
        if (step.status() == ActionStepStatus.DONE) {
            return step.doneOnTime() ? ON_TIME : LATE;
        }
        return step.dueDate().isBefore(asOf) ? OVERDUE : NOT_YET_DUE;
    }

    /**
     * Whether a step of this timeliness is in the denominator of the on-time share (on time, late or overdue).
     *
     * @return true for {@link #ON_TIME}, {@link #LATE} and {@link #OVERDUE}
     */
    public boolean isCounted() {
        return this == ON_TIME || this == LATE || this == OVERDUE;
    }
}
