package org.communityschools.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.read.CsvFormatException;
import org.communityschools.core.internal.read.CsvRows;

/**
 * Reads a small CSV file through the SDK's one CSV reader (strict RFC 4180, UTF-8, {@link ReadLimits#defaults()}; a
 * byte order mark is dropped, blank lines are skipped). Every broken rule is an {@link IllegalArgumentException}
 * located as {@code file:line:column: [rule] message}.
 */
final class CsvInput {
    private CsvInput() {}

    static List<List<String>> read(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows csv = CsvRows.open(file, ReadLimits.defaults())) {
            while (csv.next()) {
                if (csv.controlColumn() > 0) {
                    throw new IllegalArgumentException(file + ":" + csv.line() + ":" + csv.controlColumn()
                            + ": [field.control-character] a cell must not contain a control character other than tab (such as NUL)");
                }
                if (!csv.isBlank()) {
                    rows.add(List.of(Arrays.copyOf(csv.cells(), csv.size())));
                }
            }
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(file + ":" + e.line() + ":" + e.column() + ": [" + e.rule() + "] " + e.getMessage());
        }
        return rows;
    }
}
