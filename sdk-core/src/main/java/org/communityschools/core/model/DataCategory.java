package org.communityschools.core.model;

/** A category of student data, used by agreements, consents and the policy engine. Sensitivity notes are in docs/privacy; SPECIAL_EDUCATION (IDEA, 34 CFR 300.610-300.626) and MEAL_ELIGIBILITY (42 USC 1758(b)(6)) carry their own legal overlays. The constant names are the codes of the district data directory. */
public enum DataCategory {
    IDENTITY,
    DIRECTORY,
    CONTACT,
    DEMOGRAPHICS,
    ATTENDANCE,
    BEHAVIOR,
    COURSEWORK,
    ASSESSMENT,
    PROGRAMS,
    SPECIAL_EDUCATION,
    MEAL_ELIGIBILITY,
    HEALTH,
    INTERVENTIONS,
    CASE_NOTES,
    /** The school team's action steps and agenda notes about the student (docs/meetings.md). */
    MEETINGS;
}
