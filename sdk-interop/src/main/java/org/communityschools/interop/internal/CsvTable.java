package org.communityschools.interop.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;
import org.communityschools.core.internal.read.CsvFormatException;
import org.communityschools.core.internal.read.CsvRows;

/**
 * Streams the rows of one CSV file of a OneRoster export (RFC 4180, UTF-8, a header row) through the core reader's
 * {@code CsvRows}, the one CSV reader of the SDK, handing each row to a consumer with its 1-based line and its cells by
 * column name. A missing required column is reported once ({@code csv.column-missing}, line 1) and the file is not
 * read; a file that is not well-formed CSV is reported where parsing stopped ({@code csv.malformed}), as are a file
 * that is not UTF-8 ({@code file.encoding}) and a row beyond the {@link ReadLimits} ({@code limit.*}). A row with
 * another number of cells than the header ({@code row.cell-count}) or with a control character other than tab
 * ({@code field.control-character}) is reported and not handed on. Stateless; each call reads one file.
 */
public final class CsvTable {
    private CsvTable() {}

    /** One data row: its file, 1-based line, and cells by column name (an empty cell is absent). */
    public static final class Row {
        private final String file;
        private final long line;
        private final Map<String, Integer> columns;
        private final List<String> cells;

        Row(String file, long line, Map<String, Integer> columns, List<String> cells) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.cells = cells;
        }

        /** The file name. */
        public String file() {
            return file;
        }

        /** The 1-based line (the header is line 1). */
        public long line() {
            return line;
        }

        /** The stripped cell of a column, empty when the column or the value is absent. */
        public Optional<String> get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.size()) {
                return Optional.empty();
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        /** The 1-based column index of a column, 0 when the file has no such column. */
        public int column(String column) {
            Integer i = columns.get(column);
            return i == null ? 0 : i + 1;
        }

        /** Whether the header has the column. */
        public boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    /**
     * Reads a file.
     *
     * @param file     the file
     * @param required the columns the file must have
     * @param consumer receives each non-blank data row
     * @param issues   receives the file's errors
     * @return the header's column names, empty when the file could not be read
     */
    public static Optional<List<String>> read(Path file, List<String> required, Consumer<Row> consumer, Issues issues) {
        return read(file, required, consumer, issues, ReadLimits.defaults());
    }

    /** Reads a file within {@code limits}; see {@link #read(Path, List, Consumer, Issues)}. */
    public static Optional<List<String>> read(Path file, List<String> required, Consumer<Row> consumer, Issues issues,
                                              ReadLimits limits) {
        String name = file.getFileName().toString();
        CsvRows rows;
        try {
            rows = CsvRows.open(file, limits);
        } catch (java.io.UncheckedIOException e) {
            issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "file.unreadable",
                    "the file must be readable: " + e.getCause().getClass().getSimpleName());
            return Optional.empty();
        }
        try (rows) {
            if (!rows.next()) {
                issues.add(Severity.ERROR, name, 1, 0, Optional.empty(), Optional.empty(), "csv.header-missing", "the file must start with a header row");
                return Optional.empty();
            }
            List<String> header = List.of(Arrays.copyOf(rows.cells(), rows.size()));
            if (rows.controlColumn() > 0) {
                issues.add(Severity.ERROR, name, 1, rows.controlColumn(), Optional.empty(), Optional.empty(), "field.control-character",
                        "a header cell must not contain a control character other than tab; the file is not read");
                return Optional.empty();
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).strip();
                if (i == 0 && h.startsWith("\uFEFF")) {
                    h = h.substring(1);
                }
                columns.putIfAbsent(h, i);
            }
            boolean missing = false;
            for (String c : required) {
                if (!columns.containsKey(c)) {
                    issues.add(Severity.ERROR, name, 1, 0, Optional.of(c), Optional.empty(), "csv.column-missing",
                            "the header must have the column " + c + " (OneRoster CSV binding); the file is not read");
                    missing = true;
                }
            }
            if (missing) {
                return Optional.empty();
            }
            while (rows.next()) {
                if (rows.isBlank()) {
                    continue;
                }
                if (rows.size() != header.size()) {
                    issues.add(Severity.ERROR, name, rows.line(), 0, Optional.empty(), Optional.empty(), "row.cell-count",
                            "every row must have as many cells as the header (" + header.size() + "); this one has " + rows.size());
                } else if (rows.controlColumn() > 0) {
                    int c = rows.controlColumn();
                    issues.add(Severity.ERROR, name, rows.line(), c, Optional.of(header.get(c - 1).strip()), Optional.empty(),
                            "field.control-character", "a cell must not contain a control character other than tab (such as NUL)");
                } else {
                    consumer.accept(new Row(name, rows.line(), columns, List.of(Arrays.copyOf(rows.cells(), rows.size()))));
                }
            }
            return Optional.of(header);
        } catch (CsvFormatException e) {
            String rule = e.rule().equals("file.malformed") ? "csv.malformed" : e.rule();
            issues.add(Severity.ERROR, name, e.line(), e.column(), Optional.empty(), Optional.empty(), rule,
                    e.getMessage() + "; the rest of the file is not read");
            return Optional.empty();
        }
    }
}
