package org.communityschools.core.model;

/** The kind of behavior in an incident ({@code behavior.behavior}). The constant names are the codes of the district data directory. */
public enum BehaviorType {
    STATE_OFFENSE,
    SCHOOL_CODE_OF_CONDUCT,
    SCHOOL_VIOLATION,
    OTHER;
}
