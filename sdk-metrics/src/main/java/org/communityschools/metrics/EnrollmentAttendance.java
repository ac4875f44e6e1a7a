package org.communityschools.metrics;

import java.util.Objects;
import java.util.Set;
import org.communityschools.metrics.internal.SubgroupSet;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The attendance of one student-enrollment in a school year, up to the as-of date. Immutable and thread-safe.
 *
 * @param studentId       the student
 * @param schoolId        the school
 * @param grade           the grade at entry
 * @param period          the enrolled dates counted: the enrollment within the school year and up to the as-of date
 * @param communitySchool whether the school was a community school that year (a LEAD partnership)
 * @param subgroups       the student's subgroups (sex, race/ethnicity, characteristics held at any time in the period)
 * @param figures         days enrolled and absent, rates and status
 */
public record EnrollmentAttendance(StudentId studentId, SchoolId schoolId, GradeLevel grade, DateRange period,
                                   boolean communitySchool, Set<Subgroup> subgroups, AttendanceFigures figures) {
    /** Checks that nothing is missing; copies the subgroups. */
    public EnrollmentAttendance {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(period, "period");
        subgroups = SubgroupSet.copyOf(Objects.requireNonNull(subgroups, "subgroups"));
        Objects.requireNonNull(figures, "figures");
    }

    /** {@code EnrollmentAttendance[student=…, school=…]}: identifiers only, no personal data. */
    @Override
    public String toString() {
        return "EnrollmentAttendance[student=" + studentId + ", school=" + schoolId + "]";
    }
}
