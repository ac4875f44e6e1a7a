package org.communityschools.privacy.extract;

/**
 * A coarsening of a quasi-identifier in an extract (Sweeney 2002, k-anonymity), applied to every file of the extract so that
 * no file undoes it.
 */
public enum Generalization {
    /** Birth date to birth year: {@code birth_year} instead of {@code birth_date}. */
    BIRTH_DATE_TO_YEAR,
    /** Grade to grade band: {@code PK-05}, {@code 06-08}, {@code 09-12} instead of the grade. */
    GRADE_TO_BAND,
    /** School to school type ({@code REGULAR}, {@code CHARTER}, ...): {@code school_type} instead of {@code school_id}. */
    SCHOOL_TO_TYPE
}
