package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/** Finds people of the tiny city in the situations the tests need. */
final class Fixtures {
    /** A school day in school year 2016-17. */
    static final LocalDate DAY = LocalDate.of(2016, 10, 12);
    static final SchoolId COMMUNITY_SCHOOL = SchoolId.of("SCH0001");
    static final SchoolId OTHER_SCHOOL = SchoolId.of("SCH0002");
    static final StaffId PRINCIPAL = StaffId.of("SCH0001-P1");
    static final StaffId COUNSELOR = StaffId.of("SCH0001-C01");
    static final StaffId CSD = StaffId.of("SCH0001-CSD");
    static final StaffId CBO_MENTOR = StaffId.of("SCH0001-M01");
    static final StaffId DISTRICT_MENTOR = StaffId.of("SCH0001-M02");
    static final StaffId ADMIN = StaffId.of("DIST01-A01");
    static final StaffId RESEARCHER = StaffId.of("RES01-R01");

    private Fixtures() {}

    static StudentId enrolledAt(DistrictData d, SchoolId school, LocalDate date, Predicate<StudentId> filter) {
        return d.enrollments().stream()
                .filter(e -> e.schoolId().equals(school) && e.isEnrolledOn(date) && filter.test(e.studentId()))
                .map(e -> e.studentId()).findFirst()
                .orElseThrow(() -> new AssertionError("no such student at " + school + " on " + date));
    }

    static StudentId enrolledAt(SchoolId school) {
        return enrolledAt(TinyCity.DATA, school, DAY, s -> true);
    }

    static StudentStaffRelationship relationship(StaffId staff, RelationshipType type) {
        List<StudentStaffRelationship> rs = TinyCity.DATA.relationshipsOfStaff(staff);
        return rs.stream().filter(r -> r.relationship() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " of " + staff));
    }

    /** A date inside the relationship, a few days after it begins. */
    static LocalDate during(StudentStaffRelationship r) {
        return r.period().start().plusDays(2);
    }

    static boolean hasConsentInForce(DistrictData d, StudentId s, LocalDate date) {
        return d.consentsOf(s).stream().anyMatch(c -> c.isInForceOn(date));
    }

    static Consent revokedConsent(DistrictData d, SchoolId school) {
        return d.consents().stream().filter(c -> c.revokedDate().isPresent()
                        && d.enrollmentsOn(c.studentId(), c.revokedDate().get().plusDays(1)).stream()
                        .anyMatch(e -> e.schoolId().equals(school))
                        && d.enrollmentsOn(c.studentId(), c.revokedDate().get().minusDays(1)).stream()
                        .anyMatch(e -> e.schoolId().equals(school)))
                .findFirst().orElseThrow(() -> new AssertionError("no revoked consent at " + school));
    }
}
