package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code enrollments.csv}.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class EnrollmentRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String studentId;
    private String schoolId;
    private LocalDate entryDate;
    private String entryGrade;
    private LocalDate exitDate;
    private String exitType;
    private boolean exitDocumented;

    private long line;

    /** An empty row (for Spark). */
    public EnrollmentRow() {}

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

    /** Returns the entry date. */
    public LocalDate getEntryDate() {
        return entryDate;
    }

    /** Sets the entry date. */
    public void setEntryDate(LocalDate entryDate) {
        this.entryDate = entryDate;
    }

    /** Returns the entry grade code ({@code KG}, {@code 09}, ...). */
    public String getEntryGrade() {
        return entryGrade;
    }

    /** Sets the entry grade code ({@code KG}, {@code 09}, ...). */
    public void setEntryGrade(String entryGrade) {
        this.entryGrade = entryGrade;
    }

    /** Returns the exit date (inclusive), or null. */
    public LocalDate getExitDate() {
        return exitDate;
    }

    /** Sets the exit date (inclusive), or null. */
    public void setExitDate(LocalDate exitDate) {
        this.exitDate = exitDate;
    }

    /** Returns the {@code ExitWithdrawType} code, or null. */
    public String getExitType() {
        return exitType;
    }

    /** Sets the {@code ExitWithdrawType} code, or null. */
    public void setExitType(String exitType) {
        this.exitType = exitType;
    }

    /** Returns whether the exit is documented. */
    public boolean isExitDocumented() {
        return exitDocumented;
    }

    /** Sets whether the exit is documented. */
    public void setExitDocumented(boolean exitDocumented) {
        this.exitDocumented = exitDocumented;
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
        return "EnrollmentRow{" + "studentId=" + studentId + ", " + "schoolId=" + schoolId + ", " + "entryDate=" + entryDate + ", " + "entryGrade=" + entryGrade + ", " + "exitDate=" + exitDate + ", " + "exitType=" + exitType + ", " + "exitDocumented=" + exitDocumented + "}";
    }
}
