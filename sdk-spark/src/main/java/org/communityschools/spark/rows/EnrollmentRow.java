package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code enrollments.csv}.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class EnrollmentRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The student. */
    private String studentId;
    /** The school. */
    private String schoolId;
    /** The entry date. */
    private LocalDate entryDate;
    /** The entry grade code ({@code KG}, {@code 09}, ...). */
    private String entryGrade;
    /** The exit date (inclusive), or null. */
    private LocalDate exitDate;
    /** The {@code ExitWithdrawType} code, or null. */
    private String exitType;
    /** Whether the exit is documented. */
    private boolean exitDocumented;

    /** The line the row was read from (header = 1; for Parquet, the row number + 1), for error reports. */
    private long line;

    /** An empty row (for Spark). */
    public EnrollmentRow() {}

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

    /** {@return the entry date} */
    public LocalDate getEntryDate() {
        return entryDate;
    }

    /**
     * Sets the entry date.
     *
     * @param entryDate the entry date
     */
    public void setEntryDate(LocalDate entryDate) {
        this.entryDate = entryDate;
    }

    /** {@return the entry grade code ({@code KG}, {@code 09}, ...)} */
    public String getEntryGrade() {
        return entryGrade;
    }

    /**
     * Sets the entry grade code ({@code KG}, {@code 09}, ...).
     *
     * @param entryGrade the entry grade code ({@code KG}, {@code 09}, ...)
     */
    public void setEntryGrade(String entryGrade) {
        this.entryGrade = entryGrade;
    }

    /** {@return the exit date (inclusive), or null} */
    public LocalDate getExitDate() {
        return exitDate;
    }

    /**
     * Sets the exit date (inclusive), or null.
     *
     * @param exitDate the exit date (inclusive), or null
     */
    public void setExitDate(LocalDate exitDate) {
        this.exitDate = exitDate;
    }

    /** {@return the {@code ExitWithdrawType} code, or null} */
    public String getExitType() {
        return exitType;
    }

    /**
     * Sets the {@code ExitWithdrawType} code, or null.
     *
     * @param exitType the {@code ExitWithdrawType} code, or null
     */
    public void setExitType(String exitType) {
        this.exitType = exitType;
    }

    /** {@return whether the exit is documented} */
    public boolean isExitDocumented() {
        return exitDocumented;
    }

    /**
     * Sets whether the exit is documented.
     *
     * @param exitDocumented whether the exit is documented
     */
    public void setExitDocumented(boolean exitDocumented) {
        this.exitDocumented = exitDocumented;
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
        return "EnrollmentRow{" + "studentId=" + studentId + ", " + "schoolId=" + schoolId + ", " + "entryDate=" + entryDate + ", " + "entryGrade=" + entryGrade + ", " + "exitDate=" + exitDate + ", " + "exitType=" + exitType + ", " + "exitDocumented=" + exitDocumented + "}";
    }
}
