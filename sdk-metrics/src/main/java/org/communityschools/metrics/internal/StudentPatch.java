package org.communityschools.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;

/**
 * The {@link ChronicColumns} of a few students of one data version, read by identifier: what a change batch
 * recomputes for the students it touches ({@link LiveColumns}). Each student's slots are read from their own
 * enrollments ({@link DistrictData#enrollmentsOf}) with the batch rules of {@link ChronicColumns#build} (a school
 * with an index, a grade and school type the definition considers, a day in the period, at least one instructional
 * day), sorted by entry date then school; their attendance rows are visited by the data's student index
 * ({@code AttendanceTable.forEachStudent(from, to, ...)}), their characteristics and student record looked up by
 * identifier. Schools are numbered by the live columns ({@link LiveColumns.Schools}), which stay the same across
 * versions whatever the data's own indexes. Time proportional to the students' records. Stateless.
 */
public final class StudentPatch {
    private StudentPatch() {}

    /**
     * The columns of {@code ids} in {@code data} over epoch days [{@code fromDay}, {@code toDay}], computed (stays,
     * student-years), and their counts; a student without a slot in the period has none.
     */
    static ColumnarChronicAbsence.Computed build(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, int fromDay, int toDay, List<StudentId> ids,
                          LiveColumns.Schools schools) {
        return build(data, year, definition, fromDay, toDay, ids, schools, new Lookups(data));
    }

    /**
     * The students' index and enrollments in one data version, looked up by identifier once and kept for the patches
     * of every as-of date a change batch moves (the lookups do not depend on the date). Mutable, one writer: the
     * caller that applies the batch.
     */
    public static final class Lookups {
        private final DistrictData data;
        private final java.util.Map<StudentId, Student> students = new java.util.HashMap<>();

        /** One student's data index (-1 without one) and enrollments in the version. */
        private record Student(int index, List<Enrollment> enrollments) {}

        /**
         * Lookups in {@code data}, none made yet.
         *
         * @param data the version looked up
         */
        public Lookups(DistrictData data) {
            this.data = data;
        }

        private Student of(StudentId id) {
            Student s = students.get(id);
            if (s == null) {
                int index = data.studentIndex(id);
                s = new Student(index, List.copyOf(index >= 0 ? data.enrollmentsOf(id) : enrollmentsWithoutIndex(data, id)));
                students.put(id, s);
            }
            return s;
        }
    }

    /** As {@link #build(DistrictData, SchoolYear, ChronicAbsenceDefinition, int, int, List, LiveColumns.Schools)}, the students looked up in {@code lookups} (of {@code data}). */
    static ColumnarChronicAbsence.Computed build(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, int fromDay, int toDay, List<StudentId> ids,
                          LiveColumns.Schools schools, Lookups lookups) {
        if (lookups.data != data) {
            throw new IllegalArgumentException("lookups of another version");
        }
        int n = ids.size();
        int[] start = new int[n + 1];
        int[] rowsOf = new int[n];
        List<int[]> slots = new ArrayList<>(); // school, first, last, days, grade, entry
        for (int s = 0; s < n; s++) {
            Lookups.Student student = lookups.of(ids.get(s));
            rowsOf[s] = student.index();
            int before = slots.size();
            for (Enrollment e : student.enrollments()) {
                int[] slot = slot(data, definition, fromDay, toDay, e, schools);
                if (slot == null) {
                    continue;
                }
                int i = slots.size();
                slots.add(slot);
                // by entry date, then school identifier (as the whole calculation sorts each student's slots)
                while (i > before && after(slots.get(i - 1), slot, schools)) {
                    slots.set(i, slots.get(i - 1));
                    i--;
                }
                slots.set(i, slot);
            }
            start[s + 1] = slots.size();
        }
        ChronicColumns c = new ChronicColumns(data, null, year, definition, 0, ids.toArray(new StudentId[0]), start, slots.size(),
                schools.calendars(), schools.community());
        for (int p = 0; p < slots.size(); p++) {
            int[] slot = slots.get(p);
            c.school[p] = slot[0];
            c.first[p] = slot[1];
            c.last[p] = slot[2];
            c.days[p] = slot[3];
            c.grade[p] = (byte) slot[4];
            c.entry[p] = slot[5];
        }
        c.rowsOf = rowsOf;
        c.schoolOfRow = schools.byDataIndex(data);
        return new ColumnarChronicAbsence.Computed(c, c.compute(0, n));
    }

    /** The slot of {@code e}, or null when the definition or the calendar leaves it out. */
    private static int @org.jspecify.annotations.Nullable [] slot(DistrictData data, ChronicAbsenceDefinition definition, int fromDay,
                                                               int toDay, Enrollment e, LiveColumns.Schools schools) {
        SchoolId id = e.schoolId();
        if (data.schoolIndex(id) < 0) {
            return null; // no school record and no calendar: no instructional day
        }
        if (!definition.considers(e.entryGrade(), ColumnarChronicAbsence.schoolType(data, id))) {
            return null;
        }
        int entry = (int) e.entryDate().toEpochDay();
        int a = Math.max(entry, fromDay);
        int b = e.exitWithdrawDate().isPresent() ? (int) Math.min(e.exitWithdrawDate().get().toEpochDay(), toDay) : toDay;
        if (b < a) {
            return null;
        }
        int sch = schools.index(id, data);
        int d = schools.calendar(sch, data).count(a, b);
        return d > 0 ? new int[] {sch, a, b, d, e.entryGrade().ordinal(), entry} : null;
    }

    private static boolean after(int[] x, int[] y, LiveColumns.Schools schools) {
        return x[5] > y[5] || x[5] == y[5] && schools.id(x[0]).compareTo(schools.id(y[0])) > 0;
    }

    /** A student without an index (no record of their own): their enrollments, found in the whole list. */
    private static List<Enrollment> enrollmentsWithoutIndex(DistrictData data, StudentId id) {
        List<Enrollment> out = new ArrayList<>();
        for (Enrollment e : data.enrollments()) {
            if (e.studentId().equals(id)) {
                out.add(e);
            }
        }
        return out;
    }

    /** A patch's attendance: each student's rows by the data's index, their schools translated to the columns' indexes. */
    static void addAbsent(ChronicColumns p, int from, int to) {
        ChronicAbsenceDefinition definition = p.definition;
        int[] shares = ColumnarChronicAbsence.shareTable(definition);
        int width = DayShare.SCALE + 1;
        int categories = ColumnarChronicAbsence.categories();
        int[] translate = java.util.Objects.requireNonNull(p.schoolOfRow);
        int[] rowsOf = java.util.Objects.requireNonNull(p.rowsOf);
        int[] start = p.start;
        int[] first = p.first;
        int[] last = p.last;
        int[] school = p.school;
        int[] absent = p.absent;
        @org.jspecify.annotations.Nullable InstructionalDays[] calendars = p.calendars;
        for (int s = from; s < to; s++) {
            int row = rowsOf[s];
            if (row < 0 || start[s + 1] == start[s]) {
                continue;
            }
            int a = start[s];
            int e = start[s + 1];
            p.data.attendance().forEachStudent(row, row + 1, rows -> {
                for (int r = 0, n = rows.size(); r < n; r++) {
                    int dataSchool = rows.schoolIndex(r);
                    int day = rows.epochDay(r);
                    int sch = dataSchool < translate.length ? translate[dataSchool] : -1;
                    for (int i = a; i < e; i++) {
                        if (day >= first[i] && day <= last[i] && school[i] == sch) {
                            if (java.util.Objects.requireNonNull(calendars[sch]).isInstructional(day)) {
                                org.communityschools.core.model.AttendanceCategory category = rows.category(r);
                                int c = category.ordinal();
                                int duration = rows.durationTenThousandths(r);
                                absent[i * categories + c] += duration >= 0 && duration < width
                                        ? shares[c * width + duration] : definition.absentShare(category, duration);
                            }
                            break;
                        }
                    }
                }
            });
        }
    }
}
