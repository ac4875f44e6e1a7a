package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code diplomas.csv}.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class DiplomaRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String studentId;
    private String schoolId;
    private LocalDate awardDate;
    private String diplomaType;

    private long line;

    /** An empty row (for Spark). */
    public DiplomaRow() {}

    /** Returns the student. */
    public String getStudentId() {
        return studentId;
    }

    /** Sets the student. */
    public void setStudentId(String studentId) {
        this.studentId = studentId;
    }

    /** Returns the awarding school. */
    public String getSchoolId() {
        return schoolId;
    }

    /** Sets the awarding school. */
    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    /** Returns the award date. */
    public LocalDate getAwardDate() {
        return awardDate;
    }

    /** Sets the award date. */
    public void setAwardDate(LocalDate awardDate) {
        this.awardDate = awardDate;
    }

    /** Returns the {@code DiplomaType} code. */
    public String getDiplomaType() {
        return diplomaType;
    }

    /** Sets the {@code DiplomaType} code. */
    public void setDiplomaType(String diplomaType) {
        this.diplomaType = diplomaType;
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
        return "DiplomaRow{" + "studentId=" + studentId + ", " + "schoolId=" + schoolId + ", " + "awardDate=" + awardDate + ", " + "diplomaType=" + diplomaType + "}";
    }
}
