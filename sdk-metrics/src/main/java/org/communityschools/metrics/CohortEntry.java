package org.communityschools.metrics;

/** How a student entered a graduation cohort (at a school or the district). */
public enum CohortEntry {
    /** Enrolled for the first time in grade 9 in the cohort's first year. */
    FIRST_TIME_NINTH_GRADER,
    /** Joined later: a transfer in, joining the cohort of their original first-time 9th-grade year. */
    TRANSFER_IN
}
