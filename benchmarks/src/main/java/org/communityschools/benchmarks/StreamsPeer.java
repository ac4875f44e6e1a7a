package org.communityschools.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.SchoolAttendance;

/**
 * The plain-Java peer of the batch calculation: school-level chronic absence under the FEDERAL definition written as
 * Java streams group-bys over primitive columns, as a programmer without the SDK would write it. Same rules as the
 * SDK (docs/metrics.md): days enrolled are the school calendar's instructional days from the entry date (or July 1)
 * to the exit date (or June 30) inclusive; an attendance row counts in the first enrollment of its student at its
 * school (by entry date) whose days contain it, and only on an instructional day; a day is absent when the category
 * is out-of-school suspension, or when it is not present, tardy or in-school suspension and at least half of the day
 * was missed (half-day rule); an enrollment with no day enrolled is not counted; chronically absent when
 * absent ÷ enrolled ≥ 10%.
 *
 * <p>The columns (the peer's "loaded table") are built once from the same {@link DistrictData} outside the timed
 * method. Immutable after construction; {@link #bySchool()} allocates its own result.
 */
final class StreamsPeer {
    private static final int OSS = AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION.ordinal();
    private static final int PRESENT = AttendanceCategory.PRESENT.ordinal();
    private static final int TARDY = AttendanceCategory.TARDY.ordinal();
    private static final int ISS = AttendanceCategory.IN_SCHOOL_SUSPENSION.ordinal();

    // attendance columns
    final int rows;
    final int[] rowStudent;
    final int[] rowSchool;
    final int[] rowDay;
    final byte[] rowCategory;
    final short[] rowDuration;
    // enrollments grouped by student (offsets), by entry date within a student
    final int[] studentStart;
    final int[] enrSchool;
    final int[] enrEntry;
    final int[] enrExit;                 // Integer.MAX_VALUE while still enrolled
    // calendars: sorted epoch days by school index
    final int[][] calendar;
    final int first;
    final int last;

    StreamsPeer(DistrictData data, SchoolYear year) {
        first = (int) year.firstDay().toEpochDay();
        last = (int) year.lastDay().toEpochDay();
        int n = data.attendance().size();
        rows = n;
        rowStudent = new int[n];
        rowSchool = new int[n];
        rowDay = new int[n];
        rowCategory = new byte[n];
        rowDuration = new short[n];
        int[] i = {0};
        data.attendance().forEach((student, school, day, category, duration) -> {
            int k = i[0]++;
            rowStudent[k] = student;
            rowSchool[k] = school;
            rowDay[k] = day;
            rowCategory[k] = (byte) category.ordinal();
            rowDuration[k] = (short) duration;
        });
        int students = data.students().size();
        List<Enrollment> enrollments = new ArrayList<>(data.enrollments());
        enrollments.removeIf(e -> data.studentIndex(e.studentId()) < 0 || data.schoolIndex(e.schoolId()) < 0);
        enrollments.sort(Comparator.comparingInt((Enrollment e) -> data.studentIndex(e.studentId())).thenComparing(Enrollment::entryDate));
        studentStart = new int[students + 1];
        enrSchool = new int[enrollments.size()];
        enrEntry = new int[enrollments.size()];
        enrExit = new int[enrollments.size()];
        for (int e = 0; e < enrollments.size(); e++) {
            Enrollment en = enrollments.get(e);
            studentStart[data.studentIndex(en.studentId()) + 1]++;
            enrSchool[e] = data.schoolIndex(en.schoolId());
            enrEntry[e] = (int) en.entryDate().toEpochDay();
            enrExit[e] = en.exitWithdrawDate().map(d -> (int) d.toEpochDay()).orElse(Integer.MAX_VALUE);
        }
        for (int s = 0; s < students; s++) {
            studentStart[s + 1] += studentStart[s];
        }
        calendar = new int[data.schools().size()][];
        for (int s = 0; s < calendar.length; s++) {
            calendar[s] = data.calendar(data.schoolAt(s)).days().stream().mapToInt(d -> (int) d.toEpochDay()).sorted().toArray();
        }
    }

    /** Per school index: {chronically absent, counted}. The timed work. */
    Map<Integer, long[]> bySchool() {
        int enrollments = enrSchool.length;
        int[] slotFirst = IntStream.range(0, enrollments).map(e -> Math.max(enrEntry[e], first)).toArray();
        int[] slotLast = IntStream.range(0, enrollments).map(e -> Math.min(enrExit[e], last)).toArray();
        int[] days = IntStream.range(0, enrollments)
                .map(e -> slotLast[e] < slotFirst[e] ? 0 : daysIn(calendar[enrSchool[e]], slotFirst[e], slotLast[e]))
                .toArray();
        Map<Integer, Long> absent = IntStream.range(0, rows)
                .filter(r -> isAbsentDay(rowCategory[r], rowDuration[r]))
                .map(r -> enrollmentOf(r, slotFirst, slotLast, days))
                .filter(e -> e >= 0)
                .boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return IntStream.range(0, enrollments)
                .filter(e -> days[e] > 0)
                .boxed()
                .collect(Collectors.groupingBy(e -> enrSchool[e], Collectors.teeing(
                        Collectors.filtering(e -> absent.getOrDefault(e, 0L) * 10 >= days[e], Collectors.counting()),
                        Collectors.counting(),
                        (chronic, counted) -> new long[] {chronic, counted})));
    }

    private static boolean isAbsentDay(int category, int durationTenThousandths) {
        if (category == OSS) {
            return true;
        }
        if (category == PRESENT || category == TARDY || category == ISS) {
            return false;
        }
        return durationTenThousandths >= 5_000;
    }

    /** The enrollment a row counts in, or -1 (outside every enrollment, or not an instructional day). */
    private int enrollmentOf(int r, int[] slotFirst, int[] slotLast, int[] days) {
        int student = rowStudent[r];
        int school = rowSchool[r];
        int day = rowDay[r];
        for (int e = studentStart[student]; e < studentStart[student + 1]; e++) {
            if (days[e] > 0 && enrSchool[e] == school && day >= slotFirst[e] && day <= slotLast[e]) {
                return Arrays.binarySearch(calendar[school], day) >= 0 ? e : -1;
            }
        }
        return -1;
    }

    private static int daysIn(int[] sortedDays, int from, int to) {
        return insertionPoint(sortedDays, to + 1) - insertionPoint(sortedDays, from);
    }

    private static int insertionPoint(int[] a, int key) {
        int i = Arrays.binarySearch(a, key);
        return i >= 0 ? i : -i - 1;
    }

    /** The peer's answer by school id: {chronically absent, counted}. */
    static Map<SchoolId, List<Long>> bySchoolId(DistrictData data, Map<Integer, long[]> bySchool) {
        Map<SchoolId, List<Long>> out = new TreeMap<>();
        bySchool.forEach((s, v) -> out.put(data.schoolAt(s), List.of(v[0], v[1])));
        return out;
    }

    /** The SDK's answer by school id: {chronically absent, counted}, schools with nobody counted left out. */
    static Map<SchoolId, List<Long>> bySchoolId(ChronicAbsenceReport report) {
        Map<SchoolId, List<Long>> out = new TreeMap<>();
        for (SchoolAttendance s : report.schools().values()) {
            if (s.enrollments().counted() > 0) {
                out.put(s.schoolId(), List.of((long) s.enrollments().chronicallyAbsent(), (long) s.enrollments().counted()));
            }
        }
        return out;
    }

}
