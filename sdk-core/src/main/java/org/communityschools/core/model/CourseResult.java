package org.communityschools.core.model;

/** The result of a course attempt ({@code course_marks.result}). The constant names are the codes of the district data directory. */
public enum CourseResult {
    /** Passed: the credits attempted may be earned. */
    PASS,
    /** Failed: no credit is earned. */
    FAIL,
    /** Not completed by the end of the term; no mark yet. */
    INCOMPLETE,
    /** The student left the course before its end. */
    WITHDRAWN;
}
