package org.communityschools.core.internal.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.communityschools.core.data.CsvCells;

/**
 * Writes one CSV file: RFC 4180 quoting, UTF-8, {@code \n} line ends, buffered. Not thread-safe.
 *
 * <p>A minimal quoting writer rather than Jackson's {@code CsvMapper}: the generator writes some 80 million
 * attendance rows for the {@code nyc} preset, and rows are formatted as UTF-8 bytes straight into a {@link CsvRow}
 * buffer, each cell scanned once for the four characters that need quoting ({@code , " \r \n}) and for non-ASCII
 * text, with no per-row generator state, schema lookup or value conversion; rows are formatted on worker threads and
 * written in order by one thread ({@link #write(CsvRow)}), which only copies bytes. Quoting is the whole of RFC 4180's output side, so there is little to get
 * wrong; {@code CsvFileWriterTest} pins it down. Reading stays with Jackson.
 *
 * <p>Values are written exactly as they are ({@link #row}, {@link #appendRow}): this is the data directory's writer,
 * and the directory must read back equal. CSV written for people to open goes through {@link #appendNeutralizedRow},
 * which applies the SDK's one formula rule ({@link CsvCells}).
 */
public final class CsvFileWriter implements AutoCloseable {
    private final OutputStream out;
    private final CsvRow line = new CsvRow(256);
    private long rows;

    private CsvFileWriter(OutputStream out) {
        this.out = out;
    }

    /** Creates (or truncates) {@code file} and writes the header row. */
    public static CsvFileWriter create(Path file, List<String> header) {
        try {
            OutputStream w = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 18);
            CsvFileWriter writer = new CsvFileWriter(w);
            writer.row(header.toArray(new String[0]));
            writer.rows = 0;
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Writes one row; an empty string is an empty cell. */
    public void row(String... cells) {
        line.clear();
        for (String cell : cells) {
            line.cell(cell);
        }
        line.end();
        write(line);
    }

    /** Writes the rows formatted into {@code formatted} (on this thread or another), counting them. */
    public void write(CsvRow formatted) {
        try {
            out.write(formatted.buffer(), 0, formatted.length());
            rows += formatted.rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends one row, quoted as RFC 4180 says and ended by {@code \n}, to {@code sb}: for CSV text the SDK hands out
     * as a string (publications, extracts); the data directory's rows go through {@link CsvRow}.
     */
    public static void appendRow(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String value = cells[i];
            if (!needsQuotes(value)) {
                sb.append(value);
                continue;
            }
            sb.append('"');
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '"') {
                    sb.append('"');
                }
                sb.append(c);
            }
            sb.append('"');
        }
        sb.append('\n');
    }

    /**
     * Appends one row as {@link #appendRow} does, each cell first passed through {@link CsvCells#neutralize}: for the
     * CSV files the SDK writes for people (publications, extracts, crosswalks), never for the data directory, which
     * must read back exactly.
     */
    public static void appendNeutralizedRow(StringBuilder sb, String... cells) {
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = CsvCells.neutralize(cells[i]);
        }
        appendRow(sb, safe);
    }

    /** RFC 4180: a field containing a comma, a double quote or a line break is enclosed in double quotes. */
    static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The data rows written so far, not counting the header. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
