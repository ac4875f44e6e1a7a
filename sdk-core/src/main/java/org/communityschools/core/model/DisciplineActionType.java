package org.communityschools.core.model;

/** The disciplinary action taken after an incident ({@code behavior.action}). The constant names are the codes of the district data directory. */
public enum DisciplineActionType {
    /** No disciplinary action. */
    NONE,
    /** The student was removed from the classroom for the rest of the period or day. */
    REMOVAL_FROM_CLASSROOM,
    /** Suspended from class but kept at school. */
    IN_SCHOOL_SUSPENSION,
    /** Suspended from school for one or more days. */
    OUT_OF_SCHOOL_SUSPENSION,
    /** Removed from the school for the rest of the school year or longer. */
    EXPULSION,
    /** Any other action (such as detention or a conference with the family). */
    OTHER;
}
