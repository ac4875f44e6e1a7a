package org.communityschools.core.data;

import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.model.AttendanceCategory;

/**
 * One student's attendance rows, read in place from the {@link AttendanceTable}'s columns (nothing copied): by date,
 * then school, as {@link AttendanceTable#forEach(AttendanceVisitor)} visits them. Row {@code i} runs from 0 to
 * {@link #size()} - 1. Indexes are the dense ones of {@link DistrictData#studentAt(int)} and
 * {@link DistrictData#schoolAt(int)}; the day is {@link java.time.LocalDate#toEpochDay()}; the duration is the share
 * of the day missed in ten-thousandths ({@link org.communityschools.core.model.DayShare#tenThousandths()}).
 * Immutable and thread-safe, like the table it reads; for hot loops over a student's rows (a calculator reads a
 * student's enrollment once and then every row of the student, with no call per row through an interface).
 */
public final class StudentAttendanceRows {
    private final int student;
    private final char[] school;
    private final int[] day;
    private final int[] packed;
    private final int from;
    private final int size;

    StudentAttendanceRows(int student, char[] school, int[] day, int[] packed, int from, int to) {
        this.student = student;
        this.school = school;
        this.day = day;
        this.packed = packed;
        this.from = from;
        this.size = to - from;
    }

    /** {@return the student's dense index} */
    public int studentIndex() {
        return student;
    }

    /** {@return the number of rows} */
    public int size() {
        return size;
    }

    /**
     * {@return the school index of row {@code i}}
     *
     * @param i the row, from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException when {@code i} is outside the rows
     */
    public int schoolIndex(int i) {
        return school[from + check(i)];
    }

    /**
     * {@return the day of row {@code i}, as {@link java.time.LocalDate#toEpochDay()}}
     *
     * @param i the row, from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException when {@code i} is outside the rows
     */
    public int epochDay(int i) {
        return day[from + check(i)];
    }

    /**
     * {@return the category of row {@code i}}
     *
     * @param i the row, from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException when {@code i} is outside the rows
     */
    public AttendanceCategory category(int i) {
        return AttendanceColumns.categoryOf(packed[from + check(i)]);
    }

    /**
     * {@return the share of the day missed in row {@code i}, in ten-thousandths of a day}
     *
     * @param i the row, from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException when {@code i} is outside the rows
     */
    public int durationTenThousandths(int i) {
        return AttendanceColumns.durationOf(packed[from + check(i)]);
    }

    private int check(int i) {
        return java.util.Objects.checkIndex(i, size);
    }

    @Override
    public String toString() {
        return "StudentAttendanceRows[student " + student + ", " + size + " rows]";
    }
}
