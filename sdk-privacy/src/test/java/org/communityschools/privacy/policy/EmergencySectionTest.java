package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.FieldCatalog;
import org.junit.jupiter.api.Test;

/** The emergency (break-glass) section of a policy file: loaded, validated with locations, used by the engine. */
class EmergencySectionTest {
    private static final String BASE = """
            id: test-policy
            version: 1
            purposes:
              instruction: teaching
            emergency:
              roles: [PRINCIPAL, COUNSELOR]
              fields: [IDENTITY, health.visits]
            rules:
              - id: teacher
                effect: PERMIT
                roles: [TEACHER]
                relationship: STUDENT_STAFF
                relationshipTypes: [TEACHER_OF]
                basis: SCHOOL_OFFICIAL
                purposes: [instruction]
                fields: [IDENTITY]
            """;

    private static Policy yaml(String text) {
        return Policies.parseYaml(text, "p.yaml", FieldCatalog.defaultCatalog());
    }

    private static List<PolicyProblem> problems(String text) {
        try {
            yaml(text);
        } catch (PolicyValidationException e) {
            return e.problems();
        }
        throw new AssertionError("the policy was accepted");
    }

    @Test
    void loadsTheEmergencySection() {
        assertThat(yaml(BASE).emergency()).contains(EmergencyAccess.of(EnumSet.of(StaffRole.PRINCIPAL,
                StaffRole.COUNSELOR), List.of("IDENTITY", "health.visits")));
        assertThat(yaml(BASE.replace("""
                emergency:
                  roles: [PRINCIPAL, COUNSELOR]
                  fields: [IDENTITY, health.visits]
                """, "")).emergency()).isEmpty();
    }

    @Test
    void jsonAndTheJavaBuilderDescribeTheSameSection() {
        String json = """
                {"id": "test-policy", "version": 1, "purposes": {"instruction": "teaching"},
                 "emergency": {"roles": ["PRINCIPAL", "COUNSELOR"], "fields": ["IDENTITY", "health.visits"]},
                 "rules": [{"id": "teacher", "effect": "PERMIT", "roles": ["TEACHER"], "relationship": "STUDENT_STAFF",
                            "relationshipTypes": ["TEACHER_OF"], "basis": "SCHOOL_OFFICIAL", "purposes": ["instruction"],
                            "fields": ["IDENTITY"]}]}
                """;
        Policy built = Policy.builder().id("test-policy").version(1).purpose("instruction", "teaching")
                .emergency(EmergencyAccess.of(EnumSet.of(StaffRole.COUNSELOR, StaffRole.PRINCIPAL),
                        List.of("IDENTITY", "health.visits")))
                .rule(Rule.permit("teacher").roles(StaffRole.TEACHER)
                        .studentStaff(org.communityschools.core.model.RelationshipType.TEACHER_OF)
                        .basis(LegalBasis.SCHOOL_OFFICIAL).purposes("instruction").fields("IDENTITY").build())
                .build();
        assertThat(Policies.parseJson(json, "p.json", FieldCatalog.defaultCatalog()).emergency())
                .isEqualTo(built.emergency()).isEqualTo(yaml(BASE).emergency());
    }

    @Test
    void rejectsUnknownRolesAndFieldsAtTheirLocations() {
        String text = BASE.replace("[PRINCIPAL, COUNSELOR]", "[PRINCIPAL, NURSE]")
                .replace("[IDENTITY, health.visits]", "[IDENTITY, health.allergies, MEAL_ELIGIBILITY]");
        assertThat(problems(text)).extracting(PolicyProblem::location).containsExactly("p.yaml:6:22 /emergency/roles/1");
        assertThat(problems(BASE.replace("[IDENTITY, health.visits]", "[IDENTITY, health.allergies, MEAL_ELIGIBILITY]")))
                .satisfiesExactly(
                        p -> {
                            assertThat(p.location()).isEqualTo("p.yaml:7:22 /emergency/fields/1");
                            assertThat(p.message()).contains("unknown: 'health.allergies'");
                        },
                        p -> {
                            assertThat(p.location()).isEqualTo("p.yaml:7:40 /emergency/fields/2");
                            assertThat(p.message()).contains("42 USC 1758(b)(6)");
                        });
    }

    @Test
    void rejectsAnEmptyOrMalformedSection() {
        assertThat(problems(BASE.replace("[PRINCIPAL, COUNSELOR]", "[]"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at least one role"));
        assertThat(problems(BASE.replace("  fields: [IDENTITY, health.visits]\n", ""))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("missing key 'fields'"));
        assertThat(problems(BASE.replace("  roles: [PRINCIPAL, COUNSELOR]\n",
                "  roles: [PRINCIPAL, COUNSELOR]\n  basis: EMERGENCY\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown key 'basis'"));
    }

    @Test
    void aJavaBuiltPolicyLocatesEmergencyProblemsToo() {
        assertThatThrownBy(() -> Policy.builder().id("p").version(1).purpose("instruction", "teaching")
                .emergency(EmergencyAccess.of(EnumSet.of(StaffRole.PRINCIPAL), List.of("IDENTITY", "nope"))).build())
                .isInstanceOfSatisfying(PolicyValidationException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::location).containsExactly("emergency.fields[1]"));
    }

    @Test
    void theDefaultPolicyDeclaresTheDocumentedEmergencyScope() {
        assertThat(Policies.defaultPolicy().emergency()).contains(EmergencyAccess.defaults());
    }

    @Test
    void theEngineUsesThePolicysSectionUnlessTheBuilderOverridesIt() {
        Policy p = yaml(BASE);
        PolicyEngine fromPolicy = PolicyEngine.builder().policy(p).districtData(TinyCity.DATA).zone(TinyCity.ZONE).build();
        assertThat(fromPolicy.emergencyAccess()).isEqualTo(p.emergency().orElseThrow());
        EmergencyAccess other = EmergencyAccess.of(EnumSet.of(StaffRole.DISTRICT_ADMIN), List.of("CONTACT"));
        PolicyEngine overridden = PolicyEngine.builder().policy(p).districtData(TinyCity.DATA).zone(TinyCity.ZONE)
                .emergencyAccess(other).build();
        assertThat(overridden.emergencyAccess()).isEqualTo(other);
    }
}
