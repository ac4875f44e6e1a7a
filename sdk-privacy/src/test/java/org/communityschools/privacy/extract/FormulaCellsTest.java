package org.communityschools.privacy.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityschools.core.data.CsvCells;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Research extracts and crosswalks are CSV for people: no cell in them is one a spreadsheet would run
 * ({@link CsvCells}), even when the district's own ids start with {@code =}, {@code +}, {@code -} or {@code @}, which
 * the data directory accepts. Issue 18: such a city once gave an extract with 6,940 formula cells.
 */
class FormulaCellsTest {
    private static final Pattern SCHOOL_ID = Pattern.compile("(?m)(?<=^|,|\")SCH(\\d{4})(?=,|\"|$)");
    private static final String PREFIXES = "=+-@";

    /** The tiny city, every school id (a whole cell or JSON string) given a first character a spreadsheet runs. */
    static DistrictData cityWithFormulaSchoolIds(Path dir) throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = SCHOOL_ID.matcher(Files.readString(f, StandardCharsets.UTF_8));
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(
                            PREFIXES.charAt(Integer.parseInt(m.group(1)) % 4) + "SCH" + m.group(1)));
                }
                m.appendTail(out);
                Files.writeString(f, out, StandardCharsets.UTF_8);
            }
        }
        return DistrictDataReader.builder().build().read(dir).data(); // strict: the directory is valid
    }

    @Test
    void anExtractOfACityWhoseSchoolIdsStartFormulasHoldsNoCellASpreadsheetWouldRun(@TempDir Path tmp) throws IOException {
        DistrictData data = cityWithFormulaSchoolIds(tmp.resolve("city"));
        assertThat(data.schools()).allSatisfy(s -> assertThat(CsvCells.runsAsFormula(s.id().value())).isTrue());

        ResearchExtract extract = ResearchExtractTest.builder(data, ResearchExtractTest.STUDY).k(1).build();
        Path out = tmp.resolve("extract");
        try (DisclosureSink log = DisclosureLogs.inMemory()) {
            extract.write(out, log);
        }

        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertThat(text).as(f.toString()).doesNotContain("\"").doesNotContain("\r"); // no quoted cell: split on commas
                text.lines().forEach(line -> written.addAll(List.of(line.split(",", -1))));
            }
        }
        assertThat(written).noneMatch(CsvCells::runsAsFormula);
        // the school ids are there, as text, and read back to the ids themselves
        List<String> schools = written.stream().filter(c -> c.matches("'[=+\\-@]SCH\\d{4}")).toList();
        assertThat(schools).isNotEmpty();
        assertThat(schools).allSatisfy(c -> assertThat(data.school(
                org.communityschools.core.model.SchoolId.of(CsvCells.restore(c)))).isPresent());
    }

    @Test
    void aCrosswalkWritesStudentIdsAsTextAndReadsBackWithRestore(@TempDir Path tmp) throws IOException {
        Pseudonymizer p = Pseudonymizer.randomTokens(new SecureRandom(new byte[] {18}));
        List<StudentId> ids = List.of(StudentId.of("=1+1"), StudentId.of("@SUM(A1)"), StudentId.of("'quoted"),
                StudentId.of("-7"), StudentId.of("S-1"));
        ids.forEach(p::pseudonym);
        Path file = tmp.resolve("crosswalk.csv");
        p.writeCrosswalk(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> studentCells = lines.stream().skip(1).map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        assertThat(studentCells).containsExactlyInAnyOrder("'=1+1", "'@SUM(A1)", "''quoted", "-7", "S-1");
        assertThat(studentCells).noneMatch(CsvCells::runsAsFormula);
        Map<StudentId, String> crosswalk = p.crosswalk();
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            assertThat(crosswalk.get(StudentId.of(CsvCells.restore(line.substring(0, comma)))))
                    .isEqualTo(line.substring(comma + 1));
        }
    }
}
