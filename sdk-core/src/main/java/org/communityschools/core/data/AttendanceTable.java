package org.communityschools.core.data;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * Every attendance row of a {@link DistrictData}, held in a compact columnar store: rows sorted by student, then
 * date, then school, the student implied by a per-student offsets array, and per row a school index, an epoch day
 * and one packed int (category, duration in ten-thousandths, dictionary-encoded reason): about 10 bytes per row, so
 * that a year of New York City attendance (~20M rows) fits in a small heap. Records are materialized on demand.
 * Immutable and thread-safe.
 */
public final class AttendanceTable {
    private final AttendanceColumns columns;
    private final DistrictData data;

    AttendanceTable(AttendanceColumns columns, DistrictData data) {
        this.columns = columns;
        this.data = data;
    }

    /** {@return the number of attendance rows} */
    public int size() {
        return columns.size();
    }

    /**
     * {@return the student's records at every school, in date order (then school); empty for an unknown student}
     *
     * @param student the student
     */
    public List<AttendanceRecord> recordsOf(StudentId student) {
        Objects.requireNonNull(student, "student");
        return columns.records(data.studentIndex(student), -1);
    }

    /**
     * {@return the student's records at one school, in date order; empty when either is unknown}
     *
     * @param student the student
     * @param school the school
     */
    public List<AttendanceRecord> recordsOf(StudentId student, SchoolId school) {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(school, "school");
        int s = data.schoolIndex(school);
        return s < 0 ? List.of() : columns.records(data.studentIndex(student), s);
    }

    /**
     * The student's records whose school and day pass {@code keep}, in date order (then school); empty for an unknown
     * student. {@code keep} is asked once for every row of the student, in that order, before anything else is read of
     * the row, and only the rows it keeps are materialized: for a reader that wants a few of a student's days but must
     * account for all of them (a record view counts the days it withholds).
     *
     * @param student the student
     * @param keep asked with each row's school and day; true keeps the row
     * @return the records kept
     */
    public List<AttendanceRecord> recordsOf(StudentId student, AttendanceDayFilter keep) {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(keep, "keep");
        return columns.records(data.studentIndex(student), keep);
    }

    /**
     * Visits every row, by student then date, without allocating.
     *
     * @param visitor called once per row
     */
    public void forEach(AttendanceVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        columns.forEach(visitor::visit);
    }

    /**
     * Visits the rows of the students with dense index ({@link DistrictData#studentIndex}) in
     * [{@code fromStudent}, {@code toStudent}), by student then date, without allocating; the bounds are clipped
     * to the table's students. Each student's rows are stored together, so the rows of other students are not read:
     * a calculation split into ranges of students reads each row once.
     *
     * @param fromStudent the first student index visited (inclusive)
     * @param toStudent the end of the range of student indexes (exclusive)
     * @param visitor called once per row
     * @throws IllegalArgumentException when {@code fromStudent > toStudent}
     */
    public void forEach(int fromStudent, int toStudent, AttendanceVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        if (fromStudent > toStudent) {
            throw new IllegalArgumentException("the range of students must not end before it starts: [" + fromStudent + ", " + toStudent + ")");
        }
        columns.forEach(fromStudent, toStudent, visitor::visit);
    }

    /**
     * Visits the students with dense index in [{@code fromStudent}, {@code toStudent}) that have attendance rows,
     * in index order, once each with all of the student's rows (by date, then school), read in place: the same rows
     * as {@link #forEach(int, int, AttendanceVisitor)} visits, one call per student instead of one per row, so that a
     * calculation's loop over a student's rows is its own code. The bounds are clipped to the table's students.
     *
     * @param fromStudent the first student index visited (inclusive)
     * @param toStudent the end of the range of student indexes (exclusive)
     * @param visitor called once per student with rows
     * @throws IllegalArgumentException when {@code fromStudent > toStudent}
     */
    public void forEachStudent(int fromStudent, int toStudent, Consumer<? super StudentAttendanceRows> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        if (fromStudent > toStudent) {
            throw new IllegalArgumentException("the range of students must not end before it starts: [" + fromStudent + ", " + toStudent + ")");
        }
        columns.forEachStudent(fromStudent, toStudent, (s, school, day, packed, from, to) ->
                visitor.accept(new StudentAttendanceRows(s, school, day, packed, from, to)));
    }

    /**
     * Materializes every row, by student then date (for writers and tests; allocates a record per row).
     *
     * @param action called once per row, with the row as a record
     */
    public void forEachRecord(Consumer<? super AttendanceRecord> action) {
        Objects.requireNonNull(action, "action");
        for (int s = 0; s < columns.studentCount(); s++) {
            if (columns.rowCount(s) > 0) {
                columns.records(s, -1).forEach(action);
            }
        }
    }

    /** {@return the bytes held by the table's arrays (object headers excluded)} */
    public long estimatedBytes() {
        return columns.estimatedBytes();
    }

    /**
     * {@link #estimatedBytes()} per row; 0 for an empty table.
     *
     * @return the estimated bytes of memory per row
     */
    public double bytesPerRow() {
        return columns.size() == 0 ? 0 : (double) columns.estimatedBytes() / columns.size();
    }

    @Override
    public String toString() {
        return "AttendanceTable[" + size() + " rows, " + String.format("%.1f", bytesPerRow()) + " bytes/row]";
    }
}
