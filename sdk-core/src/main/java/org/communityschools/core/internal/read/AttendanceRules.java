package org.communityschools.core.internal.read;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.index.AttendanceBuilder;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * The cross-record rules of attendance.csv and the rows that pass them, for the {@link Assembler}: a row's day is an
 * instructional day of its school when the school has a calendar ({@code attendance.on-instructional-day}) and
 * inside an enrollment of the student there ({@code attendance.within-enrollment}); once the file ends the rows are
 * sorted and a repeated student, school and date is {@code unique.attendance}. After {@link #prepare} the check
 * {@link Fits} only reads and may run on several threads (the parallel reader); the rest is not thread-safe.
 */
final class AttendanceRules {
    private final Violations violations;
    private final References refs;
    private final Placements placements;
    private final IdTable<StudentId, Student> students;
    private final Supplier<IdTable<SchoolId, School>> schools;
    private final AttendanceBuilder builder = new AttendanceBuilder();
    private @Nullable AttendanceColumns columns;
    private long duplicates;

    AttendanceRules(Violations violations, References refs, Placements placements, IdTable<StudentId, Student> students,
                    Supplier<IdTable<SchoolId, School>> schools) {
        this.violations = violations;
        this.refs = refs;
        this.placements = placements;
        this.students = students;
        this.schools = schools;
    }

    /**
     * A row whose student and school were already resolved to dense indexes: reported and dropped when its day
     * breaks a rule, else kept.
     */
    boolean add(int student, int school, int epochDay, int packed, Where w) {
        DataFile f = DataFile.ATTENDANCE;
        int[] calendar = placements.calendarsReady()[school];
        boolean ok = true;
        if (calendar.length > 0 && Arrays.binarySearch(calendar, epochDay) < 0) {
            ok = refs.error(f, w, "date", LocalDate.ofEpochDay(epochDay).toString(), "attendance.on-instructional-day",
                    "attendance must fall on an instructional day of the school's calendar; " + LocalDate.ofEpochDay(epochDay)
                            + " is not one at school '" + schools.get().id(school).value() + "'");
        }
        if (!placements.enrolledBetween(student, school, epochDay, epochDay)) {
            ok = refs.error(f, w, "date", LocalDate.ofEpochDay(epochDay).toString(), "attendance.within-enrollment",
                    "attendance must fall inside an enrollment of the student at the school; student '"
                            + students.id(student).value() + "' was not enrolled at school '"
                            + schools.get().id(school).value() + "' on " + LocalDate.ofEpochDay(epochDay));
        }
        if (ok) {
            builder.add(student, school, epochDay, packed, w.line());
        }
        return ok;
    }

    /** Readies the calendars and the enrollment index, after which {@link Fits} only reads. */
    void prepare() {
        placements.calendarsReady();
        placements.enrollmentIndex();
    }

    /**
     * Whether {@link #add} would keep a row without reporting anything (after {@link #prepare}; reads only), for the
     * rows of one range, which come grouped by student and school in date order: the enrollment that held the last
     * fitting row is remembered, and a row of the same student and school on a day inside it is inside an enrollment
     * without searching the student's enrollments again (the calendar is still checked). One per range; not
     * thread-safe.
     */
    final class Fits {
        private int student = -1;
        private int school;
        private int entry;
        private int exit;

        /** Whether the row is on an instructional day of the school (when it has a calendar) and inside an enrollment. */
        boolean test(int st, int sc, int epochDay) {
            int[] calendar = placements.calendars()[sc];
            if (calendar.length > 0 && Arrays.binarySearch(calendar, epochDay) < 0) {
                return false;
            }
            if (st == student && sc == school && epochDay >= entry && epochDay <= exit) {
                return true;
            }
            int e = placements.enrollmentOn(st, sc, epochDay);
            if (e < 0) {
                return false;
            }
            student = st;
            school = sc;
            entry = placements.entryDay(e);
            exit = placements.exitDay(e);
            return true;
        }
    }

    /** Keeps a row for which {@link Fits#test} held. */
    void accept(int student, int school, int epochDay, int packed, long line) {
        builder.add(student, school, epochDay, packed, line);
    }

    /** The reason dictionary's code, or -1 when full. */
    int reasonCode(String reason) {
        return builder.reasonCode(reason);
    }

    /** The number of reasons in the dictionary. */
    int reasonCount() {
        return builder.reasonCount();
    }

    /** Sorts the rows into the columns, reporting and dropping duplicates. */
    void finish() {
        placements.enrollmentIndex();
        IdTable<SchoolId, School> table = schools.get();
        columns = builder.build(students.size(), students::id, table::id, (line, first, st, sc, day) -> {
            duplicates++;
            violations.error(DataFile.ATTENDANCE, line, line == 0 ? 0 : 1, "student_id", students.id(st).value(),
                    "unique.attendance", "a student, school and date may appear once; student '" + students.id(st).value()
                            + "' at school '" + table.id(sc).value() + "' on " + LocalDate.ofEpochDay(day)
                            + (first > 0 ? " is already on line " + first : " is repeated"));
        });
    }

    /** The columns, once {@link #finish}ed; else null. */
    @Nullable AttendanceColumns columns() {
        return columns;
    }

    /** The rows dropped as duplicates. */
    long duplicates() {
        return duplicates;
    }
}
