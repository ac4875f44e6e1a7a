package org.communityschools.core.model;

/** A category of student data, used by agreements, consents and the policy engine. Sensitivity notes are in docs/privacy; SPECIAL_EDUCATION (IDEA, 34 CFR 300.610-300.626) and MEAL_ELIGIBILITY (42 USC 1758(b)(6)) carry their own legal overlays. The constant names are the codes of the district data directory. */
public enum DataCategory {
    /** Who the student is: name and the district's student identifier. */
    IDENTITY,
    /**
     * Enrollment facts: schools, grade levels, dates of attendance and exit types; most are directory information a
     * district may designate and disclose unless a parent opted out (34 CFR 99.3, 99.37).
     */
    DIRECTORY,
    /** Address, phone and e-mail of the student and family. */
    CONTACT,
    /** Birth date, sex and race/ethnicity. */
    DEMOGRAPHICS,
    /** Daily attendance records, the reasons given for absences, and the attendance figures derived from them. */
    ATTENDANCE,
    /** Behavior incidents and disciplinary actions (their free text is CASE_NOTES). */
    BEHAVIOR,
    /** Courses, marks, credits, the graduation cohort and the diplomas awarded. */
    COURSEWORK,
    /** State and local test scores. */
    ASSESSMENT,
    /** Periods in programs and statuses such as English learner, foster care, homeless or migrant. */
    PROGRAMS,
    /** Special education records, with the IDEA overlay (34 CFR 300.610-300.626). */
    SPECIAL_EDUCATION,
    /**
     * Free or reduced-price meal eligibility, with its own rule (42 USC 1758(b)(6)): a FERPA basis alone does not
     * authorize it.
     */
    MEAL_ELIGIBILITY,
    /** Health records held by the school, such as immunizations and nurse visits. */
    HEALTH,
    /** The interventions the student takes part in, with the goals stated for the student. */
    INTERVENTIONS,
    /** Free text written by staff about a student. */
    CASE_NOTES,
    /** The school team's action steps and agenda notes about the student (docs/meetings.md). */
    MEETINGS;
}
