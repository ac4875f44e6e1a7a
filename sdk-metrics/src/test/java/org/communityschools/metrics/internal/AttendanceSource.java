package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.Set;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.Subgroup;

/**
 * What the chronic-absence engine reads: enrollments, school calendars, attendance records, community-school
 * status and subgroups. Implemented over sdk-core's {@code DistrictData} and, in tests, over plain collections.
 */
public interface AttendanceSource {
    /** Every enrollment (of any year; the engine keeps those in the year asked for). */
    Iterable<Enrollment> enrollments();

    /** The number of instructional days of {@code school}'s calendar within {@code range}. */
    int instructionalDays(SchoolId school, DateRange range);

    /** Whether {@code date} is an instructional day of {@code school}. */
    boolean isInstructionalDay(SchoolId school, LocalDate date);

    /** Visits every attendance record, in any order; at most one record per student, school and day. */
    void forEachAttendance(Visitor visitor);

    /** The kind of school ({@code REGULAR} when unknown). */
    SchoolType schoolType(SchoolId school);

    /** Whether {@code school} was a community school (had a LEAD partnership) in {@code year}. */
    boolean isCommunitySchool(SchoolId school, SchoolYear year);

    /** The student's subgroups: sex, race/ethnicity, and characteristics held on at least one day of {@code period}. */
    Set<Subgroup> subgroups(StudentId student, DateRange period);

    /**
     * Whether {@link #forEachAttendance}, {@link #subgroups}, {@link #isCommunitySchool} and {@link #instructionalDays} may be called from
     * several threads at once (the batch calculation then classifies ranges of students in parallel); false unless
     * overridden.
     */
    default boolean isThreadSafe() {
        return false;
    }

    /** Receives one attendance record. */
    @FunctionalInterface
    interface Visitor {
        /** One record: the share of the day missed is {@code durationTenThousandths} / 10,000. */
        void visit(StudentId student, SchoolId school, int epochDay, AttendanceCategory category, int durationTenThousandths);
    }
}
