package org.communityschools.core.model;

/** A student's race/ethnicity in the federal reporting categories ({@code students.race_ethnicity}). The constant names are the codes of the district data directory. */
public enum RaceEthnicity {
    HISPANIC,
    AMERICAN_INDIAN,
    ASIAN,
    BLACK,
    PACIFIC_ISLANDER,
    WHITE,
    MULTIRACIAL,
    NOT_REPORTED;
}
