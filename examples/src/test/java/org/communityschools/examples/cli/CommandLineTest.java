package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a generated {@code tiny} city. */
class CommandLineTest {
    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void generatedTinyCityValidatesWithExitCodeZero(@TempDir Path dir) {
        Cli.Run generate = run("generate", "--preset", "tiny", "--seed", "7", "--years", "2017-2018", "--out", dir.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("attendance.csv", "students.csv");
        assertThat(dir.resolve("agreements.json")).exists();

        Cli.Run validate = run("validate", dir.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains("VALID: 0 errors");
    }

    @Test
    void validateNamesFileLineColumnAndRuleAndExitsOne(@TempDir Path dir) throws IOException {
        assertThat(run("generate", "--preset", "tiny", "--years", "2018", "--out", dir.toString()).exitCode()).isZero();
        Path attendance = dir.resolve("attendance.csv");
        List<String> lines = Files.readAllLines(attendance, StandardCharsets.UTF_8);
        String[] cells = lines.get(1).split(",", -1);
        cells[3] = "ABSENT_ISH";
        lines.set(1, String.join(",", cells));
        Files.write(attendance, lines, StandardCharsets.UTF_8);

        Cli.Run validate = run("validate", dir.toString());

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).contains("attendance.csv:2:4: ERROR").contains("ABSENT_ISH").contains("INVALID");
    }

    @Test
    void validateOfAMissingDirectoryIsOneLineErrorWithoutStackTrace(@TempDir Path dir) {
        Cli.Run validate = run("validate", dir.resolve("nope").toString());
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.err().strip()).startsWith("error: not a directory").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("generate", "--preset", "atlantis", "--out", "x").exitCode()).isEqualTo(2);
        assertThat(run("generate", "--years", "2018-2015", "--out", "x").exitCode()).isEqualTo(2);
        assertThat(run("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void everyCommandAndSubcommandHasHelp() {
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(new picocli.CommandLine(Main.class), List.of(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p))
                .contains("generate", "validate", "metrics chronic-absence", "view", "audit verify", "demo");
        for (List<String> path : paths) {
            List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            Cli.Run help = run(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Usage:").contains(path.get(path.size() - 1));
        }
    }

    /** Every command path of the tool but picocli's own {@code help}. */
    private static void collect(picocli.CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return;   // picocli's help command, or an alias of a command already listed
            }
            List<String> here = new java.util.ArrayList<>(path);
            here.add(name);
            into.add(here);
            collect(sub, here, into);
        });
    }

    @Test
    void demoTellsTheStoryOfTheTinyCity(@TempDir Path dir) throws IOException {
        Cli.Run demo = run("demo", "--preset", "tiny", "--out", dir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Path report = dir.resolve("report.html");
        assertThat(demo.out()).contains("Report: " + report.toAbsolutePath());
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<section id=\"overview\">", "<section id=\"community-school\">", "<section id=\"chronic-absence\">",
                        "<section id=\"tiers\">", "<section id=\"graduation\">", "<section id=\"who-sees-what\">", "<section id=\"publication\">", "<section id=\"early-warning\">",
                        "<section id=\"interventions\">")
                .contains("<svg id=\"chart-chronic-absence\"", "<svg id=\"chart-graduation\"", "<svg id=\"chart-tiers\"")
                .contains("class=\"series-community\"", "class=\"series-other\"", "class=\"tier-severe_chronic\"")
                .contains("difference in differences")
                .doesNotContain("<script", "http://", "https://cdn");
        assertThat(demo.out())
                .contains("1. Generated", "2. Read and validated every row", "0 errors",
                        "3. Community schools by year", "4. One community school", "Lead CBO", "Agreement", "Success Mentor",
                        "5. Chronic absence", "6. Four-year adjusted cohort graduation rate", "difference in differences",
                        "4b. Who may see what, and why", "principal", "community school director", "success mentor", "teacher",
                        "verified: intact", "8. Early-warning list of", "9. Interventions alongside outcomes",
                        "10. Chronically absent students by race/ethnicity and community school");
    }
}
