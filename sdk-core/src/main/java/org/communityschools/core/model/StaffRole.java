package org.communityschools.core.model;

/** The role of a staff member at an organization ({@code staff_assignments.role}). The constant names are the codes of the district data directory. */
public enum StaffRole {
    PRINCIPAL,
    TEACHER,
    COUNSELOR,
    COMMUNITY_SCHOOL_DIRECTOR,
    SUCCESS_MENTOR,
    DISTRICT_ADMIN,
    RESEARCHER;
}
