package org.communityschools.core.model;

/** The kind of an intervention ({@code interventions.type}). The constant names are the codes of the district data directory. */
public enum InterventionType {
    SUCCESS_MENTOR,
    ATTENDANCE_OUTREACH,
    TUTORING,
    COUNSELING,
    FAMILY_ENGAGEMENT,
    HEALTH_REFERRAL,
    OTHER;
}
