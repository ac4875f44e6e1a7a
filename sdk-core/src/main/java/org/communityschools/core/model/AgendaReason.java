package org.communityschools.core.model;

/**
 * Why a student or group is on a meeting's agenda ({@code agenda_items.reason}). The constant names are the codes of
 * the district data directory.
 */
public enum AgendaReason {
    /** The student has an early-warning flag (chronic absence, behavior or course performance). */
    EARLY_WARNING_FLAG,
    /** A trend in the data: attendance, behavior or marks getting worse (or better) over recent weeks. */
    TREND,
    /** An action step or intervention decided earlier is due for follow-up. */
    FOLLOW_UP_DUE;
}
