package org.communityschools.core.model;

/** The disciplinary action taken after an incident ({@code behavior.action}). The constant names are the codes of the district data directory. */
public enum DisciplineActionType {
    NONE,
    REMOVAL_FROM_CLASSROOM,
    IN_SCHOOL_SUSPENSION,
    OUT_OF_SCHOOL_SUSPENSION,
    EXPULSION,
    OTHER;
}
