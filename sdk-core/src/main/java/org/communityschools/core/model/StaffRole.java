package org.communityschools.core.model;

/** The role of a staff member at an organization ({@code staff_assignments.role}). The constant names are the codes of the district data directory. */
public enum StaffRole {
    /** A school's principal. */
    PRINCIPAL,
    /** A teacher, who sees the students on their rosters. */
    TEACHER,
    /** A school counselor, who sees the students on their caseload. */
    COUNSELOR,
    /** The lead community-based organization's director at a community school. */
    COMMUNITY_SCHOOL_DIRECTOR,
    /** A Success Mentor, who sees the students on their mentoring caseload. */
    SUCCESS_MENTOR,
    /** A district administrator, who oversees all schools. */
    DISTRICT_ADMIN,
    /** A researcher under a studies agreement, who sees only de-identified extracts. */
    RESEARCHER;
}
