package org.communityschools.metrics;

/** What became of a student who stays in the adjusted cohort without graduating by the cut-off. */
public enum NonGraduateOutcome {
    /**
     * Enrolled on the cut-off date, enrolled again after it, or continuing: the last enrollment ended with
     * {@code END_OF_YEAR} in the cohort's last school year (the end of a school year is not a withdrawal).
     */
    STILL_ENROLLED,
    /** Left for a high-school equivalency (GED/HSE) program or earned an HSE credential. */
    GED,
    /** Left with a credential that is not a regular diploma (certificate, IEP diploma, an uncounted alternate diploma). */
    NON_DIPLOMA_CREDENTIAL,
    /** Dropped out or was expelled. */
    DROPPED_OUT,
    /** Transferred, emigrated or died without written confirmation. */
    UNDOCUMENTED_EXIT,
    /** Any other exit, or none recorded. */
    OTHER
}
