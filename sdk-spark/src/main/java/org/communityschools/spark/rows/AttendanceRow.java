package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code attendance.csv} (the reason, free text, is validated and not carried).
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class AttendanceRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The student. */
    private String studentId;
    /** The school. */
    private String schoolId;
    /** The day. */
    private LocalDate date;
    /** The {@code AttendanceCategory} code. */
    private String category;
    /** The share of the day, in ten-thousandths (the category's default when the cell is empty). */
    private int durationTenThousandths;

    /** The line the row was read from (header = 1; for Parquet, the row number + 1), for error reports. */
    private long line;

    /** An empty row (for Spark). */
    public AttendanceRow() {}

    /** {@return the student} */
    public String getStudentId() {
        return studentId;
    }

    /**
     * Sets the student.
     *
     * @param studentId the student
     */
    public void setStudentId(String studentId) {
        this.studentId = studentId;
    }

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

    /** {@return the day} */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Sets the day.
     *
     * @param date the day
     */
    public void setDate(LocalDate date) {
        this.date = date;
    }

    /** {@return the {@code AttendanceCategory} code} */
    public String getCategory() {
        return category;
    }

    /**
     * Sets the {@code AttendanceCategory} code.
     *
     * @param category the {@code AttendanceCategory} code
     */
    public void setCategory(String category) {
        this.category = category;
    }

    /** {@return the share of the day, in ten-thousandths (the category's default when the cell is empty)} */
    public int getDurationTenThousandths() {
        return durationTenThousandths;
    }

    /**
     * Sets the share of the day, in ten-thousandths (the category's default when the cell is empty).
     *
     * @param durationTenThousandths the share of the day, in ten-thousandths (the category's default when the cell is empty)
     */
    public void setDurationTenThousandths(int durationTenThousandths) {
        this.durationTenThousandths = durationTenThousandths;
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
        return "AttendanceRow{" + "studentId=" + studentId + ", " + "schoolId=" + schoolId + ", " + "date=" + date + ", " + "category=" + category + ", " + "durationTenThousandths=" + durationTenThousandths + "}";
    }
}
