package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code view} and {@code access} decide by the policy given with {@code --policy}, and refuse an invalid one whole. */
class PolicyOptionTest {
    static final String DAY = "2018-03-01";

    /** A teacher sees only the identity of their rostered students. */
    static final String IDENTITY_ONLY = """
            id: identity-only
            version: 1
            purposes:
              instruction: teaching the student
            rules:
              - id: teacher-identity-only
                effect: PERMIT
                roles: [TEACHER]
                relationship: STUDENT_STAFF
                relationshipTypes: [TEACHER_OF]
                basis: SCHOOL_OFFICIAL
                purposes: [instruction]
                fields: [IDENTITY]
            """;

    /** The same policy as JSON. */
    static final String IDENTITY_ONLY_JSON = """
            {"id": "identity-only", "version": 1, "purposes": {"instruction": "teaching the student"},
             "rules": [{"id": "teacher-identity-only", "effect": "PERMIT", "roles": ["TEACHER"],
                        "relationship": "STUDENT_STAFF", "relationshipTypes": ["TEACHER_OF"], "basis": "SCHOOL_OFFICIAL",
                        "purposes": ["instruction"], "fields": ["IDENTITY"]}]}
            """;

    /** A forbid rule after a document separator (line 15): the policy is refused, not read in part. */
    static final String FORBID_AFTER_SEPARATOR = IDENTITY_ONLY.replace("fields: [IDENTITY]", "fields: [IDENTITY, BEHAVIOR]")
            + """
            ---
              - id: no-behavior-for-teachers
                effect: FORBID
                roles: [TEACHER]
                relationship: ANY
                fields: [BEHAVIOR]
            """;

    @TempDir
    static Path dir;
    @TempDir
    static Path policies;
    static StudentStaffRelationship teaching;
    static Path identityOnly;
    static Path identityOnlyJson;
    static Path refused;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(4).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        teaching = data.studentStaffRelationships().stream()
                .filter(r -> r.relationship() == RelationshipType.TEACHER_OF && r.period().contains(LocalDate.parse(DAY)))
                .findFirst().orElseThrow();
        identityOnly = Files.writeString(policies.resolve("identity-only.yaml"), IDENTITY_ONLY, StandardCharsets.UTF_8);
        identityOnlyJson = Files.writeString(policies.resolve("identity-only.policy"), IDENTITY_ONLY_JSON,
                StandardCharsets.UTF_8);
        refused = Files.writeString(policies.resolve("forbid-after-separator.yaml"), FORBID_AFTER_SEPARATOR,
                StandardCharsets.UTF_8);
    }

    static Cli.Run view(String... policyOption) {
        return Cli.run(concat(List.of("view", "--data", dir.toString(), "--as", teaching.staffId().value(), "--student",
                teaching.studentId().value(), "--at", DAY), policyOption));
    }

    static Cli.Run access(String... policyOption) {
        return Cli.run(concat(List.of("access", "--data", dir.toString(), "--as", teaching.staffId().value(), "--at", DAY),
                policyOption));
    }

    private static String[] concat(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of(more)).toArray(String[]::new);
    }

    /** The one line that reports the refused policy of {@link #FORBID_AFTER_SEPARATOR}. */
    static String refusedLine() {
        return refused + ":15:3: one-document: a policy file holds exactly one document; another document starts here, "
                + "and a policy is never read in part";
    }

    @Test
    void viewShowsWhatTheGivenPolicyGrantsInsteadOfTheDefault() {
        Cli.Run byDefault = view();
        Cli.Run custom = view("--policy", identityOnly.toString());

        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(ViewCommandTest.topLevelKeys(byDefault.out())).contains("identity", "attendance").hasSizeGreaterThan(1);
        assertThat(custom.code()).as(custom.err()).isZero();
        assertThat(ViewCommandTest.topLevelKeys(custom.out())).containsExactly("identity");
    }

    @Test
    void viewRefusesAnInvalidPolicyWithOneLocatedLineAndExitOne() {
        Cli.Run run = view("--policy", refused.toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err().lines()).containsExactly(refusedLine());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void accessListsTheGivenPolicysRulesWhetherWrittenInYamlOrJson() {
        Cli.Run byDefault = access();
        Cli.Run yaml = access("--policy", identityOnly.toString());
        Cli.Run json = access("--policy", identityOnlyJson.toString());

        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).contains(teaching.studentId().value() + ",instruction,identity|attendance")
                .doesNotContain("teacher-identity-only");
        assertThat(yaml.code()).as(yaml.err()).isZero();
        assertThat(yaml.out()).contains(teaching.studentId().value() + ",instruction,identity,teacher-identity-only,SCHOOL_OFFICIAL");
        assertThat(yaml.out().lines().skip(1)).allSatisfy(row -> assertThat(row).contains(",identity,teacher-identity-only,"));
        assertThat(json.out()).isEqualTo(yaml.out());
    }

    @Test
    void accessRefusesAnInvalidPolicyBeforeReadingTheData() {
        Cli.Run run = access("--policy", refused.toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err().lines()).containsExactly(refusedLine());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everyProblemOfARefusedPolicyIsOneLineWithItsPointer() throws IOException {
        Path twoProblems = Files.writeString(policies.resolve("two-problems.json"), IDENTITY_ONLY_JSON
                .replace("[\"TEACHER\"]", "[\"TEACHR\"]").replace("\"IDENTITY\"", "\"IDENTTY\""), StandardCharsets.UTF_8);

        Cli.Run run = access("--policy", twoProblems.toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith(twoProblems + ":2:74: unknown-value: unknown role 'TEACHR'")
                .endsWith(" (at /rules/0/roles/0)"));
        Files.writeString(twoProblems, IDENTITY_ONLY_JSON.replace("\"IDENTITY\"", "\"IDENTTY\"").replace("\"instruction\"]",
                "\"tutoring\"]"), StandardCharsets.UTF_8);

        Cli.Run catalog = access("--policy", twoProblems.toString());

        assertThat(catalog.err().lines()).containsExactly(
                twoProblems + ":4:50: field-unknown: rule fields must be field paths of the catalog or data category "
                        + "names; unknown: 'IDENTTY' (at /rules/0/fields/0)",
                twoProblems + ":4:26: purpose-undeclared: rule purposes must be declared by the policy; undeclared: "
                        + "'tutoring' (at /rules/0/purposes/0)");
    }

    @Test
    void aPolicyFileThatCannotBeReadIsAnErrorNamingIt() {
        Cli.Run run = access("--policy", policies.resolve("missing.yaml").toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err()).startsWith("error: cannot read the policy file " + policies.resolve("missing.yaml"));
    }
}
