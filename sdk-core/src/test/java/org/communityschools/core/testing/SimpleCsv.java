package org.communityschools.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A naive, obviously correct RFC 4180 reader for tests: the whole file in memory, rows as maps from header name to
 * cell. An independent reference for the writer's quoting, and a way for tests to inspect generated directories.
 */
public final class SimpleCsv {
    private SimpleCsv() {}

    /** Every row of {@code file} as a list of cells, the header included. */
    public static List<List<String>> cells(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The data rows of {@code file} as maps from column name to cell; empty when the file does not exist. */
    public static List<Map<String, String>> rows(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<List<String>> all = cells(file);
        List<String> header = all.get(0);
        List<Map<String, String>> rows = new ArrayList<>(all.size());
        for (List<String> cells : all.subList(1, all.size())) {
            if (cells.size() != header.size()) {
                throw new IllegalStateException(file.getFileName() + ": a row has " + cells.size() + " cells, the header " + header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), cells.get(i));
            }
            rows.add(m);
        }
        return rows;
    }
}
