package org.communityschools.core.model;

import java.util.Objects;

/**
 * A characteristic a student has over a period ({@code student_characteristics.csv}), such as being an English
 * learner or homeless; the subgroups of ESSA reporting (ESEA 1111(c)(2)). Immutable and thread-safe.
 *
 * @param studentId      the student
 * @param characteristic the characteristic
 * @param period         when the student had it; the directory's {@code end_date} is the last day, inclusive
 */
public record StudentCharacteristic(StudentId studentId, StudentCharacteristicType characteristic, DateRange period) {
    /**
     * Checks that nothing is missing.
     *
     * @param studentId the student
     * @param characteristic the characteristic
     * @param period when the student had it; the directory's {@code end_date} is the last day, inclusive
     */
    public StudentCharacteristic {
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(period, "period");
    }

    /** {@code StudentCharacteristic[student=…]}: no personal data. */
    @Override
    public String toString() {
        return "StudentCharacteristic[student=" + studentId + "]";
    }
}
