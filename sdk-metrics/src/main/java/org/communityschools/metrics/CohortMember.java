package org.communityschools.metrics;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;
import java.util.EnumSet;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;

/**
 * One student of a district's graduation cohort: their status in the district's cohort and in the cohort of each
 * school they attended, and the characteristics they had at any time during the cohort period (for subgroups).
 * Immutable and thread-safe.
 *
 * @param studentId       the student
 * @param district        the student's status in the district's cohort
 * @param schools         the student's status in each school's cohort, by school
 * @param characteristics characteristics held on at least one day from the cohort's first day to the cut-off
 */
public record CohortMember(StudentId studentId, CohortStatus district, Map<SchoolId, CohortStatus> schools,
                           Set<StudentCharacteristicType> characteristics) {
    /**
     * Checks that nothing is missing; copies the collections.
     *
     * @param studentId the student
     * @param district the student's status in the district's cohort
     * @param schools the student's status in each school's cohort, by school
     * @param characteristics characteristics held on at least one day from the cohort's first day to the cut-off
     */
    public CohortMember {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(district, "district");
        schools = Collections.unmodifiableMap(new TreeMap<>(schools));
        characteristics = characteristics.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(characteristics));
    }

    /** {@code CohortMember[student=…]}: identifiers only, no personal data. */
    @Override
    public String toString() {
        return "CohortMember[student=" + studentId + "]";
    }
}
