package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A student's participation in an intervention ({@code intervention_participants.csv}; Ed-Fi's
 * StudentInterventionAssociation). Immutable and thread-safe.
 *
 * @param interventionId the intervention
 * @param studentId      the student
 * @param staffId        the staff member delivering it to this student (a mentor, say), if any
 * @param period         when; the directory's {@code end_date} is the last day, inclusive
 * @param goal           the goal, if stated
 * @param status         active, completed or discontinued
 * @param recordedBy     the staff member who recorded the participation (in the dashboard, say), if known; the
 *                       optional column {@code recorded_by}
 * @param recordedAt     when it was recorded, if known; the optional column {@code recorded_at}, an ISO-8601 UTC
 *                       instant
 */
public record InterventionParticipant(InterventionId interventionId, StudentId studentId, Optional<StaffId> staffId,
                                      DateRange period, Optional<@Size(max = 500) String> goal, ParticipationStatus status,
                                      Optional<StaffId> recordedBy, Optional<Instant> recordedAt) {
    /**
     * Checks that nothing is missing.
     *
     * @param interventionId the intervention
     * @param studentId the student
     * @param staffId the staff member delivering it to this student (a mentor, say), if any
     * @param period when; the directory's {@code end_date} is the last day, inclusive
     * @param goal the goal, if stated
     * @param status active, completed or discontinued
     * @param recordedBy the staff member who recorded the participation, if known
     * @param recordedAt when it was recorded, if known
     */
    public InterventionParticipant {
        Objects.requireNonNull(interventionId, "intervention_id");
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(staffId, "staff_id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedBy, "recorded_by");
        Objects.requireNonNull(recordedAt, "recorded_at");
    }

    /**
     * A participation with no record of who recorded it or when (a district's export, the synthetic city).
     *
     * @param interventionId the intervention
     * @param studentId the student
     * @param staffId the staff member delivering it to this student (a mentor, say), if any
     * @param period when; the directory's {@code end_date} is the last day, inclusive
     * @param goal the goal, if stated
     * @param status active, completed or discontinued
     */
    public InterventionParticipant(InterventionId interventionId, StudentId studentId, Optional<StaffId> staffId,
                                   DateRange period, Optional<String> goal, ParticipationStatus status) {
        this(interventionId, studentId, staffId, period, goal, status, Optional.empty(), Optional.empty());
    }

    /** {@code InterventionParticipant[intervention=…, student=…, staff=…]} (staff when given): no personal data. */
    @Override
    public String toString() {
        return "InterventionParticipant[intervention=" + interventionId + ", student=" + studentId
                + staffId.map(s -> ", staff=" + s).orElse("") + "]";
    }
}
