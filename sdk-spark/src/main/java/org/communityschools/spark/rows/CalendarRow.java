package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code calendar.csv}: an instructional day of a school.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class CalendarRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The school. */
    private String schoolId;
    /** The instructional day. */
    private LocalDate date;

    /** The line the row was read from (header = 1; for Parquet, the row number + 1), for error reports. */
    private long line;

    /** An empty row (for Spark). */
    public CalendarRow() {}

    /** {@return the school} */
    public String getSchoolId() {
        return schoolId;
    }

    /**
     * Sets the school.
     *
     * @param schoolId the school
     */
    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    /** {@return the instructional day} */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Sets the instructional day.
     *
     * @param date the instructional day
     */
    public void setDate(LocalDate date) {
        this.date = date;
    }

    /** {@return the line the row was read from (header = 1; for Parquet, the row number + 1), for error reports} */
    public long getLine() {
        return line;
    }

    /**
     * Sets the line the row was read from.
     *
     * @param line the line the row was read from
     */
    public void setLine(long line) {
        this.line = line;
    }

    @Override
    public String toString() {
        return "CalendarRow{" + "schoolId=" + schoolId + ", " + "date=" + date + "}";
    }
}
