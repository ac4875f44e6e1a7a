package org.communityschools.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentCharacteristicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldCatalogTest {
    private final FieldCatalog catalog = FieldCatalog.defaultCatalog();

    private List<String> paths(List<DataField> fields) {
        return fields.stream().map(f -> f.path().value()).toList();
    }

    @ParameterizedTest
    @EnumSource(DataCategory.class)
    void everyDataCategoryHasAtLeastOneField(DataCategory category) {
        assertThat(catalog.fieldsOf(category)).isNotEmpty().allSatisfy(f -> assertThat(f.category()).isEqualTo(category));
    }

    @Test
    void theDefaultCatalogsPathsAreTheDirectoryReadersStandardDataElements() {
        // the reader in sdk-core keeps its own copy of the paths (it cannot depend on this module): the two must agree
        assertThat(FieldCatalog.defaultCatalog().dataElements()).isEqualTo(DataElements.standard());
        assertThat(DataElements.standard().fieldPaths()).hasSize(FieldCatalog.defaultCatalog().fields().size());
    }

    @Test
    void aHostCatalogsDataElementsAreItsPathsAndTheCategoryNames() {
        FieldCatalog custom = FieldCatalog.defaultCatalog().toBuilder()
                .add("sports.teams", DataCategory.PROGRAMS, "teams the student plays on", "").build();
        assertThat(custom.dataElements().isKnown("sports.teams")).isTrue();
        assertThat(custom.dataElements().isKnown("HEALTH")).isTrue();
        assertThat(DataElements.standard().isKnown("sports.teams")).isFalse();
    }

    @Test
    void pathsAreUniqueWellFormedAndRoundTrip() {
        List<String> paths = paths(catalog.fields());
        assertThat(paths).doesNotHaveDuplicates().isSorted();
        for (String p : paths) {
            assertThat(FieldPath.of(p).toString()).isEqualTo(p);
            assertThat(catalog.field(p)).map(f -> f.path().value()).contains(p);
        }
    }

    @Test
    void everyFieldBelongsToExactlyOneCategory() {
        int sum = 0;
        for (DataCategory c : DataCategory.values()) {
            sum += catalog.fieldsOf(c).size();
        }
        assertThat(sum).isEqualTo(catalog.fields().size());
    }

    @Test
    void everyPathAndCategoryNameIsAcceptedAsAnAgreementDataElement() {
        Set<String> elements = catalog.fields().stream().map(f -> f.path().value()).collect(Collectors.toSet());
        EnumSet.allOf(DataCategory.class).forEach(c -> elements.add(c.name()));
        DataSharingAgreement agreement = new DataSharingAgreement(AgreementId.of("A1"), 1, AgreementStatus.ACTIVE,
                OrganizationId.of("D1"), OrganizationId.of("CBO1"), LegalBasis.SCHOOL_OFFICIAL, "mentoring",
                Set.of(SchoolId.of("01M015")), Set.of(SchoolYear.of(2018)), elements, Set.of(StaffRole.SUCCESS_MENTOR),
                LocalDate.of(2017, 7, 1), LocalDate.of(2018, 6, 30), LocalDate.of(2017, 6, 1), List.of(), 30, false);
        assertThat(catalog.unknownElements(agreement.dataElements())).isEmpty();
    }

    @Test
    void everyStudentCharacteristicOfTheDirectoryHasAField() {
        for (StudentCharacteristicType t : StudentCharacteristicType.values()) {
            assertThat(catalog.fields()).as(t.name())
                    .anySatisfy(f -> assertThat(f.source()).hasValueSatisfying(s -> assertThat(s).endsWith(": " + t.name())));
        }
    }

    @Test
    void anUnknownOrMalformedPathIsNeverFound() {
        assertThat(catalog.field("attendance.records.note")).isEmpty();
        assertThat(catalog.field("Attendance.Records")).isEmpty();
        assertThat(catalog.field("attendance")).isEmpty();
        assertThat(catalog.field("")).isEmpty();
        assertThat(catalog.isKnownPath("identity.ssn")).isFalse();
    }

    @Test
    void grantingAParentPathDoesNotGrantItsChildren() {
        assertThat(paths(catalog.resolve(List.of("attendance.records")))).containsExactly("attendance.records");
        assertThat(paths(catalog.resolve(List.of("attendance.records", "attendance.records.reason"))))
                .containsExactly("attendance.records", "attendance.records.reason");
    }

    @Test
    void grantingACategoryGrantsItsFieldsButNotFreeTextFiledUnderCaseNotes() {
        assertThat(paths(catalog.resolve(List.of("BEHAVIOR"))))
                .containsExactly("behavior.incidents", "behavior.incidents.action");
        assertThat(paths(catalog.resolve(List.of("CASE_NOTES"))))
                .contains("behavior.incidents.description", "caseNotes.notes");
    }

    @Test
    void resolveMergesPathsAndCategoriesSortedAndDistinct() {
        assertThat(paths(catalog.resolve(List.of("ATTENDANCE", "attendance.records", "identity.studentId"))))
                .containsExactly("attendance.records", "attendance.records.reason", "attendance.summary", "identity.studentId");
    }

    @Test
    void resolveRefusesUnknownElementsAndNamesEveryOne() {
        assertThatThrownBy(() -> catalog.resolve(List.of("ATTENDANCE", "attendance", "GRADES", "identity.ssn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[attendance, GRADES, identity.ssn]");
    }

    @Test
    void knownElementsArePathsAndExactCategoryNames() {
        assertThat(catalog.isKnownElement("ATTENDANCE")).isTrue();
        assertThat(catalog.isKnownElement("attendance.summary")).isTrue();
        assertThat(catalog.isKnownElement("attendance")).isFalse();
        assertThat(catalog.isKnownElement("Attendance")).isFalse();
        assertThat(FieldCatalog.isCategoryName("SPECIAL_EDUCATION")).isTrue();
        assertThat(catalog.unknownElements(List.of("x.y", "ATTENDANCE", "x.y", "Z"))).containsExactly("x.y", "Z");
    }

    @Test
    void legalOverlaysAreTaggedWhereTheLawPutsThem() {
        assertThat(paths(catalog.fieldsTagged(Sensitivity.SPECIAL_EDUCATION_IDEA)))
                .contains("specialEducation.disability", "coursework.diplomas");
        assertThat(paths(catalog.fieldsTagged(Sensitivity.MEAL_ELIGIBILITY_NSLA)))
                .containsExactly("mealEligibility.economicallyDisadvantaged");
        assertThat(catalog.fieldsOf(DataCategory.HEALTH)).allSatisfy(f -> assertThat(f.has(Sensitivity.HEALTH)).isTrue());
        assertThat(catalog.fieldsOf(DataCategory.CASE_NOTES)).allSatisfy(f -> assertThat(f.has(Sensitivity.FREE_TEXT)).isTrue());
        assertThat(paths(catalog.fieldsTagged(Sensitivity.FREE_TEXT))).contains("attendance.records.reason",
                "behavior.incidents.description", "interventions.participation.goal", "caseNotes.notes");
    }

    @Test
    void onlyFieldsThatThirtyFourCfr993ListsMayBeDirectoryInformation() {
        assertThat(paths(catalog.fieldsTagged(Sensitivity.DIRECTORY_INFORMATION))).containsExactlyInAnyOrder(
                "identity.studentId", "identity.name", "contact.address", "contact.phone", "demographics.birthDate",
                "directory.school", "directory.gradeLevel", "directory.enrollmentDates");
        assertThat(catalog.fieldsTagged(Sensitivity.DIRECTORY_INFORMATION))
                .noneSatisfy(f -> assertThat(f.sensitivities()).containsAnyOf(Sensitivity.FREE_TEXT,
                        Sensitivity.SPECIAL_EDUCATION_IDEA, Sensitivity.MEAL_ELIGIBILITY_NSLA, Sensitivity.HEALTH));
    }

    @Test
    void childrenAreListedUnderTheirParent() {
        assertThat(paths(catalog.childrenOf(FieldPath.of("behavior.incidents"))))
                .containsExactly("behavior.incidents.action", "behavior.incidents.description");
        assertThat(catalog.childrenOf(FieldPath.of("attendance.summary"))).isEmpty();
    }

    @Test
    void everyChildHasItsParentInTheCatalog() {
        for (DataField f : catalog.fields()) {
            f.path().parent().ifPresent(p -> assertThat(catalog.field(p)).as(f.path().value()).isPresent());
        }
    }

    @Test
    void builderRefusesDuplicatePathsAndOrphanChildren() {
        FieldCatalog.Builder b = FieldCatalog.builder().add("a.b", DataCategory.ATTENDANCE, "x", "");
        assertThatThrownBy(() -> b.add("a.b", DataCategory.BEHAVIOR, "y", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate: a.b");
        FieldCatalog.Builder orphan = FieldCatalog.builder().add("a.b.c", DataCategory.ATTENDANCE, "x", "");
        assertThatThrownBy(orphan::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.b.c needs a.b");
    }

    @Test
    void aDistrictCanExtendTheDefaultCatalog() {
        FieldCatalog extended = catalog.toBuilder()
                .add("attendance.records.note", DataCategory.CASE_NOTES, "a note on the day", "", Sensitivity.FREE_TEXT)
                .build();
        assertThat(extended.fields()).hasSize(catalog.fields().size() + 1);
        assertThat(extended.field("attendance.records.note")).map(DataField::category).contains(DataCategory.CASE_NOTES);
        assertThat(paths(extended.resolve(List.of("attendance.records")))).containsExactly("attendance.records");
        assertThat(catalog.field("attendance.records.note")).isEmpty();
    }

    @Test
    void fieldsWithoutADirectorySourceAreTheCategoriesTheDirectoryDoesNotCarry() {
        assertThat(catalog.fields().stream().filter(f -> f.source().isEmpty()).map(DataField::category).distinct())
                .containsExactlyInAnyOrder(DataCategory.CONTACT, DataCategory.ASSESSMENT, DataCategory.HEALTH,
                        DataCategory.CASE_NOTES);
        assertThat(catalog.field("identity.name").flatMap(DataField::source)).isEqualTo(Optional.of("students.csv: first_name, last_name"));
    }
}
