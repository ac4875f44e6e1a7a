package org.communityschools.core.model;

/** The academic subject of a course ({@code course_marks.subject}). The constant names are the codes of the district data directory. */
public enum Subject {
    ELA,
    MATH,
    SCIENCE,
    SOCIAL_STUDIES,
    OTHER;
}
