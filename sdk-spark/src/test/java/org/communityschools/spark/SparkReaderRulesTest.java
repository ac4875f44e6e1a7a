package org.communityschools.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.LoadReport;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.spark.rows.ViolationRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark reader applies the core reader's rules: same accepted rows, same violations (file, line, column, rule). */
class SparkReaderRulesTest {
    static final Set<DataFile> SPARK_FILES = EnumSet.of(DataFile.ORGANIZATIONS, DataFile.SCHOOLS, DataFile.PARTNERSHIPS,
            DataFile.STUDENTS, DataFile.STUDENT_CHARACTERISTICS, DataFile.CALENDAR, DataFile.ENROLLMENTS, DataFile.DIPLOMAS,
            DataFile.ATTENDANCE);

    @TempDir
    static Path clean;
    @TempDir
    static Path broken;

    static SparkSession spark;
    static SparkDistrictData cleanData;
    static SparkDistrictData brokenData;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(3).years(SchoolYear.of(2018), SchoolYear.of(2018)).build().writeTo(clean);
        SyntheticCity.builder().preset(Preset.TINY).seed(3).years(SchoolYear.of(2018), SchoolYear.of(2018)).build().writeTo(broken);
        String student = firstCell(broken.resolve("students.csv"));
        String enrollment = dataLine(broken.resolve("enrollments.csv"));
        String[] e = enrollment.split(",", -1);
        append("students.csv",
                Files.readAllLines(broken.resolve("students.csv")).get(1),          // unique.id
                "SNEW00001,Ann,Lee,2010-01-01,UNKNOWN_SEX,WHITE,,false");           // field.format
        append("calendar.csv", dataLine(broken.resolve("calendar.csv")));           // unique.calendar-day
        append("enrollments.csv",
                String.join(",", e[0], e[1], "2018-05-01", e[3], "2018-04-01", "TRANSFERRED", "true"),  // field.date-order
                String.join(",", e[0], e[1], "2018-05-01", e[3], "2018-06-01", "", "false"),            // field.invalid
                String.join(",", e[0], e[1], e[2], e[3], e[4], e[5], e[6]),                             // unique.enrollment
                String.join(",", e[0], e[1], "2017-10-02", e[3], "", "", "false"),                      // no-overlap-at-school
                String.join(",", "SNEW00001", e[1], "2017-09-07", e[3], "", "", "false"),               // reference.rejected
                String.join(",", "SNOBODY99", e[1], "2017-09-07", e[3], "", "", "false"));              // reference.unknown-student
        append("attendance.csv",
                dataLine(broken.resolve("attendance.csv")),                                 // unique.attendance
                String.join(",", student, e[1], "2017-13-45", "UNEXCUSED_ABSENCE", "", ""),    // field.format
                String.join(",", student, e[1], "2017-10-02", "PARTIAL", "", ""),              // partial-duration
                String.join(",", e[0], e[1], "2017-09-09", "UNEXCUSED_ABSENCE", "", ""),       // a Saturday: on-instructional-day
                String.join(",", student, "SCHNONE", "2017-10-03", "UNEXCUSED_ABSENCE", "", ""), // reference.unknown-school
                String.join(",", student, e[1]));                                              // row.cell-count
        append("diplomas.csv", String.join(",", "SNOBODY99", e[1], "2018-06-20", "REGULAR"));   // reference.unknown-student
        spark = LocalSpark.session();
        cleanData = SparkDistrictReader.csv(spark).read(clean.toString()).cache();
        brokenData = SparkDistrictReader.csv(spark).read(broken.toString()).cache();
    }

    @Test
    void aCleanDirectoryHasNoViolationAndTheCoreReadersRows() {
        LoadReport core = DistrictDataReader.builder().withoutBeanValidation().build().read(clean).report();
        SparkDistrictData data = cleanData;

        assertThat(data.violations().count()).isZero();
        assertThat(data.students().count()).isEqualTo(core.counts(DataFile.STUDENTS).accepted());
        assertThat(data.characteristics().count()).isEqualTo(core.counts(DataFile.STUDENT_CHARACTERISTICS).accepted());
        assertThat(data.calendar().count()).isEqualTo(core.counts(DataFile.CALENDAR).accepted());
        assertThat(data.enrollments().count()).isEqualTo(core.counts(DataFile.ENROLLMENTS).accepted());
        assertThat(data.diplomas().count()).isEqualTo(core.counts(DataFile.DIPLOMAS).accepted());
        assertThat(data.attendance().count()).isEqualTo(core.counts(DataFile.ATTENDANCE).accepted());
    }

    @Test
    void brokenRowsAreReportedAtTheCoreReadersFileLineColumnAndRuleAndLeftOut() {
        ReadResult core = DistrictDataReader.builder().withoutBeanValidation().lenient(true).build().read(broken);
        SparkDistrictData data = brokenData;

        Set<String> expected = core.report().violations().stream()
                .filter(v -> SPARK_FILES.stream().anyMatch(f -> f.fileName().equals(v.file())))
                .map(SparkReaderRulesTest::where).collect(Collectors.toSet());
        Set<String> actual = data.violations().collectAsList().stream().map(ViolationRow::toViolation)
                .map(SparkReaderRulesTest::where).collect(Collectors.toSet());
        assertThat(expected).as("every kind of broken row is in the directory").hasSizeGreaterThanOrEqualTo(15);
        assertThat(actual).isEqualTo(expected)
                .anyMatch(w -> w.startsWith("enrollments.csv:") && w.endsWith(":3:enrollment.no-overlap-at-school"));
        assertThat(data.attendance().count()).isEqualTo(core.report().counts(DataFile.ATTENDANCE).accepted());
        assertThat(data.enrollments().count()).isEqualTo(core.report().counts(DataFile.ENROLLMENTS).accepted());
        assertThat(data.students().count()).isEqualTo(core.report().counts(DataFile.STUDENTS).accepted());
        // no personal data in a report: names are never a reported value
        assertThat(data.violations().collectAsList()).noneMatch(v -> "Ann".equals(v.getValue()));
    }

    @Test
    void strictModeRefusesToGoOnAndCarriesEveryError() {
        SparkDistrictData data = brokenData;
        long errors = data.errorCount();

        assertThat(errors).isPositive();
        assertThatThrownBy(data::requireValid).isInstanceOfSatisfying(DataValidationException.class, e -> {
            assertThat(e.errorCount()).isEqualTo(errors);
            assertThat(e.violations()).hasSize((int) errors).allMatch(v -> v.line() > 0 && !v.rule().isEmpty());
        });
    }

    @Test
    void parquetTablesWithTheSameColumnsGiveTheSameFigures(@TempDir Path parquet) {
        for (DataFile f : SPARK_FILES) {
            spark.read().option("header", "true").csv(clean.resolve(f.fileName()).toString())
                    .write().parquet(parquet.resolve(f.fileName().replace(".csv", ".parquet")).toString());
        }
        SparkDistrictData data = SparkDistrictReader.parquet(spark).read(parquet.toString()).requireValid();
        ChronicAbsenceReport expected = ChronicAbsence.calculate(DistrictDataReader.builder().withoutBeanValidation().build()
                .read(clean).data(), SchoolYear.of(2018), ChronicAbsenceDefinition.NYSED);

        ChronicAbsenceResult actual = SparkChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.NYSED);
        assertThat(actual.collect("DISTRICT")).isEqualTo(Map.of("ALL", expected.district()));
        assertThat(actual.collect("SCHOOL")).hasSameSizeAs(expected.schools());
    }

    private static String where(Violation v) {
        return v.file() + ":" + v.line() + ":" + v.column() + ":" + v.rule();
    }

    private static String firstCell(Path file) throws IOException {
        return dataLine(file).split(",", -1)[0];
    }

    private static String dataLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.get(1);
    }

    private static void append(String file, String... lines) throws IOException {
        Files.writeString(broken.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
