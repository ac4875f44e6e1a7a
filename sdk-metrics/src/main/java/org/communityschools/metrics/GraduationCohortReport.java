package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.metrics.internal.CohortCounter;
import org.communityschools.metrics.internal.OnDemandList;

/**
 * The adjusted cohort graduation rate of one cohort, with its counts, for the district and each school, by
 * characteristic ("at any time during the cohort period"), and per student. The district's counts are not the
 * sum of the schools': a documented transfer between two schools of the district is a removal at one and an
 * addition at the other, while the student never left the district's cohort. Immutable and thread-safe.
 *
 * @param definition       the definition used
 * @param ninthGradeYear   the school year the cohort entered grade 9
 * @param cutoffDate       the last day a diploma counts
 * @param district         the district's counts
 * @param schools          each school's counts
 * @param byCharacteristic the district's counts for students with each characteristic at any time during the cohort period
 * @param members          every student of the district's cohort (removed ones included), by student
 */
public record GraduationCohortReport(GraduationCohortDefinition definition, SchoolYear ninthGradeYear, LocalDate cutoffDate,
                                     CohortCounts district, Map<SchoolId, CohortCounts> schools,
                                     Map<StudentCharacteristicType, CohortCounts> byCharacteristic,
                                     List<CohortMember> members) {
    /**
     * Checks that nothing is missing; copies the collections.
     *
     * @param definition the definition used
     * @param ninthGradeYear the school year the cohort entered grade 9
     * @param cutoffDate the last day a diploma counts
     * @param district the district's counts
     * @param schools each school's counts
     * @param byCharacteristic the district's counts for students with each characteristic at any time during the cohort
     *     period
     * @param members every student of the district's cohort (removed ones included), by student
     */
    public GraduationCohortReport {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(ninthGradeYear, "ninthGradeYear");
        Objects.requireNonNull(cutoffDate, "cutoffDate");
        Objects.requireNonNull(district, "district");
        schools = Collections.unmodifiableMap(new TreeMap<>(schools));
        byCharacteristic = Collections.unmodifiableMap(new TreeMap<>(byCharacteristic));
        // the batch report's members are built from its codes when read (an immutable list, kept as it is)
        members = members instanceof OnDemandList<CohortMember> ? members : List.copyOf(members);
    }

    /**
     * The district's counts for groups of students by a key the caller supplies (for example sex or race/ethnicity
     * from the student records, or a program), each student in the group of their key.
     *
     * @param <K> the type of the group key
     * @param key the group of each cohort member, never null
     * @return the counts of each group, by key
     */
    public <K> Map<K, CohortCounts> groupBy(Function<? super CohortMember, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        Map<K, CohortCounter> groups = new LinkedHashMap<>();
        for (CohortMember m : members) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(m), "group key"), k -> new CohortCounter()).add(m.district());
        }
        Map<K, CohortCounts> out = new LinkedHashMap<>();
        groups.forEach((k, c) -> out.put(k, c.result()));
        return Collections.unmodifiableMap(out);
    }
}
