package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.Subgroup;

/** An {@link AttendanceSource} over plain lists, for tests. */
final class ListAttendanceSource implements AttendanceSource {
    final List<Enrollment> enrollments = new ArrayList<>();
    final Map<SchoolId, TreeSet<LocalDate>> calendars = new HashMap<>();
    final List<AttendanceRecord> attendance = new ArrayList<>();
    final Set<SchoolId> communitySchools = new HashSet<>();
    final Map<StudentId, Set<Subgroup>> subgroups = new HashMap<>();
    final Map<SchoolId, SchoolType> schoolTypes = new HashMap<>();
    /** What {@link #isThreadSafe()} answers: the lists and maps are only read during a calculation, so true is safe. */
    boolean threadSafe;

    @Override
    public boolean isThreadSafe() {
        return threadSafe;
    }

    ListAttendanceSource calendar(SchoolId school, List<LocalDate> days) {
        calendars.computeIfAbsent(school, k -> new TreeSet<>()).addAll(days);
        return this;
    }

    @Override
    public Iterable<Enrollment> enrollments() {
        return enrollments;
    }

    @Override
    public int instructionalDays(SchoolId school, DateRange range) {
        int n = 0;
        for (LocalDate d : calendars.getOrDefault(school, new TreeSet<>())) {
            if (range.contains(d)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean isInstructionalDay(SchoolId school, LocalDate date) {
        return calendars.getOrDefault(school, new TreeSet<>()).contains(date);
    }

    @Override
    public void forEachAttendance(Visitor visitor) {
        for (AttendanceRecord r : attendance) {
            visitor.visit(r.studentId(), r.schoolId(), (int) r.date().toEpochDay(), r.category(), r.duration().tenThousandths());
        }
    }

    @Override
    public SchoolType schoolType(SchoolId school) {
        return schoolTypes.getOrDefault(school, SchoolType.REGULAR);
    }

    @Override
    public boolean isCommunitySchool(SchoolId school, SchoolYear year) {
        return communitySchools.contains(school);
    }

    @Override
    public Set<Subgroup> subgroups(StudentId student, DateRange period) {
        return subgroups.getOrDefault(student, Set.of());
    }
}
