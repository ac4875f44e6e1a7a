package org.communityschools.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A student's attendance on one instructional day at one school ({@code attendance.csv}; Ed-Fi's
 * StudentSchoolAttendanceEvent). An instructional day on which the student is enrolled and has no record is a
 * present day. Immutable and thread-safe.
 *
 * @param studentId the student
 * @param schoolId  the school
 * @param date      the day
 * @param category  the category
 * @param duration  the share of the day missed; see {@link #of} for the defaults by category
 * @param reason    the reason given, if any (free text; not personal data by contract, at most 64 characters)
 */
public record AttendanceRecord(StudentId studentId, SchoolId schoolId, LocalDate date, AttendanceCategory category,
                               DayShare duration, Optional<String> reason) {
    /**
     * Checks that nothing is missing and the reason is short.
     *
     * @param studentId the student
     * @param schoolId the school
     * @param date the day
     * @param category the category
     * @param duration the share of the day missed; see {@link #of} for the defaults by category
     * @param reason the reason given, if any (free text; not personal data by contract, at most 64 characters)
     */
    public AttendanceRecord {
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(reason, "reason");
        if (reason.isPresent() && (reason.get().isBlank() || reason.get().length() > 64)) {
            throw new IllegalArgumentException("reason must have 1 to 64 characters");
        }
    }

    /**
     * A record whose duration, when not given, is the category's default (1 for excused, unexcused and
     * out-of-school suspension absences; 0 for present, tardy, early departure and in-school suspension).
     *
     * @param studentId the student
     * @param schoolId the school
     * @param date the day
     * @param category the category
     * @param duration the share of the day missed; empty for the category's default
     * @param reason the reason given, if any (free text, at most 64 characters)
     * @return the record
     * @throws IllegalArgumentException for {@link AttendanceCategory#PARTIAL} without a duration
     */
    public static AttendanceRecord of(StudentId studentId, SchoolId schoolId, LocalDate date, AttendanceCategory category,
                                      Optional<DayShare> duration, Optional<String> reason) {
        Objects.requireNonNull(category, "category");
        DayShare d = duration.or(category::defaultDuration)
                .orElseThrow(() -> new IllegalArgumentException("duration is required for category PARTIAL"));
        return new AttendanceRecord(studentId, schoolId, date, category, d, reason);
    }

    /** {@code AttendanceRecord[student=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "AttendanceRecord[student=" + studentId + ", school=" + schoolId + "]";
    }
}
