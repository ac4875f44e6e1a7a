package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads input, given malformed input (a NUL inside a name, a quote inside an unquoted cell, invalid
 * UTF-8, a line far beyond the cell limit, an empty export): exit code 1, a line that locates the error
 * ({@code file:line:column}), never a stack trace, and nothing written to {@code --out}.
 */
class MalformedInputCommandsTest {
    private static final String HEADER = "organization_id,name,type\n";

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyCommandGivesOneLocatedLineAndExitCodeOne() throws IOException {
        List<String[]> inputs = List.of(
                new String[] {"nul", HEADER + "D1,City\u0000District,DISTRICT\n", "organizations.csv:2:2"},
                new String[] {"quote", HEADER + "D1,ab\"c,DISTRICT\n", "organizations.csv:2:2"},
                new String[] {"commas", HEADER + ",".repeat(5000) + "\n", "organizations.csv:2:1025"});
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (String[] input : inputs) {
            Path dir = Files.createDirectories(tmp.resolve(input[0]));
            Files.writeString(dir.resolve("organizations.csv"), input[1]);
            Path out = tmp.resolve(input[0] + "-out");
            String d = dir.toString();
            List<String[]> commands = List.of(
                    new String[] {"validate", d},
                    new String[] {"metrics", "chronic-absence", "--data", d, "--year", "2018"},
                    new String[] {"metrics", "graduation", "--data", d, "--cohort", "2015"},
                    new String[] {"export", "edfi-json", "--data", d, "--out", out.toString()},
                    new String[] {"publish", "--in", dir.resolve("organizations.csv").toString(), "--key", "name", "--count", "type",
                            "--size", "type", "--preset", "n10", "--out", out.resolve("t.csv").toString()},
                    new String[] {"import", "oneroster", d, "--out", out.toString()});
            for (String[] command : commands) {
                tests.add(DynamicTest.dynamicTest(input[0] + ": " + String.join(" ", command).replace(tmp.toString(), ""), () -> {
                    Cli.Run run = Cli.run(command);
                    String all = run.out() + run.err();
                    assertThat(run.code()).as(all).isEqualTo(1);
                    assertThat(all).as(all).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
                    if (!command[0].equals("import")) {
                        assertThat(all.lines()).as(all).anySatisfy(l -> assertThat(l).contains(input[2]));
                    }
                    assertThat(out).doesNotExist();
                }));
            }
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (String format : List.of("edfi-xml", "edfi-json", "oneroster")) {
            tests.add(DynamicTest.dynamicTest("empty: import " + format, () -> {
                Path out = tmp.resolve("empty-out");
                Cli.Run run = Cli.run("import", format, empty.toString(), "--out", out.toString());
                assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
                assertThat(run.out()).contains("ERROR [").contains("NOT IMPORTED").doesNotContain("Exception");
                assertThat(out).doesNotExist();
            }));
        }
        return tests.build();
    }
}
