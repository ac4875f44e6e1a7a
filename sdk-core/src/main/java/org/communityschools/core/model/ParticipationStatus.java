package org.communityschools.core.model;

/** The status of a student's participation in an intervention ({@code intervention_participants.status}). The constant names are the codes of the district data directory. */
public enum ParticipationStatus {
    /** Taking part now. */
    ACTIVE,
    /** Finished the intervention as planned. */
    COMPLETED,
    /** Stopped before the intervention was complete. */
    DISCONTINUED;
}
