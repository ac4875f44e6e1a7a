package org.communityschools.core.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.index.RelationshipColumns;
import org.communityschools.core.model.AgreementHistory;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DestructionObligation;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * A district's data in memory, validated by the rules of the district data directory (each record's own and Jakarta
 * Validation rules, and the cross-record rules of docs/data-directory-rules.md) and indexed once, so that every lookup below is O(1) or O(log n) without scanning:
 * a student's enrollments on a date, a school's partners in a year, a staff member's assignments and relationships
 * at an instant, a school's instructional calendar. Attendance is held in a compact {@link AttendanceTable}.
 * Identifiers are canonical: every record of a student shares one {@link StudentId} instance.
 *
 * <p>Obtained from {@link DistrictDataReader#read(java.nio.file.Path)}, built in code with {@link #builder()}, or as a
 * version of a {@link org.communityschools.core.live.LiveDistrict} (which shares with the version before it what a batch
 * of changes does not change).
 * Immutable and thread-safe. Collections returned are unmodifiable.
 */
public final class DistrictData {
    /** The index and the calendars, package-private for {@link DistrictDataBridge} (the SDK's own access). */
    final DistrictIndex ix;
    private final AttendanceTable attendance;
    final Map<SchoolId, InstructionalCalendar> calendars;

    static {
        DistrictDataBridge.install();
    }

    /** A version made by changes that left the schools and calendars as they were: shares the calendars. */
    DistrictData(DistrictIndex index, Map<SchoolId, InstructionalCalendar> calendars) {
        this.ix = index;
        this.attendance = new AttendanceTable(index.attendance, this);
        this.calendars = calendars;
    }

    DistrictData(DistrictIndex index) {
        this.ix = index;
        this.attendance = new AttendanceTable(index.attendance, this);
        Map<SchoolId, InstructionalCalendar> c = new LinkedHashMap<>();
        for (int s = 0; s < index.schools.size(); s++) {
            if (index.calendars[s].length > 0) {
                c.put(index.schools.id(s), new InstructionalCalendar(index.schools.id(s), index.calendars[s]));
            }
        }
        this.calendars = java.util.Collections.unmodifiableMap(c);
    }

    /**
     * {@return a builder for data assembled from records in code, checked by the reader's rules ({@link
     * DistrictDataBuilder})}
     */
    public static DistrictDataBuilder builder() {
        return new DistrictDataBuilder();
    }

    /** {@return data with nothing in it} */
    public static DistrictData empty() {
        return builder().build();
    }

    // ------------------------------------------------------------------ collections, in file order

    /** {@return the organizations (district and community organizations), in file order} */
    public List<Organization> organizations() {
        return ix.organizations.records();
    }

    /** {@return the schools, in file order} */
    public List<School> schools() {
        return ix.schools.records();
    }

    /** {@return the school–organization partnerships, in file order} */
    public List<Partnership> partnerships() {
        return ix.partnerships;
    }

    /** {@return the students, in file order} */
    public List<Student> students() {
        return ix.students.records();
    }

    /** {@return the student characteristics (English learner, disability, ...), in file order} */
    public List<StudentCharacteristic> studentCharacteristics() {
        return ix.characteristics;
    }

    /** {@return the instructional calendars of the schools that have calendar rows, in school order} */
    public Map<SchoolId, InstructionalCalendar> calendars() {
        return calendars;
    }

    /** {@return the enrollments, in file order} */
    public List<Enrollment> enrollments() {
        return ix.enrollments;
    }

    /** {@return the diplomas, in file order} */
    public List<Diploma> diplomas() {
        return ix.diplomas;
    }

    /** {@return the attendance rows, in the compact columnar store} */
    public AttendanceTable attendance() {
        return attendance;
    }

    /** {@return the behavior incidents, in file order} */
    public List<BehaviorIncident> behaviorIncidents() {
        return ix.incidents.records();
    }

    /** {@return the course marks, in file order} */
    public List<CourseMark> courseMarks() {
        return ix.courseMarks;
    }

    /** {@return the staff members, in file order} */
    public List<Staff> staff() {
        return ix.staff.records();
    }

    /** {@return the staff assignments, in file order} */
    public List<StaffAssignment> staffAssignments() {
        return ix.assignments;
    }

    /** {@return the student–staff relationships, in file order} */
    public List<StudentStaffRelationship> studentStaffRelationships() {
        return ix.relationships;
    }

    /** {@return the interventions, in file order} */
    public List<Intervention> interventions() {
        return ix.interventions.records();
    }

    /** {@return the intervention participants, in file order} */
    public List<InterventionParticipant> interventionParticipants() {
        return ix.participants;
    }

    /** {@return the consents, in file order} */
    public List<Consent> consents() {
        return ix.consents.records();
    }

    /** {@return the data-sharing agreements, every version, in file order} */
    public List<DataSharingAgreement> agreements() {
        return ix.agreements;
    }

    /**
     * {@return the school years that occur in the data (calendars, enrollments, attendance, partnerships, course
     * marks)}
     */
    public SortedSet<SchoolYear> schoolYears() {
        return ix.schoolYears;
    }

    // ------------------------------------------------------------------ lookups by id

    /**
     * {@return the student with this id}
     *
     * @param id the identifier
     */
    public Optional<Student> student(StudentId id) {
        int i = studentIndex(id);
        return i < 0 ? Optional.empty() : Optional.of(ix.students.record(i));
    }

    /**
     * {@return the school with this id}
     *
     * @param id the identifier
     */
    public Optional<School> school(SchoolId id) {
        int i = schoolIndex(id);
        return i < 0 ? Optional.empty() : Optional.of(ix.schools.record(i));
    }

    /**
     * {@return the staff member with this id}
     *
     * @param id the identifier
     */
    public Optional<Staff> staff(StaffId id) {
        int i = ix.staff.indexOf(Objects.requireNonNull(id, "id").value());
        return i < 0 ? Optional.empty() : Optional.of(ix.staff.record(i));
    }

    /**
     * {@return the organization with this id}
     *
     * @param id the identifier
     */
    public Optional<Organization> organization(OrganizationId id) {
        int i = ix.organizations.indexOf(Objects.requireNonNull(id, "id").value());
        return i < 0 ? Optional.empty() : Optional.of(ix.organizations.record(i));
    }

    /**
     * {@return the intervention with this id}
     *
     * @param id the identifier
     */
    public Optional<Intervention> intervention(InterventionId id) {
        int i = ix.interventions.indexOf(Objects.requireNonNull(id, "id").value());
        return i < 0 ? Optional.empty() : Optional.of(ix.interventions.record(i));
    }

    /**
     * The version of the agreement with this id that has the highest number, whether or not it has taken effect. A
     * decision on a given day follows {@link #agreementVersionOn(AgreementId, LocalDate)} instead.
     *
     * @param id the agreement's id
     * @return the latest version, if the agreement is known
     */
    public Optional<DataSharingAgreement> agreement(AgreementId id) {
        return agreementHistory(id).map(AgreementHistory::latest);
    }

    // ------------------------------------------------------------------ agreements over time

    /**
     * {@return every version of the agreement with this id}
     *
     * @param id the identifier
     */
    public Optional<AgreementHistory> agreementHistory(AgreementId id) {
        return Optional.ofNullable(ix.agreementHistories.get(Objects.requireNonNull(id, "id").value()));
    }

    /** {@return the history of every agreement, in agreement id order} */
    public List<AgreementHistory> agreementHistories() {
        return List.copyOf(ix.agreementHistories.values());
    }

    /**
     * The agreements with {@code recipient} as they stand on {@code date}: for each agreement id, the version that
     * governs on that day ({@link AgreementHistory#versionOn(LocalDate)}), in agreement id order. An agreement none of
     * whose versions has taken effect is left out. The versions are returned whatever their status and term: whether
     * one permits a disclosure is the caller's decision. This is the one query by which the SDK chooses the agreement
     * versions a decision follows, so that no later version applies to an earlier day.
     *
     * @param recipient the recipient organization
     * @param date the day
     * @return the governing version of each agreement with the recipient
     */
    public List<DataSharingAgreement> agreementVersionsOn(OrganizationId recipient, LocalDate date) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(date, "date");
        List<AgreementHistory> histories = ix.agreementHistoriesByRecipient.getOrDefault(recipient, List.of());
        List<DataSharingAgreement> out = new ArrayList<>(histories.size());
        for (AgreementHistory h : histories) {
            h.versionOn(date).ifPresent(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@return the version of the agreement with this id that governs on {@code date}, as in {@link
     * #agreementVersionsOn}}
     *
     * @param id the agreement's id
     * @param date the day
     */
    public Optional<DataSharingAgreement> agreementVersionOn(AgreementId id, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return agreementHistory(id).flatMap(h -> h.versionOn(date));
    }

    /**
     * The destruction obligations of the agreements that have ended by {@code asOf}, in agreement id order: due when
     * the deadline is on or after {@code asOf}, overdue after it ({@link DestructionObligation#isOverdueOn(LocalDate)}).
     *
     * @param asOf the day
     * @return the obligations, in agreement id order
     */
    public List<DestructionObligation> destructionsDue(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<DestructionObligation> out = new ArrayList<>();
        for (AgreementHistory h : ix.agreementHistories.values()) {
            h.destructionOn(asOf).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ dense indexes

    /**
     * {@return the dense index (0 to students - 1, file order) of a student, or -1 when unknown}
     *
     * @param id the student
     */
    public int studentIndex(StudentId id) {
        return ix.students.indexOf(Objects.requireNonNull(id, "id").value());
    }

    /**
     * {@return the student at a dense index}
     *
     * @param index from 0 to the number of students - 1
     */
    public StudentId studentAt(int index) {
        return ix.students.id(Objects.checkIndex(index, ix.students.size()));
    }

    /**
     * {@return the dense index (0 to schools - 1, file order) of a school, or -1 when unknown}
     *
     * @param id the school
     */
    public int schoolIndex(SchoolId id) {
        return ix.schools.indexOf(Objects.requireNonNull(id, "id").value());
    }

    /**
     * {@return the school at a dense index}
     *
     * @param index from 0 to the number of schools - 1
     */
    public SchoolId schoolAt(int index) {
        return ix.schools.id(Objects.checkIndex(index, ix.schools.size()));
    }

    // ------------------------------------------------------------------ enrollments

    /**
     * {@return the student's enrollments, by entry date}
     *
     * @param student the student
     */
    public List<Enrollment> enrollmentsOf(StudentId student) {
        return ix.enrollmentsByStudent.get(studentIndex(student));
    }

    /**
     * {@return the student's enrollments that include {@code date} (usually one; two on a same-day transfer)}
     *
     * @param student the student
     * @param date the day
     */
    public List<Enrollment> enrollmentsOn(StudentId student, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return ix.enrollmentsByStudent.matching(studentIndex(student), (e, d) -> e.isEnrolledOn(d), date);
    }

    /**
     * {@return the enrollments at a school, by entry date then student}
     *
     * @param school the school
     */
    public List<Enrollment> enrollmentsAt(SchoolId school) {
        return ix.enrollmentsBySchool.get(schoolIndex(school));
    }

    // ------------------------------------------------------------------ partnerships

    /**
     * {@return the school's partnerships in a school year, the LEAD first}
     *
     * @param school the school
     * @param year the school year
     */
    public List<Partnership> partnershipsOf(SchoolId school, SchoolYear year) {
        Objects.requireNonNull(year, "year");
        int s = schoolIndex(school);
        return s < 0 ? List.of() : ix.partnershipsBySchoolYear.getOrDefault(DistrictIndex.schoolYearKey(s, year), List.of());
    }

    /**
     * {@return the school's lead community organization in a school year}
     *
     * @param school the school
     * @param year the school year
     */
    public Optional<OrganizationId> leadPartner(SchoolId school, SchoolYear year) {
        for (Partnership p : partnershipsOf(school, year)) {
            if (p.role() == PartnershipRole.LEAD) {
                return Optional.of(p.organizationId());
            }
        }
        return Optional.empty();
    }

    /**
     * {@return whether the school is a community school in that year: it has a LEAD partner then}
     *
     * @param school the school
     * @param year the school year
     */
    public boolean isCommunitySchool(SchoolId school, SchoolYear year) {
        return leadPartner(school, year).isPresent();
    }

    /**
     * {@return the schools the organization partners with (as lead or partner) in a school year, sorted}
     *
     * @param organization the organization
     * @param year the school year
     */
    public List<SchoolId> schoolsPartneredWith(OrganizationId organization, SchoolYear year) {
        Objects.requireNonNull(year, "year");
        int o = ix.organizations.indexOf(Objects.requireNonNull(organization, "organization").value());
        return o < 0 ? List.of() : ix.schoolsByOrganizationYear.getOrDefault(DistrictIndex.schoolYearKey(o, year), List.of());
    }

    // ------------------------------------------------------------------ staff

    /**
     * {@return the staff member's assignments, by begin date}
     *
     * @param staff the staff member
     */
    public List<StaffAssignment> assignmentsOf(StaffId staff) {
        return ix.assignmentsByStaff.get(staffIndex(staff));
    }

    /**
     * {@return the staff member's assignments in force on {@code date}}
     *
     * @param staff the staff member
     * @param date the day
     */
    public List<StaffAssignment> assignmentsOn(StaffId staff, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return ix.assignmentsByStaff.matching(staffIndex(staff), (a, d) -> a.period().contains(d), date);
    }

    /**
     * {@return the staff member's relationships with students, by begin date}
     *
     * @param staff the staff member
     */
    public List<StudentStaffRelationship> relationshipsOfStaff(StaffId staff) {
        return ix.relationshipsByStaff.get(staffIndex(staff));
    }

    /**
     * {@return the student's relationships with staff, by begin date}
     *
     * @param student the student
     */
    public List<StudentStaffRelationship> relationshipsOfStudent(StudentId student) {
        return ix.relationshipsByStudent.get(studentIndex(student));
    }

    /**
     * {@return the staff member's relationships with students in force on {@code date}}
     *
     * @param staff the staff member
     * @param date the day
     */
    public List<StudentStaffRelationship> relationshipsOn(StaffId staff, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return ix.relationshipsByStaff.matching(staffIndex(staff), (r, d) -> r.period().contains(d), date);
    }

    /**
     * {@return the staff member's relationships with the student in force on {@code date}, by begin date then type:
     * {@link #relationshipsOfStudent} filtered, without building the student's other relationships}
     *
     * @param staff the staff member
     * @param student the student
     * @param date the day
     */
    public List<StudentStaffRelationship> relationshipsOn(StaffId staff, StudentId student, LocalDate date) {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(date, "date");
        return RelationshipColumns.withStaffOn(ix.relationshipsByStudent, studentIndex(student), staff, date);
    }

    private int staffIndex(StaffId staff) {
        return ix.staff.indexOf(Objects.requireNonNull(staff, "staff").value());
    }

    // ------------------------------------------------------------------ per student

    /**
     * {@return the student's characteristics, by begin date}
     *
     * @param student the student
     */
    public List<StudentCharacteristic> characteristicsOf(StudentId student) {
        return ix.characteristicsByStudent.get(studentIndex(student));
    }

    /**
     * {@return the student's behavior incidents, by date}
     *
     * @param student the student
     */
    public List<BehaviorIncident> incidentsOf(StudentId student) {
        return ix.incidentsByStudent.get(studentIndex(student));
    }

    /**
     * {@return the student's course marks, by school year, term and course}
     *
     * @param student the student
     */
    public List<CourseMark> courseMarksOf(StudentId student) {
        return ix.courseMarksByStudent.get(studentIndex(student));
    }

    /**
     * {@return the student's diplomas, by award date}
     *
     * @param student the student
     */
    public List<Diploma> diplomasOf(StudentId student) {
        return ix.diplomasByStudent.get(studentIndex(student));
    }

    /** {@return the school teams' meetings with their agenda items and action steps (docs/meetings.md)} */
    public MeetingRecords meetings() {
        return ix.meetings;
    }

    /**
     * {@return the consents given for the student, by signed date}
     *
     * @param student the student
     */
    public List<Consent> consentsOf(StudentId student) {
        return ix.consentsByStudent.get(studentIndex(student));
    }

    /**
     * {@return the student's intervention participations, by begin date}
     *
     * @param student the student
     */
    public List<InterventionParticipant> participantsOf(StudentId student) {
        return ix.participantsByStudent.get(studentIndex(student));
    }

    // ------------------------------------------------------------------ calendars

    /**
     * {@return the school's instructional calendar; empty when the school has no calendar rows or is unknown}
     *
     * @param school the school
     */
    public InstructionalCalendar calendar(SchoolId school) {
        InstructionalCalendar c = calendars.get(Objects.requireNonNull(school, "school"));
        return c != null ? c : new InstructionalCalendar(school, new int[0]);
    }

    @Override
    public String toString() {
        return "DistrictData[" + ix.organizations.size() + " organizations, " + ix.schools.size() + " schools, "
                + ix.students.size() + " students, " + ix.enrollments.size() + " enrollments, " + attendance.size()
                + " attendance rows]";
    }

    /** For the reader: wraps an index built by the loader. */
    static DistrictData of(DistrictIndex index) {
        return new DistrictData(index);
    }
}
