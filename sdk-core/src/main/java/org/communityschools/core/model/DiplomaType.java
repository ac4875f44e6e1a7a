package org.communityschools.core.model;

/** The credential awarded ({@code diplomas.diploma_type}). Only REGULAR, ADVANCED and a state-defined ALTERNATE diploma count as graduation under 34 CFR 200.19(b)(1)(iv). The constant names are the codes of the district data directory. */
public enum DiplomaType {
    REGULAR,
    ADVANCED,
    ALTERNATE,
    IEP,
    CERTIFICATE,
    HSE;
}
