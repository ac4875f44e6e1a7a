package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.communityschools.core.model.AgreementHistory;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.Partnership;
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
 * Everything a {@code DistrictData} holds, with its indexes, built once by the loader. Immutable after construction
 * (the fields are only read), hence thread-safe.
 */
public final class DistrictIndex {
    public final IdTable<OrganizationId, Organization> organizations;
    public final IdTable<SchoolId, School> schools;
    public final List<Partnership> partnerships;
    /** Partnerships by {@link #schoolYearKey(int, SchoolYear)}. */
    public final Map<Long, List<Partnership>> partnershipsBySchoolYear;
    /** Partnered schools by {@link #schoolYearKey(int, SchoolYear)} of the organization's index. */
    public final Map<Long, List<SchoolId>> schoolsByOrganizationYear;
    public final IdTable<StudentId, Student> students;
    public final List<StudentCharacteristic> characteristics;
    public final Grouped<StudentCharacteristic> characteristicsByStudent;
    /** Sorted epoch days per school index; empty when the school has no calendar rows. */
    public final int[][] calendars;
    public final List<Enrollment> enrollments;
    public final Grouped<Enrollment> enrollmentsByStudent;
    public final Grouped<Enrollment> enrollmentsBySchool;
    public final List<Diploma> diplomas;
    public final Grouped<Diploma> diplomasByStudent;
    public final AttendanceColumns attendance;
    public final IdTable<IncidentId, BehaviorIncident> incidents;
    public final Grouped<BehaviorIncident> incidentsByStudent;
    public final List<CourseMark> courseMarks;
    public final Grouped<CourseMark> courseMarksByStudent;
    public final IdTable<StaffId, Staff> staff;
    public final List<StaffAssignment> assignments;
    public final Grouped<StaffAssignment> assignmentsByStaff;
    public final List<StudentStaffRelationship> relationships;
    public final Grouped<StudentStaffRelationship> relationshipsByStaff;
    public final Grouped<StudentStaffRelationship> relationshipsByStudent;
    public final IdTable<InterventionId, Intervention> interventions;
    public final List<InterventionParticipant> participants;
    public final Grouped<InterventionParticipant> participantsByStudent;
    public final IdTable<ConsentId, Consent> consents;
    public final Grouped<Consent> consentsByStudent;
    public final List<DataSharingAgreement> agreements;
    /** The versions of each agreement, by agreement id in id order. */
    public final Map<String, AgreementHistory> agreementHistories;
    /** The agreement histories of each recipient organization, in agreement id order. */
    public final Map<OrganizationId, List<AgreementHistory>> agreementHistoriesByRecipient;
    public final SortedSet<SchoolYear> schoolYears;
    /** The meetings, agenda items and action steps. */
    public final org.communityschools.core.data.MeetingRecords meetings;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public DistrictIndex(IdTable<OrganizationId, Organization> organizations, IdTable<SchoolId, School> schools,
                  List<Partnership> partnerships, Map<Long, List<Partnership>> partnershipsBySchoolYear,
                  Map<Long, List<SchoolId>> schoolsByOrganizationYear, IdTable<StudentId, Student> students,
                  List<StudentCharacteristic> characteristics, Grouped<StudentCharacteristic> characteristicsByStudent,
                  int[][] calendars, List<Enrollment> enrollments, Grouped<Enrollment> enrollmentsByStudent,
                  Grouped<Enrollment> enrollmentsBySchool, List<Diploma> diplomas, Grouped<Diploma> diplomasByStudent,
                  AttendanceColumns attendance, IdTable<IncidentId, BehaviorIncident> incidents,
                  Grouped<BehaviorIncident> incidentsByStudent, List<CourseMark> courseMarks,
                  Grouped<CourseMark> courseMarksByStudent, IdTable<StaffId, Staff> staff,
                  List<StaffAssignment> assignments, Grouped<StaffAssignment> assignmentsByStaff,
                  List<StudentStaffRelationship> relationships, Grouped<StudentStaffRelationship> relationshipsByStaff,
                  Grouped<StudentStaffRelationship> relationshipsByStudent,
                  IdTable<InterventionId, Intervention> interventions, List<InterventionParticipant> participants,
                  Grouped<InterventionParticipant> participantsByStudent, IdTable<ConsentId, Consent> consents,
                  Grouped<Consent> consentsByStudent, List<DataSharingAgreement> agreements,
                  Map<String, AgreementHistory> agreementHistories, SortedSet<SchoolYear> schoolYears,
                  org.communityschools.core.data.MeetingRecords meetings) {
        this.meetings = meetings;
        this.organizations = organizations;
        this.schools = schools;
        this.partnerships = partnerships;
        this.partnershipsBySchoolYear = partnershipsBySchoolYear;
        this.schoolsByOrganizationYear = schoolsByOrganizationYear;
        this.students = students;
        this.characteristics = characteristics;
        this.characteristicsByStudent = characteristicsByStudent;
        this.calendars = calendars;
        this.enrollments = enrollments;
        this.enrollmentsByStudent = enrollmentsByStudent;
        this.enrollmentsBySchool = enrollmentsBySchool;
        this.diplomas = diplomas;
        this.diplomasByStudent = diplomasByStudent;
        this.attendance = attendance;
        this.incidents = incidents;
        this.incidentsByStudent = incidentsByStudent;
        this.courseMarks = courseMarks;
        this.courseMarksByStudent = courseMarksByStudent;
        this.staff = staff;
        this.assignments = assignments;
        this.assignmentsByStaff = assignmentsByStaff;
        this.relationships = relationships;
        this.relationshipsByStaff = relationshipsByStaff;
        this.relationshipsByStudent = relationshipsByStudent;
        this.interventions = interventions;
        this.participants = participants;
        this.participantsByStudent = participantsByStudent;
        this.consents = consents;
        this.consentsByStudent = consentsByStudent;
        this.agreements = agreements;
        this.agreementHistories = agreementHistories;
        this.agreementHistoriesByRecipient = byRecipient(agreementHistories);
        this.schoolYears = schoolYears;
    }

    /** The last histories grouped by recipient, with the map they were grouped from (one immutable pair). */
    private record ByRecipient(Map<String, AgreementHistory> histories, Map<OrganizationId, List<AgreementHistory>> grouped) {}

    private static volatile ByRecipient lastByRecipient;

    /**
     * The histories by recipient organization. The versions of a live district share one histories map until an
     * agreement changes, so the grouping of the last map seen is reused for the same map (by identity): a batch of
     * attendance or consents then costs nothing here.
     */
    private static Map<OrganizationId, List<AgreementHistory>> byRecipient(Map<String, AgreementHistory> histories) {
        if (histories.isEmpty()) {
            return Map.of();
        }
        ByRecipient last = lastByRecipient;
        if (last != null && last.histories() == histories) {
            return last.grouped();
        }
        Map<OrganizationId, List<AgreementHistory>> byRecipient = new HashMap<>();
        for (AgreementHistory h : histories.values()) {
            byRecipient.computeIfAbsent(h.recipientOrganizationId(), k -> new ArrayList<>()).add(h);
        }
        byRecipient.replaceAll((k, v) -> List.copyOf(v));
        Map<OrganizationId, List<AgreementHistory>> grouped = Map.copyOf(byRecipient);
        lastByRecipient = new ByRecipient(histories, grouped);
        return grouped;
    }

    /** A map key for an index and a school year. */
    public static long schoolYearKey(int index, SchoolYear year) {
        return ((long) index << 16) | year.endYear();
    }
}
