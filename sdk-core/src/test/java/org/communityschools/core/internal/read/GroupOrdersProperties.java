package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.testing.DomainArbitraries;

/**
 * Each written-out order of {@link GroupOrders} compares every pair of records (a record with itself included) as the
 * composed comparator it replaced ({@code Comparator.comparing(...).thenComparing(...)}, kept here as the oracle).
 */
class GroupOrdersProperties {

    @Property(tries = 100)
    void courseMarks(@ForAll("marks") List<CourseMark> xs) {
        same(xs, GroupOrders.COURSE_MARKS_OF_STUDENT, Comparator.comparing(CourseMark::schoolYear)
                .thenComparing(CourseMark::term).thenComparing(CourseMark::courseCode).thenComparing(CourseMark::schoolId));
    }

    @Property(tries = 100)
    void relationships(@ForAll("relationships") List<StudentStaffRelationship> xs) {
        same(xs, GroupOrders.RELATIONSHIPS_OF_STUDENT, Comparator.comparing((StudentStaffRelationship r) -> r.period().start())
                .thenComparing(StudentStaffRelationship::staffId).thenComparing(StudentStaffRelationship::relationship));
        same(xs, GroupOrders.RELATIONSHIPS_OF_STAFF, Comparator.comparing((StudentStaffRelationship r) -> r.period().start())
                .thenComparing(StudentStaffRelationship::studentId).thenComparing(StudentStaffRelationship::relationship));
    }

    @Property(tries = 100)
    void enrollments(@ForAll("enrollmentLists") List<Enrollment> xs) {
        same(xs, GroupOrders.ENROLLMENTS_AT_SCHOOL, Comparator.comparing(Enrollment::entryDate).thenComparing(Enrollment::studentId));
        same(xs, GroupOrders.ENROLLMENTS_OF_STUDENT,
                Comparator.comparing(Enrollment::entryDate).thenComparing(e -> e.schoolId().value()));
    }

    @Property(tries = 100)
    void studentRecords(@ForAll("characteristicLists") List<StudentCharacteristic> cs, @ForAll("diplomaLists") List<Diploma> ds,
                        @ForAll("incidentLists") List<BehaviorIncident> bs, @ForAll("participantLists") List<InterventionParticipant> ps,
                        @ForAll("consentLists") List<Consent> ks) {
        same(cs, GroupOrders.CHARACTERISTICS, Comparator.comparing((StudentCharacteristic c) -> c.period().start())
                .thenComparing(StudentCharacteristic::characteristic));
        same(ds, GroupOrders.DIPLOMAS, Comparator.comparing(Diploma::awardDate).thenComparing(Diploma::schoolId));
        same(bs, GroupOrders.INCIDENTS, Comparator.comparing(BehaviorIncident::date)
                .thenComparing(BehaviorIncident::incidentId, Comparator.comparing(IncidentId::value)));
        same(ps, GroupOrders.PARTICIPANTS, Comparator.comparing((InterventionParticipant p) -> p.period().start())
                .thenComparing(InterventionParticipant::interventionId));
        same(ks, GroupOrders.CONSENTS, Comparator.comparing(Consent::signedDate).thenComparing(Consent::id));
    }

    @Property(tries = 100)
    void assignments(@ForAll("assignmentLists") List<StaffAssignment> xs) {
        same(xs, GroupOrders.ASSIGNMENTS, Comparator.comparing((StaffAssignment a) -> a.period().start())
                .thenComparing(a -> a.organizationId().value()).thenComparing(StaffAssignment::role));
    }

    private static <T> void same(List<T> xs, Comparator<T> actual, Comparator<T> expected) {
        for (T a : xs) {
            for (T b : xs) {
                assertThat(Integer.signum(actual.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(expected.compare(a, b)));
            }
        }
    }

    @Provide
    Arbitrary<List<CourseMark>> marks() {
        return DomainArbitraries.courseMarks().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<StudentStaffRelationship>> relationships() {
        return DomainArbitraries.studentStaffRelationships().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Enrollment>> enrollmentLists() {
        return DomainArbitraries.enrollments().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<StudentCharacteristic>> characteristicLists() {
        return DomainArbitraries.studentCharacteristics().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Diploma>> diplomaLists() {
        return DomainArbitraries.diplomas().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<BehaviorIncident>> incidentLists() {
        return DomainArbitraries.behaviorIncidents().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<InterventionParticipant>> participantLists() {
        return DomainArbitraries.interventionParticipants().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Consent>> consentLists() {
        return DomainArbitraries.consents().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<StaffAssignment>> assignmentLists() {
        return DomainArbitraries.staffAssignments().list().ofMaxSize(8);
    }
}
