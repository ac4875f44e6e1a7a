package org.communityschools.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.communityschools.metrics.internal.SubgroupSet;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The attendance of one student in a school year, pooled across every school attended (days enrolled and absent
 * summed, then classified once), up to the as-of date. Immutable and thread-safe.
 *
 * @param studentId the student
 * @param grade     the grade of the latest enrollment counted
 * @param schools   the schools attended, in order of entry
 * @param subgroups the student's subgroups (sex, race/ethnicity, characteristics held at any time in the year up to the as-of date)
 * @param figures   the pooled days enrolled and absent, rates and status
 */
public record StudentAttendance(StudentId studentId, GradeLevel grade, List<SchoolId> schools, Set<Subgroup> subgroups,
                                AttendanceFigures figures) {
    /**
     * Checks that nothing is missing; copies the collections.
     *
     * @param studentId the student
     * @param grade the grade of the latest enrollment counted
     * @param schools the schools attended, in order of entry
     * @param subgroups the student's subgroups (sex, race/ethnicity, characteristics held at any time in the year up to
     *     the as-of date)
     * @param figures the pooled days enrolled and absent, rates and status
     */
    public StudentAttendance {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(grade, "grade");
        schools = List.copyOf(schools);
        if (schools.isEmpty()) {
            throw new IllegalArgumentException("a student-year has at least one school");
        }
        subgroups = SubgroupSet.copyOf(Objects.requireNonNull(subgroups, "subgroups"));
        Objects.requireNonNull(figures, "figures");
    }

    /** {@code StudentAttendance[student=…]}: identifiers only, no personal data. */
    @Override
    public String toString() {
        return "StudentAttendance[student=" + studentId + "]";
    }
}
