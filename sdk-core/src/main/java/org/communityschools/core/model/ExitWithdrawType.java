package org.communityschools.core.model;

/** Why an enrollment ended ({@code enrollments.exit_type}), as Ed-Fi's ExitWithdrawTypeDescriptor. Only a documented TRANSFERRED, EMIGRATED or DIED removes a student from a graduation cohort (34 CFR 200.19(b)(1)(ii)). The constant names are the codes of the district data directory. */
public enum ExitWithdrawType {
    GRADUATED,
    TRANSFERRED,
    EMIGRATED,
    DIED,
    DROPPED_OUT,
    GED_PROGRAM,
    EXPELLED,
    INCARCERATED,
    END_OF_YEAR,
    OTHER;
}
