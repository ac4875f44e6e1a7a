package org.communityschools.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A student's enrollment at a school ({@code enrollments.csv}; Ed-Fi's StudentSchoolAssociation). The exit date is
 * the last day enrolled, inclusive, and is present exactly when the exit type is. Immutable and thread-safe.
 *
 * @param studentId         the student
 * @param schoolId          the school
 * @param entryDate         the first day enrolled
 * @param entryGrade        the grade at entry
 * @param exitWithdrawDate  the last day enrolled (inclusive), or empty while still enrolled
 * @param exitWithdrawType  why the enrollment ended, present exactly when the exit date is
 * @param exitDocumented    whether written confirmation of the exit exists; a transfer, emigration or death
 *                          removes a student from a graduation cohort only when documented (34 CFR 200.19(b)(1)(ii))
 */
public record Enrollment(StudentId studentId, SchoolId schoolId, LocalDate entryDate, GradeLevel entryGrade,
                         Optional<LocalDate> exitWithdrawDate, Optional<ExitWithdrawType> exitWithdrawType,
                         boolean exitDocumented) {
    /**
     * Checks that nothing is missing, exit date and type come together, and the exit is not before the entry.
     *
     * @param studentId the student
     * @param schoolId the school
     * @param entryDate the first day enrolled
     * @param entryGrade the grade at entry
     * @param exitWithdrawDate the last day enrolled (inclusive), or empty while still enrolled
     * @param exitWithdrawType why the enrollment ended, present exactly when the exit date is
     * @param exitDocumented whether written confirmation of the exit exists; a transfer, emigration or death removes a
     *     student from a graduation cohort only when documented (34 CFR 200.19(b)(1)(ii))
     */
    public Enrollment {
        Objects.requireNonNull(studentId, "student_id");
        Objects.requireNonNull(schoolId, "school_id");
        Objects.requireNonNull(entryDate, "entry_date");
        Objects.requireNonNull(entryGrade, "entry_grade");
        Objects.requireNonNull(exitWithdrawDate, "exit_date");
        Objects.requireNonNull(exitWithdrawType, "exit_type");
        if (exitWithdrawDate.isPresent() != exitWithdrawType.isPresent()) {
            throw new IllegalArgumentException("exit_date and exit_type must be given together");
        }
        if (exitWithdrawDate.isPresent() && exitWithdrawDate.get().isBefore(entryDate)) {
            throw new IllegalArgumentException("exit_date must not be before entry_date: entry " + entryDate + ", exit " + exitWithdrawDate.get());
        }
        if (exitDocumented && exitWithdrawType.isEmpty()) {
            throw new IllegalArgumentException("exit_documented requires an exit");
        }
    }

    /** {@return the days enrolled: {@code [entryDate, exitWithdrawDate]}, open-ended while still enrolled} */
    public DateRange period() {
        return DateRange.closed(entryDate, exitWithdrawDate);
    }

    /**
     * {@return whether the student was enrolled on {@code date}}
     *
     * @param date the day
     */
    public boolean isEnrolledOn(LocalDate date) {
        // period().contains(date) without building the range: asked for every enrollment of a student per decision
        Objects.requireNonNull(date, "date");
        return !date.isBefore(entryDate) && (exitWithdrawDate.isEmpty() || !date.isAfter(exitWithdrawDate.get()));
    }

    /** {@code Enrollment[student=…, school=…]}: no personal data. */
    @Override
    public String toString() {
        return "Enrollment[student=" + studentId + ", school=" + schoolId + "]";
    }
}
