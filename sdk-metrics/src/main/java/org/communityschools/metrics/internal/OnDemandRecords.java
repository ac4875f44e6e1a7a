package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.EnrollmentAttendance;
import org.communityschools.metrics.StudentAttendance;
import org.jspecify.annotations.Nullable;

/**
 * The per-stay and per-student records of a columnar chronic-absence report, built from {@link ChronicColumns}
 * when read: the students in identifier order (sorted on the first read), each student's stays in order of first
 * entry. The students are those of one set of columns (a whole calculation) or, for a live calculation, each taken
 * from the columns that hold their latest figures ({@link LiveColumns}: the columns built first, or the patch of the
 * last batch that touched them). Thread-safe; the columns read must not change after.
 */
final class OnDemandRecords {
    private final @Nullable ChronicColumns c;
    /** Null for the students of {@code c}; else the students of a live calculation, listed on the first read. */
    private final @Nullable Supplier<Students> listing;
    /** For a live calculation: by entry the columns of the student and their index there; written before order is published. */
    private ChronicColumns @Nullable [] owners;
    private int @Nullable [] locals;
    private final IntFunction<SchoolId> schoolAt;
    private final byte[] community;
    private final int studentCount;
    private final int stayCount;
    private final AtomicReferenceArray<@Nullable SubgroupSet> sets = new AtomicReferenceArray<>(ColumnarChronicAbsence.KEYS);
    private volatile int @Nullable [] order;
    private int[] stayOffset = new int[0]; // written before order is published

    /** Students of several columns: student {@code i} is student {@code locals[i]} of {@code owners[i]}, each with a slot. */
    record Students(ChronicColumns[] owners, int[] locals) {}

    /** The records of the students of {@code c}. */
    OnDemandRecords(DistrictData data, ChronicColumns c) {
        this.c = c;
        this.listing = null;
        this.schoolAt = data::schoolAt;
        this.community = c.community;
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

    /**
     * The records of {@code studentCount} students with {@code stayCount} stays in all, listed by {@code listing} when
     * first read; schools named by {@code schoolAt}, their community status in {@code community}.
     */
    OnDemandRecords(Supplier<Students> listing, int studentCount, int stayCount, IntFunction<SchoolId> schoolAt, byte[] community) {
        this.c = null;
        this.listing = listing;
        this.studentCount = studentCount;
        this.stayCount = stayCount;
        this.schoolAt = schoolAt;
        this.community = community;
    }

    private ChronicColumns columns(int entry) {
        return owners == null ? java.util.Objects.requireNonNull(c) : owners[entry];
    }

    private int local(int entry) {
        return locals == null ? entry : locals[entry];
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
                    int entries;
                    if (listing != null) {
                        Students all = listing.get();
                        owners = all.owners();
                        locals = all.locals();
                        entries = all.owners().length;
                    } else {
                        entries = java.util.Objects.requireNonNull(c).students;
                    }
                    List<Integer> list = new ArrayList<>(studentCount);
                    for (int i = 0; i < entries; i++) {
                        if (columns(i).stays[local(i)] > 0) {
                            list.add(i);
                        }
                    }
                    StudentId[] ids = new StudentId[entries];
                    for (int i : list) {
                        ids[i] = columns(i).studentId(local(i));
                    }
                    list.sort((a, b) -> ids[a].compareTo(ids[b]));
                    o = list.stream().mapToInt(Integer::intValue).toArray();
                    int[] offsets = new int[o.length + 1];
                    for (int i = 0; i < o.length; i++) {
                        offsets[i + 1] = offsets[i] + columns(o[i]).stays[local(o[i])];
                    }
                    stayOffset = offsets;
                    order = o;
                }
            }
        }
        return o;
    }

    private StudentAttendance student(int i) {
        int e = order()[i];
        ChronicColumns c = columns(e);
        int s = local(e);
        int a = c.start[s];
        List<SchoolId> schools = new ArrayList<>(c.stays[s]);
        long[] byCategory = new long[ColumnarChronicAbsence.categories()];
        for (int p = a; p < a + c.stays[s]; p++) {
            schools.add(schoolAt.apply(c.staySchool[p]));
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
        ChronicColumns c = columns(o[k]);
        int s = local(o[k]);
        int p = c.start[s] + (i - stayOffset[k]);
        int n = ColumnarChronicAbsence.categories();
        long[] byCategory = new long[n];
        for (int j = 0; j < n; j++) {
            byCategory[j] = c.stayCategory[p * n + j];
        }
        AttendanceFigures f = figures(c.stayDays[p], c.stayUnits[p], byCategory, c.stayStatus[p]);
        DateRange period = DateRange.closed(LocalDate.ofEpochDay(c.stayFirst[p]), LocalDate.ofEpochDay(c.stayLast[p]));
        return new EnrollmentAttendance(c.studentId(s), schoolAt.apply(c.staySchool[p]), ColumnarChronicAbsence.grade(c.stayGrade[p]),
                period, community[c.staySchool[p]] == 1, set(c.stayKey[p]), f);
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
