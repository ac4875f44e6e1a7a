package org.communityschools.spark.internal;

import java.io.Serializable;
import java.time.LocalDate;
import org.communityschools.spark.rows.AttendanceRow;
import org.communityschools.spark.rows.CharacteristicRow;
import org.communityschools.spark.rows.DiplomaRow;
import org.communityschools.spark.rows.EnrollmentRow;
import org.communityschools.spark.rows.StudentRow;
import org.jspecify.annotations.Nullable;

/**
 * One fact about one student (an enrollment, an attendance record, a diploma, a characteristic, the student record),
 * the input of the per-student aggregators. A mutable JavaBean for Spark's encoder; not thread-safe.
 */
public final class StudentEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of event. */
    public static final int STUDENT = 0;
    /** A characteristic held over a period. */
    public static final int CHARACTERISTIC = 1;
    /** An enrollment. */
    public static final int ENROLLMENT = 2;
    /** An attendance record. */
    public static final int ATTENDANCE = 3;
    /** A diploma. */
    public static final int DIPLOMA = 4;

    private String studentId = "";
    private int kind;
    private @Nullable String schoolId;
    private @Nullable LocalDate date;
    private @Nullable LocalDate endDate;
    private @Nullable String code;
    private @Nullable String code2;
    private int number;
    private boolean flag;

    /** An empty event (for Spark). */
    public StudentEvent() {}

    /** The event of a student record: sex, race/ethnicity, stated cohort. */
    public static StudentEvent of(StudentRow s) {
        StudentEvent e = new StudentEvent();
        e.studentId = s.getStudentId();
        e.kind = STUDENT;
        e.code = s.getSex();
        e.code2 = s.getRaceEthnicity();
        e.number = s.getNinthGradeCohort() == null ? 0 : s.getNinthGradeCohort();
        return e;
    }

    /** The event of a characteristic. */
    public static StudentEvent of(CharacteristicRow c) {
        StudentEvent e = new StudentEvent();
        e.studentId = c.getStudentId();
        e.kind = CHARACTERISTIC;
        e.code = c.getCharacteristic();
        e.date = c.getBeginDate();
        e.endDate = c.getEndDate();
        return e;
    }

    /** The event of an enrollment. */
    public static StudentEvent of(EnrollmentRow r) {
        StudentEvent e = new StudentEvent();
        e.studentId = r.getStudentId();
        e.kind = ENROLLMENT;
        e.schoolId = r.getSchoolId();
        e.date = r.getEntryDate();
        e.endDate = r.getExitDate();
        e.code = r.getEntryGrade();
        e.code2 = r.getExitType();
        e.flag = r.isExitDocumented();
        return e;
    }

    /** The event of an attendance record. */
    public static StudentEvent of(AttendanceRow a) {
        StudentEvent e = new StudentEvent();
        e.studentId = a.getStudentId();
        e.kind = ATTENDANCE;
        e.schoolId = a.getSchoolId();
        e.date = a.getDate();
        e.code = a.getCategory();
        e.number = a.getDurationTenThousandths();
        return e;
    }

    /** The event of a diploma. */
    public static StudentEvent of(DiplomaRow d) {
        StudentEvent e = new StudentEvent();
        e.studentId = d.getStudentId();
        e.kind = DIPLOMA;
        e.schoolId = d.getSchoolId();
        e.date = d.getAwardDate();
        e.code = d.getDiplomaType();
        return e;
    }

    /** The student. */
    public String getStudentId() {
        return studentId;
    }

    /** Sets the student. */
    public void setStudentId(String studentId) {
        this.studentId = studentId;
    }

    /** The kind ({@link #STUDENT}, ...). */
    public int getKind() {
        return kind;
    }

    /** Sets the kind. */
    public void setKind(int kind) {
        this.kind = kind;
    }

    /** The school, or null. */
    public @Nullable String getSchoolId() {
        return schoolId;
    }

    /** Sets the school. */
    public void setSchoolId(@Nullable String schoolId) {
        this.schoolId = schoolId;
    }

    /** The date (entry, attendance day, award, begin), or null. */
    public @Nullable LocalDate getDate() {
        return date;
    }

    /** Sets the date. */
    public void setDate(@Nullable LocalDate date) {
        this.date = date;
    }

    /** The end date (exit, characteristic end), or null. */
    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    /** Sets the end date. */
    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = endDate;
    }

    /** The first code (sex, characteristic, grade, category, diploma type), or null. */
    public @Nullable String getCode() {
        return code;
    }

    /** Sets the first code. */
    public void setCode(@Nullable String code) {
        this.code = code;
    }

    /** The second code (race/ethnicity, exit type), or null. */
    public @Nullable String getCode2() {
        return code2;
    }

    /** Sets the second code. */
    public void setCode2(@Nullable String code2) {
        this.code2 = code2;
    }

    /** The number (stated cohort end year or 0, duration in ten-thousandths). */
    public int getNumber() {
        return number;
    }

    /** Sets the number. */
    public void setNumber(int number) {
        this.number = number;
    }

    /** The flag (exit documented). */
    public boolean isFlag() {
        return flag;
    }

    /** Sets the flag. */
    public void setFlag(boolean flag) {
        this.flag = flag;
    }
}
