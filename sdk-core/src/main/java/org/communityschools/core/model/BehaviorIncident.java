package org.communityschools.core.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A behavior incident of one student with the disciplinary action taken ({@code behavior.csv}; Ed-Fi's
 * DisciplineIncident, StudentDisciplineIncidentBehaviorAssociation and DisciplineAction in one row).
 * The description is free text and is treated as case notes by the privacy module. Immutable and thread-safe.
 *
 * @param incidentId  the incident's identifier
 * @param studentId   the student
 * @param schoolId    the school where it happened
 * @param date        the day of the incident
 * @param behavior    the kind of behavior
 * @param description what happened, if recorded
 * @param action      the disciplinary action
 * @param actionDays  the length of the action in school days (0 when none), at most one decimal place
 */
public record BehaviorIncident(IncidentId incidentId, StudentId studentId, SchoolId schoolId, LocalDate date,
                               BehaviorType behavior, Optional<@Size(max = 1000) String> description,
                               DisciplineActionType action, @DecimalMax("365") BigDecimal actionDays) {
    /**
     * Checks that nothing is missing, days are not negative, and a suspension or expulsion has days.
     *
     * @param incidentId the incident's identifier
     * @param studentId the student
     * @param schoolId the school where it happened
     * @param date the day of the incident
     * @param behavior the kind of behavior
     * @param description what happened, if recorded
     * @param action the disciplinary action
     * @param actionDays the length of the action in school days (0 when none), at most one decimal place
     */
    public BehaviorIncident {
        Objects.requireNonNull(incidentId, "incident_id");
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actionDays, "action_days");
        if (actionDays.signum() < 0) {
            throw new IllegalArgumentException("action_days must not be negative, was " + actionDays.toPlainString());
        }
        if (action == DisciplineActionType.NONE && actionDays.signum() != 0) {
            throw new IllegalArgumentException("action_days must be 0 when action is NONE, was " + actionDays.toPlainString());
        }
        actionDays = actionDays.signum() == 0 ? BigDecimal.ZERO : actionDays.stripTrailingZeros();
        if (actionDays.scale() < 0) {
            actionDays = actionDays.setScale(0);
        }
    }

    /** {@return whether the action removed the student from school (out-of-school suspension or expulsion)} */
    public boolean isOutOfSchoolSuspension() {
        return action == DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION || action == DisciplineActionType.EXPULSION;
    }

    /** {@code BehaviorIncident[id=…, student=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "BehaviorIncident[id=" + incidentId + ", student=" + studentId + ", school=" + schoolId + "]";
    }
}
