package org.communityschools.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.testing.SimpleCsv;

class CsvFileWriterTest {
    @Property(tries = 200)
    void aNaiveRfc4180ReaderGetsBackEveryCell(@ForAll("rows") List<List<String>> rows) {
        Path dir = tempDir();
        try {
            Path file = dir.resolve("t.csv");
            try (CsvFileWriter w = CsvFileWriter.create(file, List.of("a", "b", "c"))) {
                for (List<String> row : rows) {
                    w.row(row.toArray(new String[0]));
                }
                assertThat(w.rows()).isEqualTo(rows.size());
            }
            List<List<String>> expected = new ArrayList<>();
            expected.add(List.of("a", "b", "c"));
            expected.addAll(rows);
            assertThat(SimpleCsv.cells(file)).isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 200)
    void quotesExactlyTheCellsThatNeedIt(@ForAll("cells") String cell) {
        StringBuilder sb = new StringBuilder();
        CsvFileWriter.appendRow(sb, cell);
        boolean special = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        assertThat(sb.toString()).isEqualTo(special ? "\"" + cell.replace("\"", "\"\"") + "\"\n" : cell + "\n");
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("ab ,\"\n\ré€").ofMaxLength(8);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        // Cells without \r: the naive reader keeps \r inside quotes but a bare \r\n would not survive a text round trip.
        Arbitrary<String> cell = Arbitraries.strings().withChars("ab ,\"\né€").ofMaxLength(8);
        return cell.list().ofSize(3).list().ofMaxSize(5)
                // A row of one empty cell cannot be told from an empty line; give every row a non-empty first cell.
                .map(rs -> {
                    List<List<String>> fixed = new ArrayList<>();
                    for (List<String> r : rs) {
                        List<String> copy = new ArrayList<>(r);
                        copy.set(0, "x" + copy.get(0));
                        fixed.add(copy);
                    }
                    return fixed;
                });
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void theDataDirectoryWriterKeepsEveryValueAndTheWriterForPeopleNeutralizesFormulas() {
        StringBuilder exact = new StringBuilder();
        CsvFileWriter.appendRow(exact, "=SCH0001", "-3", "@x,y");
        StringBuilder forPeople = new StringBuilder();
        CsvFileWriter.appendNeutralizedRow(forPeople, "=SCH0001", "-3", "@x,y");

        assertThat(exact).hasToString("=SCH0001,-3,\"@x,y\"\n");
        assertThat(forPeople).hasToString("'=SCH0001,-3,\"'@x,y\"\n");
    }
}
