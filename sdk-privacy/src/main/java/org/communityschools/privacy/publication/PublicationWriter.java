package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.internal.write.CsvFileWriter;

/**
 * Writes a released {@link ProtectedTable} as CSV or JSON with its markers, and the suppression report. Every writer
 * refuses a table the audit refused ({@link ReleaseRefusedException}). Only what {@link ProtectedCell} holds is
 * written, so a hidden value cannot leak through the output. Stateless and thread-safe.
 *
 * <p>CSV: a header {@code <row dimension>,<column dimension>,count,group_size,percent} (the column dimension is left
 * out for one-dimensional tables), one line per cell in table order, {@code \n} line ends, fields quoted per RFC 4180
 * when needed, and a label a spreadsheet would run as a formula written as text ({@link
 * org.communityschools.core.data.CsvCells}: {@code '} in front). A suppressed cell shows its marker in count, group_size and percent; a coded cell shows its group size
 * and its marker in count and percent. Percent has one decimal, rounded half to even, from the exact rate.
 *
 * <p>JSON: {@code {"rules", "status", "rows", "columns", "cells": [...]}}; a published cell has {@code count},
 * {@code groupSize} and {@code percent}; a hidden cell has {@code marker} (and {@code groupSize} when coded).
 *
 * <p>The suppression report ({@link #reportCsv}, {@link #reportJson}) is for the publisher's own records, not for
 * publication: its reasons tell primary cells (a small count or group) from complementary ones, which narrows what a
 * reader could infer about them beyond the audited ranges. The published CSV and JSON never carry it.
 */
public final class PublicationWriter {
    private PublicationWriter() {
    }

    /**
     * {@return the protected table as CSV}
     *
     * @param table a released table
     */
    public static String csv(ProtectedTable table) {
        Objects.requireNonNull(table, "table").orThrow();
        boolean twoWay = table.columns().size() > 1;
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(table.rows().name()));
        if (twoWay) {
            header.add(table.columns().name());
        }
        header.addAll(List.of("count", "group_size", "percent"));
        line(out, header);
        for (ProtectedCell c : table.cells()) {
            List<String> fields = new ArrayList<>(List.of(c.key().row()));
            if (twoWay) {
                fields.add(c.key().column());
            }
            String marker = c.marker().orElse("");
            switch (c.status()) {
                case PUBLISHED -> fields.addAll(List.of(Long.toString(c.count().orElseThrow()),
                        Long.toString(c.groupSize().orElseThrow()), c.rate().map(r -> r.toPercentString(1)).orElse("")));
                case SUPPRESSED -> fields.addAll(List.of(marker, marker, marker));
                default -> fields.addAll(List.of(marker, Long.toString(c.groupSize().orElseThrow()), marker));
            }
            line(out, fields);
        }
        return out.toString();
    }

    /**
     * {@return the suppression report as CSV: {@code row,column,reason,lower,upper}, one line per suppressed cell}
     *
     * @param table a protected table
     */
    public static String reportCsv(ProtectedTable table) {
        Objects.requireNonNull(table, "table").orThrow();
        StringBuilder out = new StringBuilder();
        line(out, List.of("row", "column", "reason", "lower", "upper"));
        for (SuppressionEntry e : table.report()) {
            line(out, List.of(e.key().row(), e.key().column(), e.reason().name(), Long.toString(e.range().lower()),
                    Long.toString(e.range().upper())));
        }
        return out.toString();
    }

    /**
     * {@return the protected table as one JSON object, fit for publication (no report)}
     *
     * @param table a released table
     */
    public static String json(ProtectedTable table) {
        Objects.requireNonNull(table, "table").orThrow();
        boolean twoWay = table.columns().size() > 1;
        StringBuilder out = new StringBuilder("{");
        out.append("\"rules\":").append(quote(table.rules())).append(",\"status\":").append(quote(table.status().name()))
                .append(",\"rows\":").append(quote(table.rows().name()));
        if (twoWay) {
            out.append(",\"columns\":").append(quote(table.columns().name()));
        }
        out.append(",\"cells\":[");
        String sep = "";
        for (ProtectedCell c : table.cells()) {
            out.append(sep).append("{\"row\":").append(quote(c.key().row()));
            if (twoWay) {
                out.append(",\"column\":").append(quote(c.key().column()));
            }
            c.count().ifPresent(v -> out.append(",\"count\":").append(v));
            c.groupSize().ifPresent(v -> out.append(",\"groupSize\":").append(v));
            c.rate().ifPresent(r -> out.append(",\"percent\":").append(quote(r.toPercentString(1))));
            c.marker().ifPresent(m -> out.append(",\"marker\":").append(quote(m)));
            out.append('}');
            sep = ",";
        }
        return out.append("]}").toString();
    }

    /**
     * The suppression report as one JSON object for the publisher's records: {@code {"rules", "rows", "columns",
     * "suppressed": [{"row", "column", "reason", "lower", "upper"}]}}, one entry per suppressed cell.
     *
     * @param table a protected table
     * @return the report, as JSON
     */
    public static String reportJson(ProtectedTable table) {
        Objects.requireNonNull(table, "table").orThrow();
        boolean twoWay = table.columns().size() > 1;
        StringBuilder out = new StringBuilder("{");
        out.append("\"rules\":").append(quote(table.rules())).append(",\"rows\":").append(quote(table.rows().name()));
        if (twoWay) {
            out.append(",\"columns\":").append(quote(table.columns().name()));
        }
        out.append(",\"suppressed\":[");
        String sep = "";
        for (SuppressionEntry e : table.report()) {
            out.append(sep).append("{\"row\":").append(quote(e.key().row()));
            if (twoWay) {
                out.append(",\"column\":").append(quote(e.key().column()));
            }
            out.append(",\"reason\":").append(quote(e.reason().name())).append(",\"lower\":").append(e.range().lower())
                    .append(",\"upper\":").append(e.range().upper()).append('}');
            sep = ",";
        }
        return out.append("]}").toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        CsvFileWriter.appendNeutralizedRow(out, fields.toArray(String[]::new));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
