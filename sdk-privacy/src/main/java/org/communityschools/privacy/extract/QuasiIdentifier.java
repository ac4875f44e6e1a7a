package org.communityschools.privacy.extract;

/**
 * A column of the extract's {@code students.csv} that someone could know about a student from elsewhere and use to
 * single the student out (Sweeney 2002, k-anonymity). The k-anonymity check groups students by the declared ones.
 */
public enum QuasiIdentifier {
    /** Birth date or birth year. */
    BIRTH,
    /** Sex. */
    SEX,
    /** Race/ethnicity. */
    RACE_ETHNICITY,
    /** School, or school type when generalized. */
    SCHOOL,
    /** Grade, or grade band when generalized. */
    GRADE
}
