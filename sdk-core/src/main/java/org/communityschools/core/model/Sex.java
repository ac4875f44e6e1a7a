package org.communityschools.core.model;

/** A student's sex as reported ({@code students.sex}). The constant names are the codes of the district data directory. */
public enum Sex {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Non-binary, where the state collects it. */
    NON_BINARY,
    /** Not reported. */
    NOT_SELECTED;
}
