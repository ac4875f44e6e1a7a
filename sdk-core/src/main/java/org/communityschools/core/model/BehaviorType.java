package org.communityschools.core.model;

/** The kind of behavior in an incident ({@code behavior.behavior}). The constant names are the codes of the district data directory. */
public enum BehaviorType {
    /** An offense the state defines and reports (such as a weapons or drug offense). */
    STATE_OFFENSE,
    /** A breach of the district's code of conduct. */
    SCHOOL_CODE_OF_CONDUCT,
    /** A breach of the school's own rules. */
    SCHOOL_VIOLATION,
    /** Any other behavior recorded in an incident. */
    OTHER;
}
