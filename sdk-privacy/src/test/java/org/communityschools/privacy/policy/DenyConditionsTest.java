package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.policy.Fixtures.*;

import java.time.Instant;
import org.communityschools.privacy.policy.Purpose;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.junit.jupiter.api.Test;

/** Each condition that denies, and that it denies at once, with its reason. */
class DenyConditionsTest {
    private static final Purpose SUPPORT = Purpose.of("student-support");
    private static final Purpose ADMINISTRATION = Purpose.of("school-administration");
    private static final AgreementId DSA = AgreementId.of("DSA-CBO001");

    private static DataSharingAgreement agreement(DataSharingAgreement a, AgreementStatus status, LocalDate end,
                                                  Set<StaffRole> roles) {
        return new DataSharingAgreement(a.id(), a.version(), status, a.disclosingOrganizationId(),
                a.recipientOrganizationId(), a.legalBasis(), a.purpose(), a.schoolIds(), a.schoolYears(),
                a.dataElements(), roles, a.effectiveDate(), end, a.signedDate(), a.signatories(), a.destructionDays(),
                a.redisclosureAllowed());
    }

    private static Decision csdWith(DistrictData data) {
        StudentId s = enrolledAt(data, COMMUNITY_SCHOOL, DAY, x -> !hasConsentInForce(data, x, DAY));
        return TinyCity.engine(data).decide(CSD, s, SUPPORT, TinyCity.noon(DAY));
    }

    @Test
    void endedAssignmentDeniesFromTheDayAfterItsLastDay() {
        LocalDate last = DAY.minusDays(5);
        DistrictData data = TinyCity.with(a -> a, c -> c, a -> a.staffId().equals(PRINCIPAL)
                ? new StaffAssignment(a.staffId(), a.organizationId(), a.role(), DateRange.closed(a.period().start(), last))
                : a, s -> s);
        PolicyEngine engine = TinyCity.engine(data);
        StudentId s = enrolledAt(data, COMMUNITY_SCHOOL, DAY, x -> data.enrollmentsOn(x, last).size() == 1);
        assertThat(engine.decide(PRINCIPAL, s, ADMINISTRATION, TinyCity.noon(last)).permitsAny()).isTrue();
        Decision after = engine.decide(PRINCIPAL, s, ADMINISTRATION, TinyCity.noon(last.plusDays(1)));
        assertThat(after.grants()).isEmpty();
        assertThat(after.denials()).allSatisfy(d -> assertThat(d.reason()).contains("no staff assignment in force"));
    }

    @Test
    void expiredAgreementDenies() {
        Decision d = csdWith(TinyCity.withAgreements(a -> a.id().equals(DSA)
                ? agreement(a, AgreementStatus.EXPIRED, a.endDate(), a.permittedRoles()) : a));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denialReasons(DataCategory.ATTENDANCE)).singleElement().asString().contains("is EXPIRED, not ACTIVE");
    }

    @Test
    void agreementPastItsEndDateDeniesEvenWhileMarkedActive() {
        Decision d = csdWith(TinyCity.withAgreements(a -> a.id().equals(DSA)
                ? agreement(a, AgreementStatus.ACTIVE, DAY.minusDays(1), a.permittedRoles()) : a));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denialReasons(DataCategory.ATTENDANCE)).singleElement().asString().contains("not in effect on " + DAY);
    }

    @Test
    void suspendedAgreementDenies() {
        Decision d = csdWith(TinyCity.withAgreements(a -> a.id().equals(DSA)
                ? agreement(a, AgreementStatus.SUSPENDED, a.endDate(), a.permittedRoles()) : a));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denialReasons(DataCategory.BEHAVIOR)).singleElement().asString().contains("SUSPENDED");
    }

    @Test
    void agreementThatDoesNotPermitTheRequestersRoleDenies() {
        Decision d = csdWith(TinyCity.withAgreements(a -> a.id().equals(DSA)
                ? agreement(a, a.status(), a.endDate(), EnumSet.of(StaffRole.SUCCESS_MENTOR)) : a));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denialReasons(DataCategory.ATTENDANCE)).singleElement().asString()
                .contains("does not permit the requester's role [COMMUNITY_SCHOOL_DIRECTOR]");
    }

    @Test
    void revokedConsentDeniesFromTheRevocationDate() {
        Consent c = revokedConsent(TinyCity.DATA, COMMUNITY_SCHOOL);
        LocalDate revoked = c.revokedDate().orElseThrow();
        PolicyEngine engine = TinyCity.engine(TinyCity.DATA);
        Decision before = engine.decide(CSD, c.studentId(), SUPPORT, TinyCity.noon(revoked.minusDays(1)));
        assertThat(before.grant(FieldPath.of("programs.homeless")).orElseThrow().consent()).contains(c.id());
        Decision after = engine.decide(CSD, c.studentId(), SUPPORT, TinyCity.noon(revoked));
        assertThat(after.permits("programs.homeless")).isFalse();
        assertThat(after.denialReason(FieldPath.of("programs.homeless")).orElseThrow())
                .contains("consent " + c.id() + " was revoked on " + revoked);
    }

    private static Policy directoryPolicy() {
        return Policy.builder().id("directory-test").version(1).purpose("family-outreach", "inviting families")
                .directoryFields("identity.name", "directory.gradeLevel")
                .rule(Rule.permit("directory-listing").roles(StaffRole.COMMUNITY_SCHOOL_DIRECTOR)
                        .relationship(Relationship.PARTNER_SCHOOL).basis(LegalBasis.DIRECTORY).purposes("family-outreach")
                        .fields("identity.name", "directory.gradeLevel").build())
                .build();
    }

    @Test
    void directoryOptOutDeniesDirectoryInformation() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        Purpose outreach = Purpose.of("family-outreach");
        PolicyEngine open = PolicyEngine.builder().policy(directoryPolicy()).districtData(TinyCity.DATA)
                .zone(TinyCity.ZONE).build();
        Decision allowed = open.decide(CSD, s, outreach, TinyCity.noon(DAY));
        assertThat(TinyCity.DATA.student(s).orElseThrow().directoryOptOut()).isFalse();
        assertThat(allowed.grant(FieldPath.of("identity.name")).orElseThrow().basis()).isEqualTo(LegalBasis.DIRECTORY);

        DistrictData optedOut = TinyCity.with(a -> a, c -> c, a -> a, st -> st.id().equals(s)
                ? new Student(st.id(), st.firstName(), st.lastName(), st.birthDate(), st.sex(), st.raceEthnicity(),
                st.ninthGradeCohort(), true) : st);
        Decision denied = PolicyEngine.builder().policy(directoryPolicy()).districtData(optedOut).zone(TinyCity.ZONE)
                .build().decide(CSD, s, outreach, TinyCity.noon(DAY));
        assertThat(denied.grants()).isEmpty();
        assertThat(denied.denialReasons(DataCategory.IDENTITY)).anySatisfy(r -> assertThat(r).contains("opted out"));
    }

    @Test
    void mealEligibilityNeedsItsOwnBasisNotAGeneralSchoolOfficialGrant() {
        Policy general = Policy.builder().id("general").version(1).purpose("school-administration", "running the school")
                .rule(Rule.permit("principal-everything").roles(StaffRole.PRINCIPAL)
                        .relationship(Relationship.ASSIGNED_SCHOOL).basis(LegalBasis.SCHOOL_OFFICIAL)
                        .purposes("school-administration").fields("ATTENDANCE", "MEAL_ELIGIBILITY", "SPECIAL_EDUCATION")
                        .build())
                .build();
        Decision d = PolicyEngine.builder().policy(general).districtData(TinyCity.DATA).zone(TinyCity.ZONE).build()
                .decide(PRINCIPAL, enrolledAt(COMMUNITY_SCHOOL), ADMINISTRATION, TinyCity.noon(DAY));
        assertThat(d.permits("attendance.records")).isTrue();
        assertThat(d.permits("mealEligibility.economicallyDisadvantaged")).isFalse();
        assertThat(d.denialReasons(DataCategory.MEAL_ELIGIBILITY)).singleElement().asString()
                .contains("National School Lunch Act");
        assertThat(d.permits("specialEducation.disability")).isFalse();
        assertThat(d.permits("specialEducation.section504")).as("a 504 plan is not IDEA").isTrue();
        assertThat(d.denialReason(FieldPath.of("specialEducation.disability")).orElseThrow()).contains("IDEA");
    }

    @Test
    void mealEligibilityIsGrantedWithAConsentThatCoversIt() {
        DistrictData data = TinyCity.with(a -> a, c -> new Consent(c.id(), c.studentId(), c.grantor(), c.recipientId(),
                c.purpose(), EnumSet.of(DataCategory.MEAL_ELIGIBILITY), c.signedDate(), c.authentication(),
                c.revokedDate()), a -> a, s -> s);
        StudentId s = enrolledAt(data, COMMUNITY_SCHOOL, DAY, x -> hasConsentInForce(data, x, DAY));
        Decision d = TinyCity.engine(data).decide(CSD, s, SUPPORT, TinyCity.noon(DAY));
        assertThat(d.grant(FieldPath.of("mealEligibility.economicallyDisadvantaged")).orElseThrow().basis())
                .isEqualTo(LegalBasis.CONSENT);
    }

    @Test
    void roleNoRuleNamesIsDeniedByDefault() {
        // the default policy's counselor rule serves student support and school administration, not instruction
        Decision d = TinyCity.engine(TinyCity.DATA).decide(COUNSELOR, enrolledAt(COMMUNITY_SCHOOL),
                Purpose.of("instruction"), TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denials()).allSatisfy(x -> assertThat(x.reason()).contains("default deny"));
    }

    @Test
    void unknownRequesterIsDenied() {
        Decision d = TinyCity.engine(TinyCity.DATA).decide(StaffId.of("NOBODY"), enrolledAt(COMMUNITY_SCHOOL), SUPPORT,
                TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
        assertThat(d.explanation()).contains("is not a staff member");
    }

    @Test
    void unknownStudentIsDenied() {
        Decision d = TinyCity.engine(TinyCity.DATA).decide(ADMIN, StudentId.of("S99999999"),
                Purpose.of("district-administration"), TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denials()).allSatisfy(x -> assertThat(x.reason()).contains("is not in the district data"));
    }

    @Test
    void undeclaredPurposeIsDenied() {
        Decision d = TinyCity.engine(TinyCity.DATA).decide(ADMIN, enrolledAt(COMMUNITY_SCHOOL), Purpose.of("marketing"),
                TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
        assertThat(d.explanation()).contains("purpose 'marketing' is not declared");
    }

    @Test
    void studentNotEnrolledOnTheDateIsDeniedToSchoolBasedRoles() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        LocalDate summer = LocalDate.of(2016, 7, 20);
        assertThat(TinyCity.DATA.enrollmentsOn(s, summer)).isEmpty();
        Decision d = TinyCity.engine(TinyCity.DATA).decide(PRINCIPAL, s, ADMINISTRATION, TinyCity.noon(summer));
        assertThat(d.grants()).isEmpty();
    }

    @Test
    void anErrorWhileEvaluatingDeniesEverything() {
        // school years end in 1900-2999: a request dated 3500 fails while evaluating, and the failure denies
        Instant far = java.time.LocalDate.of(3500, 1, 5).atStartOfDay(TinyCity.ZONE).toInstant();
        Decision d = TinyCity.engine(TinyCity.DATA).decide(ADMIN, enrolledAt(COMMUNITY_SCHOOL),
                Purpose.of("district-administration"), far);
        assertThat(d.grants()).isEmpty();
        assertThat(d.obligations()).isEmpty();
        assertThat(d.denials()).allSatisfy(x -> assertThat(x.reason()).contains("any error denies"));
    }

    @Test
    void decisionsAreImmutable() {
        Decision d = TinyCity.engine(TinyCity.DATA).decide(PRINCIPAL, enrolledAt(COMMUNITY_SCHOOL), ADMINISTRATION,
                TinyCity.noon(DAY));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.grants().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.obligations().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Optional.of(d.policyId())).contains("community-schools-default");
    }
}
