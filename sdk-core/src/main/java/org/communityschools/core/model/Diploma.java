package org.communityschools.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A diploma or other credential awarded to a student ({@code diplomas.csv}). Immutable and thread-safe.
 *
 * @param studentId   the student
 * @param schoolId    the awarding school
 * @param awardDate   the date of the award
 * @param diplomaType the credential; see {@link DiplomaType} for which count as graduation
 */
public record Diploma(StudentId studentId, SchoolId schoolId, LocalDate awardDate, DiplomaType diplomaType) {
    /**
     * Checks that nothing is missing.
     *
     * @param studentId the student
     * @param schoolId the awarding school
     * @param awardDate the date of the award
     * @param diplomaType the credential; see {@link DiplomaType} for which count as graduation
     */
    public Diploma {
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(awardDate, "award_date");
        Objects.requireNonNull(diplomaType, "diploma_type");
    }

    /** {@code Diploma[student=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "Diploma[student=" + studentId + ", school=" + schoolId + "]";
    }
}
