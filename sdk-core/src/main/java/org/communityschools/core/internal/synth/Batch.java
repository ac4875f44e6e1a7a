package org.communityschools.core.internal.synth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.function.BiConsumer;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.write.CsvRow;
import org.communityschools.core.internal.write.DirectoryWriter;
import org.communityschools.core.internal.write.Rows;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.Subject;

/**
 * The rows of a run of consecutive students, per file, in student order, already formatted as CSV bytes: a worker
 * thread simulates the students and formats each record as it is drawn; the writing thread then copies the bytes in
 * batch order ({@link #writeTo}). Attendance and course marks, most of the rows, are formatted from their values
 * without building an {@link org.communityschools.core.model.AttendanceRecord} or a {@link
 * org.communityschools.core.model.CourseMark} first.
 */
final class Batch {
    private final EnumMap<DataFile, CsvRow> text = new EnumMap<>(DataFile.class);
    private final java.util.List<TeamFlag> flags = new java.util.ArrayList<>();

    void student(Student s) {
        add(DataFile.STUDENTS, Rows::student, s);
    }

    void characteristic(StudentCharacteristic c) {
        add(DataFile.STUDENT_CHARACTERISTICS, Rows::characteristic, c);
    }

    void enrollment(Enrollment e) {
        add(DataFile.ENROLLMENTS, Rows::enrollment, e);
    }

    void diploma(Diploma d) {
        add(DataFile.DIPLOMAS, Rows::diploma, d);
    }

    /** An attendance row; {@code duration} {@code null} for the category's default, {@code reason} empty for none. */
    void attendance(StudentId student, SchoolId school, LocalDate date, AttendanceCategory category, DayShare duration,
                    String reason) {
        Rows.attendance(rows(DataFile.ATTENDANCE), student, school, date, category, duration, reason);
    }

    void behavior(BehaviorIncident b) {
        add(DataFile.BEHAVIOR, Rows::behavior, b);
    }

    /** A course mark row from its values ({@link Rows#courseMark(CsvRow, StudentId, SchoolId, SchoolYear, String,
     * String, String, Subject, String, String, CourseResult, BigDecimal, BigDecimal, LocalDate)}). */
    void courseMark(StudentId student, SchoolId school, SchoolYear year, String term, String code, String title,
                    Subject subject, String numericMark, String letterMark, CourseResult result, BigDecimal attempted,
                    BigDecimal earned, LocalDate termEnd) {
        Rows.courseMark(rows(DataFile.COURSE_MARKS), student, school, year, term, code, title, subject, numericMark,
                letterMark, result, attempted, earned, termEnd);
    }

    void studentStaff(StudentStaffRelationship r) {
        add(DataFile.STUDENT_STAFF, Rows::studentStaff, r);
    }

    void participant(InterventionParticipant p) {
        add(DataFile.INTERVENTION_PARTICIPANTS, Rows::interventionParticipant, p);
    }

    void consent(Consent c) {
        add(DataFile.CONSENTS, Rows::consent, c);
    }

    /** A student a community school's team would review: kept for the meetings, written by none of the files. */
    void teamFlag(TeamFlag flag) {
        flags.add(flag);
    }

    /** The team flags of the batch's students, in student order. */
    java.util.List<TeamFlag> teamFlags() {
        return flags;
    }

    private <T> void add(DataFile file, BiConsumer<CsvRow, T> format, T record) {
        format.accept(rows(file), record);
    }

    private CsvRow rows(DataFile file) {
        CsvRow rows = text.get(file);
        if (rows == null) {
            rows = new CsvRow(file == DataFile.ATTENDANCE ? 1 << 20 : 1 << 14);
            text.put(file, rows);
        }
        return rows;
    }

    /** Appends the formatted rows to their files, in {@link DataFile} order. */
    void writeTo(DirectoryWriter out) {
        text.forEach((file, rows) -> out.file(file).write(rows));
    }
}
