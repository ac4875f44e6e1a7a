package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code calendar.csv}: an instructional day of a school.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class CalendarRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String schoolId;
    private LocalDate date;

    private long line;

    /** An empty row (for Spark). */
    public CalendarRow() {}

    /** Returns the school. */
    public String getSchoolId() {
        return schoolId;
    }

    /** Sets the school. */
    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    /** Returns the instructional day. */
    public LocalDate getDate() {
        return date;
    }

    /** Sets the instructional day. */
    public void setDate(LocalDate date) {
        this.date = date;
    }

    /** Returns the line the row was read from (header = 1; for Parquet, the row number + 1), for error reports. */
    public long getLine() {
        return line;
    }

    /** Sets the line the row was read from. */
    public void setLine(long line) {
        this.line = line;
    }

    @Override
    public String toString() {
        return "CalendarRow{" + "schoolId=" + schoolId + ", " + "date=" + date + "}";
    }
}
