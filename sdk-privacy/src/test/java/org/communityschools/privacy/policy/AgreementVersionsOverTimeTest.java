package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.policy.Fixtures.enrolledAt;
import static org.communityschools.privacy.policy.Fixtures.hasConsentInForce;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worked example of an agreement that changes over time (an amendment, then a termination): each decision follows
 * the version in effect on its own date, never a later one.
 *
 * <p>Agreement DSA-CBO002 between the district and CBO002, whose community school director (SCH0004-CSD) works at
 * SCH0004 and, in school year 2017-18, at partner school SCH0005:
 * <ul>
 *   <li>v1 ACTIVE, term 2016-07-01 to 2019-06-30, covers SCH0004 and SCH0005;</li>
 *   <li>v2 ACTIVE from 2018-01-01 narrows the scope to SCH0004;</li>
 *   <li>v3 TERMINATED from 2018-03-01.</li>
 * </ul>
 * Expected, by hand: on 2017-12-31 v1 governs, so both students' attendance is granted; on 2018-01-01 and 2018-02-28
 * v2 governs, so the SCH0004 student's is granted and the SCH0005 student's is denied because SCH0005 is outside v2's
 * scope; from 2018-03-01 v3 governs and both are denied because v3 is TERMINATED.
 */
class AgreementVersionsOverTimeTest {
    private static final Purpose SUPPORT = Purpose.of("student-support");
    private static final AgreementId DSA = AgreementId.of("DSA-CBO002");
    private static final StaffId CSD = StaffId.of("SCH0004-CSD");
    private static final SchoolId SCH0004 = SchoolId.of("SCH0004");
    private static final SchoolId SCH0005 = SchoolId.of("SCH0005");
    private static final FieldPath ATTENDANCE = FieldPath.of("attendance.records");

    private static DistrictData data;
    private static PolicyEngine engine;
    private static StudentId atSch0004;
    private static StudentId atSch0005;

    private static DataSharingAgreement version(DataSharingAgreement a, int version, AgreementStatus status,
                                                Set<SchoolId> schools, LocalDate versionDate) {
        return new DataSharingAgreement(a.id(), version, status, a.disclosingOrganizationId(), a.recipientOrganizationId(),
                a.legalBasis(), a.purpose(), schools, Set.of(SchoolYear.of(2017), SchoolYear.of(2018), SchoolYear.of(2019)),
                a.dataElements(), a.permittedRoles(), LocalDate.of(2016, 7, 1), LocalDate.of(2019, 6, 30),
                versionDate.minusDays(10), a.signatories(), 90, false, versionDate);
    }

    @BeforeAll
    static void amendAndTerminate() {
        DataSharingAgreement generated = TinyCity.DATA.agreement(DSA).orElseThrow();
        data = TinyCity.withChanges(a -> a.id().equals(DSA), b -> {
            b.add(new Partnership(SCH0005, generated.recipientOrganizationId(), SchoolYear.of(2018), PartnershipRole.PARTNER));
            b.add(new StaffAssignment(CSD, SCH0005, StaffRole.COMMUNITY_SCHOOL_DIRECTOR,
                    DateRange.closed(LocalDate.of(2017, 7, 1), LocalDate.of(2018, 6, 30))));
            b.add(version(generated, 1, AgreementStatus.ACTIVE, Set.of(SCH0004, SCH0005), LocalDate.of(2016, 7, 1)));
            b.add(version(generated, 2, AgreementStatus.ACTIVE, Set.of(SCH0004), LocalDate.of(2018, 1, 1)));
            b.add(version(generated, 3, AgreementStatus.TERMINATED, Set.of(SCH0004), LocalDate.of(2018, 3, 1)));
        });
        engine = TinyCity.engine(data);
        LocalDate first = LocalDate.of(2017, 12, 31);
        LocalDate last = LocalDate.of(2018, 3, 1);
        atSch0004 = enrolledAt(data, SCH0004, first, s -> data.enrollmentsOn(s, last).size() == 1
                && !hasConsentInForce(data, s, first) && !hasConsentInForce(data, s, last));
        atSch0005 = enrolledAt(data, SCH0005, first, s -> data.enrollmentsOn(s, last).size() == 1
                && !hasConsentInForce(data, s, first) && !hasConsentInForce(data, s, last));
    }

    private static Decision decide(StudentId student, LocalDate date) {
        return engine.decide(CSD, student, SUPPORT, TinyCity.noon(date));
    }

    @Test
    void theVersionsAreChosenByTheirVersionEffectiveDate() {
        assertThat(data.agreementVersionOn(DSA, LocalDate.of(2016, 6, 30))).isEmpty();
        assertThat(List.of(LocalDate.of(2017, 12, 31), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 2, 28),
                LocalDate.of(2018, 3, 1))).map(d -> data.agreementVersionOn(DSA, d).orElseThrow().version())
                .containsExactly(1, 2, 2, 3);
    }

    @Test
    void theDayBeforeTheAmendmentFollowsVersionOneAtBothSchools() {
        for (StudentId s : List.of(atSch0004, atSch0005)) {
            Decision d = decide(s, LocalDate.of(2017, 12, 31));
            assertThat(d.grant(ATTENDANCE).orElseThrow().agreement()).contains(DSA);
        }
    }

    @Test
    void fromTheAmendmentTheSchoolItDropsIsDeniedAndTheOtherStillGranted() {
        for (LocalDate date : List.of(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 2, 28))) {
            assertThat(decide(atSch0004, date).grant(ATTENDANCE).orElseThrow().agreement()).contains(DSA);
            Decision denied = decide(atSch0005, date);
            assertThat(denied.permits(ATTENDANCE)).isFalse();
            assertThat(denied.denialReasons(DataCategory.ATTENDANCE)).anySatisfy(r -> assertThat(r)
                    .contains("school SCH0005 is not in the scope of agreement DSA-CBO002 v2"));
        }
    }

    @Test
    void fromTheTerminationBothAreDeniedNamingVersionThree() {
        for (StudentId s : List.of(atSch0004, atSch0005)) {
            Decision d = decide(s, LocalDate.of(2018, 3, 1));
            assertThat(d.permits(ATTENDANCE)).isFalse();
            assertThat(d.denialReasons(DataCategory.ATTENDANCE)).anySatisfy(r -> assertThat(r)
                    .contains("agreement DSA-CBO002 v3 is TERMINATED, not ACTIVE"));
        }
    }

    @Test
    void aTerminationDatedLaterDoesNotReachBackToAnEarlierDecision() {
        // the engine used to take the highest version whatever the date: v3 TERMINATED denied 2017-10-01 too
        Decision d = decide(atSch0004, LocalDate.of(2017, 10, 2));
        assertThat(d.grant(ATTENDANCE).orElseThrow().agreement()).contains(DSA);
    }

    @Test
    void theTerminationRaisesADestructionObligationFromItsDate() {
        assertThat(data.destructionsDue(LocalDate.of(2018, 2, 28))).noneMatch(o -> o.agreementId().equals(DSA));
        assertThat(data.destructionsDue(LocalDate.of(2018, 3, 1))).filteredOn(o -> o.agreementId().equals(DSA))
                .singleElement().satisfies(o -> {
                    assertThat(o.version()).isEqualTo(3);
                    assertThat(o.cause()).isEqualTo(AgreementStatus.TERMINATED);
                    assertThat(o.endedOn()).isEqualTo(LocalDate.of(2018, 3, 1));
                    assertThat(o.deadline()).isEqualTo(LocalDate.of(2018, 5, 30)); // 2018-03-01 + 90 days
                });
    }
}
