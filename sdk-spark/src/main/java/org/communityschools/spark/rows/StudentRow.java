package org.communityschools.spark.rows;

import java.io.Serializable;

/**
 * A student of {@code students.csv} as the metrics need it: no name or birth date (they are validated, not carried).
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class StudentRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The student. */
    private String studentId;
    /** The {@code Sex} code. */
    private String sex;
    /** The {@code RaceEthnicity} code. */
    private String raceEthnicity;
    /** The stated ninth-grade cohort's end year, or null. */
    private Integer ninthGradeCohort;

    /** The line the row was read from (header = 1; for Parquet, the row number + 1), for error reports. */
    private long line;

    /** An empty row (for Spark). */
    public StudentRow() {}

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

    /** {@return the {@code Sex} code} */
    public String getSex() {
        return sex;
    }

    /**
     * Sets the {@code Sex} code.
     *
     * @param sex the {@code Sex} code
     */
    public void setSex(String sex) {
        this.sex = sex;
    }

    /** {@return the {@code RaceEthnicity} code} */
    public String getRaceEthnicity() {
        return raceEthnicity;
    }

    /**
     * Sets the {@code RaceEthnicity} code.
     *
     * @param raceEthnicity the {@code RaceEthnicity} code
     */
    public void setRaceEthnicity(String raceEthnicity) {
        this.raceEthnicity = raceEthnicity;
    }

    /** {@return the stated ninth-grade cohort's end year, or null} */
    public Integer getNinthGradeCohort() {
        return ninthGradeCohort;
    }

    /**
     * Sets the stated ninth-grade cohort's end year, or null.
     *
     * @param ninthGradeCohort the stated ninth-grade cohort's end year, or null
     */
    public void setNinthGradeCohort(Integer ninthGradeCohort) {
        this.ninthGradeCohort = ninthGradeCohort;
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
        return "StudentRow{" + "studentId=" + studentId + ", " + "sex=" + sex + ", " + "raceEthnicity=" + raceEthnicity + ", " + "ninthGradeCohort=" + ninthGradeCohort + "}";
    }
}
