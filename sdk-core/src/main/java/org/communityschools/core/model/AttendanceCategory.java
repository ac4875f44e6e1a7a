package org.communityschools.core.model;

/** The category of a daily attendance record ({@code attendance.category}). The constant names are the codes of the district data directory. */
public enum AttendanceCategory {
    /** Present all day; default duration 0. */
    PRESENT,
    /** Absent with an excuse; default duration 1. */
    EXCUSED_ABSENCE,
    /** Absent without an excuse; default duration 1. */
    UNEXCUSED_ABSENCE,
    /** Arrived late; default duration 0. */
    TARDY,
    /** Left early; default duration 0. */
    EARLY_DEPARTURE,
    /** Missed part of the day; the duration is required. */
    PARTIAL,
    /** Suspended but on school grounds; default duration 0. */
    IN_SCHOOL_SUSPENSION,
    /** Suspended from school; default duration 1. */
    OUT_OF_SCHOOL_SUSPENSION;

    /**
     * The share of the day missed when the record gives none: 1 for an excused, unexcused or out-of-school
     * suspension absence, 0 for present, tardy, early departure and in-school suspension.
     *
     * @return the default, or empty for {@link #PARTIAL}, which requires an explicit duration
     */
    public java.util.Optional<DayShare> defaultDuration() {
        return switch (this) {
            case EXCUSED_ABSENCE, UNEXCUSED_ABSENCE, OUT_OF_SCHOOL_SUSPENSION -> java.util.Optional.of(DayShare.WHOLE_DAY);
            case PARTIAL -> java.util.Optional.empty();
            default -> java.util.Optional.of(DayShare.NONE);
        };
    }
}
