package org.communityschools.core.model;

import java.util.Objects;

/**
 * A dated relationship between a staff member and a student ({@code student_staff.csv}): a teacher's roster, a
 * Success Mentor's caseload, a counselor's or case manager's students. Immutable and thread-safe.
 *
 * @param studentId    the student
 * @param staffId      the staff member
 * @param relationship the kind of relationship
 * @param period       when; the directory's {@code end_date} is the last day, inclusive
 */
public record StudentStaffRelationship(StudentId studentId, StaffId staffId, RelationshipType relationship, DateRange period) {
    /**
     * Checks that nothing is missing.
     *
     * @param studentId the student
     * @param staffId the staff member
     * @param relationship the kind of relationship
     * @param period when; the directory's {@code end_date} is the last day, inclusive
     */
    public StudentStaffRelationship {
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(staffId, "staff_id");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(period, "period");
    }

    /** {@code StudentStaffRelationship[student=…, staff=…]}: no personal data. */
    @Override
    public String toString() {
        return "StudentStaffRelationship[student=" + studentId + ", staff=" + staffId + "]";
    }
}
