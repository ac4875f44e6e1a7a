package org.communityschools.core.internal.read;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.CourseMarkColumns;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.SchoolYear;

/** Which school years a district's data covers. */
final class SchoolYears {
    private SchoolYears() {}

    /**
     * The school years that occur in the data: of partnerships, of each calendar's first and last day, of enrollment
     * entry and exit dates, of course marks, and every year from the first to the last attendance day. Unmodifiable.
     */
    static SortedSet<SchoolYear> of(List<Partnership> partnerships, int[][] calendars,
                                 List<Enrollment> enrollments, List<CourseMark> courseMarks,
                                 AttendanceColumns att) {
        TreeSet<SchoolYear> years = new TreeSet<>();
        for (Partnership p : partnerships) {
            years.add(p.schoolYear());
        }
        for (int[] days : calendars) {
            if (days.length > 0) {
                years.add(SchoolYear.containing(LocalDate.ofEpochDay(days[0])));
                years.add(SchoolYear.containing(LocalDate.ofEpochDay(days[days.length - 1])));
            }
        }
        for (Enrollment e : enrollments) {
            years.add(SchoolYear.containing(e.entryDate()));
            e.exitWithdrawDate().ifPresent(d -> years.add(SchoolYear.containing(d)));
        }
        if (courseMarks instanceof CourseMarkColumns columns) {
            years.addAll(columns.schoolYears());
        } else {
            for (CourseMark m : courseMarks) {
                years.add(m.schoolYear());
            }
        }
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        att.forEach((student, school, day, category, duration) -> {
            range[0] = Math.min(range[0], day);
            range[1] = Math.max(range[1], day);
        });
        if (att.size() > 0) {
            for (int y = SchoolYear.containing(LocalDate.ofEpochDay(range[0])).endYear();
                 y <= SchoolYear.containing(LocalDate.ofEpochDay(range[1])).endYear(); y++) {
                years.add(SchoolYear.of(y));
            }
        }
        return Collections.unmodifiableSortedSet(years);
    }
}
