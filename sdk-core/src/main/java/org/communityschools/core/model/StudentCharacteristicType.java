package org.communityschools.core.model;

/** A time-bounded characteristic of a student ({@code student_characteristics.characteristic}); the subgroups of ESSA reporting. The constant names are the codes of the district data directory. */
public enum StudentCharacteristicType {
    ENGLISH_LEARNER,
    DISABILITY,
    SECTION_504,
    ECONOMICALLY_DISADVANTAGED,
    HOMELESS,
    FOSTER_CARE,
    MIGRANT;
}
