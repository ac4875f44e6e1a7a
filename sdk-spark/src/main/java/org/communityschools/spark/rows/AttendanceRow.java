package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code attendance.csv} (the reason, free text, is validated and not carried).
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class AttendanceRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String studentId;
    private String schoolId;
    private LocalDate date;
    private String category;
    private int durationTenThousandths;

    private long line;

    /** An empty row (for Spark). */
    public AttendanceRow() {}

    /** Returns the student. */
    public String getStudentId() {
        return studentId;
    }

    /** Sets the student. */
    public void setStudentId(String studentId) {
        this.studentId = studentId;
    }

    /** Returns the school. */
    public String getSchoolId() {
        return schoolId;
    }

    /** Sets the school. */
    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    /** Returns the day. */
    public LocalDate getDate() {
        return date;
    }

    /** Sets the day. */
    public void setDate(LocalDate date) {
        this.date = date;
    }

    /** Returns the {@code AttendanceCategory} code. */
    public String getCategory() {
        return category;
    }

    /** Sets the {@code AttendanceCategory} code. */
    public void setCategory(String category) {
        this.category = category;
    }

    /** Returns the share of the day, in ten-thousandths (the category's default when the cell is empty). */
    public int getDurationTenThousandths() {
        return durationTenThousandths;
    }

    /** Sets the share of the day, in ten-thousandths (the category's default when the cell is empty). */
    public void setDurationTenThousandths(int durationTenThousandths) {
        this.durationTenThousandths = durationTenThousandths;
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
        return "AttendanceRow{" + "studentId=" + studentId + ", " + "schoolId=" + schoolId + ", " + "date=" + date + ", " + "category=" + category + ", " + "durationTenThousandths=" + durationTenThousandths + "}";
    }
}
