package org.communityschools.core.model;

/** A student's race/ethnicity in the federal reporting categories ({@code students.race_ethnicity}). The constant names are the codes of the district data directory. */
public enum RaceEthnicity {
    /** Hispanic or Latino, of any race (the federal reporting categories, 72 FR 59266). */
    HISPANIC,
    /** American Indian or Alaska Native, not Hispanic. */
    AMERICAN_INDIAN,
    /** Asian, not Hispanic. */
    ASIAN,
    /** Black or African American, not Hispanic. */
    BLACK,
    /** Native Hawaiian or Other Pacific Islander, not Hispanic. */
    PACIFIC_ISLANDER,
    /** White, not Hispanic. */
    WHITE,
    /** Two or more races, not Hispanic. */
    MULTIRACIAL,
    /** Not reported. */
    NOT_REPORTED;
}
