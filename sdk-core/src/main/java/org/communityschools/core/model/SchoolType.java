package org.communityschools.core.model;

/** The kind of a school ({@code schools.school_type}); some outcome definitions exclude some kinds. The constant names are the codes of the district data directory. */
public enum SchoolType {
    REGULAR,
    TRANSFER,
    ALTERNATIVE,
    CHARTER,
    SPECIAL_EDUCATION;
}
