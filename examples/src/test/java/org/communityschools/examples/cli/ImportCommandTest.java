package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import edfi-xml} on the Ed-Fi Grand Bend sample kept in sdk-interop's test resources (Apache-2.0, see its README). */
class ImportCommandTest {
    static final Path GRAND_BEND = Path.of("..", "sdk-interop", "src", "test", "resources", "edfi-grand-bend");

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void grandBendImportsToADirectoryThatValidates(@TempDir Path dir) {
        Path out = dir.resolve("grand-bend");
        Cli.Run imported = run("import", "edfi-xml", GRAND_BEND.toString(), "--out", out.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 960 students, 3 schools, 1,916 attendance rows");

        Cli.Run validate = run("validate", out.toString());
        assertThat(validate.code()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("VALID: 0 errors");

        Cli.Run metrics = run("metrics", "chronic-absence", "--data", out.toString(), "--year", "2021-22", "--by", "district");
        assertThat(metrics.code()).isZero();
        assertThat(metrics.out()).contains("255901,262,36,");
    }

    @Test
    void unknownFormatsAndMissingSourcesAreOneLineErrors(@TempDir Path dir) {
        Cli.Run format = run("import", "oneroster", dir.toString(), "--out", dir.resolve("x").toString());
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("error: format must be edfi-xml");

        Cli.Run missing = run("import", "edfi-xml", dir.resolve("nothing-here").toString(), "--out", dir.resolve("y").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("error: no such file or folder");
    }
}
