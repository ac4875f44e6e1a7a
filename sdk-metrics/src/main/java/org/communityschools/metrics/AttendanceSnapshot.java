package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.Aggregator;

/**
 * An immutable view of an {@link AttendanceAccumulator} as of one date: every student-enrollment and pooled
 * student-year with a day enrolled, and the aggregates derived from them exactly as the batch
 * {@link ChronicAbsenceReport} derives its own (schools and school groupings count student-enrollments; the
 * district counts student-years when the definition pools and student-enrollments otherwise). Two snapshots are
 * equal when their figures are. Immutable and thread-safe; later events on the accumulator do not change it.
 *
 * @param definition    the accumulator's definition
 * @param schoolYear    the school year
 * @param asOf          the last day counted
 * @param enrollments   every student-enrollment with a day enrolled, by student, entry date and school
 * @param students      every student's pooled student-year, by student
 * @param grades        every student's grade (of the latest enrollment counted), by student
 * @param daysInSession every school with a calendar: its instructional days in the year up to {@code asOf}
 */
public record AttendanceSnapshot(ChronicAbsenceDefinition definition, SchoolYear schoolYear, LocalDate asOf,
                                 List<EnrollmentFigures> enrollments, Map<StudentId, AttendanceFigures> students,
                                 Map<StudentId, GradeLevel> grades, Map<SchoolId, Integer> daysInSession) {
    /**
     * Checks that nothing is missing; copies the collections.
     *
     * @param definition the accumulator's definition
     * @param schoolYear the school year
     * @param asOf the last day counted
     * @param enrollments every student-enrollment with a day enrolled, by student, entry date and school
     * @param students every student's pooled student-year, by student
     * @param grades every student's grade (of the latest enrollment counted), by student
     * @param daysInSession every school with a calendar: its instructional days in the year up to {@code asOf}
     */
    public AttendanceSnapshot {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(asOf, "asOf");
        enrollments = List.copyOf(enrollments);
        students = Collections.unmodifiableMap(new TreeMap<>(students));
        grades = Collections.unmodifiableMap(new TreeMap<>(grades));
        daysInSession = Collections.unmodifiableMap(new TreeMap<>(daysInSession));
    }

    /**
     * {@return every school with a student-enrollment, its student-enrollments aggregated (as {@link
     * ChronicAbsenceReport#schools()})}
     */
    public Map<SchoolId, AttendanceAggregate> schools() {
        return Collections.unmodifiableMap(new TreeMap<>(groupEnrollmentsBy(EnrollmentFigures::schoolId)));
    }

    /**
     * {@return the student-enrollments at {@code school}, aggregated (an empty aggregate for a school without any)}
     *
     * @param school the school
     */
    public AttendanceAggregate school(SchoolId school) {
        Objects.requireNonNull(school, "school");
        return aggregate(enrollments.stream().filter(e -> e.schoolId().equals(school)).map(EnrollmentFigures::figures).toList());
    }

    /**
     * {@return the district: pooled student-years under {@link ChronicAbsenceDefinition.Aggregation#POOLED},
     * student-enrollments otherwise}
     */
    public AttendanceAggregate district() {
        return definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED ? districtPooled() : districtPerEnrollment();
    }

    /** {@return the district counting each student once with the days pooled across schools} */
    public AttendanceAggregate districtPooled() {
        return aggregate(students.values());
    }

    /** {@return the district counting every student-enrollment} */
    public AttendanceAggregate districtPerEnrollment() {
        return aggregate(enrollments.stream().map(EnrollmentFigures::figures).toList());
    }

    /**
     * {@return the pooled student-years grouped by a key the caller supplies (a program, a cohort, a caseload)}
     *
     * @param <K> the type of the group key
     * @param key the group of each student, never null
     */
    public <K> Map<K, AttendanceAggregate> groupStudentsBy(Function<? super StudentId, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        Map<K, Aggregator> groups = new LinkedHashMap<>();
        students.forEach((id, f) -> groups.computeIfAbsent(Objects.requireNonNull(key.apply(id), "group key"), k -> new Aggregator()).add(f));
        return results(groups);
    }

    /**
     * {@return the student-enrollments grouped by a key the caller supplies}
     *
     * @param <K> the type of the group key
     * @param key the group of a student-enrollment
     */
    public <K> Map<K, AttendanceAggregate> groupEnrollmentsBy(Function<? super EnrollmentFigures, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        Map<K, Aggregator> groups = new LinkedHashMap<>();
        for (EnrollmentFigures e : enrollments) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(e), "group key"), k -> new Aggregator()).add(e.figures());
        }
        return results(groups);
    }

    /**
     * {@return the student-enrollments grouped by a key of their school (a borough, community schools against the
     * rest)}
     *
     * @param <K> the type of the group key
     * @param key the group of a school
     */
    public <K> Map<K, AttendanceAggregate> groupSchoolsBy(Function<? super SchoolId, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return groupEnrollmentsBy(e -> key.apply(e.schoolId()));
    }

    private static AttendanceAggregate aggregate(Iterable<AttendanceFigures> figures) {
        Aggregator a = new Aggregator();
        figures.forEach(a::add);
        return a.result();
    }

    private static <K> Map<K, AttendanceAggregate> results(Map<K, Aggregator> groups) {
        Map<K, AttendanceAggregate> out = new LinkedHashMap<>();
        groups.forEach((k, a) -> out.put(k, a.result()));
        return Collections.unmodifiableMap(out);
    }
}
