package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.CsvCells;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result table for the command line: named columns and rows of strings, numbers and decimals, written as CSV
 * (RFC 4180, with cells that a spreadsheet would run as a formula written as text, by the SDK's one rule in {@link
 * CsvCells}) or as a JSON array of objects.
 */
final class Table {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; values are {@link String}, {@link Number} or {@link Boolean}, one per column. */
    Table add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " values, had " + values.length);
        }
        for (Object v : values) {
            Objects.requireNonNull(v, "value");
        }
        rows.add(List.of(values));
        return this;
    }

    int size() {
        return rows.size();
    }

    void write(PrintWriter out, String format) {
        switch (format) {
            case "csv" -> writeCsv(out);
            case "json" -> writeJson(out);
            default -> throw new IllegalArgumentException("format must be csv or json, was '" + format + "'");
        }
        out.flush();
    }

    private void writeCsv(PrintWriter out) {
        out.print(String.join(",", columns.stream().map(Table::csvCell).toList()));
        out.print('\n');
        for (List<Object> row : rows) {
            out.print(String.join(",", row.stream().map(Table::text).map(Table::csvCell).toList()));
            out.print('\n');
        }
    }

    private void writeJson(PrintWriter out) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            objects.add(object);
        }
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(objects));
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    /**
     * A cell as the command line writes it: the SDK's formula rule first ({@link CsvCells#neutralize}: {@code '} in
     * front of a cell a spreadsheet would run, numbers left as they are), then quoted when RFC 4180 needs it.
     */
    static String csvCell(String cell) {
        String c = CsvCells.neutralize(cell);
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            c = "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
