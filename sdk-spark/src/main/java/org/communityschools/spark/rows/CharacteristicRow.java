package org.communityschools.spark.rows;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code student_characteristics.csv}.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class CharacteristicRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The student. */
    private String studentId;
    /** The {@code StudentCharacteristicType} code. */
    private String characteristic;
    /** The first day. */
    private LocalDate beginDate;
    /** The last day (inclusive), or null when open. */
    private LocalDate endDate;

    /** The line the row was read from (header = 1; for Parquet, the row number + 1), for error reports. */
    private long line;

    /** An empty row (for Spark). */
    public CharacteristicRow() {}

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

    /** {@return the {@code StudentCharacteristicType} code} */
    public String getCharacteristic() {
        return characteristic;
    }

    /**
     * Sets the {@code StudentCharacteristicType} code.
     *
     * @param characteristic the {@code StudentCharacteristicType} code
     */
    public void setCharacteristic(String characteristic) {
        this.characteristic = characteristic;
    }

    /** {@return the first day} */
    public LocalDate getBeginDate() {
        return beginDate;
    }

    /**
     * Sets the first day.
     *
     * @param beginDate the first day
     */
    public void setBeginDate(LocalDate beginDate) {
        this.beginDate = beginDate;
    }

    /** {@return the last day (inclusive), or null when open} */
    public LocalDate getEndDate() {
        return endDate;
    }

    /**
     * Sets the last day (inclusive), or null when open.
     *
     * @param endDate the last day (inclusive), or null when open
     */
    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
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
        return "CharacteristicRow{" + "studentId=" + studentId + ", " + "characteristic=" + characteristic + ", " + "beginDate=" + beginDate + ", " + "endDate=" + endDate + "}";
    }
}
