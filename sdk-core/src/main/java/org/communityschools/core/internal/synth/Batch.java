package org.communityschools.core.internal.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.function.Function;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.write.CsvFileWriter;
import org.communityschools.core.internal.write.DirectoryWriter;
import org.communityschools.core.internal.write.Rows;
import java.util.List;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * The records of a run of consecutive students, per file, in student order. A worker thread simulates the students
 * and {@linkplain #render() formats} the rows; the writing thread then appends the text in batch order.
 */
final class Batch {
    final EnumMap<DataFile, StringBuilder> text = new EnumMap<>(DataFile.class);
    final EnumMap<DataFile, Integer> rows = new EnumMap<>(DataFile.class);

    final List<Student> students = new ArrayList<>();
    final List<StudentCharacteristic> characteristics = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();
    final List<Diploma> diplomas = new ArrayList<>();
    final List<AttendanceRecord> attendance = new ArrayList<>();
    final List<BehaviorIncident> behavior = new ArrayList<>();
    final List<CourseMark> courseMarks = new ArrayList<>();
    final List<StudentStaffRelationship> studentStaff = new ArrayList<>();
    final List<InterventionParticipant> participants = new ArrayList<>();
    final List<Consent> consents = new ArrayList<>();

    /** Formats every record into CSV text per file and drops the records. */
    void render() {
        render(DataFile.STUDENTS, students, Rows::student);
        render(DataFile.STUDENT_CHARACTERISTICS, characteristics, Rows::characteristic);
        render(DataFile.ENROLLMENTS, enrollments, Rows::enrollment);
        render(DataFile.DIPLOMAS, diplomas, Rows::diploma);
        render(DataFile.ATTENDANCE, attendance, Rows::attendance);
        render(DataFile.BEHAVIOR, behavior, Rows::behavior);
        render(DataFile.COURSE_MARKS, courseMarks, Rows::courseMark);
        render(DataFile.STUDENT_STAFF, studentStaff, Rows::studentStaff);
        render(DataFile.INTERVENTION_PARTICIPANTS, participants, Rows::interventionParticipant);
        render(DataFile.CONSENTS, consents, Rows::consent);
    }

    private <T> void render(DataFile file, List<T> records, Function<T, String[]> format) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(records.size() * 64);
        for (T r : records) {
            CsvFileWriter.appendRow(sb, format.apply(r));
        }
        text.put(file, sb);
        rows.put(file, records.size());
        records.clear();
    }

    /** Appends the formatted rows to their files, in {@link DataFile} order. */
    void writeTo(DirectoryWriter out) {
        text.forEach((file, sb) -> out.file(file).write(sb, rows.get(file)));
    }
}
