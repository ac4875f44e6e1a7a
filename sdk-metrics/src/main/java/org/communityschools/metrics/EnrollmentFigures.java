package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The attendance of one student at one school (every enrollment of the student there that year combined, each day
 * once) as an {@link AttendanceAccumulator} counts it (the same figures as the
 * batch {@link EnrollmentAttendance}, without the district's subgroups and community-school status, which an
 * accumulator does not hold). Immutable and thread-safe.
 *
 * @param studentId the student
 * @param schoolId  the school
 * @param entryDate the entry date of the student's first enrollment at the school
 * @param grade     the entry grade of the student's latest enrollment at the school
 * @param period    from the first to the last day counted at the school within the school year and up to the as-of
 *                  date (days between two enrollments there are not counted)
 * @param figures   days enrolled and absent, rates and status under the accumulator's definition
 */
public record EnrollmentFigures(StudentId studentId, SchoolId schoolId, LocalDate entryDate, GradeLevel grade,
                                DateRange period, AttendanceFigures figures) {
    /**
     * Checks that nothing is missing.
     *
     * @param studentId the student
     * @param schoolId the school
     * @param entryDate the entry date of the student's first enrollment at the school
     * @param grade the entry grade of the student's latest enrollment at the school
     * @param period from the first to the last day counted at the school within the school year and up to the as-of
     *     date (days between two enrollments there are not counted)
     * @param figures days enrolled and absent, rates and status under the accumulator's definition
     */
    public EnrollmentFigures {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(entryDate, "entryDate");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(figures, "figures");
    }

    /** {@code EnrollmentFigures[student=…, school=…]}: identifiers only, no personal data. */
    @Override
    public String toString() {
        return "EnrollmentFigures[student=" + studentId + ", school=" + schoolId + "]";
    }
}
