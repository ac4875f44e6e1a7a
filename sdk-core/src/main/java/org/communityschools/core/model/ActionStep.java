package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An action step a school team decided at a meeting: what, who owns it, by when, for which student or group, the
 * intervention it starts or changes, and whether it was done ({@code action_steps.csv}). A step about a student is an
 * education record of that student (FERPA, 34 CFR 99.3). Immutable and thread-safe.
 *
 * @param id             the step's identifier
 * @param meetingId      the meeting that decided it
 * @param what           what is to be done (free text)
 * @param ownerId        the staff member who owns the step
 * @param dueDate        the day it is due
 * @param studentId      the student, when the step is about one student (exactly one of student and group)
 * @param group          the group, when the step is about a group
 * @param interventionId the intervention the step starts or changes, if any
 * @param status         open, done or dropped
 * @param completionDate the day it was done or dropped: required when {@code DONE}, absent when {@code OPEN}
 * @param recordedBy     the staff member who recorded the step (or its last change)
 * @param recordedAt     when it was recorded
 */
public record ActionStep(ActionStepId id, MeetingId meetingId, @Size(max = 1000) String what, StaffId ownerId,
                         LocalDate dueDate, Optional<StudentId> studentId, Optional<@Size(max = 100) String> group,
                         Optional<InterventionId> interventionId, ActionStepStatus status,
                         Optional<LocalDate> completionDate, StaffId recordedBy, Instant recordedAt) {
    /**
     * Checks that nothing is missing, the subject (student or group) and the status rules.
     *
     * @param id the step's identifier
     * @param meetingId the meeting that decided it
     * @param what what is to be done (free text)
     * @param ownerId the staff member who owns the step
     * @param dueDate the day it is due
     * @param studentId the student, when the step is about one student (exactly one of student and group)
     * @param group the group, when the step is about a group
     * @param interventionId the intervention the step starts or changes, if any
     * @param status open, done or dropped
     * @param completionDate the day it was done or dropped: required when {@code DONE}, absent when {@code OPEN}
     * @param recordedBy the staff member who recorded the step (or its last change)
     * @param recordedAt when it was recorded
     */
    public ActionStep {
        Objects.requireNonNull(id, "action_step_id");
        Objects.requireNonNull(meetingId, "meeting_id");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(ownerId, "owner_id");
        Objects.requireNonNull(dueDate, "due_date");
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(interventionId, "intervention_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completionDate, "completion_date");
        Objects.requireNonNull(recordedBy, "recorded_by");
        Objects.requireNonNull(recordedAt, "recorded_at");
        if (what.isBlank()) {
            throw new IllegalArgumentException("what must not be blank");
        }
        MeetingRules.studentOrGroup(studentId, group);
        String broken = statusRule(status, completionDate);
        if (broken != null) {
            throw new IllegalArgumentException(broken);
        }
    }

    /**
     * The status rule the pair breaks, or null: a {@code DONE} step needs a completion date, an {@code OPEN} one must
     * not have one.
     */
    static @org.jspecify.annotations.Nullable String statusRule(ActionStepStatus status, Optional<LocalDate> completion) {
        if (status == ActionStepStatus.DONE && completion.isEmpty()) {
            return "a DONE action step needs a completion_date";
        }
        if (status == ActionStepStatus.OPEN && completion.isPresent()) {
            return "an OPEN action step must not have a completion_date";
        }
        return null;
    }

    /**
     * {@return whether the step is still open on {@code date} and due on or before it}
     *
     * @param date the day
     */
    public boolean isDueBy(LocalDate date) {
        return status == ActionStepStatus.OPEN && !dueDate.isAfter(date);
    }

    /** {@return whether the step was done on or before its due date} */
    public boolean doneOnTime() {
        return status == ActionStepStatus.DONE && !completionDate.orElseThrow().isAfter(dueDate);
    }

    /**
     * {@return a copy marked {@code DONE} on {@code date}, recorded by {@code by} at {@code at}}
     *
     * @param date the day it was done
     * @param by the staff member who records it
     * @param at when it is recorded
     */
    public ActionStep complete(LocalDate date, StaffId by, Instant at) {
        return new ActionStep(id, meetingId, what, ownerId, dueDate, studentId, group, interventionId,
                ActionStepStatus.DONE, Optional.of(date), by, at);
    }

    /** {@code ActionStep[id=…, meeting=…, owner=…]}: no free text, student, dates or status. */
    @Override
    public String toString() {
        return "ActionStep[id=" + id + ", meeting=" + meetingId + ", owner=" + ownerId + "]";
    }
}
