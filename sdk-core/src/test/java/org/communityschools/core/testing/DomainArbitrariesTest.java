package org.communityschools.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generators produce only values that the model's constructors and Jakarta Validation annotations accept. */
class DomainArbitrariesTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidator() {
        factory.close();
    }

    static List<Arbitrary<?>> records() {
        return List.of(DomainArbitraries.organizations(), DomainArbitraries.schools(), DomainArbitraries.partnerships(),
                DomainArbitraries.students(), DomainArbitraries.studentCharacteristics(), DomainArbitraries.instructionalDays(),
                DomainArbitraries.enrollments(), DomainArbitraries.diplomas(), DomainArbitraries.attendanceRecords(),
                DomainArbitraries.behaviorIncidents(), DomainArbitraries.courseMarks(), DomainArbitraries.staff(),
                DomainArbitraries.staffAssignments(), DomainArbitraries.studentStaffRelationships(),
                DomainArbitraries.interventions(), DomainArbitraries.interventionParticipants(), DomainArbitraries.consents(),
                DomainArbitraries.agreements());
    }

    @Test
    void generatesValuesThatPassBeanValidation() {
        for (Arbitrary<?> arbitrary : records()) {
            List<?> sample = arbitrary.sampleStream().limit(200).collect(Collectors.toList());
            assertThat(sample).hasSize(200).allSatisfy(value -> assertThat(validator.validate(value)).isEmpty());
        }
    }

    @Test
    void generatesEdgeCasesThatAreValidToo() {
        for (Arbitrary<?> arbitrary : records()) {
            assertThat(arbitrary.edgeCases(50).iterator()).toIterable()
                    .allSatisfy(shrinkable -> assertThat(validator.validate(shrinkable.value())).isEmpty());
        }
    }

    @Test
    void validatorUsedHereRejectsTextAboveItsLimit() {
        var organization = new org.communityschools.core.model.Organization(org.communityschools.core.model.OrganizationId.of("O1"),
                "x".repeat(201), org.communityschools.core.model.OrganizationType.DISTRICT);
        assertThat(validator.validate(organization)).hasSize(1);
    }

    @Test
    void generatesIdentifiersWithinTheRule() {
        assertThat(DomainArbitraries.identifiers().sampleStream().limit(500))
                .allSatisfy(id -> assertThat(id).hasSizeBetween(1, 32).doesNotContainAnyWhitespaces());
    }

    @Test
    void generatesTextWithoutSurroundingWhitespace() {
        assertThat(DomainArbitraries.text(5).sampleStream().limit(500))
                .allSatisfy(t -> assertThat(t).hasSizeBetween(1, 5).isEqualTo(t.strip()));
    }

}
