package org.communityschools.metrics;

/**
 * Why a student left a graduation cohort. Only a transfer out, emigration or death with written confirmation
 * removes a student (34 CFR 200.19(b)(1)(ii)); dropouts, GED/HSE enrollees and undocumented transfers stay.
 */
public enum CohortRemoval {
    /** A documented transfer to another school or program that grants a regular diploma. */
    TRANSFERRED_OUT,
    /** Documented emigration to another country. */
    EMIGRATED,
    /** Death. */
    DIED,
    /** School level only: counted at the school with the most days instead, under {@link GraduationCohortDefinition.Attribution#MOST_DAYS}. */
    ATTRIBUTED_TO_ANOTHER_SCHOOL
}
