package org.communityschools.core.model;

/** A time-bounded characteristic of a student ({@code student_characteristics.characteristic}); the subgroups of ESSA reporting. The constant names are the codes of the district data directory. */
public enum StudentCharacteristicType {
    /** An English learner (ESEA section 8101(20)). */
    ENGLISH_LEARNER,
    /** A child with a disability under IDEA, with an individualized education program. */
    DISABILITY,
    /** A student with a disability served under Section 504 of the Rehabilitation Act (a 504 plan). */
    SECTION_504,
    /** Economically disadvantaged, as the state defines it (often by eligibility for free or reduced-price meals). */
    ECONOMICALLY_DISADVANTAGED,
    /** Homeless (McKinney-Vento Act, 42 USC 11434a(2)). */
    HOMELESS,
    /** In foster care (ESEA section 1111(h)(1)(C)(ii)). */
    FOSTER_CARE,
    /** A migratory child (ESEA section 1309(3)). */
    MIGRANT;
}
