package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.EnrollmentAttendance;
import org.communityschools.metrics.StudentAttendance;
import org.jspecify.annotations.Nullable;

/**
 * The per-stay and per-student records of a columnar chronic-absence report, built from {@link ChronicColumns}
 * when read: the students in identifier order (sorted on the first read), each student's stays in order of first
 * entry. Thread-safe.
 */
final class OnDemandRecords {
    private final DistrictData data;
    private final ChronicColumns c;
    private final int studentCount;
    private final int stayCount;
    private final AtomicReferenceArray<@Nullable SubgroupSet> sets = new AtomicReferenceArray<>(ColumnarChronicAbsence.KEYS);
    private volatile int @Nullable [] order;
    private int[] stayOffset = new int[0]; // written before order is published

    OnDemandRecords(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, ChronicColumns c) {
        this.data = data;
        this.c = c;
        int students = 0;
        int stays = 0;
        for (int s = 0; s < c.students; s++) {
            if (c.stays[s] > 0) {
                students++;
                stays += c.stays[s];
            }
        }
        studentCount = students;
        stayCount = stays;
    }

    List<EnrollmentAttendance> enrollments() {
        return new OnDemandList<>(stayCount, this::enrollment);
    }

    List<StudentAttendance> students() {
        return new OnDemandList<>(studentCount, this::student);
    }

    /** The students with a stay, by identifier; with the first stay's position of each in the enrollment list. */
    private int[] order() {
        int[] o = order;
        if (o == null) {
            synchronized (this) {
                o = order;
                if (o == null) {
                    List<Integer> list = new ArrayList<>(studentCount);
                    for (int s = 0; s < c.students; s++) {
                        if (c.stays[s] > 0) {
                            list.add(s);
                        }
                    }
                    StudentId[] ids = new StudentId[c.students];
                    for (int s : list) {
                        ids[s] = c.studentId(s);
                    }
                    list.sort((a, b) -> ids[a].compareTo(ids[b]));
                    o = list.stream().mapToInt(Integer::intValue).toArray();
                    int[] offsets = new int[o.length + 1];
                    for (int i = 0; i < o.length; i++) {
                        offsets[i + 1] = offsets[i] + c.stays[o[i]];
                    }
                    stayOffset = offsets;
                    order = o;
                }
            }
        }
        return o;
    }

    private StudentAttendance student(int i) {
        int s = order()[i];
        int a = c.start[s];
        List<SchoolId> schools = new ArrayList<>(c.stays[s]);
        long[] byCategory = new long[ColumnarChronicAbsence.categories()];
        for (int p = a; p < a + c.stays[s]; p++) {
            schools.add(data.schoolAt(c.staySchool[p]));
            for (int k = 0; k < byCategory.length; k++) {
                byCategory[k] += c.stayCategory[p * byCategory.length + k];
            }
        }
        AttendanceFigures f = figures(c.studentDays[s], c.studentUnits[s], byCategory, c.studentStatus[s]);
        return new StudentAttendance(c.studentId(s), ColumnarChronicAbsence.grade(c.studentGrade[s]), schools, set(c.studentKey[s]), f);
    }

    private EnrollmentAttendance enrollment(int i) {
        int[] o = order();
        int k = Arrays.binarySearch(stayOffset, i);
        if (k < 0) {
            k = -k - 2; // the student whose stays start before i (offsets strictly increase: every student has a stay)
        }
        int s = o[k];
        int p = c.start[s] + (i - stayOffset[k]);
        int n = ColumnarChronicAbsence.categories();
        long[] byCategory = new long[n];
        for (int j = 0; j < n; j++) {
            byCategory[j] = c.stayCategory[p * n + j];
        }
        AttendanceFigures f = figures(c.stayDays[p], c.stayUnits[p], byCategory, c.stayStatus[p]);
        DateRange period = DateRange.closed(LocalDate.ofEpochDay(c.stayFirst[p]), LocalDate.ofEpochDay(c.stayLast[p]));
        return new EnrollmentAttendance(c.studentId(s), data.schoolAt(c.staySchool[p]), ColumnarChronicAbsence.grade(c.stayGrade[p]),
                period, c.community[c.staySchool[p]] == 1, set(c.stayKey[p]), f);
    }

    private AttendanceFigures figures(int days, long units, long[] byCategory, int status) {
        return new AttendanceFigures(days, Days.of(units), Days.byCategory(byCategory, 0), ChronicColumns.status(status));
    }

    private SubgroupSet set(int key) {
        SubgroupSet s = sets.get(key);
        if (s == null) {
            sets.compareAndSet(key, null, ColumnarChronicAbsence.subgroupSet(key));
            s = sets.get(key);
        }
        return s;
    }
}
