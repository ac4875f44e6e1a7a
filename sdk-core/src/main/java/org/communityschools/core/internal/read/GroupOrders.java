package org.communityschools.core.internal.read;

import java.util.Comparator;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * The orders of the index groupings ({@link Assembler#finish}), each written out as its own comparator class rather
 * than composed with {@code Comparator.comparing(...).thenComparing(...)}: the composed comparators share a few
 * lambda classes, whose calls to the key extractors see every grouping's types, so the JIT compiled them (and the
 * sort inlining them) again for each grouping. Each order here compares what the composed one compared, in the same
 * sequence, with the same {@code compareTo} of each field.
 */
final class GroupOrders {
    private GroupOrders() {
    }

    /** A student's course marks: by school year, term, course code, then school. */
    static final Comparator<CourseMark> COURSE_MARKS_OF_STUDENT = (a, b) -> {
        int c = a.schoolYear().compareTo(b.schoolYear());
        if (c == 0) {
            c = a.term().compareTo(b.term());
        }
        if (c == 0) {
            c = a.courseCode().compareTo(b.courseCode());
        }
        return c != 0 ? c : a.schoolId().compareTo(b.schoolId());
    };

    /** A student's relationships: by start, staff member, then relationship. */
    static final Comparator<StudentStaffRelationship> RELATIONSHIPS_OF_STUDENT = (a, b) -> {
        int c = a.period().start().compareTo(b.period().start());
        if (c == 0) {
            c = a.staffId().compareTo(b.staffId());
        }
        return c != 0 ? c : a.relationship().compareTo(b.relationship());
    };

    /** A staff member's relationships: by start, student, then relationship. */
    static final Comparator<StudentStaffRelationship> RELATIONSHIPS_OF_STAFF = (a, b) -> {
        int c = a.period().start().compareTo(b.period().start());
        if (c == 0) {
            c = a.studentId().compareTo(b.studentId());
        }
        return c != 0 ? c : a.relationship().compareTo(b.relationship());
    };

    /** A school's enrollments: by entry date, then student. */
    static final Comparator<Enrollment> ENROLLMENTS_AT_SCHOOL = (a, b) -> {
        int c = a.entryDate().compareTo(b.entryDate());
        return c != 0 ? c : a.studentId().compareTo(b.studentId());
    };

    /** A student's enrollments: by entry date, then school id's text. */
    static final Comparator<Enrollment> ENROLLMENTS_OF_STUDENT = (a, b) -> {
        int c = a.entryDate().compareTo(b.entryDate());
        return c != 0 ? c : a.schoolId().value().compareTo(b.schoolId().value());
    };

    /** A student's characteristics: by start, then characteristic. */
    static final Comparator<StudentCharacteristic> CHARACTERISTICS = (a, b) -> {
        int c = a.period().start().compareTo(b.period().start());
        return c != 0 ? c : a.characteristic().compareTo(b.characteristic());
    };

    /** A student's diplomas: by award date, then school. */
    static final Comparator<Diploma> DIPLOMAS = (a, b) -> {
        int c = a.awardDate().compareTo(b.awardDate());
        return c != 0 ? c : a.schoolId().compareTo(b.schoolId());
    };

    /** A student's incidents: by date, then incident id's text. */
    static final Comparator<BehaviorIncident> INCIDENTS = (a, b) -> {
        int c = a.date().compareTo(b.date());
        return c != 0 ? c : a.incidentId().value().compareTo(b.incidentId().value());
    };

    /** A staff member's assignments: by start, organization id's text, then role. */
    static final Comparator<StaffAssignment> ASSIGNMENTS = (a, b) -> {
        int c = a.period().start().compareTo(b.period().start());
        if (c == 0) {
            c = a.organizationId().value().compareTo(b.organizationId().value());
        }
        return c != 0 ? c : a.role().compareTo(b.role());
    };

    /** A student's intervention participations: by start, then intervention. */
    static final Comparator<InterventionParticipant> PARTICIPANTS = (a, b) -> {
        int c = a.period().start().compareTo(b.period().start());
        return c != 0 ? c : a.interventionId().compareTo(b.interventionId());
    };

    /** A student's consents: by signed date, then consent id. */
    static final Comparator<Consent> CONSENTS = (a, b) -> {
        int c = a.signedDate().compareTo(b.signedDate());
        return c != 0 ? c : a.id().compareTo(b.id());
    };
}
