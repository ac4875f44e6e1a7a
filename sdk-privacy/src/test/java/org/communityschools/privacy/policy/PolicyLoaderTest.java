package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.FieldCatalog;
import org.junit.jupiter.api.Test;

/** Loading policies from YAML and JSON: every validation error is refused with its location. */
class PolicyLoaderTest {
    private static final String BASE = """
            id: test-policy
            version: 3
            purposes:
              instruction: teaching
            directoryFields: [identity.name]
            rules:
              - id: teacher
                effect: PERMIT
                roles: [TEACHER]
                relationship: STUDENT_STAFF
                relationshipTypes: [TEACHER_OF]
                basis: SCHOOL_OFFICIAL
                purposes: [instruction]
                fields: [IDENTITY, attendance.records]
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

    private static String withRule(String rule) {
        return BASE + rule.stripIndent().indent(2);
    }

    @Test
    void loadsAValidPolicy() {
        Policy p = yaml(BASE);
        assertThat(p.id()).isEqualTo("test-policy");
        assertThat(p.version()).isEqualTo(3);
        Rule r = p.rules().get(0);
        assertThat(r.roles()).containsExactly(StaffRole.TEACHER);
        assertThat(r.basis()).contains(LegalBasis.SCHOOL_OFFICIAL);
        assertThat(r.fields()).containsExactly("IDENTITY", "attendance.records");
    }

    @Test
    void jsonAndYamlAndTheJavaBuilderDescribeTheSamePolicy() {
        String json = """
                {"id": "test-policy", "version": 3, "purposes": {"instruction": "teaching"},
                 "directoryFields": ["identity.name"],
                 "rules": [{"id": "teacher", "effect": "PERMIT", "roles": ["TEACHER"], "relationship": "STUDENT_STAFF",
                            "relationshipTypes": ["TEACHER_OF"], "basis": "SCHOOL_OFFICIAL", "purposes": ["instruction"],
                            "fields": ["IDENTITY", "attendance.records"]}]}
                """;
        Policy fromJson = Policies.parseJson(json, "p.json", FieldCatalog.defaultCatalog());
        Policy built = Policy.builder().id("test-policy").version(3).purpose("instruction", "teaching")
                .directoryFields("identity.name")
                .rule(Rule.permit("teacher").roles(StaffRole.TEACHER)
                        .studentStaff(org.communityschools.core.model.RelationshipType.TEACHER_OF)
                        .basis(LegalBasis.SCHOOL_OFFICIAL).purposes("instruction").fields("IDENTITY", "attendance.records")
                        .build())
                .build();
        assertThat(fromJson.rules()).isEqualTo(yaml(BASE).rules()).isEqualTo(built.rules());
        assertThat(fromJson.purposes()).isEqualTo(built.purposes());
        assertThat(fromJson.directoryFields()).isEqualTo(built.directoryFields());
    }

    @Test
    void rejectsUnknownFieldPathWithItsLocation() {
        assertThat(problems(BASE.replace("attendance.records]", "attendance.record]"))).singleElement()
                .hasToString("p.yaml:14:24 /rules/0/fields/1: field-unknown: rule fields must be field paths of the catalog or data "
                        + "category names; unknown: 'attendance.record'");
    }

    @Test
    void rejectsUnknownCategory() {
        assertThat(problems(BASE.replace("[IDENTITY,", "[GRADES,"))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:14:14 /rules/0/fields/0");
            assertThat(p.message()).contains("unknown: 'GRADES'");
        });
    }

    @Test
    void rejectsUnknownRole() {
        assertThat(problems(BASE.replace("[TEACHER]", "[TEACHR]"))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:9:13 /rules/0/roles/0");
            assertThat(p.message()).startsWith("unknown role 'TEACHR'; expected one of [PRINCIPAL, TEACHER");
        });
    }

    @Test
    void rejectsUnknownRelationship() {
        assertThat(problems(BASE.replace("relationship: STUDENT_STAFF", "relationship: ROSTER"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:10:19 /rules/0/relationship");
                    assertThat(p.message()).contains("unknown relationship 'ROSTER'");
                });
    }

    @Test
    void rejectsUnknownKey() {
        assertThat(problems(BASE + "    colour: red\n")).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:15:13 /rules/0/colour");
            assertThat(p.message()).startsWith("unknown key 'colour'");
        });
    }

    @Test
    void rejectsMissingKey() {
        assertThat(problems(BASE.replace("    effect: PERMIT\n", ""))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:7:5 /rules/0");
            assertThat(p.message()).isEqualTo("missing key 'effect'");
        });
    }

    @Test
    void rejectsUndeclaredPurpose() {
        assertThat(problems(BASE.replace("purposes: [instruction]", "purposes: [tutoring]"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:13:16 /rules/0/purposes/0");
                    assertThat(p.message()).contains("undeclared: 'tutoring'");
                });
    }

    @Test
    void rejectsDuplicateRuleIds() {
        String text = withRule("""
                - id: teacher
                  effect: FORBID
                  roles: [PRINCIPAL]
                  relationship: ANY
                  fields: [HEALTH]
                """);
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:15:9 /rules/1/id");
            assertThat(p.message()).contains("'teacher' is also the id of rules[0]");
        });
    }

    @Test
    void rejectsContradictoryRules() {
        String text = withRule("""
                - id: no-attendance
                  effect: FORBID
                  roles: [TEACHER]
                  relationship: STUDENT_STAFF
                  relationshipTypes: [TEACHER_OF]
                  fields: [attendance.records]
                """);
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:7:5 /rules/0");
            assertThat(p.message()).startsWith("contradictory rules: 'teacher' grants and 'no-attendance' forbids "
                    + "[attendance.records]");
        });
    }

    @Test
    void rejectsRuleUnreachableBehindAForbid() {
        String text = withRule("""
                - id: teachers-see-nothing
                  effect: FORBID
                  roles: [TEACHER, PRINCIPAL]
                  relationship: ANY
                  fields: [IDENTITY, ATTENDANCE]
                """);
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:7:5 /rules/0");
            assertThat(p.message()).startsWith("unreachable rule 'teacher': forbid rule 'teachers-see-nothing'");
        });
    }

    @Test
    void rejectsRuleUnreachableForWantOfAnExplicitBasis() {
        assertThat(problems(BASE.replace("[IDENTITY, attendance.records]", "[MEAL_ELIGIBILITY]"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:14:13 /rules/0/fields");
                    assertThat(p.message()).startsWith("unreachable rule 'teacher': every field it grants needs an "
                            + "explicit basis");
                });
    }

    @Test
    void rejectsMaskOfAFieldTheRuleDoesNotGrant() {
        String text = BASE + """
                    masks:
                      - field: demographics.birthDate
                        transform: BIRTH_YEAR_ONLY
                """;
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:16:9 /rules/0/masks/0");
            assertThat(p.message()).contains("does not grant demographics.birthDate");
        });
    }

    @Test
    void rejectsMaskThatDoesNotApplyToItsField() {
        String text = BASE + """
                    masks:
                      - field: attendance.records
                        transform: INITIALS
                """;
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:16:9 /rules/0/masks/0");
            assertThat(p.message()).isEqualTo("mask INITIALS does not apply to attendance.records (it applies to "
                    + "identity.name)");
        });
    }

    @Test
    void rejectsRowRestrictionOnAFieldItsFilterDoesNotApplyTo() {
        String text = BASE + """
                    rows:
                      - field: attendance.records
                        filter: DELIVERED_BY_REQUESTER
                """;
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:16:9 /rules/0/rows/0");
            assertThat(p.message()).isEqualTo("row filter DELIVERED_BY_REQUESTER applies only to "
                    + "interventions.participation; was given for attendance.records");
        });
    }

    @Test
    void rejectsRowRestrictionOfAFieldTheRuleDoesNotGrant() {
        String text = BASE + """
                    rows:
                      - field: interventions.participation
                        filter: DELIVERED_BY_REQUESTER
                """;
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:16:9 /rules/0/rows/0");
            assertThat(p.message()).contains("does not grant interventions.participation");
        });
    }

    @Test
    void rejectsUnknownRowFilter() {
        String text = BASE.replace("[IDENTITY, attendance.records]", "[IDENTITY, interventions.participation]") + """
                    rows:
                      - field: interventions.participation
                        filter: DELIVERED_BY_ANYONE
                """;
        assertThat(problems(text)).singleElement().satisfies(p -> assertThat(p.message()).contains("DELIVERED_BY_ANYONE"));
    }

    @Test
    void rejectsDirectoryRuleGrantingAFieldNotDesignated() {
        String text = BASE.replace("SCHOOL_OFFICIAL", "DIRECTORY").replace("[IDENTITY, attendance.records]",
                "[identity.name, identity.studentId]");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:14:13 /rules/0/fields");
            assertThat(p.message()).endsWith("not designated: identity.studentId");
        });
    }

    @Test
    void rejectsDirectoryFieldNotEligible() {
        assertThat(problems(BASE.replace("directoryFields: [identity.name]", "directoryFields: [demographics.sex]")))
                .singleElement().satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:5:19 /directoryFields/0");
                    assertThat(p.message()).contains("not eligible: demographics.sex");
                });
    }

    @Test
    void rejectsPermitRuleWithoutLegalBasisAtTheRule() {
        assertThat(problems(BASE.replace("    basis: SCHOOL_OFFICIAL\n", ""))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:7:5 /rules/0");
            assertThat(p.message()).contains("a permit rule names its legal basis");
        });
    }

    @Test
    void rejectsEmergencyAsAStandingRule() {
        assertThat(problems(BASE.replace("SCHOOL_OFFICIAL", "EMERGENCY"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("break-glass"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String text = BASE.replace("[IDENTITY, attendance.records]", "[IDENTTY, attendance.record]")
                .replace("[TEACHER]", "[TEACHER, JANITOR]");
        assertThat(problems(text)).extracting(PolicyProblem::location)
                .containsExactly("p.yaml:9:22 /rules/0/roles/1");
        // structural problems are reported first; once fixed, the catalog problems follow together
        assertThat(problems(text.replace(", JANITOR", ""))).extracting(PolicyProblem::location)
                .containsExactly("p.yaml:14:14 /rules/0/fields/0", "p.yaml:14:23 /rules/0/fields/1");
    }

    @Test
    void rejectsAScalarWhereAListBelongs() {
        assertThat(problems(BASE.replace("roles: [TEACHER]", "roles: TEACHER"))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:9:12 /rules/0/roles");
            assertThat(p.message()).isEqualTo("expected a list, was a value");
        });
    }

    @Test
    void rejectsAVersionThatIsNotAWholeNumber() {
        assertThat(problems(BASE.replace("version: 3", "version: three"))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:2:10 /version");
            assertThat(p.message()).isEqualTo("expected a whole number");
        });
    }

    @Test
    void rejectsAVersionBelowOne() {
        assertThat(problems(BASE.replace("version: 3", "version: 0"))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("p.yaml:2:10 /version");
            assertThat(p.message()).isEqualTo("a policy version is 1 or more, was 0");
        });
    }

    @Test
    void rejectsAMalformedPurposeCode() {
        assertThat(problems(BASE.replace("  instruction: teaching", "  Instruction Time: teaching"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:4:21 /purposes/Instruction Time");
                    assertThat(p.message()).contains("was 'Instruction Time'");
                });
    }

    @Test
    void rejectsRelationshipTypesOnAnotherRelationship() {
        assertThat(problems(BASE.replace("relationship: STUDENT_STAFF", "relationship: ASSIGNED_SCHOOL")))
                .singleElement().satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:7:5 /rules/0");
                    assertThat(p.message()).contains("relationship types are given exactly for relationship STUDENT_STAFF");
                });
    }

    @Test
    void rejectsADuplicateKey() {
        assertThat(problems(BASE.replace("version: 3\n", "version: 3\nversion: 4\n"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("p.yaml:3:1 /version");
                    assertThat(p.message()).contains("duplicate: 'version'");
                });
    }

    @Test
    void rejectsMalformedYamlWithItsPosition() {
        assertThat(problems(BASE.replace("roles: [TEACHER]", "roles: [TEACHER"))).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("p.yaml:");
            assertThat(p.message()).startsWith("the policy is not well-formed");
        });
    }

    @Test
    void rejectsUnknownFieldInJsonWithItsLocation() {
        String json = """
                {"id": "j", "version": 1, "purposes": {"instruction": "teaching"},
                 "rules": [{"id": "t", "effect": "PERMIT", "roles": ["TEACHER"], "relationship": "STUDENT_STAFF",
                  "relationshipTypes": ["TEACHER_OF"], "basis": "SCHOOL_OFFICIAL", "purposes": ["instruction"],
                  "fields": ["identity.nam"]}]}
                """;
        assertThatThrownBy(() -> Policies.parseJson(json, "p.json", FieldCatalog.defaultCatalog()))
                .isInstanceOfSatisfying(PolicyValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.location()).isEqualTo("p.json:4:14 /rules/0/fields/0")));
    }

    @Test
    void javaBuilderLocatesProblemsByRule() {
        assertThatThrownBy(() -> Policy.builder().id("b").version(1).purpose("instruction", "teaching")
                .rule(Rule.permit("teacher").roles(StaffRole.TEACHER)
                        .studentStaff(org.communityschools.core.model.RelationshipType.TEACHER_OF)
                        .basis(LegalBasis.SCHOOL_OFFICIAL).purposes("instruction").fields("IDENTITY", "grades.final")
                        .build())
                .build())
                .isInstanceOfSatisfying(PolicyValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.location()).isEqualTo("rules[0] 'teacher' fields[1]")))
                .hasMessageContaining("unknown: 'grades.final'");
    }

    @Test
    void ruleShapeIsCheckedWhenBuilt() {
        assertThatThrownBy(() -> Rule.permit("r").roles(StaffRole.TEACHER).relationship(Relationship.ANY)
                .basis(LegalBasis.SCHOOL_OFFICIAL).purposes("instruction").fields("IDENTITY").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relationship ANY is only for forbid");
        assertThatThrownBy(() -> Rule.forbid("r").roles(StaffRole.TEACHER).relationship(Relationship.ANY)
                .basis(LegalBasis.CONSENT).fields("IDENTITY").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a forbid rule has no legal basis");
    }

    @Test
    void theShippedDefaultPolicyValidates() {
        assertThat(Policies.defaultPolicy().rules()).hasSize(11);
        assertThat(Policies.defaultPolicy().directoryFields()).hasSize(5);
    }
}
