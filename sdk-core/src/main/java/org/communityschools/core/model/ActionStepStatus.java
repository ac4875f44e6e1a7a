package org.communityschools.core.model;

/**
 * The status of an action step ({@code action_steps.status}). The constant names are the codes of the district data
 * directory.
 */
public enum ActionStepStatus {
    /** Decided and not yet done. */
    OPEN,
    /** Done; the step has a completion date. */
    DONE,
    /** Given up (the team decided the step is no longer needed or possible). */
    DROPPED;
}
