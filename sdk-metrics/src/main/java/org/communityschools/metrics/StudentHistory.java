package org.communityschools.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.CohortIndex;

/**
 * What the graduation rate needs to know about one student: the stated ninth-grade cohort if any, the
 * enrollments in the district, the diplomas and other credentials, and the characteristics (for subgroups).
 * Immutable and thread-safe.
 *
 * @param studentId        the student
 * @param statedCohort     the school year of first entry into grade 9 when the district states it
 * @param enrollments      the student's enrollments in the district's schools
 * @param diplomas         the student's diplomas and other credentials
 * @param characteristics  the student's characteristics over time
 */
public record StudentHistory(StudentId studentId, Optional<SchoolYear> statedCohort, List<Enrollment> enrollments,
                             List<Diploma> diplomas, List<StudentCharacteristic> characteristics) {
    /**
     * Checks that every record is the student's; copies the lists, enrollments sorted by entry date.
     *
     * @param studentId the student
     * @param statedCohort the school year of first entry into grade 9 when the district states it
     * @param enrollments the student's enrollments in the district's schools
     * @param diplomas the student's diplomas and other credentials
     * @param characteristics the student's characteristics over time
     */
    public StudentHistory {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(statedCohort, "statedCohort");
        enrollments = enrollments.stream().sorted(Comparator.comparing(Enrollment::entryDate)).toList();
        diplomas = List.copyOf(diplomas);
        characteristics = List.copyOf(characteristics);
        for (Enrollment e : enrollments) {
            require(e.studentId().equals(studentId), "enrollment");
        }
        for (Diploma d : diplomas) {
            require(d.studentId().equals(studentId), "diploma");
        }
        for (StudentCharacteristic c : characteristics) {
            require(c.studentId().equals(studentId), "characteristic");
        }
    }

    private static void require(boolean same, String what) {
        if (!same) {
            throw new IllegalArgumentException("every " + what + " of a student history must be the same student's");
        }
    }

    /**
     * {@return a history with no stated cohort and no characteristics}
     *
     * @param studentId the student
     * @param enrollments the student's enrollments, at any school
     * @param diplomas the student's diplomas
     */
    public static StudentHistory of(StudentId studentId, List<Enrollment> enrollments, List<Diploma> diplomas) {
        return new StudentHistory(studentId, Optional.empty(), enrollments, diplomas, List.of());
    }

    /**
     * The school year the student first entered grade 9: the stated cohort, otherwise derived from the earliest
     * high-school enrollment, counting back one year per grade above 9 (a student entering grade 10 in 2016-17
     * belongs to the cohort that entered grade 9 in 2015-16). Retention does not move a student to a later
     * cohort (34 CFR 200.19(b)(1)(i)). Empty when the student has no high-school enrollment and no stated cohort.
     *
     * @return the school year of first entry into grade 9, if known
     */
    public Optional<SchoolYear> ninthGradeYear() {
        return ninthGradeYear(statedCohort, enrollments);
    }

    /** {@link #ninthGradeYear()} of a student with this stated cohort and these enrollments (in any order). */
    static Optional<SchoolYear> ninthGradeYear(Optional<SchoolYear> statedCohort, List<Enrollment> enrollments) {
        return CohortIndex.ninthGradeYear(statedCohort, enrollments);
    }

    /** {@code StudentHistory[student=…]}: identifiers only, no personal data. */
    @Override
    public String toString() {
        return "StudentHistory[student=" + studentId + "]";
    }
}
