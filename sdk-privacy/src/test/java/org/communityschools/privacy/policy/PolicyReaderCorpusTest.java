package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.FieldCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A policy file is read whole or refused: a corpus of policy files, each named for what it shows, with the expected
 * outcome in {@code corpus/expectations.tsv}: {@code valid}, or the rule code and line:column of the first problem.
 */
class PolicyReaderCorpusTest {
    private static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(PolicyReaderCorpusTest.class.getResource("corpus/expectations.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File name to expectation, from the manifest. */
    private static Map<String, String> expectations() {
        Map<String, String> out = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(CORPUS.resolve("expectations.tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    out.put(cells[0], cells[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Stream<String> validFiles() {
        return expectations().entrySet().stream().filter(e -> e.getValue().equals("valid")).map(Map.Entry::getKey);
    }

    static Stream<String> invalidFiles() {
        return expectations().entrySet().stream().filter(e -> !e.getValue().equals("valid")).map(Map.Entry::getKey);
    }

    @Test
    void theCorpusHasAtLeastFortyFilesEachWithAnExpectation() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expectations.tsv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40).containsExactlyElementsOf(expectations().keySet());
        assertThat(validFiles()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(invalidFiles()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void acceptsAValidPolicyFile(String name) {
        Policy policy = Policies.load(CORPUS.resolve(name));

        assertThat(policy.id()).isEqualTo("corpus-policy");
        assertThat(policy.rules()).extracting(Rule::id).startsWith("teacher-roster", "no-health-for-teachers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void refusesAnInvalidPolicyFileWithTheLocatedRuleItBreaks(String name) {
        Path file = CORPUS.resolve(name);
        String[] expected = expectations().get(name).split("@");

        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class, () -> Policies.load(file));

        assertThat(e).as("%s was accepted", name).isNotNull();
        PolicyProblem first = e.problems().get(0);
        assertThat(first.code()).as(first.toString()).isEqualTo(expected[0]);
        assertThat(first.location()).as(first.toString()).startsWith(file + ":" + expected[1] + " /");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.location()).matches("\\Q" + file + "\\E:\\d+:\\d+ /.*"));
    }

    @Test
    void aForbidRuleAfterADocumentSeparatorIsRefusedSoNoEngineIsBuiltWithoutIt() throws IOException {
        Path file = CORPUS.resolve("second-yaml-document-with-forbid.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String firstDocument = text.substring(0, text.indexOf("---\n"));

        assertThatThrownBy(() -> Policies.load(file)).isInstanceOfSatisfying(PolicyValidationException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("one-document");
                    assertThat(p.location()).isEqualTo(file + ":23:3 /");
                }));
        // What a loader that read only the first document would have enforced: the teacher keeps behavior records
        // for student support, because the forbid rule that took them away was never read.
        Policy truncated = Policies.parseYaml(firstDocument, "first-document.yaml", FieldCatalog.defaultCatalog());
        assertThat(truncated.rules()).filteredOn(r -> r.effect() == Effect.FORBID && r.roles().contains(StaffRole.TEACHER))
                .noneMatch(r -> r.fields().contains("BEHAVIOR"));
        assertThat(truncated.rule("teacher-roster").orElseThrow().fields()).contains("BEHAVIOR");
        // The same rule inside the document is read and enforced.
        Policy whole = Policies.parseYaml(text.replace("---\n", ""), "one-document.yaml", FieldCatalog.defaultCatalog());
        assertThat(whole.rule("no-behavior-for-teachers")).hasValueSatisfying(r -> {
            assertThat(r.effect()).isEqualTo(Effect.FORBID);
            assertThat(r.fields()).containsExactly("BEHAVIOR");
        });
    }

    @Test
    void aForbidRuleWithoutPurposesAppliesToEveryPurpose() {
        Rule forbid = Policies.load(CORPUS.resolve("valid-minimal.yaml")).rule("no-health-for-teachers").orElseThrow();

        assertThat(forbid.purposes()).isEmpty();
        assertThat(forbid.appliesTo(Purpose.of("instruction"))).isTrue();
        assertThat(forbid.appliesTo(Purpose.of("student-support"))).isTrue();
    }

    @Test
    void aFileNamedNeitherJsonNorYamlIsReadByItsContent() {
        assertThat(Policies.load(CORPUS.resolve("valid-json-detected-by-content.policy")).rules())
                .isEqualTo(Policies.load(CORPUS.resolve("valid-yaml-detected-by-content.policy")).rules());
    }
}
