package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of malformed and unusual files in {@code src/test/resources/hostile/organizations} (its
 * {@code expected.txt} says, per file, "ok" or the first error's rule, line and column), and inputs too large to
 * commit, generated here: every one is accepted where it is valid, or refused with a located error naming the rule or
 * limit, within bounded memory.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyCorpusFileIsAcceptedOrRefusedWhereItBreaksARule() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/hostile/organizations/expected.txt").toURI()).getParent();
        List<String> cases = Files.readAllLines(corpus.resolve("expected.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(cases).hasSizeGreaterThan(30);
        return cases.stream().map(l -> DynamicTest.dynamicTest(l, () -> {
            String[] f = l.split(" ");
            Path dir = Files.createDirectory(tmp.resolve(f[0] + ".dir"));
            Files.copy(corpus.resolve(f[0]), dir.resolve("organizations.csv"));
            DistrictDataReader reader = DistrictDataReader.builder().withoutBeanValidation().build();
            if (f[1].equals("ok")) {
                assertThat(reader.read(dir).data().organizations()).isNotEmpty();
                return;
            }
            DataValidationException e = catchThrowableOfType(DataValidationException.class, () -> reader.read(dir));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.violations()).filteredOn(v -> v.severity() == Severity.ERROR)
                    .extracting(v -> List.of(v.file(), v.rule(), v.line(), v.column()))
                    .contains(List.of("organizations.csv", f[1], Long.parseLong(f[2]), Integer.parseInt(f[3])));
        }));
    }

    @Test
    void aHundredMegabyteLineOfCommasIsRefusedAtTheCellLimit() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("commas"));
        try (Writer w = Files.newBufferedWriter(dir.resolve("organizations.csv"), StandardCharsets.UTF_8)) {
            w.write("organization_id,name,type\n");
            char[] commas = new char[1 << 20];
            java.util.Arrays.fill(commas, ',');
            for (int i = 0; i < 100; i++) {
                w.write(commas);
            }
            w.write('\n');
        }
        assertThat(Files.size(dir.resolve("organizations.csv"))).isGreaterThan(100_000_000L);
        assertThat(firstError(dir, DistrictDataReader.builder().withoutBeanValidation().build()))
                .isEqualTo("organizations.csv:2:1025: ERROR [limit.cells-per-row] a row may have at most 1024 cells "
                        + "(limit maxCellsPerRow); this one has more; the rest of the file is not read");
    }

    @Test
    void aHugeCellIsRefusedAtTheCellSizeLimit() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("cell"));
        write(dir.resolve("organizations.csv"), "organization_id,name,type\nD1,\"" + "x".repeat(5000) + "\",DISTRICT\n");
        DistrictDataReader reader = DistrictDataReader.builder().withoutBeanValidation()
                .limits(ReadLimits.builder().maxCellChars(1000).build()).build();
        assertThat(firstError(dir, reader)).startsWith("organizations.csv:2:2: ERROR [limit.cell-size] a cell may have at most 1000 characters");
    }

    @Test
    void aLongRowIsRefusedAtTheLineLengthLimit() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("row"));
        String cell = "y".repeat(900);
        write(dir.resolve("organizations.csv"), "organization_id,name,type\nD1," + cell + "," + cell + "\n");
        DistrictDataReader reader = DistrictDataReader.builder().withoutBeanValidation()
                .limits(ReadLimits.builder().maxLineChars(1500).maxCellChars(1000).build()).build();
        assertThat(firstError(dir, reader)).startsWith("organizations.csv:2:3: ERROR [limit.line-length] a row may have at most 1500 characters");
    }

    @Test
    void aLenientReadKeepsTheRowsBeforeALimitAndRejectsTheFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("lenient"));
        write(dir.resolve("organizations.csv"), "organization_id,name,type\nD1,City,DISTRICT\n" + ",".repeat(50) + "\n");
        ReadResult r = DistrictDataReader.builder().withoutBeanValidation().lenient(true)
                .limits(ReadLimits.builder().maxCellsPerRow(10).build()).build().read(dir);
        assertThat(r.report().violations()).extracting(Violation::rule).containsExactly("limit.cells-per-row");
    }

    @Test
    void limitsAreSetOnceAndPositive() {
        assertThatThrownBy(() -> ReadLimits.builder().maxCellChars(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCellChars must be at least 1, was 0");
        assertThatThrownBy(() -> ReadLimits.builder().maxDepth(3).maxDepth(4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("maxDepth was already set to 3");
        assertThatThrownBy(() -> ReadLimits.builder().maxLineChars(10).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxCellChars (65536) must not exceed maxLineChars (10)");
        assertThat(ReadLimits.defaults()).isEqualTo(ReadLimits.builder().build());
        assertThat(DistrictDataReader.builder().withoutBeanValidation().build().limits()).isEqualTo(ReadLimits.defaults());
    }

    private static String firstError(Path dir, DistrictDataReader reader) {
        DataValidationException e = catchThrowableOfType(DataValidationException.class, () -> reader.read(dir));
        assertThat(e).isNotNull();
        return e.violations().get(0).toString();
    }

    private static void write(Path file, String text) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
