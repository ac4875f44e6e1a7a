package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and huge input to the imports: the corpus in {@code src/test/resources/hostile/edfi-xml} (its
 * {@code expected.txt} says, per file, "ok" or the first error's rule and line), and cases built here. Every refusal
 * is a located violation; an import to a directory that fails leaves nothing behind, and one that succeeds writes a
 * directory the reader accepts.
 */
class ImportHostileInputTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyEdFiXmlCorpusFileIsReadOrRefusedWhereItBreaksARule() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/hostile/edfi-xml/expected.txt").toURI()).getParent();
        List<String> cases = Files.readAllLines(corpus.resolve("expected.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(cases).hasSizeGreaterThan(12);
        return cases.stream().map(l -> DynamicTest.dynamicTest(l, () -> {
            String[] f = l.split(" ");
            EdFiImportResult r = EdFiXmlImport.builder().lenient(true).build().read(corpus.resolve(f[0]));
            List<Violation> fileErrors = r.errors().stream().filter(v -> v.rule().startsWith("xml.") || v.rule().startsWith("limit.")).toList();
            if (f[1].equals("ok")) {
                assertThat(fileErrors).isEmpty();
                assertThat(r.data().students()).hasSize(1);
                assertThat(r.data().students().get(0).firstName()).isEqualTo("Ada");
                return;
            }
            assertThat(fileErrors).isNotEmpty();
            assertThat(List.of(fileErrors.get(0).file(), fileErrors.get(0).rule(), fileErrors.get(0).line()))
                    .as(fileErrors.get(0).toString()).containsExactly(f[0], f[1], Long.parseLong(f[2]));
            assertThat(r.data().students()).allSatisfy(s -> assertThat(s.firstName()).doesNotContain("lol").doesNotContain("root:"));
        }));
    }

    @Test
    void anEmptyFolderIsNothingToImportAndNothingIsWritten() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path out = tmp.resolve("out");
        assertThat(refusal(() -> EdFiXmlImport.importToDirectory(empty, out))).containsExactly("empty: ERROR [import.empty] "
                + "there is nothing to import: no Ed-Fi record the import reads was found in any .xml file");
        assertThat(refusal(() -> EdFiJsonImport.importToDirectory(empty, out))).singleElement().asString().contains("[import.empty]");
        assertThat(refusal(() -> OneRosterImport.importToDirectory(empty, out))).singleElement().asString().contains("[oneroster.manifest-missing]");
        Files.writeString(empty.resolve("manifest.csv"), "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n");
        assertThat(refusal(() -> OneRosterImport.importToDirectory(empty, out))).singleElement().asString().contains("[import.empty]");
        assertThat(out).doesNotExist();
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".out"));
    }

    @Test
    void aOneRosterExportWithoutItsManifestIsRefused() throws IOException {
        Path src = copy(OneRosterImportTest.V12, tmp.resolve("src"));
        Files.delete(src.resolve("manifest.csv"));
        Path out = tmp.resolve("out");
        assertThat(refusal(() -> OneRosterImport.importToDirectory(src, out))).anySatisfy(v -> assertThat(v)
                .startsWith("manifest.csv: ERROR [oneroster.manifest-missing] a OneRoster export must have a manifest.csv"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aOneRosterRowWithAnExtraCellOrAControlCharacterOrAStrayQuoteIsRefusedAtItsLine() throws IOException {
        Path src = copy(OneRosterImportTest.V12, tmp.resolve("src"));
        List<String> users = Files.readAllLines(src.resolve("users.csv"));
        Files.writeString(src.resolve("users.csv"), String.join("\n", users.get(0), users.get(1) + ",extra",
                users.get(2).replaceFirst(",", ",\u0000"), String.join("\n", users.subList(3, users.size()))) + "\n");
        Path out = tmp.resolve("out");
        assertThat(refusal(() -> OneRosterImport.importToDirectory(src, out)))
                .anySatisfy(v -> assertThat(v).startsWith("users.csv:2: ERROR [row.cell-count]"))
                .anySatisfy(v -> assertThat(v).startsWith("users.csv:3:2: ERROR [field.control-character]"));
        Files.writeString(src.resolve("users.csv"), String.join("\n", users.get(0), users.get(1).replaceFirst(",", ",a\"b")) + "\n");
        assertThat(refusal(() -> OneRosterImport.importToDirectory(src, out)))
                .anySatisfy(v -> assertThat(v).startsWith("users.csv:2:2: ERROR [csv.malformed] a double quote may appear only in a quoted cell"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aHundredMegabyteOneRosterLineIsRefusedAtALimit() throws IOException {
        Path src = copy(OneRosterImportTest.V12, tmp.resolve("src"));
        try (Writer w = Files.newBufferedWriter(src.resolve("users.csv"), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND)) {
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 100; i++) {
                w.write(chunk);
            }
        }
        Path out = tmp.resolve("out");
        assertThat(refusal(() -> OneRosterImport.importToDirectory(src, out)))
                .anySatisfy(v -> assertThat(v).matches("users\\.csv:\\d+:1: ERROR \\[limit.cell-size\\] a cell may have at most 65536 characters.*"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aHundredMegabyteXmlTextNodeIsRefusedAtTheCellLimit() throws IOException {
        Path file = tmp.resolve("Student.xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                    + "<Student><StudentUniqueId>S1</StudentUniqueId><Name><FirstName>");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'a');
            for (int i = 0; i < 100; i++) {
                w.write(chunk);
            }
            w.write("</FirstName></Name></Student></InterchangeStudent>\n");
        }
        Path out = tmp.resolve("out");
        assertThat(refusal(() -> EdFiXmlImport.importToDirectory(file, out))).singleElement().asString()
                .startsWith("Student.xml:3:").contains("[limit.cell-size] the text of an element may have at most 65536 characters");
        assertThat(out).doesNotExist();
    }

    @Test
    void readLimitsAreConfigurable() throws IOException {
        Path file = tmp.resolve("Student.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n<Student><Name><FirstName>"
                + "b".repeat(300) + "</FirstName></Name></Student></InterchangeStudent>\n");
        EdFiImportResult r = EdFiXmlImport.builder().lenient(true).limits(ReadLimits.builder().maxCellChars(100).build()).build().read(file);
        assertThat(r.errors()).extracting(Violation::rule).containsExactly("limit.cell-size");
        Path json = Files.createDirectory(tmp.resolve("json")).resolve("students.json");
        Files.writeString(json, "[{\"studentUniqueId\":\"S1\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}]");
        EdFiImportResult j = EdFiJsonImport.builder().lenient(true).limits(ReadLimits.builder().maxDepth(8).build()).build().read(json);
        assertThat(j.errors()).extracting(Violation::rule, Violation::line).containsExactly(org.assertj.core.groups.Tuple.tuple("limit.depth", 1L));
        Files.writeString(json, "[{\"studentUniqueId\":\"" + "c".repeat(300) + "\"}]");
        EdFiImportResult s = EdFiJsonImport.builder().lenient(true).limits(ReadLimits.builder().maxCellChars(100).build()).build().read(json);
        assertThat(s.errors()).extracting(Violation::rule).containsExactly("limit.cell-size");
    }

    @Test
    void anImportNeverWritesADirectoryTheReaderRejects() throws IOException {
        Path src = Files.createDirectory(tmp.resolve("src"));
        EdFiXmlImportRulesTest.district(src, "2021-08-23", "2021-12-17", 80, "");
        Files.writeString(src.resolve("Student.xml"), Files.readString(src.resolve("Student.xml")).replace("<FirstName>Ada</FirstName>",
                "<FirstName>" + "A".repeat(150) + "</FirstName>"));
        Path out = Files.createDirectory(tmp.resolve("out"));
        assertThat(refusal(() -> EdFiXmlImport.importToDirectory(src, out))).singleElement().asString()
                .startsWith("students.csv:2:2: ERROR [field.constraint] the imported data would break this rule of the data directory, "
                        + "so nothing was written: first_name size must be between 0 and 100");
        assertThat(out).isEmptyDirectory();
        Files.writeString(src.resolve("Student.xml"), Files.readString(src.resolve("Student.xml")).replace("A".repeat(150), "Ada"));
        EdFiXmlImport.importToDirectory(src, out);
        assertThat(out.resolve("students.csv")).content().contains("Ada");
    }

    private static List<String> refusal(Runnable importing) {
        DataValidationException e = catchThrowableOfType(DataValidationException.class, importing::run);
        assertThat(e).as("refused").isNotNull();
        return e.violations().stream().filter(v -> v.severity() == Severity.ERROR).map(Violation::toString).toList();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }
}
