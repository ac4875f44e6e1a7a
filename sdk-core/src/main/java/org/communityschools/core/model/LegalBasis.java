package org.communityschools.core.model;

/** The FERPA basis of a disclosure (34 CFR 99.30, 99.31). Every disclosure happens under exactly one basis. The constant names are the codes of the district data directory. */
public enum LegalBasis {
    /** School official with a legitimate educational interest, 34 CFR 99.31(a)(1). */
    SCHOOL_OFFICIAL,
    /** Studies for or on behalf of the district, 34 CFR 99.31(a)(6). */
    STUDIES,
    /** Audit or evaluation of education programs, 34 CFR 99.31(a)(3) and 99.35. */
    AUDIT_EVALUATION,
    /** Written consent of a parent or eligible student, 34 CFR 99.30. */
    CONSENT,
    /** Directory information, 34 CFR 99.31(a)(11) and 99.37. */
    DIRECTORY,
    /** Health or safety emergency, 34 CFR 99.31(a)(10) and 99.36. */
    EMERGENCY;
}
