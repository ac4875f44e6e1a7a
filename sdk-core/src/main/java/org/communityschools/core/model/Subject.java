package org.communityschools.core.model;

/** The academic subject of a course ({@code course_marks.subject}). The constant names are the codes of the district data directory. */
public enum Subject {
    /** English language arts. */
    ELA,
    /** Mathematics. */
    MATH,
    /** Science. */
    SCIENCE,
    /** Social studies (history, geography, civics, economics). */
    SOCIAL_STUDIES,
    /** Any other subject. */
    OTHER;
}
