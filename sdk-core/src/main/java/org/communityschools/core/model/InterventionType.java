package org.communityschools.core.model;

/** The kind of an intervention ({@code interventions.type}). The constant names are the codes of the district data directory. */
public enum InterventionType {
    /** A Success Mentor program: a mentor meets regularly with a student who was chronically absent. */
    SUCCESS_MENTOR,
    /** Calls, letters or home visits about absences. */
    ATTENDANCE_OUTREACH,
    /** Academic tutoring. */
    TUTORING,
    /** Individual or group counseling. */
    COUNSELING,
    /** Work with the student's family (workshops, case conferences). */
    FAMILY_ENGAGEMENT,
    /** A referral to a health or mental health provider. */
    HEALTH_REFERRAL,
    /** Any other intervention. */
    OTHER;
}
