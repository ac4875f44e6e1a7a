package org.communityschools.core.model;

/** Why an enrollment ended ({@code enrollments.exit_type}), as Ed-Fi's ExitWithdrawTypeDescriptor. Only a documented TRANSFERRED, EMIGRATED or DIED removes a student from a graduation cohort (34 CFR 200.19(b)(1)(ii)). The constant names are the codes of the district data directory. */
public enum ExitWithdrawType {
    /** Graduated with a diploma. */
    GRADUATED,
    /**
     * Transferred to another school or to home schooling; removes the student from a graduation cohort only when
     * documented (34 CFR 200.19(b)(1)(ii)).
     */
    TRANSFERRED,
    /** Emigrated to another country; removes the student from a graduation cohort only when documented. */
    EMIGRATED,
    /** Died; removes the student from a graduation cohort. */
    DIED,
    /** Left school without a diploma or a documented transfer. */
    DROPPED_OUT,
    /** Left for a high school equivalency (GED) program; stays in the graduation cohort as a non-graduate. */
    GED_PROGRAM,
    /** Expelled. */
    EXPELLED,
    /**
     * Incarcerated; stays in the graduation cohort unless documented as a transfer to a program that grants a regular
     * diploma.
     */
    INCARCERATED,
    /** Enrolled to the end of the school year (the enrollment ends with the year, not a withdrawal). */
    END_OF_YEAR,
    /** Any other reason. */
    OTHER;
}
