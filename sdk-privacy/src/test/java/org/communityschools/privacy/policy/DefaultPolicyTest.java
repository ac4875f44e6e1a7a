package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.policy.Fixtures.*;

import java.util.List;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.Sensitivity;
import org.junit.jupiter.api.Test;

/** One test per row of the default policy (docs/privacy-policy.md), on the synthetic tiny city. */
class DefaultPolicyTest {
    private static final PolicyEngine ENGINE = TinyCity.engine(TinyCity.DATA);
    private static final Purpose ADMINISTRATION = Purpose.of("school-administration");
    private static final Purpose SUPPORT = Purpose.of("student-support");
    private static final Purpose INSTRUCTION = Purpose.of("instruction");

    private static Set<DataCategory> categories(DataCategory... cs) {
        return Set.of(cs);
    }

    @Test
    void defaultPolicyLoadsWithItsIdAndVersion() {
        Policy p = Policies.defaultPolicy();
        assertThat(p.id()).isEqualTo("community-schools-default");
        assertThat(p.version()).isEqualTo(3);
        assertThat(p.rules()).extracting(Rule::id).contains("principal-school", "teacher-roster", "csd-partner-school",
                "mentor-caseload", "district-admin", "researcher-no-records");
    }

    @Test
    void principalSeesOwnSchoolStudentsAllCategoriesButHealthAndCaseNotes() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        Decision d = ENGINE.decide(PRINCIPAL, s, ADMINISTRATION, TinyCity.noon(DAY));
        assertThat(d.permittedCategories()).isEqualTo(categories(DataCategory.IDENTITY, DataCategory.DIRECTORY,
                DataCategory.CONTACT, DataCategory.DEMOGRAPHICS, DataCategory.ATTENDANCE, DataCategory.BEHAVIOR,
                DataCategory.COURSEWORK, DataCategory.ASSESSMENT, DataCategory.PROGRAMS, DataCategory.SPECIAL_EDUCATION,
                DataCategory.MEAL_ELIGIBILITY, DataCategory.INTERVENTIONS, DataCategory.MEETINGS));
        assertThat(d.obligations()).as("meeting notes only of meetings the principal took part in")
                .contains(new Obligation.RestrictRows(FieldPath.of("meetings.notes"), RowFilter.MEETING_PARTICIPANT));
        assertThat(d.denialReasons(DataCategory.HEALTH)).singleElement().asString().contains("default deny");
        assertThat(d.permits("behavior.incidents.description")).isFalse();
        assertThat(d.grant(FieldPath.of("specialEducation.disability")).orElseThrow().ruleId())
                .isEqualTo("principal-special-education");
        assertThat(d.grant(FieldPath.of("identity.name")).orElseThrow().basis()).isEqualTo(LegalBasis.SCHOOL_OFFICIAL);
    }

    @Test
    void principalSeesNothingOfAnotherSchoolsStudent() {
        Decision d = ENGINE.decide(PRINCIPAL, enrolledAt(OTHER_SCHOOL), ADMINISTRATION, TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
        assertThat(d.explanation()).contains("'principal-school' does not apply");
    }

    @Test
    void teacherSeesRosteredStudentsInstructionalRecordsOnly() {
        StudentStaffRelationship r = TinyCity.DATA.studentStaffRelationships().stream()
                .filter(x -> x.relationship() == RelationshipType.TEACHER_OF && x.period().contains(DAY)).findFirst()
                .orElseThrow();
        Decision d = ENGINE.decide(r.staffId(), r.studentId(), INSTRUCTION, TinyCity.noon(DAY));
        assertThat(d.permittedCategories()).isEqualTo(categories(DataCategory.IDENTITY, DataCategory.DIRECTORY,
                DataCategory.ATTENDANCE, DataCategory.BEHAVIOR, DataCategory.COURSEWORK, DataCategory.PROGRAMS,
                DataCategory.MEETINGS));
        assertThat(d.permits("meetings.actionSteps")).as("the steps about the class").isTrue();
        assertThat(d.grantsOf(FieldPath.of("directory.gradeLevel"))).singleElement()
                .satisfies(g -> assertThat(g.basis()).as("directory information, 34 CFR 99.37").isEqualTo(LegalBasis.DIRECTORY));
        assertThat(d.permits("programs.englishLearner")).isTrue();
        assertThat(d.permits("programs.homeless")).isFalse();
        assertThat(d.permits("coursework.diplomas")).as("an IEP diploma reveals a disability (IDEA)").isFalse();
        assertThat(d.denialReason(FieldPath.of("coursework.diplomas")).orElseThrow()).contains("IDEA");
        assertThat(d.grants()).allSatisfy(g -> assertThat(g.ruleId()).isIn("teacher-roster", "directory-roster"));
    }

    @Test
    void teacherSeesNothingOfAStudentOffTheirRoster() {
        StudentStaffRelationship r = TinyCity.DATA.studentStaffRelationships().stream()
                .filter(x -> x.relationship() == RelationshipType.TEACHER_OF && x.period().contains(DAY)).findFirst()
                .orElseThrow();
        StudentId other = enrolledAt(TinyCity.DATA, TinyCity.DATA.enrollmentsOn(r.studentId(), DAY).get(0).schoolId(), DAY,
                s -> TinyCity.DATA.relationshipsOfStudent(s).stream().noneMatch(x -> x.staffId().equals(r.staffId())));
        Decision d = ENGINE.decide(r.staffId(), other, INSTRUCTION, TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
    }

    @Test
    void communitySchoolDirectorSeesTheAgreementCategoriesOfThePartneredSchool() {
        // the tiny city's CBO agreement lists IDENTITY, ATTENDANCE, BEHAVIOR, COURSEWORK and INTERVENTIONS: the default policy's row
        StudentId s = enrolledAt(TinyCity.DATA, COMMUNITY_SCHOOL, DAY, x -> !hasConsentInForce(TinyCity.DATA, x, DAY));
        Decision d = ENGINE.decide(CSD, s, SUPPORT, TinyCity.noon(DAY));
        assertThat(d.permittedCategories()).isEqualTo(categories(DataCategory.IDENTITY, DataCategory.ATTENDANCE,
                DataCategory.BEHAVIOR, DataCategory.COURSEWORK, DataCategory.INTERVENTIONS));
        assertThat(d.grants()).allSatisfy(g -> {
            assertThat(g.agreement()).contains(AgreementId.of("DSA-CBO001"));
            assertThat(g.ruleId()).isEqualTo("csd-partner-school");
        });
        assertThat(d.permits("demographics.birthDate")).isFalse();
        assertThat(d.permits("behavior.incidents.description")).as("free text is CASE_NOTES").isFalse();
        assertThat(d.obligations()).contains(new Obligation.MaskField(FieldPath.of("attendance.records.reason"),
                MaskTransform.REMOVE));
        assertThat(d.permits("coursework.diplomas")).isFalse();
    }

    @Test
    void communitySchoolDirectorSeesOnlyWhatANarrowerAgreementLists() {
        DistrictData data = TinyCity.withAgreements(a -> a.id().equals(AgreementId.of("DSA-CBO001"))
                ? withElements(a, Set.of("ATTENDANCE", "BEHAVIOR", "COURSEWORK")) : a);
        StudentId s = enrolledAt(data, COMMUNITY_SCHOOL, DAY, x -> !hasConsentInForce(data, x, DAY));
        Decision d = TinyCity.engine(data).decide(CSD, s, SUPPORT, TinyCity.noon(DAY));
        assertThat(d.permittedCategories()).isEqualTo(categories(DataCategory.ATTENDANCE, DataCategory.BEHAVIOR,
                DataCategory.COURSEWORK));
        assertThat(d.denialReasons(DataCategory.IDENTITY)).anySatisfy(r -> assertThat(r).contains("lists neither"));
    }

    @Test
    void communitySchoolDirectorSeesMoreOnlyWithConsent() {
        StudentId s = enrolledAt(TinyCity.DATA, COMMUNITY_SCHOOL, DAY, x -> hasConsentInForce(TinyCity.DATA, x, DAY));
        Decision d = ENGINE.decide(CSD, s, SUPPORT, TinyCity.noon(DAY));
        // consents of the tiny city cover ATTENDANCE, COURSEWORK, PROGRAMS, INTERVENTIONS
        assertThat(d.permittedCategories()).contains(DataCategory.PROGRAMS, DataCategory.INTERVENTIONS);
        Grant programs = d.grant(FieldPath.of("programs.homeless")).orElseThrow();
        assertThat(programs.basis()).isEqualTo(LegalBasis.CONSENT);
        assertThat(programs.ruleId()).isEqualTo("csd-consent");
        assertThat(programs.consent()).isPresent();
        assertThat(d.obligations()).filteredOn(o -> o instanceof Obligation.RecordDisclosure)
                .extracting(o -> ((Obligation.RecordDisclosure) o).disclosure().legalBasis())
                .containsExactlyInAnyOrder(LegalBasis.SCHOOL_OFFICIAL, LegalBasis.CONSENT);
    }

    @Test
    void communitySchoolDirectorSeesNothingOfANonPartneredSchool() {
        Decision d = ENGINE.decide(CSD, enrolledAt(OTHER_SCHOOL), SUPPORT, TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
    }

    @Test
    void successMentorEmployedByTheDistrictSeesMenteeIdentityAttendanceAndInterventions() {
        StudentStaffRelationship r = relationship(DISTRICT_MENTOR, RelationshipType.MENTOR_OF);
        Decision d = ENGINE.decide(DISTRICT_MENTOR, r.studentId(), SUPPORT, TinyCity.noon(during(r)));
        assertThat(d.permittedFields()).extracting(FieldPath::value).containsExactlyInAnyOrder("identity.studentId",
                "identity.name", "attendance.records", "attendance.records.reason", "attendance.summary",
                "interventions.participation", "interventions.participation.goal", "meetings.actionSteps",
                "meetings.notes");
        assertThat(d.obligations()).contains(new Obligation.RestrictRows(FieldPath.of("meetings.notes"),
                RowFilter.MEETING_PARTICIPANT));
        assertThat(d.obligations()).contains(new Obligation.MaskField(FieldPath.of("attendance.records.reason"),
                MaskTransform.REMOVE));
    }

    @Test
    void successMentorOfThePartnerSeesTheMentorRowUnderTheAgreement() {
        StudentStaffRelationship r = relationship(CBO_MENTOR, RelationshipType.MENTOR_OF);
        Decision d = ENGINE.decide(CBO_MENTOR, r.studentId(), SUPPORT, TinyCity.noon(during(r)));
        assertThat(d.permittedCategories()).isEqualTo(categories(DataCategory.IDENTITY, DataCategory.ATTENDANCE,
                DataCategory.INTERVENTIONS));
        assertThat(d.grants()).allSatisfy(g -> assertThat(g.agreement()).contains(AgreementId.of("DSA-CBO001")));
    }

    @Test
    void successMentorOfThePartnerIsLimitedByANarrowerAgreement() {
        DistrictData data = TinyCity.withAgreements(a -> a.id().equals(AgreementId.of("DSA-CBO001"))
                ? withElements(a, Set.of("ATTENDANCE", "BEHAVIOR", "COURSEWORK")) : a);
        StudentStaffRelationship r = data.relationshipsOfStaff(CBO_MENTOR).stream()
                .filter(x -> x.relationship() == RelationshipType.MENTOR_OF).findFirst().orElseThrow();
        Decision d = TinyCity.engine(data).decide(CBO_MENTOR, r.studentId(), SUPPORT, TinyCity.noon(during(r)));
        assertThat(d.permittedCategories()).isEqualTo(categories(DataCategory.ATTENDANCE));
        assertThat(d.grants()).allSatisfy(g -> assertThat(g.agreement()).contains(AgreementId.of("DSA-CBO001")));
    }

    @Test
    void successMentorSeesNothingOfAStudentNotMentored() {
        StudentId s = enrolledAt(TinyCity.DATA, COMMUNITY_SCHOOL, DAY, x -> TinyCity.DATA.relationshipsOfStudent(x)
                .stream().noneMatch(rel -> rel.staffId().equals(DISTRICT_MENTOR)));
        assertThat(ENGINE.decide(DISTRICT_MENTOR, s, SUPPORT, TinyCity.noon(DAY)).grants()).isEmpty();
    }

    @Test
    void districtAdministratorSeesEverythingAndEveryAccessIsRecorded() {
        StudentId s = enrolledAt(OTHER_SCHOOL);
        Decision d = ENGINE.decide(ADMIN, s, Purpose.of("district-administration"), TinyCity.noon(DAY));
        assertThat(d.permittedFields()).hasSize(FieldCatalog.defaultCatalog().fields().size());
        assertThat(d.denials()).isEmpty();
        assertThat(d.obligations()).filteredOn(o -> o instanceof Obligation.RecordDisclosure).singleElement()
                .satisfies(o -> assertThat(((Obligation.RecordDisclosure) o).disclosure().fields())
                        .hasSize(FieldCatalog.defaultCatalog().fields().size()));
    }

    @Test
    void districtAdministratorGetsNothingForAPurposeTheRuleDoesNotServe() {
        Decision d = ENGINE.decide(ADMIN, enrolledAt(OTHER_SCHOOL), INSTRUCTION, TinyCity.noon(DAY));
        assertThat(d.grants()).isEmpty();
    }

    @Test
    void researcherNeverSeesAnIdentifiedRecord() {
        for (String purpose : List.of("instruction", "student-support", "school-administration", "district-administration")) {
            Decision d = ENGINE.decide(RESEARCHER, enrolledAt(COMMUNITY_SCHOOL), Purpose.of(purpose), TinyCity.noon(DAY));
            assertThat(d.grants()).isEmpty();
            assertThat(d.denials()).allSatisfy(x -> assertThat(x.reason()).contains("researcher-no-records"));
        }
    }

    @Test
    void specialEducationAndMealFieldsAreGrantedOnlyByRulesThatNameTheirLaw() {
        for (Rule r : Policies.defaultPolicy().rules()) {
            if (r.effect() != Effect.PERMIT || r.basis().orElseThrow() == LegalBasis.CONSENT) {
                continue;
            }
            for (var f : FieldCatalog.defaultCatalog().resolve(r.fields())) {
                if (f.has(Sensitivity.MEAL_ELIGIBILITY_NSLA)) {
                    assertThat(r.authorizes()).as(r.id()).contains(Sensitivity.MEAL_ELIGIBILITY_NSLA);
                }
            }
        }
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        Decision support = ENGINE.decide(PRINCIPAL, s, SUPPORT, TinyCity.noon(DAY));
        assertThat(support.permits("mealEligibility.economicallyDisadvantaged"))
                .as("principal-meal-eligibility serves school-administration only").isFalse();
    }

    static DataSharingAgreement withElements(DataSharingAgreement a, Set<String> elements) {
        return new DataSharingAgreement(a.id(), a.version(), a.status(), a.disclosingOrganizationId(),
                a.recipientOrganizationId(), a.legalBasis(), a.purpose(), a.schoolIds(), a.schoolYears(), elements,
                a.permittedRoles(), a.effectiveDate(), a.endDate(), a.signedDate(), a.signatories(), a.destructionDays(),
                a.redisclosureAllowed());
    }
}
