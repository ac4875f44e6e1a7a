package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code view} and {@code access} decide by the policy given with {@code --policy}, and refuse an invalid one whole. */
class PolicyOptionTest {
    static final String DAY = "2018-03-01";

    @TempDir
    static Path dir;
    @TempDir
    static Path policies;
    static StudentStaffRelationship teaching;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.TINY).seed(4).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        teaching = data.studentStaffRelationships().stream()
                .filter(r -> r.relationship() == RelationshipType.TEACHER_OF && r.period().contains(LocalDate.parse(DAY)))
                .findFirst().orElseThrow();
    }

    /** A policy file of the test resources: {@code identity-only.yaml} lets a teacher see only rostered students' identity. */
    static Path policy(String name) {
        try {
            return Path.of(PolicyOptionTest.class.getResource("/org/communityschools/examples/policies/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code view} or {@code access} of the teacher (and their rostered student) on {@link #DAY}. */
    static Cli.Run run(String command, String... policyOption) {
        List<String> args = new ArrayList<>(List.of(command, "--data", dir.toString(), "--as", teaching.staffId().value(),
                "--at", DAY));
        if (command.equals("view")) {
            args.addAll(List.of("--student", teaching.studentId().value()));
        }
        args.addAll(List.of(policyOption));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void viewShowsWhatTheGivenPolicyGrantsInsteadOfTheDefault() {
        Cli.Run byDefault = run("view");
        Cli.Run custom = run("view", "--policy", policy("identity-only.yaml").toString());

        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(ViewCommandTest.topLevelKeys(byDefault.out())).contains("identity", "attendance").hasSizeGreaterThan(1);
        assertThat(custom.code()).as(custom.err()).isZero();
        assertThat(ViewCommandTest.topLevelKeys(custom.out())).containsExactly("identity");
    }

    @Test
    void accessListsTheGivenPolicysRulesWhetherWrittenInYamlOrJson() {
        Cli.Run byDefault = run("access");
        Cli.Run yaml = run("access", "--policy", policy("identity-only.yaml").toString());
        Cli.Run json = run("access", "--policy", policy("identity-only-json.policy").toString());

        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).contains(teaching.studentId().value() + ",instruction,identity|directory|attendance")
                .doesNotContain("teacher-identity-only");
        assertThat(yaml.code()).as(yaml.err()).isZero();
        assertThat(yaml.out()).contains(teaching.studentId().value() + ",instruction,identity,teacher-identity-only,SCHOOL_OFFICIAL");
        assertThat(yaml.out().lines().skip(1)).allSatisfy(row -> assertThat(row).contains(",identity,teacher-identity-only,"));
        assertThat(json.out()).isEqualTo(yaml.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"view", "access"})
    void aForbidRuleAfterADocumentSeparatorRefusesThePolicyWithOneLocatedLineAndExitOne(String command) {
        Path refused = policy("forbid-after-separator.yaml");

        Cli.Run run = run(command, "--policy", refused.toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err().lines()).containsExactly(refused + ":16:3: one-document: a policy file holds exactly one "
                + "document; another document starts here, and a policy is never read in part");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everyProblemOfARefusedPolicyIsOneLineWithItsPointer() throws IOException {
        String json = Files.readString(policy("identity-only-json.policy"), StandardCharsets.UTF_8);
        Path unknownRole = Files.writeString(policies.resolve("unknown-role.json"),
                json.replace("[\"TEACHER\"]", "[\"TEACHR\"]"), StandardCharsets.UTF_8);
        Path twoProblems = Files.writeString(policies.resolve("two-problems.json"),
                json.replace("\"IDENTITY\"", "\"IDENTTY\"").replace("\"instruction\"]", "\"tutoring\"]"), StandardCharsets.UTF_8);

        Cli.Run structure = run("access", "--policy", unknownRole.toString());
        Cli.Run catalog = run("access", "--policy", twoProblems.toString());

        assertThat(structure.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(structure.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith(unknownRole + ":2:74: unknown-value: unknown role 'TEACHR'")
                .endsWith(" (at /rules/0/roles/0)"));
        assertThat(catalog.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(catalog.err().lines()).containsExactly(
                twoProblems + ":4:50: field-unknown: rule fields must be field paths of the catalog or data category "
                        + "names; unknown: 'IDENTTY' (at /rules/0/fields/0)",
                twoProblems + ":4:26: purpose-undeclared: rule purposes must be declared by the policy; undeclared: "
                        + "'tutoring' (at /rules/0/purposes/0)");
    }

    @Test
    void aPolicyFileThatCannotBeReadIsAnErrorNamingIt() {
        Cli.Run run = run("access", "--policy", policies.resolve("missing.yaml").toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err()).startsWith("error: cannot read the policy file " + policies.resolve("missing.yaml"));
    }
}
