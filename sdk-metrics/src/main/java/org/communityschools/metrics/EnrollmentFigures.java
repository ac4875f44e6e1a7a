package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The attendance of one student-enrollment as an {@link AttendanceAccumulator} counts it (the same figures as the
 * batch {@link EnrollmentAttendance}, without the district's subgroups and community-school status, which an
 * accumulator does not hold). Immutable and thread-safe.
 *
 * @param studentId the student
 * @param schoolId  the school
 * @param entryDate the enrollment's entry date (with student and school, the enrollment's key)
 * @param grade     the entry grade
 * @param period    the days counted: the enrollment within the school year and up to the as-of date
 * @param figures   days enrolled and absent, rates and status under the accumulator's definition
 */
public record EnrollmentFigures(StudentId studentId, SchoolId schoolId, LocalDate entryDate, GradeLevel grade,
                                DateRange period, AttendanceFigures figures) {
    /** Checks that nothing is missing. */
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
