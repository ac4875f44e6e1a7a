package org.communityschools.privacy.policy;

/**
 * The relationship between the requester and the student that a {@link Rule} requires, evaluated at the instant of
 * the request against dated records of the district data (enrollments, staff assignments, student–staff
 * relationships, partnerships). In every case the requester must hold one of the rule's roles through a staff
 * assignment in force on that date. Ed-Fi calls this the relationship-based (row) check; unlike Ed-Fi it covers
 * caseloads and partner organizations outside the school hierarchy.
 */
public enum Relationship {
    /** The student is enrolled on that date in a school where the requester holds the role (an assignment at the school). */
    ASSIGNED_SCHOOL,
    /**
     * The student is enrolled on that date in a school partnered, in that school year, with the requester's employer
     * (lead or partner), and the requester holds the role at that school or at the employer itself. A school-official
     * grant to an outside employer also needs a data-sharing agreement covering the request (34 CFR 99.31(a)(1)(i)(B)).
     */
    PARTNER_SCHOOL,
    /**
     * The student is on the requester's roster or caseload on that date: a student–staff relationship in force of one
     * of the rule's {@link Rule#relationshipTypes()} ({@code TEACHER_OF}, {@code MENTOR_OF}, ...).
     */
    STUDENT_STAFF,
    /**
     * The requester holds the role at a district (an assignment at the district organization itself), and the student
     * has been enrolled, on or before that date, in a school of that district.
     */
    DISTRICT_WIDE,
    /** Any requester holding the role, whatever their relationship with the student. Only for {@link Effect#FORBID} rules. */
    ANY;
}
