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
 * ({@code file:line:column}), never a stack trace, and nothing written to {@code --out}. The data directory commands
 * (validate, metrics chronic-absence, attendance-rate, graduation and early-warning, compare, view, access, agreements,
 * extract, export, publish, import) share the corpus; audit, serve, demo, generate and the file options (policy, key,
 * log, checkpoints) have their own cases, usage errors ending in exit code 2.
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
                    new String[] {"import", "oneroster", d, "--out", out.toString()},
                    new String[] {"view", "--data", d, "--as", "STF0001", "--student", "STU0001"},
                    new String[] {"access", "--data", d, "--as", "STF0001"},
                    new String[] {"compare", "--data", d, "--metric", "chronic-absence", "--from", "2017", "--to", "2018"},
                    new String[] {"agreements", "--data", d},
                    new String[] {"metrics", "attendance-rate", "--data", d, "--year", "2018"},
                    new String[] {"metrics", "early-warning", "--data", d, "--year", "2018", "--school", "SCH0001"},
                    new String[] {"extract", "--data", d, "--agreement", "DSA-1", "--crosswalk", out.resolve("x.csv").toString(),
                            "--out", out.toString()});
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

    /**
     * The commands that take no data directory, or take it with other files: a malformed disclosure log, checkpoint
     * file, key file or policy file, and arguments out of range. Each ends with one line naming the file and line, or
     * the option and value, and exit code 1 (bad input) or 2 (bad usage); never a stack trace or another exit code.
     */
    @TestFactory
    Stream<DynamicTest> everyOtherCommandRefusesBadFilesAndArgumentsWithOneLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Path log = Files.write(dir.resolve("log.jsonl"), new byte[] {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, '\n'});
        Path notJson = Files.writeString(dir.resolve("garbage.jsonl"), "not json at all\n");
        Path twoBad = Files.writeString(dir.resolve("two-bad.jsonl"), "not json\nnor this\n");
        Path key = Files.writeString(dir.resolve("key.txt"), "short\n");
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"rules\": [\n");
        Path city = Files.createDirectories(dir.resolve("city"));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String out = dir.resolve("out").toString();
        String c = city.toString();
        List<Object[]> cases = List.of(
                new Object[] {new String[] {"audit", "verify", log.toString()}, 1, "log.jsonl"},
                new Object[] {new String[] {"audit", "verify", notJson.toString()}, 1, "garbage.jsonl"},
                new Object[] {new String[] {"audit", "verify", dir.resolve("absent.jsonl").toString()}, 1, "absent.jsonl"},
                new Object[] {new String[] {"audit", "repair", twoBad.toString()}, 1, "two-bad.jsonl"},
                new Object[] {new String[] {"audit", "checkpoint", "--log", notJson.toString(), "--key-file", key.toString(),
                        "--key-id", "k1"}, 1, "key.txt"},
                new Object[] {new String[] {"audit", "verify", notJson.toString(), "--checkpoint", notJson.toString(),
                        "--key-file", key.toString()}, 1, "garbage.jsonl"},
                new Object[] {new String[] {"view", "--data", c, "--as", "STF0001", "--student", "STU0001", "--policy",
                        policy.toString()}, 1, "policy.json"},
                new Object[] {new String[] {"access", "--data", c, "--as", "STF0001", "--at", "2018-13-45"}, 2, "--at"},
                new Object[] {new String[] {"view", "--data", c, "--as", "STF0001", "--student", "STU0001", "--at",
                        "2018-02-30"}, 2, "2018-02-30"},
                new Object[] {new String[] {"compare", "--data", c, "--metric", "chronic-absence", "--from", "20x8",
                        "--to", "2018"}, 2, "20x8"},
                new Object[] {new String[] {"agreements", "--data", c, "--as-of", "tomorrow"}, 2, "tomorrow"},
                new Object[] {new String[] {"metrics", "attendance-rate", "--data", c, "--year", "1"}, 2, "--year"},
                new Object[] {new String[] {"extract", "--data", c, "--agreement", "DSA-1", "--key-file", key.toString(),
                        "--key-id", "k", "--out", out}, 1, "key.txt"},
                new Object[] {new String[] {"extract", "--data", c, "--agreement", "DSA-1", "--crosswalk",
                        dir.resolve("x.csv").toString(), "--k", "-3", "--out", out}, 1, "k must be between 1 and 1000, was -3"},
                new Object[] {new String[] {"extract", "--data", c, "--agreement", "DSA-1", "--out", out}, 2, "--crosswalk"},
                new Object[] {new String[] {"serve", "--port", "70000"}, 1, "--port"},
                new Object[] {new String[] {"serve", "--port", "eighty"}, 2, "eighty"},
                new Object[] {new String[] {"serve", "--demo-sign-in", "--preset", "nyc-huge"}, 1, "nyc-huge"},
                new Object[] {new String[] {"serve", "--today", "someday"}, 2, "someday"},
                new Object[] {new String[] {"demo", "--preset", "nowhere"}, 2, "nowhere"},
                new Object[] {new String[] {"demo", "--seed", "many"}, 2, "many"},
                new Object[] {new String[] {"demo", "--out", file.toString()}, 1, "a-file"},
                new Object[] {new String[] {"generate", "--preset", "nowhere", "--out", out}, 2, "nowhere"},
                new Object[] {new String[] {"generate", "--years", "2018-2015", "--out", out}, 2, "2018-2015"},
                new Object[] {new String[] {"generate", "--out", file.toString()}, 1, "a-file"},
                new Object[] {new String[] {"metrics", "chronic-absence", "--data", c, "--year", "2018", "--format", "xml"},
                        1, "xml"});
        Files.writeString(city.resolve("organizations.csv"), HEADER + "D1,City,DISTRICT\n");
        return cases.stream().map(k -> DynamicTest.dynamicTest(String.join(" ", (String[]) k[0]).replace(tmp.toString(), ""), () -> {
            Cli.Run run = Cli.run((String[]) k[0]);
            String all = run.out() + run.err();
            assertThat(run.code()).as(all).isEqualTo(k[1]);
            assertThat(all).as(all).doesNotContainPattern("\\w(Exception|Error)\\b").doesNotContain("\tat ");
            // bad input: the last line says what and where; bad usage: picocli's first line names the option or
            // value, then the usage follows
            List<String> lines = (run.err().isBlank() ? run.out() : run.err()).lines().filter(l -> !l.isBlank()).toList();
            String message = k[1].equals(2) ? lines.get(0) : lines.get(lines.size() - 1);
            assertThat(message).as(all).contains((String) k[2]);
            assertThat(Path.of(out)).doesNotExist();
        }));
    }
}
