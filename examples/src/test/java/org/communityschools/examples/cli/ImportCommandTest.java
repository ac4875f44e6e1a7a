package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import edfi-xml|edfi-json|oneroster} and {@code export edfi-json} on the samples kept in sdk-interop's test
 * resources: Ed-Fi Grand Bend (Apache-2.0) and the Riverside OneRoster roster (written for the project); see their READMEs.
 */
class ImportCommandTest {
    static final Path GRAND_BEND = Path.of("..", "sdk-interop", "src", "test", "resources", "edfi-grand-bend");
    static final Path RIVERSIDE = Path.of("..", "sdk-interop", "src", "test", "resources", "oneroster-1.2");

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
        // the sessions' 81 + 88 = 169 instructional days per school (not 189 weekdays) are the days enrolled
        assertThat(metrics.out()).contains("255901,262,44,");
        // 960 students in Student.xml, 262 placed at a school by an association or an event
        assertThat(imported.out()).contains("Population: 262 of 960 students are enrolled at a school; the other 698");
    }

    /**
     * --calendar replaces the derived calendar: every day from 2021-08-23 to 2022-05-27 given for each school is the
     * calendar, 9 + 30 + 31 + 30 + 31 + 31 + 28 + 31 + 30 + 27 = 278 days per school, 3 x 278 = 834 rows.
     */
    @Test
    void grandBendImportTakesTheCalendarFromAFile(@TempDir Path dir) throws java.io.IOException {
        Path calendar = dir.resolve("calendar.csv");
        StringBuilder csv = new StringBuilder("school_id,date\n");
        for (String school : java.util.List.of("255901001", "255901044", "255901107")) {
            for (java.time.LocalDate d = java.time.LocalDate.of(2021, 8, 23); !d.isAfter(java.time.LocalDate.of(2022, 5, 27)); d = d.plusDays(1)) {
                csv.append(school).append(',').append(d).append('\n');
            }
        }
        java.nio.file.Files.writeString(calendar, csv);
        Path out = dir.resolve("grand-bend");
        Cli.Run imported = run("import", "edfi-xml", GRAND_BEND.toString(), "--out", out.toString(), "--calendar", calendar.toString());
        assertThat(imported.code()).as(imported.out() + imported.err()).isZero();
        assertThat(java.nio.file.Files.readAllLines(out.resolve("calendar.csv"))).hasSize(1 + 834);
    }

    @Test
    void unknownFormatsAndMissingSourcesAreOneLineErrors(@TempDir Path dir) {
        Cli.Run format = run("import", "sif", dir.toString(), "--out", dir.resolve("x").toString());
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("error: format must be edfi-xml, edfi-json or oneroster");

        Cli.Run missing = run("import", "edfi-xml", dir.resolve("nothing-here").toString(), "--out", dir.resolve("y").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("error: no such file or folder");
    }

    @Test
    void grandBendExportedAsEdFiJsonImportsBackToTheSameChronicAbsence(@TempDir Path dir) {
        Path first = dir.resolve("from-xml");
        assertThat(run("import", "edfi-xml", GRAND_BEND.toString(), "--out", first.toString()).code()).isZero();

        Cli.Run exported = run("export", "edfi-json", "--data", first.toString(), "--out", dir.resolve("json").toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("students.json,960").contains("Ed-Fi resource files to");
        assertThat(exported.err()).contains("personal data");

        Path second = dir.resolve("from-json");
        Cli.Run imported = run("import", "edfi-json", dir.resolve("json").toString(), "--out", second.toString());
        assertThat(imported.code()).as(imported.out()).isZero();
        assertThat(imported.out()).contains("Imported 960 students, 3 schools, 1,916 attendance rows");

        Cli.Run validate = run("validate", second.toString());
        assertThat(validate.code()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("VALID: 0 errors");
        Cli.Run metrics = run("metrics", "chronic-absence", "--data", second.toString(), "--year", "2021-22", "--by", "district");
        assertThat(metrics.code()).isZero();
        assertThat(metrics.out()).contains("255901,262,44,");
    }

    @Test
    void aOneRosterExportImportsToADirectoryThatValidates(@TempDir Path dir) {
        Path out = dir.resolve("riverside");
        Cli.Run imported = run("import", "oneroster", RIVERSIDE.toString(), "--out", out.toString());
        assertThat(imported.code()).as(imported.out()).isZero();
        assertThat(imported.out()).contains("Imported 8 students, 2 schools, 0 attendance rows")
                .contains("Imported 8 staff and 11 teacher-student relationships");
        Cli.Run validate = run("validate", out.toString());
        assertThat(validate.code()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("VALID: 0 errors");
    }

    @Test
    void exportRefusesAFolderThatHoldsFilesAndAnImportWithErrorsWritesNothing(@TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("note.txt"), "keep");
        Cli.Run export = run("export", "edfi-json", "--data", dir.toString(), "--out", dir.toString());
        assertThat(export.code()).isEqualTo(1);
        assertThat(export.err()).contains("error: --out must be a new or empty folder");

        Path bad = dir.resolve("bad");
        java.nio.file.Files.createDirectories(bad);
        java.nio.file.Files.writeString(bad.resolve("students.json"), "[{\"studentUniqueId\": \"S1\"}]");
        Cli.Run imported = run("import", "edfi-json", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("students.json:1:2: ERROR [field.required]").contains("NOT IMPORTED");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
