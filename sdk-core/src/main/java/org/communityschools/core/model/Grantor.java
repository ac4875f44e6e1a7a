package org.communityschools.core.model;

/** Who signed a consent ({@code consents.grantor}): a parent, or the student once eligible (18, or in postsecondary education; 34 CFR 99.5(a)). The constant names are the codes of the district data directory. */
public enum Grantor {
    /** A parent or guardian, for a student who is not yet an eligible student. */
    PARENT,
    /** The student, once 18 or attending a postsecondary institution (34 CFR 99.5(a)). */
    ELIGIBLE_STUDENT;
}
