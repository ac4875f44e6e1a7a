package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityschools.privacy.policy.Fixtures.*;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.disclosure.EmergencyDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Break-glass access in a health or safety emergency (FERPA 34 CFR 99.36, 99.32(a)(5)). */
class BreakGlassTest {
    private static final PolicyEngine ENGINE = TinyCity.engine(TinyCity.DATA);
    private static final Instant NOON = TinyCity.noon(DAY);
    private static final String THREAT = "Student reported a classmate carrying a weapon to the bus stop";
    private static final EmergencyDetails DETAILS = new EmergencyDetails(THREAT, List.of("NYPD 5th Precinct",
            "FDNY EMS"));

    private static EmergencyRequest request(StaffId requester, StudentId student, Instant at) {
        return new EmergencyRequest(requester, student, DETAILS, at);
    }

    /** The default emergency scope resolved against the default catalog. */
    private static Set<FieldPath> defaultScope() {
        Set<FieldPath> out = new TreeSet<>();
        FieldCatalog c = FieldCatalog.defaultCatalog();
        for (DataCategory cat : List.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.HEALTH)) {
            c.fieldsOf(cat).forEach(f -> out.add(f.path()));
        }
        out.add(FieldPath.of("directory.school"));
        out.add(FieldPath.of("directory.gradeLevel"));
        return out;
    }

    @Test
    void aPrincipalBreakingGlassIsGrantedExactlyTheEmergencyScopeUnderBasisEmergency() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        Decision d = ENGINE.breakGlass(request(PRINCIPAL, s, NOON));
        assertThat(d.permittedFields()).isEqualTo(defaultScope());
        assertThat(d.permittedFields()).contains(FieldPath.of("health.visits"), FieldPath.of("contact.guardians"))
                .doesNotContain(FieldPath.of("specialEducation.disability"), FieldPath.of("caseNotes.notes"),
                        FieldPath.of("mealEligibility.economicallyDisadvantaged"));
        assertThat(d.grants()).allSatisfy(g -> {
            assertThat(g.basis()).isEqualTo(LegalBasis.EMERGENCY);
            assertThat(g.ruleId()).isEqualTo("break-glass");
        });
        assertThat(d.purpose()).isEqualTo(Purpose.of("health-safety-emergency"));
        assertThat(d.denialReason(FieldPath.of("caseNotes.notes"))).hasValueSatisfying(r ->
                assertThat(r).contains("not in the emergency access scope"));
    }

    @Test
    void aGrantingDecisionObligesRecordingAFlaggedEmergencyDisclosureWithTheThreatAndRecipients() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        Decision d = ENGINE.breakGlass(request(COUNSELOR, s, NOON));
        assertThat(d.obligations()).singleElement().isInstanceOfSatisfying(Obligation.RecordDisclosure.class, o -> {
            Disclosure x = o.disclosure();
            assertThat(o.ferpaRecord()).isTrue();
            assertThat(x.isFerpaRecord()).isTrue();
            assertThat(x.isEmergency()).isTrue();
            assertThat(x.legalBasis()).isEqualTo(LegalBasis.EMERGENCY);
            assertThat(x.emergency()).contains(DETAILS);
            assertThat(x.student()).isEqualTo(s);
            assertThat(x.requester()).isEqualTo(COUNSELOR);
            assertThat(x.at()).isEqualTo(NOON);
            assertThat(Set.copyOf(x.fields())).isEqualTo(d.permittedFields());
        });
    }

    @Test
    void theExplanationSaysBreakGlassAndQuotesNeitherTheThreatNorTheRecipients() {
        Decision d = ENGINE.breakGlass(request(PRINCIPAL, enrolledAt(COMMUNITY_SCHOOL), NOON));
        assertThat(d.explanation()).contains("Break-glass emergency access (34 CFR 99.36)")
                .doesNotContain(THREAT).doesNotContain("weapon").doesNotContain("NYPD").doesNotContain("FDNY");
    }

    @Test
    void theEmergencyDisclosureIsLoggedVerifiedAndShownInTheStudentsHistory(@TempDir Path dir) {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        Decision d = ENGINE.breakGlass(request(PRINCIPAL, s, NOON));
        Path file = dir.resolve("disclosures.jsonl");
        try (DisclosureSink log = DisclosureLogs.jsonLinesFile(file)) {
            for (Obligation o : d.obligations()) {
                if (o instanceof Obligation.RecordDisclosure r) {
                    log.append(r.disclosure());
                }
            }
        }
        assertThat(DisclosureLogs.verify(file).isIntact()).isTrue();
        try (DisclosureSink log = DisclosureLogs.jsonLinesFile(file)) {
            List<DisclosureEntry> history = log.historyOf(s);
            assertThat(history).singleElement().satisfies(e -> {
                assertThat(e.disclosure().isEmergency()).isTrue();
                assertThat(e.disclosure().isFerpaRecord()).isTrue();
                assertThat(e.disclosure().emergency()).contains(DETAILS);
                assertThat(Set.copyOf(e.disclosure().fields())).isEqualTo(d.permittedFields());
            });
        }
    }

    @Test
    void aCommunitySchoolDirectorEmployedByTheCboMayBreakGlassAtTheirSchool() {
        assertThat(TinyCity.DATA.staff(CSD).orElseThrow().employerId().value()).doesNotStartWith("DIST");
        Decision d = ENGINE.breakGlass(request(CSD, enrolledAt(COMMUNITY_SCHOOL), NOON));
        assertThat(d.permittedFields()).isEqualTo(defaultScope());
        assertThat(d.obligations()).singleElement().isInstanceOfSatisfying(Obligation.RecordDisclosure.class,
                o -> assertThat(o.disclosure().requesterOrganization())
                        .isEqualTo(TinyCity.DATA.staff(CSD).orElseThrow().employerId()));
    }

    @Test
    void aDistrictAdministratorMayBreakGlassForAnyStudentOfTheDistrict() {
        Decision d = ENGINE.breakGlass(request(ADMIN, enrolledAt(OTHER_SCHOOL), NOON));
        assertThat(d.permittedFields()).isEqualTo(defaultScope());
    }

    @Test
    void refusesAThreatDescriptionThatIsBlankOrTooShort() {
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        for (String threat : List.of("emergency", "  urgent: danger!   ")) {
            assertThatThrownBy(() -> new EmergencyRequest(PRINCIPAL, s, new EmergencyDetails(threat, List.of("EMS")), NOON))
                    .as(threat).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("articulable and significant threat");
        }
        for (String blank : List.of("", "   ")) {
            assertThatThrownBy(() -> new EmergencyDetails(blank, List.of("EMS")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not be blank");
        }
    }

    @Test
    void refusesARequestThatNamesNoRecipients() {
        assertThatThrownBy(() -> new EmergencyDetails(THREAT, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 50 recipients");
    }

    @Test
    void deniesARoleThatMayNotBreakGlass() {
        StaffId teacher = StaffId.of("SCH0001-T001");
        assertThat(TinyCity.DATA.assignmentsOn(teacher, DAY)).extracting(StaffAssignment::role)
                .containsOnly(StaffRole.TEACHER);
        for (StaffId requester : List.of(teacher, CBO_MENTOR, RESEARCHER)) {
            Decision d = ENGINE.breakGlass(request(requester, enrolledAt(COMMUNITY_SCHOOL), NOON));
            assertThat(d.grants()).as(requester.value()).isEmpty();
            assertThat(d.obligations()).isEmpty();
            assertThat(d.denials()).allSatisfy(x -> assertThat(x.reason())
                    .contains("refused").contains("none of the roles that may break glass"));
        }
    }

    @Test
    void deniesAPrincipalOfAnotherSchool() {
        Decision d = ENGINE.breakGlass(request(PRINCIPAL, enrolledAt(OTHER_SCHOOL), NOON));
        assertThat(d.grants()).isEmpty();
        assertThat(d.denials()).allSatisfy(x -> assertThat(x.reason()).contains("is not enrolled on " + DAY));
    }

    @Test
    void deniesFromTheDayAfterTheRequestersAssignmentEnded() {
        LocalDate last = DAY.minusDays(5);
        DistrictData data = TinyCity.with(a -> a, c -> c, a -> a.staffId().equals(PRINCIPAL)
                ? new StaffAssignment(a.staffId(), a.organizationId(), a.role(), DateRange.closed(a.period().start(), last))
                : a, s -> s);
        PolicyEngine engine = TinyCity.engine(data);
        StudentId s = enrolledAt(data, COMMUNITY_SCHOOL, DAY, x -> data.enrollmentsOn(x, last).size() == 1);
        assertThat(engine.breakGlass(request(PRINCIPAL, s, TinyCity.noon(last))).permitsAny()).isTrue();
        Decision after = engine.breakGlass(request(PRINCIPAL, s, TinyCity.noon(last.plusDays(1))));
        assertThat(after.grants()).isEmpty();
        assertThat(after.denials()).allSatisfy(x -> assertThat(x.reason()).contains("no staff assignment in force"));
    }

    @Test
    void deniesAnUnknownStudentAndAnUnknownRequester() {
        Decision student = ENGINE.breakGlass(request(PRINCIPAL, StudentId.of("NO-SUCH-STUDENT"), NOON));
        assertThat(student.grants()).isEmpty();
        assertThat(student.denials()).allSatisfy(x -> assertThat(x.reason()).contains("is not in the district data"));
        Decision staff = ENGINE.breakGlass(request(StaffId.of("NO-SUCH-STAFF"), enrolledAt(COMMUNITY_SCHOOL), NOON));
        assertThat(staff.grants()).isEmpty();
        assertThat(staff.denials()).allSatisfy(x -> assertThat(x.reason()).contains("is not a staff member"));
    }

    @Test
    void aConfiguredScopeGrantsExactlyItsFieldsToExactlyItsRoles() {
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(TinyCity.DATA)
                .zone(TinyCity.ZONE).emergencyAccess(EmergencyAccess.of(EnumSet.of(StaffRole.COUNSELOR),
                        List.of("identity.name", "specialEducation.section504"))).build();
        StudentId s = enrolledAt(COMMUNITY_SCHOOL);
        assertThat(engine.breakGlass(request(COUNSELOR, s, NOON)).permittedFields())
                .containsExactly(FieldPath.of("identity.name"), FieldPath.of("specialEducation.section504"));
        assertThat(engine.breakGlass(request(PRINCIPAL, s, NOON)).permitsAny()).isFalse();
    }

    @Test
    void refusesAnEmergencyScopeWithUnknownFieldsOrMealEligibility() {
        PolicyEngine.Builder b = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(TinyCity.DATA)
                .zone(TinyCity.ZONE).emergencyAccess(EmergencyAccess.of(EnumSet.of(StaffRole.PRINCIPAL),
                        List.of("IDENTITY", "health.allergies", "MEAL_ELIGIBILITY")));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emergency.fields[1] ").hasMessageContaining("unknown: 'health.allergies'")
                .hasMessageContaining("emergency.fields[2] 'MEAL_ELIGIBILITY'")
                .hasMessageContaining("42 USC 1758(b)(6)");
        assertThatThrownBy(() -> EmergencyAccess.of(Set.of(), List.of("IDENTITY")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmergencyAccess.of(Set.of(StaffRole.PRINCIPAL), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultScopeNeverIncludesMealEligibilityOrIdeaFields() {
        assertThat(ENGINE.emergencyAccess()).isEqualTo(EmergencyAccess.defaults());
        List<DataField> scope = EmergencyAccess.defaults().resolve(FieldCatalog.defaultCatalog());
        assertThat(scope).noneMatch(f -> f.has(org.communityschools.privacy.Sensitivity.MEAL_ELIGIBILITY_NSLA)
                || f.has(org.communityschools.privacy.Sensitivity.SPECIAL_EDUCATION_IDEA));
    }
}
