package org.communityschools.core.model;

/** A student's sex as reported ({@code students.sex}). The constant names are the codes of the district data directory. */
public enum Sex {
    FEMALE,
    MALE,
    NON_BINARY,
    NOT_SELECTED;
}
