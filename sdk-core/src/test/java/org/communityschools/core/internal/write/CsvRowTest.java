package org.communityschools.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The byte formatter of the data directory ({@link CsvRow}) writes exactly the bytes of the text formatter
 * ({@link CsvFileWriter#appendRow}) encoded as UTF-8: the generator's output must not change with the path it takes.
 */
class CsvRowTest {
    @Property(tries = 500)
    void writesTheBytesOfTheTextFormatter(@ForAll("rows") List<List<String>> rows) {
        CsvRow bytes = new CsvRow(8);   // small, so that the buffer grows on the way
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            row.forEach(bytes::cell);
            bytes.end();
            CsvFileWriter.appendRow(text, row.toArray(String[]::new));
        }
        assertThat(java.util.Arrays.copyOf(bytes.buffer(), bytes.length()))
                .isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.rows()).isEqualTo(rows.size());
    }

    @Property(tries = 500)
    void writesADateAsLocalDateToStringDoes(@ForAll @IntRange(min = -20_000, max = 20_000) int year,
                                            @ForAll @IntRange(min = 1, max = 12) int month,
                                            @ForAll @IntRange(min = 1, max = 28) int day) {
        LocalDate date = LocalDate.of(year, month, day);
        CsvRow row = new CsvRow(8);
        row.date(date).end();
        assertThat(row.toString()).isEqualTo(date + "\n");
    }

    @Test
    void separatesEmptyCellsAndDatesLikeAnyOther() {
        // "S1", an empty cell, 2018-01-05, "a,b" quoted: S1,,2018-01-05,"a,b"
        CsvRow row = new CsvRow(8);
        row.cell("S1").empty().date(LocalDate.of(2018, 1, 5)).cell("a,b").end();
        row.cell("é\"").end();
        assertThat(row.toString()).isEqualTo("S1,,2018-01-05,\"a,b\"\n\"é\"\"\"\n");
        row.clear();
        assertThat(row.length()).isZero();
        assertThat(row.rows()).isZero();
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> cell = Arbitraries.strings().withChars("aZ09 -,\"\n\ré€\uD83D\uDE00").ofMaxLength(10);
        return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(6);
    }
}
