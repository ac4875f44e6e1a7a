package org.communityschools.metrics;

import java.util.Objects;
import java.util.Set;
import org.communityschools.metrics.internal.SubgroupSet;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The attendance of one student at one school in a school year, up to the as-of date: every enrollment of the
 * student at the school that year combined, each enrolled day counted once (a student who left and came back is one
 * student there, and the minimum days enrolled applies to the combined days). This is the unit of the school,
 * community-school and per-enrollment rows: a student who moved between schools is one member at each school.
 * Immutable and thread-safe.
 *
 * @param studentId       the student
 * @param schoolId        the school
 * @param grade           the entry grade of the student's latest enrollment at the school
 * @param period          from the first to the last date counted at the school within the school year and up to the
 *                        as-of date (days between two enrollments there are not counted)
 * @param communitySchool whether the school was a community school that year (a LEAD partnership)
 * @param subgroups       the student's subgroups (sex, race/ethnicity, characteristics held at any time in the period)
 * @param figures         days enrolled and absent, rates and status
 */
public record EnrollmentAttendance(StudentId studentId, SchoolId schoolId, GradeLevel grade, DateRange period,
                                   boolean communitySchool, Set<Subgroup> subgroups, AttendanceFigures figures) {
    /**
     * Checks that nothing is missing; copies the subgroups.
     *
     * @param studentId the student
     * @param schoolId the school
     * @param grade the entry grade of the student's latest enrollment at the school
     * @param period from the first to the last date counted at the school within the school year and up to the as-of
     *     date (days between two enrollments there are not counted)
     * @param communitySchool whether the school was a community school that year (a LEAD partnership)
     * @param subgroups the student's subgroups (sex, race/ethnicity, characteristics held at any time in the period)
     * @param figures days enrolled and absent, rates and status
     */
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
