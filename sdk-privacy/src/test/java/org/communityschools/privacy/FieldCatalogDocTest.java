package org.communityschools.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/privacy-field-catalog.md shows the default catalog exactly, so the page cannot drift from the code. */
class FieldCatalogDocTest {
    static String table(FieldCatalog catalog) {
        StringBuilder sb = new StringBuilder("| path | category | tags | source in the data directory | what it holds |\n"
                + "|---|---|---|---|---|\n");
        for (DataField f : catalog.fields()) {
            sb.append("| `").append(f.path()).append("` | ").append(f.category()).append(" | ")
                    .append(f.sensitivities().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                    .append(" | ").append(f.source().orElse("(not carried yet)")).append(" | ").append(f.description())
                    .append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void theDocumentedTableIsTheDefaultCatalog() throws Exception {
        String expected = table(FieldCatalog.defaultCatalog());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "field-catalog-table.md"), expected, StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("..", "docs", "privacy-field-catalog.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains(expected);
    }
}
