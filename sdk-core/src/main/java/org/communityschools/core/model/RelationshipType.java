package org.communityschools.core.model;

/** How a staff member relates to a student ({@code student_staff.relationship}); dated, so a roster or caseload is known at any instant. The constant names are the codes of the district data directory. */
public enum RelationshipType {
    /** The staff member teaches the student (a class roster). */
    TEACHER_OF,
    /** The student is on the staff member's mentoring caseload (such as a Success Mentor's). */
    MENTOR_OF,
    /** The student is on the counselor's caseload. */
    COUNSELOR_OF,
    /** The student is on the case manager's caseload. */
    CASE_MANAGER_OF;
}
