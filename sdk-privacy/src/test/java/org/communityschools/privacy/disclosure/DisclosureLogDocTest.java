package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example log in docs/privacy-disclosure-log.md is what the sink writes, and it verifies. */
class DisclosureLogDocTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleIsWhatTheSinkWritesAndItVerifies() throws Exception {
        Path log = dir.resolve("example.jsonl");
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log)) {
            sink.append(Samples.mentorSeesAttendance("S-1", Samples.T0));
            sink.append(Samples.emergency("S-1", Samples.T0.plusSeconds(3600)));
        }
        String example = Files.readString(log, StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "disclosure-log-example.jsonl"), example, StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("..", "docs", "privacy-disclosure-log.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains("```json\n" + example + "```\n");
        assertThat(DisclosureLogs.verify(log).intactLines()).isEqualTo(2);
        assertThat(List.of(example.split("\n"))).hasSize(2);
    }
}
