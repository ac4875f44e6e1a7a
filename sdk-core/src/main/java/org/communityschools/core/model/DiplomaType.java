package org.communityschools.core.model;

/** The credential awarded ({@code diplomas.diploma_type}). Only REGULAR, ADVANCED and a state-defined ALTERNATE diploma count as graduation under 34 CFR 200.19(b)(1)(iv). The constant names are the codes of the district data directory. */
public enum DiplomaType {
    /** The state's standard high school diploma: counts as graduation (34 CFR 200.19(b)(1)(iv)). */
    REGULAR,
    /**
     * A diploma with distinction beyond the regular one (such as an advanced Regents diploma): counts as graduation.
     */
    ADVANCED,
    /**
     * A state-defined alternate diploma for students with the most significant cognitive disabilities assessed on
     * alternate standards: counts as graduation (34 CFR 200.19(b)(1)(iv)).
     */
    ALTERNATE,
    /**
     * A diploma or certificate awarded on completing an individualized education program: does not count as graduation.
     */
    IEP,
    /** A certificate of attendance or completion: does not count as graduation. */
    CERTIFICATE,
    /** A high school equivalency credential (such as the GED): does not count as graduation. */
    HSE;
}
