package org.communityschools.core.model;

/** How a staff member relates to a student ({@code student_staff.relationship}); dated, so a roster or caseload is known at any instant. The constant names are the codes of the district data directory. */
public enum RelationshipType {
    TEACHER_OF,
    MENTOR_OF,
    COUNSELOR_OF,
    CASE_MANAGER_OF;
}
