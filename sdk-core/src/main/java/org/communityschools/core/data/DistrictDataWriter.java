package org.communityschools.core.data;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.communityschools.core.internal.write.CsvRow;
import org.communityschools.core.internal.write.DirectoryWriter;
import org.communityschools.core.internal.write.Rows;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * Writes a district data directory (docs/data-directory.md): one CSV file per {@link DataFile} plus
 * {@code agreements.json}, streaming row by row so that a generator never holds a city in memory.
 *
 * <pre>{@code
 * try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
 *     out.students().accept(student);
 *     out.attendance().accept(record);
 * }
 * }</pre>
 *
 * <p>Each CSV file is created when its first row arrives (a file with no rows is not created), with the header
 * {@link DataFile#columns()} in order, RFC 4180 quoting, UTF-8 and {@code \n} line ends. Empty optional values are
 * empty cells; date ranges are written as a begin date and an inclusive last day; an attendance duration is
 * written only when it differs from the category's default (see {@link
 * org.communityschools.core.model.AttendanceCategory#defaultDuration()}), so that reading gives back the same
 * record. Agreements are collected and written to {@code agreements.json}, sorted by id, on {@link #close()}.
 * Rows are written in the order they are given. Writing then reading gives back equal data.
 *
 * <p>Not thread-safe: one thread writes through one instance. I/O failures are thrown as {@link
 * UncheckedIOException}.
 */
public final class DistrictDataWriter implements AutoCloseable {
    private final DirectoryWriter out;

    private DistrictDataWriter(DirectoryWriter out) {
        this.out = out;
    }

    /**
     * Opens a directory for writing, creating it when absent.
     *
     * @param dir the directory
     * @return the writer; close it to write {@code agreements.json} and finish the files
     * @throws IllegalArgumentException when the directory already holds a file of a district data directory, so
     *     that old files are never mixed with new ones
     */
    public static DistrictDataWriter open(Path dir) {
        return new DistrictDataWriter(DirectoryWriter.open(Objects.requireNonNull(dir, "dir")));
    }

    /**
     * Writes every record of {@code data} into {@code dir} (created when absent; it must not already hold district
     * data files): records in the order {@code data} lists them, calendars school by school, attendance by student
     * then date. Reading the directory back gives equal data.
     *
     * @param data the district data
     * @param dir the directory
     * @throws IllegalArgumentException when the directory already holds a file of a district data directory
     * @throws UncheckedIOException when writing fails
     */
    public static void write(DistrictData data, Path dir) {
        Objects.requireNonNull(data, "data");
        try (DistrictDataWriter out = open(dir)) {
            data.organizations().forEach(out.organizations());
            data.schools().forEach(out.schools());
            data.partnerships().forEach(out.partnerships());
            data.students().forEach(out.students());
            data.studentCharacteristics().forEach(out.studentCharacteristics());
            Consumer<InstructionalDay> calendar = out.calendar();
            for (InstructionalCalendar c : data.calendars().values()) {
                for (LocalDate day : c.days()) {
                    calendar.accept(new InstructionalDay(c.school(), day));
                }
            }
            data.enrollments().forEach(out.enrollments());
            data.diplomas().forEach(out.diplomas());
            data.attendance().forEachRecord(out.attendance());
            data.behaviorIncidents().forEach(out.behavior());
            data.courseMarks().forEach(out.courseMarks());
            data.staff().forEach(out.staff());
            data.staffAssignments().forEach(out.staffAssignments());
            data.studentStaffRelationships().forEach(out.studentStaff());
            data.interventions().forEach(out.interventions());
            data.interventionParticipants().forEach(out.interventionParticipants());
            data.consents().forEach(out.consents());
            data.meetings().meetings().forEach(out.meetings());
            data.meetings().agendaItems().forEach(out.agendaItems());
            data.meetings().actionSteps().forEach(out.actionSteps());
            data.agreements().forEach(out.agreements());
        }
    }

    /** {@return rows of {@code organizations.csv}} */
    public Consumer<Organization> organizations() {
        return sink(DataFile.ORGANIZATIONS, Rows::organization);
    }

    /** {@return rows of {@code schools.csv}} */
    public Consumer<School> schools() {
        return sink(DataFile.SCHOOLS, Rows::school);
    }

    /** {@return rows of {@code partnerships.csv}} */
    public Consumer<Partnership> partnerships() {
        return sink(DataFile.PARTNERSHIPS, Rows::partnership);
    }

    /** {@return rows of {@code students.csv}} */
    public Consumer<Student> students() {
        return sink(DataFile.STUDENTS, Rows::student);
    }

    /** {@return rows of {@code student_characteristics.csv}} */
    public Consumer<StudentCharacteristic> studentCharacteristics() {
        return sink(DataFile.STUDENT_CHARACTERISTICS, Rows::characteristic);
    }

    /** {@return rows of {@code calendar.csv}} */
    public Consumer<InstructionalDay> calendar() {
        return sink(DataFile.CALENDAR, Rows::calendar);
    }

    /** {@return rows of {@code enrollments.csv}} */
    public Consumer<Enrollment> enrollments() {
        return sink(DataFile.ENROLLMENTS, Rows::enrollment);
    }

    /** {@return rows of {@code diplomas.csv}} */
    public Consumer<Diploma> diplomas() {
        return sink(DataFile.DIPLOMAS, Rows::diploma);
    }

    /** {@return rows of {@code attendance.csv}} */
    public Consumer<AttendanceRecord> attendance() {
        return sink(DataFile.ATTENDANCE, Rows::attendance);
    }

    /** {@return rows of {@code behavior.csv}} */
    public Consumer<BehaviorIncident> behavior() {
        return sink(DataFile.BEHAVIOR, Rows::behavior);
    }

    /** {@return rows of {@code course_marks.csv}} */
    public Consumer<CourseMark> courseMarks() {
        return sink(DataFile.COURSE_MARKS, Rows::courseMark);
    }

    /** {@return rows of {@code staff.csv}} */
    public Consumer<Staff> staff() {
        return sink(DataFile.STAFF, Rows::staff);
    }

    /** {@return rows of {@code staff_assignments.csv}} */
    public Consumer<StaffAssignment> staffAssignments() {
        return sink(DataFile.STAFF_ASSIGNMENTS, Rows::staffAssignment);
    }

    /** {@return rows of {@code student_staff.csv}} */
    public Consumer<StudentStaffRelationship> studentStaff() {
        return sink(DataFile.STUDENT_STAFF, Rows::studentStaff);
    }

    /** {@return rows of {@code interventions.csv}} */
    public Consumer<Intervention> interventions() {
        return sink(DataFile.INTERVENTIONS, Rows::intervention);
    }

    /** {@return rows of {@code intervention_participants.csv}} */
    public Consumer<InterventionParticipant> interventionParticipants() {
        return sink(DataFile.INTERVENTION_PARTICIPANTS, Rows::interventionParticipant);
    }

    /** {@return rows of {@code consents.csv}} */
    public Consumer<Consent> consents() {
        return sink(DataFile.CONSENTS, Rows::consent);
    }

    /** {@return a consumer writing rows of {@code meetings.csv}} */
    public Consumer<org.communityschools.core.model.Meeting> meetings() {
        return sink(DataFile.MEETINGS, Rows::meeting);
    }

    /** {@return a consumer writing rows of {@code agenda_items.csv}} */
    public Consumer<org.communityschools.core.model.AgendaItem> agendaItems() {
        return sink(DataFile.AGENDA_ITEMS, Rows::agendaItem);
    }

    /** {@return a consumer writing rows of {@code action_steps.csv}} */
    public Consumer<org.communityschools.core.model.ActionStep> actionSteps() {
        return sink(DataFile.ACTION_STEPS, Rows::actionStep);
    }

    /**
     * Agreements, collected and written to {@code agreements.json} (sorted by id) on {@link #close()}.
     *
     * @return the consumer that collects agreements
     */
    public Consumer<DataSharingAgreement> agreements() {
        return out::agreement;
    }

    /**
     * The rows written so far per file (agreements: the agreements collected), in {@link DataFile} order; files
     * without rows are left out.
     *
     * @return the rows written per file
     */
    public Map<DataFile, Long> rowCounts() {
        return out.rowCounts();
    }

    /** Flushes and closes every file and writes {@code agreements.json}. Closing twice does nothing. */
    @Override
    public void close() {
        out.close();
    }

    private <T> Consumer<T> sink(DataFile file, BiConsumer<CsvRow, T> row) {
        return out.sink(file, row);
    }
}
