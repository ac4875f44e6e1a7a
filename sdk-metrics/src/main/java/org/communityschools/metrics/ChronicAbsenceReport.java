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
import org.communityschools.metrics.internal.Aggregator;
import org.communityschools.metrics.internal.OnDemandList;

/**
 * Attendance and chronic absence of a district for one school year up to an as-of date, under one definition:
 * every student-school stay (a student's enrollments at one school that year combined, each day once: see
 * {@link EnrollmentAttendance}), every pooled student-year (each enrolled day once, also on the day of a same-day
 * transfer), and aggregates with their counts. Schools count their own students once each, as does the
 * community-school split (a student who moved counts at each school); the district, grade and subgroup aggregates
 * count student-years (each student once) under {@link ChronicAbsenceDefinition.Aggregation#POOLED} and
 * student-school stays under {@link ChronicAbsenceDefinition.Aggregation#PER_ENROLLMENT}. Immutable and
 * thread-safe.
 *
 * @param definition        the definition used
 * @param schoolYear        the school year
 * @param asOf              the last day counted (year to date)
 * @param enrollments       every student-school stay with a day in the year up to {@code asOf}, by student then first entry date
 * @param students          every student-year, pooled, by student
 * @param schools           by school
 * @param district          the whole district
 * @param byGrade           by grade (the grade of the enrollment, or of the latest enrollment when pooled)
 * @param bySubgroup        by subgroup; a student is in every subgroup they belong to
 * @param byCommunitySchool student-enrollments at community schools and at the other schools
 */
public record ChronicAbsenceReport(ChronicAbsenceDefinition definition, SchoolYear schoolYear, LocalDate asOf,
                                   List<EnrollmentAttendance> enrollments, List<StudentAttendance> students,
                                   Map<SchoolId, SchoolAttendance> schools, AttendanceAggregate district,
                                   Map<GradeLevel, AttendanceAggregate> byGrade,
                                   Map<Subgroup, AttendanceAggregate> bySubgroup,
                                   CommunitySchoolSplit byCommunitySchool) {
    /**
     * Checks that nothing is missing; copies the collections.
     *
     * @param definition the definition used
     * @param schoolYear the school year
     * @param asOf the last day counted (year to date)
     * @param enrollments every student-school stay with a day in the year up to {@code asOf}, by student then first
     *     entry date
     * @param students every student-year, pooled, by student
     * @param schools by school
     * @param district the whole district
     * @param byGrade by grade (the grade of the enrollment, or of the latest enrollment when pooled)
     * @param bySubgroup by subgroup; a student is in every subgroup they belong to
     * @param byCommunitySchool student-enrollments at community schools and at the other schools
     */
    public ChronicAbsenceReport {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(asOf, "asOf");
        // the batch report's records are built from its columns when read (an immutable list, kept as it is)
        enrollments = enrollments instanceof OnDemandList<EnrollmentAttendance> ? enrollments : List.copyOf(enrollments);
        students = students instanceof OnDemandList<StudentAttendance> ? students : List.copyOf(students);
        schools = Collections.unmodifiableMap(new TreeMap<>(schools));
        Objects.requireNonNull(district, "district");
        byGrade = Collections.unmodifiableMap(new TreeMap<>(byGrade));
        bySubgroup = Collections.unmodifiableMap(new TreeMap<>(bySubgroup));
        Objects.requireNonNull(byCommunitySchool, "byCommunitySchool");
    }

    /**
     * {@return the whole district counting each student once with the days pooled across schools, whatever the
     * definition's aggregation}
     */
    public AttendanceAggregate districtPooled() {
        Aggregator a = new Aggregator();
        for (StudentAttendance s : students) {
            a.add(s.figures());
        }
        return a.result();
    }

    /**
     * {@return the whole district counting every student-enrollment (a student who moved counts at each school), as ED
     * Data Express sums FS195}
     */
    public AttendanceAggregate districtPerEnrollment() {
        Aggregator a = new Aggregator();
        for (EnrollmentAttendance e : enrollments) {
            a.add(e.figures());
        }
        return a.result();
    }

    /**
     * Aggregates the pooled student-years by a key the caller supplies (for example a borough or a program).
     *
     * @param <K> the type of the grouping key
     * @param key the grouping key of a record
     * @return the aggregates by key, in the key's natural order when it has one
     */
    public <K> Map<K, AttendanceAggregate> groupStudentsBy(Function<? super StudentAttendance, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        Map<K, Aggregator> groups = new LinkedHashMap<>();
        for (StudentAttendance s : students) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(s), "group key"), k -> new Aggregator()).add(s.figures());
        }
        Map<K, AttendanceAggregate> out = new LinkedHashMap<>();
        groups.forEach((k, a) -> out.put(k, a.result()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Aggregates the student-enrollments by a key the caller supplies.
     *
     * @param <K> the type of the grouping key
     * @param key the grouping key of a record
     * @return the aggregates by key, in the key's natural order when it has one
     */
    public <K> Map<K, AttendanceAggregate> groupEnrollmentsBy(Function<? super EnrollmentAttendance, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        Map<K, Aggregator> groups = new LinkedHashMap<>();
        for (EnrollmentAttendance e : enrollments) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(e), "group key"), k -> new Aggregator()).add(e.figures());
        }
        Map<K, AttendanceAggregate> out = new LinkedHashMap<>();
        groups.forEach((k, a) -> out.put(k, a.result()));
        return Collections.unmodifiableMap(out);
    }
}
