package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.AccumulatorState;

/**
 * Chronic absence kept up to date one event at a time: enrollments beginning and ending, the schools'
 * instructional days, attendance records and their corrections, in any order. It answers, year to date as of its
 * {@linkplain #currentDate() current date} or any other date, the same figures as the batch
 * {@link ChronicAbsence#calculate(DistrictData, SchoolYear, ChronicAbsenceDefinition, LocalDate)} over the same
 * data and definition, exactly: the per-student rules are the batch engine's ({@link ChronicAbsenceDefinition#classify},
 * one definition in one place), only the bookkeeping differs.
 *
 * <h2>Model</h2>
 * One accumulator covers one {@link SchoolYear} under one {@link ChronicAbsenceDefinition}. It keeps:
 * <ul>
 *   <li>per school, the year's instructional days as a bitmap over the days of the year, with a prefix count
 *       (days before each date) rebuilt lazily on the first reading after the calendar changed; the days enrolled of a
 *       student-enrollment as of a date are then {@code prefix[min(exit, asOf) + 1] − prefix[max(entry, first day)]},
 *       two array reads;</li>
 *   <li>per student, the enrollments keyed by (school, entry date) and the attendance records keyed by (school, day),
 *       each reduced to its category and the share of the day absent under the definition. Keying the student's day
 *       makes a correction (a record replaced) or a removal one map update; the record of a day outside any
 *       enrollment, or on a day that is not (or not yet) instructional, is kept and ignored, as the batch ignores it,
 *       until an enrollment or calendar event makes it count.</li>
 * </ul>
 * Events outside the school year are ignored. A student-enrollment with no instructional day up to the as-of date is
 * no member of any figure, as in the batch report.
 *
 * <h2>Complexity</h2>
 * Every event is O(1) expected (one or two hash-table or bitmap updates; no event ever scans others). Reading one
 * school costs O(its students' enrollments and records in the year), plus O(days of the year) once after its
 * calendar changed, independent of the size of the district; a school read again as of the same date with no event
 * at that school in between answers from a cache in O(1). (A read cannot be O(1) in general: every new
 * instructional day changes the denominator of every student enrolled, and so possibly each one's status.) A
 * {@linkplain #snapshot(LocalDate) snapshot} costs O(all enrollments and records), about the batch calculation
 * without reading a table. Memory is O(enrollments + records + schools × days of the year). Measured figures:
 * docs/metrics.md, "Incremental accumulators".
 *
 * <h2>Merging</h2>
 * Shard by student: give each shard every event of its students (enrollments and attendance) and any subset of the
 * calendar and school-type events (calendars are unioned, so each shard may carry all of them or only some).
 * {@link #merge(AttendanceAccumulator)} of accumulators over disjoint students gives exactly the accumulator of all
 * events; merge is associative and commutative (checked by a property) and costs O(the merged-in accumulator's size).
 * The current date of a merge is the later one.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe: an accumulator has a single writer, and reading it (which rebuilds prefix counts, fills caches
 * and uses scratch buffers) must not overlap with writing or with another read. {@link #snapshot()} returns an immutable {@link AttendanceSnapshot} that can be shared freely.
 */
public final class AttendanceAccumulator {
    private final AccumulatorState state;

    private AttendanceAccumulator(AccumulatorState state) {
        this.state = state;
    }

    /**
     * {@return an empty accumulator for {@code year} under {@code definition}}
     *
     * @param year the school year
     * @param definition the chronic-absence definition
     */
    public static AttendanceAccumulator of(SchoolYear year, ChronicAbsenceDefinition definition) {
        return new AttendanceAccumulator(new AccumulatorState(year, definition));
    }

    /** {@return the school year} */
    public SchoolYear schoolYear() {
        return state.year();
    }

    /** {@return the definition} */
    public ChronicAbsenceDefinition definition() {
        return state.definition();
    }

    // ---- events ----

    /**
     * Feeds every school type, calendar day, enrollment and attendance record of {@code data} (those of other years are
     * ignored).
     *
     * @param data the district data
     * @return this accumulator
     */
    public AttendanceAccumulator addAll(DistrictData data) {
        Objects.requireNonNull(data, "data");
        for (School s : data.schools()) {
            schoolType(s.id(), s.schoolType());
        }
        data.calendars().forEach((school, calendar) -> {
            for (LocalDate d : calendar.days()) {
                instructionalDay(school, d);
            }
        });
        data.enrollments().forEach(this::enrollment);
        data.attendance().forEach((student, school, day, category, duration) ->
                state.record(data.studentAt(student), data.schoolAt(school), LocalDate.ofEpochDay(day), category, duration));
        return this;
    }

    /**
     * Declares a school's type, which the definition may exclude ({@code REGULAR} until declared).
     *
     * @param school the school
     * @param type its type
     * @return this accumulator
     */
    public AttendanceAccumulator schoolType(SchoolId school, SchoolType type) {
        state.schoolType(school, type);
        return this;
    }

    /**
     * Adds an instructional day to the school's calendar ({@code calendar.csv}); idempotent.
     *
     * @param school the school
     * @param day an instructional day
     * @return this accumulator
     */
    public AttendanceAccumulator instructionalDay(SchoolId school, LocalDate day) {
        state.calendarDay(school, day, true);
        return this;
    }

    /**
     * Removes an instructional day from the school's calendar (a closure, a calendar correction).
     *
     * @param school the school
     * @param day the day that is no longer an instructional day
     * @return this accumulator
     */
    public AttendanceAccumulator removeInstructionalDay(SchoolId school, LocalDate day) {
        state.calendarDay(school, day, false);
        return this;
    }

    /**
     * An enrollment begins, open-ended: the student is enrolled at the school from {@code entryDate} in {@code grade}.
     *
     * @param student the student
     * @param school the school
     * @param entryDate the first day enrolled
     * @param grade the grade the student enters
     * @return this accumulator
     */
    public AttendanceAccumulator enrollmentBegins(StudentId student, SchoolId school, LocalDate entryDate, GradeLevel grade) {
        return enrollment(new Enrollment(student, school, entryDate, grade, Optional.empty(), Optional.empty(), false));
    }

    /**
     * The enrollment of {@code student} at {@code school} that began on {@code entryDate} ends: {@code exitDate} is
     * its last day enrolled (inclusive).
     *
     * @param student the student
     * @param school the school
     * @param entryDate the first day of the enrollment that ends
     * @param exitDate the last day enrolled (inclusive)
     * @param exitType why the enrollment ended
     * @return this accumulator
     * @throws IllegalArgumentException when no such enrollment is known, or the exit is before the entry
     */
    public AttendanceAccumulator enrollmentEnds(StudentId student, SchoolId school, LocalDate entryDate, LocalDate exitDate,
                                                ExitWithdrawType exitType) {
        Objects.requireNonNull(exitDate, "exitDate");
        Objects.requireNonNull(exitType, "exitType");
        Enrollment e = state.enrollment(student, school, entryDate).orElseThrow(() -> new IllegalArgumentException(
                "an enrollment can end only after it began: no enrollment of " + student + " at " + school + " entered " + entryDate));
        return enrollment(new Enrollment(student, school, entryDate, e.entryGrade(), Optional.of(exitDate), Optional.of(exitType), e.exitDocumented()));
    }

    /**
     * Adds an enrollment, or replaces the one of the same student, school and entry date (a correction or an exit).
     *
     * @param enrollment the enrollment, as the district data holds it
     * @return this accumulator
     */
    public AttendanceAccumulator enrollment(Enrollment enrollment) {
        state.enroll(enrollment);
        return this;
    }

    /**
     * Removes the enrollment of the student at the school with this entry date (entered in error); returns whether it
     * existed.
     *
     * @param student the student
     * @param school the school
     * @param entryDate the first day of the enrollment
     * @return true when the enrollment existed and was removed
     */
    public boolean removeEnrollment(StudentId student, SchoolId school, LocalDate entryDate) {
        return state.unenroll(Objects.requireNonNull(student, "student"), Objects.requireNonNull(school, "school"),
                Objects.requireNonNull(entryDate, "entryDate"));
    }

    /**
     * Sets a day's attendance record: adds it, or replaces the record of the same student, school and day (a
     * correction). Moves the current date forward to the record's day.
     *
     * @param record the day's record
     * @return this accumulator
     */
    public AttendanceAccumulator attendance(AttendanceRecord record) {
        Objects.requireNonNull(record, "record");
        state.record(record.studentId(), record.schoolId(), record.date(), record.category(), record.duration().tenThousandths());
        return this;
    }

    /**
     * Removes the record of the student at the school on {@code day} (recorded in error: the day is a present day
     * again); returns whether it existed.
     *
     * @param student the student
     * @param school the school
     * @param day the day of the record
     * @return true when the record existed and was removed
     */
    public boolean removeAttendance(StudentId student, SchoolId school, LocalDate day) {
        return state.removeRecord(Objects.requireNonNull(student, "student"), Objects.requireNonNull(school, "school"),
                Objects.requireNonNull(day, "day"));
    }

    /**
     * Declares attendance taken through {@code date} (a day on which everyone was present leaves no record): moves
     * the current date forward to it, never back.
     *
     * @param date the last day attendance was taken
     * @return this accumulator
     */
    public AttendanceAccumulator advanceTo(LocalDate date) {
        state.advanceTo((int) Objects.requireNonNull(date, "date").toEpochDay());
        return this;
    }

    /**
     * {@return the current date: the latest attendance day or {@linkplain #advanceTo declared} date; empty before any}
     */
    public Optional<LocalDate> currentDate() {
        return state.currentDate();
    }

    private LocalDate current() {
        return state.currentDate().orElse(state.year().firstDay().minusDays(1));
    }

    // ---- answers ----

    /**
     * {@return the school's student-enrollments as of the current date, aggregated (chronic-absence rate: {@link
     * AttendanceAggregate#chronicAbsenceRate()})}
     *
     * @param school the school
     */
    public AttendanceAggregate school(SchoolId school) {
        return school(school, current());
    }

    /**
     * {@return the school's student-enrollments year to date as of {@code asOf}, aggregated}
     *
     * @param school the school
     * @param asOf the last day counted (inclusive)
     */
    public AttendanceAggregate school(SchoolId school, LocalDate asOf) {
        return state.school(Objects.requireNonNull(school, "school"), asOf);
    }

    /**
     * {@return the student-enrollments at any school of a caller-declared group (a borough, the community schools), as
     * of {@code asOf}}
     *
     * @param group the schools of the group
     * @param asOf the last day counted (inclusive)
     */
    public AttendanceAggregate schools(Collection<SchoolId> group, LocalDate asOf) {
        return state.schools(List.copyOf(group), asOf);
    }

    /**
     * A caller-declared group of students (a program's participants, a caseload) as of {@code asOf}, aggregated as the
     * district is: pooled student-years when the definition pools, student-enrollments otherwise.
     *
     * @param group the students of the group
     * @param asOf the last day counted (inclusive)
     * @return the group's aggregate
     */
    public AttendanceAggregate students(Collection<StudentId> group, LocalDate asOf) {
        return state.students(List.copyOf(group), asOf);
    }

    /**
     * The district as of {@code asOf}, aggregated as the definition says (pooled student-years or student-enrollments);
     * O(all enrollments and records) without building a snapshot.
     *
     * @param asOf the last day counted (inclusive)
     * @return the district's aggregate
     */
    public AttendanceAggregate district(LocalDate asOf) {
        return state.district(asOf, definition().aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED);
    }

    /**
     * {@return the district as of {@code asOf} counting each student once with the days pooled across schools}
     *
     * @param asOf the last day counted (inclusive)
     */
    public AttendanceAggregate districtPooled(LocalDate asOf) {
        return state.district(asOf, true);
    }

    /**
     * {@return the district as of {@code asOf} counting every student-enrollment (a student who moved counts at each
     * school)}
     *
     * @param asOf the last day counted (inclusive)
     */
    public AttendanceAggregate districtPerEnrollment(LocalDate asOf) {
        return state.district(asOf, false);
    }

    /**
     * Everything as of the current date, immutable.
     *
     * @return the snapshot as of the current date
     */
    public AttendanceSnapshot snapshot() {
        return snapshot(current());
    }

    /**
     * Everything year to date as of {@code asOf}, immutable.
     *
     * @param asOf the last day counted (inclusive)
     * @return the snapshot as of {@code asOf}
     */
    public AttendanceSnapshot snapshot(LocalDate asOf) {
        return state.snapshot(asOf);
    }

    // ---- merging ----

    /**
     * Adds every event of {@code other}, an accumulator of the same year and definition over other students
     * (shard by student); {@code other} is not changed. The result is exactly the accumulator of both event streams.
     *
     * @param other an accumulator of the same year and definition over other students
     * @return this accumulator, now holding both
     * @throws IllegalArgumentException when the year or definition differ, a student is in both, or the two declare
     *                                  different types for one school; nothing is changed then
     */
    public AttendanceAccumulator merge(AttendanceAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            throw new IllegalArgumentException("an accumulator cannot merge with itself: its students are not disjoint");
        }
        state.mergeFrom(other.state);
        return this;
    }

    /** {@return an independent copy} */
    public AttendanceAccumulator copy() {
        return new AttendanceAccumulator(state.copy());
    }
}
