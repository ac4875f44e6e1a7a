package org.communityschools.core.live;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.DataFile;
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
 * The key of a record of the district data directory: the file it belongs to and the values of its key columns, as
 * written in the directory ({@link #columns(DataFile)}). A change addresses a record by its key: an upsert replaces
 * the records with the same key (or adds one), a delete removes them.
 *
 * <table>
 *   <caption>Key columns</caption>
 *   <tr><th>file</th><th>key columns</th></tr>
 *   <tr><td>organizations.csv</td><td>organization_id</td></tr>
 *   <tr><td>schools.csv</td><td>school_id</td></tr>
 *   <tr><td>partnerships.csv</td><td>school_id, organization_id, school_year</td></tr>
 *   <tr><td>students.csv</td><td>student_id</td></tr>
 *   <tr><td>student_characteristics.csv</td><td>student_id, characteristic, begin_date</td></tr>
 *   <tr><td>calendar.csv</td><td>school_id, date</td></tr>
 *   <tr><td>enrollments.csv</td><td>student_id, school_id, entry_date</td></tr>
 *   <tr><td>diplomas.csv</td><td>student_id, school_id, award_date</td></tr>
 *   <tr><td>attendance.csv</td><td>student_id, school_id, date</td></tr>
 *   <tr><td>behavior.csv</td><td>incident_id</td></tr>
 *   <tr><td>course_marks.csv</td><td>student_id, school_id, school_year, term, course_code</td></tr>
 *   <tr><td>staff.csv</td><td>staff_id</td></tr>
 *   <tr><td>staff_assignments.csv</td><td>staff_id, organization_id, role, begin_date</td></tr>
 *   <tr><td>student_staff.csv</td><td>student_id, staff_id, relationship, begin_date</td></tr>
 *   <tr><td>interventions.csv</td><td>intervention_id</td></tr>
 *   <tr><td>intervention_participants.csv</td><td>intervention_id, student_id, begin_date</td></tr>
 *   <tr><td>consents.csv</td><td>consent_id</td></tr>
 *   <tr><td>agreements.json</td><td>agreement_id, version</td></tr>
 * </table>
 *
 * <p>Values are compared as text: dates ISO {@code yyyy-MM-dd}, school years as their ending year ({@code 2018}),
 * enumerations upper case. Immutable and thread-safe; prints only identifiers and dates.
 *
 * @param file   the file of the record
 * @param values the key columns' values, in the order of {@link #columns(DataFile)}
 */
public record RecordKey(DataFile file, List<String> values) {
    private static final Map<DataFile, List<String>> COLUMNS = new EnumMap<>(DataFile.class);

    static {
        COLUMNS.put(DataFile.ORGANIZATIONS, List.of("organization_id"));
        COLUMNS.put(DataFile.SCHOOLS, List.of("school_id"));
        COLUMNS.put(DataFile.PARTNERSHIPS, List.of("school_id", "organization_id", "school_year"));
        COLUMNS.put(DataFile.STUDENTS, List.of("student_id"));
        COLUMNS.put(DataFile.STUDENT_CHARACTERISTICS, List.of("student_id", "characteristic", "begin_date"));
        COLUMNS.put(DataFile.CALENDAR, List.of("school_id", "date"));
        COLUMNS.put(DataFile.ENROLLMENTS, List.of("student_id", "school_id", "entry_date"));
        COLUMNS.put(DataFile.DIPLOMAS, List.of("student_id", "school_id", "award_date"));
        COLUMNS.put(DataFile.ATTENDANCE, List.of("student_id", "school_id", "date"));
        COLUMNS.put(DataFile.BEHAVIOR, List.of("incident_id"));
        COLUMNS.put(DataFile.COURSE_MARKS, List.of("student_id", "school_id", "school_year", "term", "course_code"));
        COLUMNS.put(DataFile.STAFF, List.of("staff_id"));
        COLUMNS.put(DataFile.STAFF_ASSIGNMENTS, List.of("staff_id", "organization_id", "role", "begin_date"));
        COLUMNS.put(DataFile.STUDENT_STAFF, List.of("student_id", "staff_id", "relationship", "begin_date"));
        COLUMNS.put(DataFile.INTERVENTIONS, List.of("intervention_id"));
        COLUMNS.put(DataFile.INTERVENTION_PARTICIPANTS, List.of("intervention_id", "student_id", "begin_date"));
        COLUMNS.put(DataFile.MEETINGS, List.of("meeting_id"));
        COLUMNS.put(DataFile.AGENDA_ITEMS, List.of("meeting_id", "number"));
        COLUMNS.put(DataFile.ACTION_STEPS, List.of("action_step_id"));
        COLUMNS.put(DataFile.CONSENTS, List.of("consent_id"));
        COLUMNS.put(DataFile.AGREEMENTS, List.of("agreement_id", "version"));
    }

    /**
     * Checks that the values match the file's key columns in number and are not blank.
     *
     * @param file the file of the record
     * @param values the key columns' values, in the order of {@link #columns(DataFile)}
     */
    public RecordKey {
        Objects.requireNonNull(file, "file");
        values = List.copyOf(values);
        if (values.size() != COLUMNS.get(file).size()) {
            throw new IllegalArgumentException("a key of " + file.fileName() + " has the values of " + COLUMNS.get(file)
                    + "; " + values.size() + " value(s) were given");
        }
        for (String v : values) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("a key value of " + file.fileName() + " must not be blank");
            }
        }
    }

    /**
     * {@return the key of {@code file} with these values, in the order of {@link #columns(DataFile)}}
     *
     * @param file the file
     * @param values the key's values
     */
    public static RecordKey of(DataFile file, String... values) {
        return new RecordKey(file, List.of(values));
    }

    /**
     * {@return the key columns of {@code file}, in order}
     *
     * @param file the file
     */
    public static List<String> columns(DataFile file) {
        return COLUMNS.get(Objects.requireNonNull(file, "file"));
    }

    /**
     * The key of a record of the district data directory (one of the record types {@code DistrictDataBuilder} adds).
     *
     * @param record a record
     * @return its key
     * @throws IllegalArgumentException when {@code record} is of no record type of the directory
     */
    public static RecordKey of(Object record) {
        Objects.requireNonNull(record, "record");
        if (record instanceof AttendanceRecord a) {
            return of(DataFile.ATTENDANCE, a.studentId().value(), a.schoolId().value(), a.date().toString());
        } else if (record instanceof Enrollment e) {
            return of(DataFile.ENROLLMENTS, e.studentId().value(), e.schoolId().value(), e.entryDate().toString());
        } else if (record instanceof Consent c) {
            return of(DataFile.CONSENTS, c.id().value());
        } else if (record instanceof StudentStaffRelationship r) {
            return of(DataFile.STUDENT_STAFF, r.studentId().value(), r.staffId().value(), r.relationship().name(),
                    r.period().start().toString());
        } else if (record instanceof StaffAssignment a) {
            return of(DataFile.STAFF_ASSIGNMENTS, a.staffId().value(), a.organizationId().value(), a.role().name(),
                    a.period().start().toString());
        } else if (record instanceof Student s) {
            return of(DataFile.STUDENTS, s.id().value());
        } else if (record instanceof Staff s) {
            return of(DataFile.STAFF, s.id().value());
        } else if (record instanceof BehaviorIncident b) {
            return of(DataFile.BEHAVIOR, b.incidentId().value());
        } else if (record instanceof CourseMark m) {
            return of(DataFile.COURSE_MARKS, m.studentId().value(), m.schoolId().value(),
                    Integer.toString(m.schoolYear().endYear()), m.term(), m.courseCode());
        } else if (record instanceof StudentCharacteristic c) {
            return of(DataFile.STUDENT_CHARACTERISTICS, c.studentId().value(), c.characteristic().name(),
                    c.period().start().toString());
        } else if (record instanceof Diploma d) {
            return of(DataFile.DIPLOMAS, d.studentId().value(), d.schoolId().value(), d.awardDate().toString());
        } else if (record instanceof InterventionParticipant p) {
            return of(DataFile.INTERVENTION_PARTICIPANTS, p.interventionId().value(), p.studentId().value(),
                    p.period().start().toString());
        } else if (record instanceof Organization o) {
            return of(DataFile.ORGANIZATIONS, o.id().value());
        } else if (record instanceof School s) {
            return of(DataFile.SCHOOLS, s.id().value());
        } else if (record instanceof Partnership p) {
            return of(DataFile.PARTNERSHIPS, p.schoolId().value(), p.organizationId().value(),
                    Integer.toString(p.schoolYear().endYear()));
        } else if (record instanceof InstructionalDay d) {
            return of(DataFile.CALENDAR, d.schoolId().value(), d.date().toString());
        } else if (record instanceof Intervention i) {
            return of(DataFile.INTERVENTIONS, i.id().value());
        } else if (record instanceof org.communityschools.core.model.Meeting m) {
            return of(DataFile.MEETINGS, m.id().value());
        } else if (record instanceof org.communityschools.core.model.AgendaItem a) {
            return of(DataFile.AGENDA_ITEMS, a.meetingId().value(), Integer.toString(a.number()));
        } else if (record instanceof org.communityschools.core.model.ActionStep s) {
            return of(DataFile.ACTION_STEPS, s.id().value());
        } else if (record instanceof DataSharingAgreement a) {
            return of(DataFile.AGREEMENTS, a.id().value(), Integer.toString(a.version()));
        }
        throw new IllegalArgumentException("not a record of the district data directory: " + record.getClass().getName());
    }

    /** {@code attendance.csv[S1, K1, 2024-09-03]}: identifiers and dates only. */
    @Override
    public String toString() {
        return file.fileName() + values;
    }
}
