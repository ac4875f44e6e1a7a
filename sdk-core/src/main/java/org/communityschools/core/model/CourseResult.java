package org.communityschools.core.model;

/** The result of a course attempt ({@code course_marks.result}). The constant names are the codes of the district data directory. */
public enum CourseResult {
    PASS,
    FAIL,
    INCOMPLETE,
    WITHDRAWN;
}
