package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The set-once builders of the wide input records (issue 20: a vendor building records from its own database): a
 * builder gives the same record as the canonical constructor, fills the documented defaults, refuses a setting given
 * twice or a bad value at once, and names the missing setter in {@code build()}.
 */
class ModelBuildersTest {
    private static final LocalDate EFFECTIVE = LocalDate.of(2017, 7, 1);
    private static final LocalDate END = LocalDate.of(2019, 6, 30);

    /** Every required setting of the agreement builder, by setter name. */
    private static final Map<String, Consumer<DataSharingAgreement.Builder>> AGREEMENT_REQUIRED = Map.ofEntries(
            Map.entry("id", b -> b.id(AgreementId.of("DSA-1"))),
            Map.entry("disclosingOrganizationId", b -> b.disclosingOrganizationId(OrganizationId.of("NYCDOE"))),
            Map.entry("recipientOrganizationId", b -> b.recipientOrganizationId(OrganizationId.of("CBO-7"))),
            Map.entry("legalBasis", b -> b.legalBasis(LegalBasis.SCHOOL_OFFICIAL)),
            Map.entry("purpose", b -> b.purpose("Support students")),
            Map.entry("schoolIds", b -> b.schoolIds(Set.of(SchoolId.of("01M015")))),
            Map.entry("schoolYears", b -> b.schoolYears(Set.of(SchoolYear.of(2018)))),
            Map.entry("dataElements", b -> b.dataElements(Set.of("ATTENDANCE", "coursework.marks"))),
            Map.entry("permittedRoles", b -> b.permittedRoles(Set.of(StaffRole.SUCCESS_MENTOR))),
            Map.entry("term", b -> b.term(EFFECTIVE, END)),
            Map.entry("signedDate", b -> b.signedDate(EFFECTIVE.minusDays(3))));

    private static DataSharingAgreement.Builder agreementWithout(String omitted) {
        DataSharingAgreement.Builder b = DataSharingAgreement.builder();
        AGREEMENT_REQUIRED.forEach((name, setter) -> {
            if (!name.equals(omitted)) {
                setter.accept(b);
            }
        });
        return b;
    }

    @Test
    void agreementBuilderEqualsTheCanonicalConstructorWithTheDocumentedDefaults() {
        DataSharingAgreement built = agreementWithout("").build();
        // defaults: version 1, ACTIVE, no signatories, 0 destruction days, no redisclosure, version effective = effective date
        DataSharingAgreement expected = new DataSharingAgreement(AgreementId.of("DSA-1"), 1, AgreementStatus.ACTIVE,
                OrganizationId.of("NYCDOE"), OrganizationId.of("CBO-7"), LegalBasis.SCHOOL_OFFICIAL, "Support students",
                Set.of(SchoolId.of("01M015")), Set.of(SchoolYear.of(2018)), Set.of("ATTENDANCE", "coursework.marks"),
                Set.of(StaffRole.SUCCESS_MENTOR), EFFECTIVE, END, EFFECTIVE.minusDays(3), List.of(), 0, false, EFFECTIVE);
        assertThat(built).isEqualTo(expected);
    }

    @Test
    void agreementBuilderSetsEveryOptionalSetting() {
        LocalDate amended = LocalDate.of(2018, 1, 2);
        DataSharingAgreement built = agreementWithout("").version(2).status(AgreementStatus.SUSPENDED)
                .signatories(List.of(new Signatory("A. Chief", "Chief Privacy Officer"))).destructionDays(45)
                .redisclosureAllowed(true).versionEffectiveDate(amended).build();
        assertThat(built.version()).isEqualTo(2);
        assertThat(built.status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(built.signatories()).extracting(Signatory::title).containsExactly("Chief Privacy Officer");
        assertThat(built.destructionDeadline()).isEqualTo(END.plusDays(45));
        assertThat(built.redisclosureAllowed()).isTrue();
        assertThat(built.versionEffectiveDate()).isEqualTo(amended);
    }

    @Property(tries = 50)
    void omittingAnyRequiredSettingNamesItsSetter(@ForAll("requiredAgreementSetting") String omitted) {
        assertThatThrownBy(() -> agreementWithout(omitted).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DataSharingAgreement.builder() needs " + omitted + "(…) before build()");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> requiredAgreementSetting() {
        return net.jqwik.api.Arbitraries.of(AGREEMENT_REQUIRED.keySet());
    }

    @Property(tries = 50)
    void aSettingIsSetOnce(@ForAll("requiredAgreementSetting") String setting) {
        DataSharingAgreement.Builder b = agreementWithout("");
        assertThatThrownBy(() -> AGREEMENT_REQUIRED.get(setting).accept(b))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(setting + " was already set; each setting of a builder is set once");
    }

    @Property(tries = 100)
    void destructionDaysOutsideTheRangeAreRefusedAtOnce(@ForAll @IntRange(min = -5000, max = 8000) int days) {
        DataSharingAgreement.Builder b = DataSharingAgreement.builder();
        if (days < 0 || days > 3650) {
            assertThatThrownBy(() -> b.destructionDays(days)).hasMessage("destructionDays must be 0 to 3650, was " + days);
        } else {
            assertThat(agreementWithout("").destructionDays(days).build().destructionDays()).isEqualTo(days);
        }
    }

    @Test
    void agreementBuilderChecksValuesAtOnceAndTheCombinationInBuild() {
        assertThatThrownBy(() -> DataSharingAgreement.builder().version(0)).hasMessage("version must be 1 or more, was 0");
        assertThatThrownBy(() -> DataSharingAgreement.builder().purpose("x".repeat(501)))
                .hasMessage("purpose must have at most 500 characters, was 501");
        assertThatThrownBy(() -> DataSharingAgreement.builder().schoolIds(Set.of())).hasMessage("schoolIds must not be empty");
        assertThatThrownBy(() -> DataSharingAgreement.builder().term(END, EFFECTIVE))
                .hasMessage("the end date must not be before the effective date: 2019-06-30 > 2017-07-01");
        // the combination: signed after the version takes effect is the record's own rule, checked in build()
        assertThatThrownBy(() -> agreementWithout("").versionEffectiveDate(EFFECTIVE.minusDays(10)).build())
                .hasMessageStartingWith("signed_date must not be after version_effective_date");
        assertThatThrownBy(() -> agreementWithout("dataElements").dataElements(Set.of("GOSSIP")).build())
                .hasMessage("data_elements names an unknown data category: 'GOSSIP'");
    }

    @Test
    void courseMarkBuilderEqualsTheCanonicalConstructor() {
        CourseMark built = CourseMark.builder().studentId(StudentId.of("S1")).schoolId(SchoolId.of("01M015"))
                .schoolYear(SchoolYear.of(2018)).term("S1").course("MXS21", "Geometry").subject(Subject.MATH)
                .numericMark(new BigDecimal("87.50")).letterMark("B+").result(CourseResult.PASS)
                .credits(new BigDecimal("1.0"), new BigDecimal("1")).termEndDate(LocalDate.of(2018, 1, 26)).build();
        CourseMark expected = new CourseMark(StudentId.of("S1"), SchoolId.of("01M015"), SchoolYear.of(2018), "S1", "MXS21",
                "Geometry", Subject.MATH, Optional.of(new BigDecimal("87.5")), Optional.of("B+"), CourseResult.PASS,
                BigDecimal.ONE, BigDecimal.ONE, Optional.of(LocalDate.of(2018, 1, 26)));
        assertThat(built).isEqualTo(expected);
        // without the optional settings: no marks, final at the end of the school year
        CourseMark bare = CourseMark.builder().studentId(StudentId.of("S1")).schoolId(SchoolId.of("01M015"))
                .schoolYear(SchoolYear.of(2018)).term("S1").course("MXS21", "Geometry").subject(Subject.MATH)
                .result(CourseResult.FAIL).credits(BigDecimal.ONE, BigDecimal.ZERO).build();
        assertThat(bare.numericMark()).isEmpty();
        assertThat(bare.termEndDate()).isEmpty();
        assertThat(bare.finalOn()).isEqualTo(LocalDate.of(2018, 6, 30));
    }

    @Test
    void courseMarkBuilderChecksAtOnceAndInBuild() {
        assertThatThrownBy(() -> CourseMark.builder().numericMark(new BigDecimal("100.5")))
                .hasMessage("numericMark must be 0 to 100, was 100.5");
        assertThatThrownBy(() -> CourseMark.builder().term("T".repeat(33))).hasMessage("term must have at most 32 characters, was 33");
        assertThatThrownBy(() -> CourseMark.builder().course("MXS21", " ")).hasMessage("course title must not be blank");
        assertThatThrownBy(() -> CourseMark.builder().studentId(StudentId.of("S1")).build())
                .hasMessage("CourseMark.builder() needs credits(…) before build()");
        // a FAIL that earns credits breaks the record's rule, found in build()
        assertThatThrownBy(() -> CourseMark.builder().studentId(StudentId.of("S1")).schoolId(SchoolId.of("01M015"))
                .schoolYear(SchoolYear.of(2018)).term("S1").course("MXS21", "Geometry").subject(Subject.MATH)
                .result(CourseResult.FAIL).credits(BigDecimal.ONE, BigDecimal.ONE).build())
                .hasMessage("a FAIL result earns no credits, was 1");
    }

    @Test
    void consentBuilderEqualsTheCanonicalConstructor() {
        Consent built = Consent.builder().id(ConsentId.of("C1")).studentId(StudentId.of("S1")).grantor(Grantor.PARENT)
                .recipientId(OrganizationId.of("CBO-7")).purpose("Tutoring").categories(Set.of(DataCategory.ATTENDANCE))
                .signedDate(EFFECTIVE).authentication(AuthenticationMethod.ELECTRONIC).revokedDate(END).build();
        assertThat(built).isEqualTo(new Consent(ConsentId.of("C1"), StudentId.of("S1"), Grantor.PARENT,
                OrganizationId.of("CBO-7"), "Tutoring", Set.of(DataCategory.ATTENDANCE), EFFECTIVE,
                AuthenticationMethod.ELECTRONIC, Optional.of(END)));
        assertThat(built.isInForceOn(END)).isFalse();
        assertThatThrownBy(() -> Consent.builder().categories(Set.of()))
                .hasMessage("categories must name at least one data category");
        assertThatThrownBy(() -> Consent.builder().id(ConsentId.of("C1")).studentId(StudentId.of("S1")).grantor(Grantor.PARENT)
                .recipientId(OrganizationId.of("CBO-7")).purpose("Tutoring").categories(Set.of(DataCategory.ATTENDANCE))
                .signedDate(END).authentication(AuthenticationMethod.ELECTRONIC).revokedDate(EFFECTIVE).build())
                .hasMessageStartingWith("revoked_date must not be before signed_date");
    }

    @Test
    void studentBuilderChecksWhatTheReaderChecksWithoutEchoingTheName() {
        Student built = Student.builder().id(StudentId.of("S1")).name("Ana", "Diaz").birthDate(LocalDate.of(2005, 3, 1))
                .sex(Sex.FEMALE).raceEthnicity(RaceEthnicity.HISPANIC).build();
        assertThat(built).isEqualTo(new Student(StudentId.of("S1"), "Ana", "Diaz", LocalDate.of(2005, 3, 1), Sex.FEMALE,
                RaceEthnicity.HISPANIC, Optional.empty(), false));
        String longName = "N".repeat(300);
        assertThatThrownBy(() -> Student.builder().name(longName, "Diaz"))
                .hasMessage("firstName must have at most 100 characters, was 300")
                .message().doesNotContain(longName);
        assertThatThrownBy(() -> Student.builder().birthDate(LocalDate.of(2099, 1, 1))).hasMessage("birthDate must be in the past");
        assertThatThrownBy(() -> Student.builder().id(StudentId.of("S1")).build())
                .hasMessage("Student.builder() needs name(…) before build()");
    }
}
