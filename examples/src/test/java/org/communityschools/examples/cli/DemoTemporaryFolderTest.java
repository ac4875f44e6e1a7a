package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo without {@code --out}: it says where it writes, and at the end it deletes the generated district and keeps
 * only what it told the user about (the report and the disclosure log).
 */
class DemoTemporaryFolderTest {

    @Test
    void deletesTheGeneratedDistrictAndKeepsTheReportAndTheLog() throws IOException {
        Cli.Run demo = Cli.run("demo", "--preset", "tiny");
        Matcher kept = Pattern.compile("kept in (\\S+): ").matcher(demo.out());
        assertThat(kept.find()).as(demo.out()).isTrue();
        Path folder = Path.of(kept.group(1));
        try {
            assertThat(demo.exitCode()).as(demo.err()).isZero();
            assertThat(demo.err()).contains("Writing into " + folder + ": the generated district is deleted at the end");
            try (Stream<Path> left = Files.list(folder)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("report.html", "disclosures.jsonl");
            }
            assertThat(demo.out())
                    .containsPattern("Deleted the generated district \\([1-9][0-9,]* files, [0-9.,]+ MB\\) from "
                            + Pattern.quote(folder.resolve("district").toString()))
                    .contains("Report: " + folder.resolve("report.html"))
                    .contains("kept in " + folder + ": disclosures.jsonl, report.html")
                    .contains("demo --out DIR, then java -jar examples/target/community-schools.jar serve --data DIR")
                    .doesNotContain("serve --data " + folder);
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
