package org.communityschools.core.model;

/** The kind of a school ({@code schools.school_type}); some outcome definitions exclude some kinds. The constant names are the codes of the district data directory. */
public enum SchoolType {
    /** A regular public school. */
    REGULAR,
    /** A transfer school for students who are over-age and under-credited. */
    TRANSFER,
    /** An alternative school or program outside the regular schools. */
    ALTERNATIVE,
    /** A public charter school. */
    CHARTER,
    /** A school that serves only students with disabilities. */
    SPECIAL_EDUCATION;
}
