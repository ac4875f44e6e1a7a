package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.communityschools.privacy.FieldCatalog;
import org.junit.jupiter.api.Test;

/** docs/privacy-policy.md shows the rules of the shipped default policy exactly, so the page cannot drift. */
class PolicyDocTest {
    static String table(Policy policy) {
        StringBuilder sb = new StringBuilder("| rule | effect | roles | relationship | basis | purposes | fields | "
                + "authorizes | masks | rows | history |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Rule r : policy.rules()) {
            sb.append("| `").append(r.id()).append("` | ").append(r.effect()).append(" | ")
                    .append(r.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))).append(" | ")
                    .append(r.relationship())
                    .append(r.relationshipTypes().isEmpty() ? "" : " " + r.relationshipTypes().stream().map(Enum::name)
                            .sorted().collect(Collectors.joining(", ")))
                    .append(" | ").append(r.basis().map(Enum::name).orElse("")).append(" | ")
                    .append(r.purposes().stream().map(Purpose::code).collect(Collectors.joining(", "))).append(" | ")
                    .append(String.join(", ", r.fields())).append(" | ")
                    .append(r.authorizes().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))).append(" | ")
                    .append(r.masks().stream().map(m -> m.field() + " " + m.transform()).collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(r.rows().stream().map(x -> x.field() + " " + x.filter()).collect(Collectors.joining(", ")))
                    .append(" | ").append(r.effect() == Effect.PERMIT ? r.history().describe() : "").append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void theDocumentedRuleTableIsTheDefaultPolicy() throws Exception {
        String expected = table(Policies.defaultPolicy());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "default-policy-table.md"), expected, StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("..", "docs", "privacy-policy.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains(expected);
    }

    @Test
    void theDocumentedEmergencySectionIsTheDefaultPolicys() throws Exception {
        EmergencyAccess e = Policies.defaultPolicy().emergency().orElseThrow();
        String expected = "emergency roles: " + e.roles().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(", ")) + "; fields: " + String.join(", ", e.fields()) + "\n";
        String doc = Files.readString(Path.of("..", "docs", "privacy-policy.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains(expected);
        assertThat(e).isEqualTo(EmergencyAccess.defaults());
    }

    @Test
    void theExamplePolicyInTheDocsLoads() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "privacy-policy.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        Policy p = Policies.parseYaml(yaml, "privacy-policy.md", FieldCatalog.defaultCatalog());
        assertThat(p.id()).isEqualTo("example");
        assertThat(p.emergency()).isPresent();
    }
}
