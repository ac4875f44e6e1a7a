package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;

/**
 * One day's attendance record of one student at one school, reduced to what the calculators need: the day, the
 * category and the share of the day missed. A day enrolled without a mark is a present day. Immutable and
 * thread-safe.
 *
 * @param date     the instructional day
 * @param category the category
 * @param duration the share of the day missed
 */
public record AttendanceMark(LocalDate date, AttendanceCategory category, DayShare duration) {
    /**
     * Checks that nothing is missing.
     *
     * @param date the instructional day
     * @param category the category
     * @param duration the share of the day missed
     */
    public AttendanceMark {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * {@return a mark whose duration is the category's default (1 for an absence or out-of-school suspension, otherwise
     * 0)}
     *
     * @param date the day
     * @param category the attendance category
     */
    public static AttendanceMark of(LocalDate date, AttendanceCategory category) {
        Objects.requireNonNull(category, "category");
        return new AttendanceMark(date, category, category.defaultDuration()
                .orElseThrow(() -> new IllegalArgumentException("duration is required for category PARTIAL")));
    }

    /**
     * {@return the mark of an attendance record}
     *
     * @param record a record of the district data
     */
    public static AttendanceMark of(AttendanceRecord record) {
        Objects.requireNonNull(record, "record");
        return new AttendanceMark(record.date(), record.category(), record.duration());
    }
}
