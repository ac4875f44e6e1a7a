package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.jspecify.annotations.Nullable;

/**
 * One request to {@link PolicyEngine#decide} and the district facts an evaluation of it reads, each looked up in the
 * district data at most once (the requester's assignments, agreements and relationships on the date, the student's
 * enrollments and consents). Filled by {@link Evaluation#run}; not thread-safe, used once.
 */
final class RequestFacts {
    final Policy policy;
    final DistrictData data;
    final PolicyIndex index;
    final StaffId requester;
    final StudentId student;
    final Purpose purpose;
    final Instant at;
    final LocalDate date;
    final SchoolYear year;

    @Nullable Staff staff;
    @Nullable Student studentRecord;
    List<StaffAssignment> assignments = List.of();
    List<Enrollment> enrollments = List.of();
    private @Nullable List<SchoolId> enrolledAt;
    private @Nullable List<StudentStaffRelationship> relationships;
    private @Nullable List<DataSharingAgreement> agreements;
    private @Nullable List<Consent> consents;

    RequestFacts(Policy policy, DistrictData data, PolicyIndex index, StaffId requester, StudentId student,
                 Purpose purpose, Instant at, LocalDate date) {
        this.policy = policy;
        this.data = data;
        this.index = index;
        this.requester = requester;
        this.student = student;
        this.purpose = purpose;
        this.at = at;
        this.date = date;
        this.year = SchoolYear.containing(date);
    }

    /** The school last asked for by {@link #school}, and what it found (null: not in the data). */
    private @Nullable SchoolId schoolAsked;
    private @Nullable School schoolFound;

    /** The school with id {@code s}, or null when it is not in the data (the last one asked is remembered). */
    @Nullable School school(SchoolId s) {
        if (!s.equals(schoolAsked)) {
            schoolFound = data.school(s).orElse(null);
            schoolAsked = s;
        }
        return schoolFound;
    }

    Staff staff() {
        Staff s = staff;
        if (s == null) {
            throw new IllegalStateException("no staff");
        }
        return s;
    }

    /**
     * The schools of the student's enrollments on the date, each once, in enrollment order (computed once; unmodifiable;
     * usually one school, two on a same-day transfer).
     */
    List<SchoolId> enrolledAt() {
        List<SchoolId> known = enrolledAt;
        if (known == null) {
            if (enrollments.size() == 1) {
                known = List.of(enrollments.get(0).schoolId());
            } else {
                List<SchoolId> out = new ArrayList<>(enrollments.size());
                for (Enrollment e : enrollments) {
                    if (!out.contains(e.schoolId())) {
                        out.add(e.schoolId());
                    }
                }
                known = List.copyOf(out);
            }
            enrolledAt = known;
        }
        return known;
    }

    /**
     * The requester's student-staff relationships with the student in force on the date, by begin date then type
     * (read once): the student's relationships, which are few, screened by the requester in the district's
     * relationship columns ({@link DistrictData#relationshipsOn(StaffId, StudentId, LocalDate)}), rather than the
     * requester's caseload on the date, which a mentor's or a teacher's can make long.
     */
    List<StudentStaffRelationship> relationshipsWithStudent() {
        List<StudentStaffRelationship> known = relationships;
        if (known == null) {
            known = data.relationshipsOn(requester, student, date);
            relationships = known;
        }
        return known;
    }

    /**
     * The versions of the requester's organization's agreements that govern on the date (read once): a later
     * amendment or termination never applies to the past.
     */
    List<DataSharingAgreement> agreements() {
        List<DataSharingAgreement> known = agreements;
        if (known == null) {
            known = data.agreementVersionsOn(staff().employerId(), date);
            agreements = known;
        }
        return known;
    }

    /** The student's consents (read once). */
    List<Consent> consents() {
        List<Consent> known = consents;
        if (known == null) {
            known = data.consentsOf(student);
            consents = known;
        }
        return known;
    }

    /** The requester's assignments on the date, as "ROLE at ORG", joined. */
    String describeAssignments() {
        List<String> out = new ArrayList<>();
        for (StaffAssignment a : assignments) {
            out.add(a.role() + " at " + a.organizationId().value());
        }
        return String.join(", ", out);
    }
}
