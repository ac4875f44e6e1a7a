package org.communityschools.core.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Streams the rows of one RFC 4180 CSV file (UTF-8) with Jackson's CSV parser, one row at a time, so that a file of
 * any size is never held in memory. Each row's cells are exposed in a reused array together with the 1-based line on
 * which the row starts (correct also after quoted cells that span several lines). Not thread-safe.
 */
public final class CsvRows implements Closeable {
    private static final CsvMapper MAPPER = CsvMapper.builder().build();

    private final InputStream in;
    private final JsonParser parser;
    private String[] cells = new String[16];
    private int count;
    private long line;

    private CsvRows(InputStream in, JsonParser parser) {
        this.in = in;
        this.parser = parser;
    }

    /** Opens {@code file}. */
    public static CsvRows open(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            return new CsvRows(in, MAPPER.reader().with(CsvSchema.emptySchema()).createParser(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Advances to the next row.
     *
     * @return false at the end of the file
     * @throws JacksonException when the file is not well-formed CSV (an unclosed quote, say)
     */
    public boolean next() {
        JsonToken t = parser.nextToken();
        if (t == null) {
            return false;
        }
        count = 0;
        line = -1;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            if (count == cells.length) {
                cells = Arrays.copyOf(cells, count * 2);
            }
            cells[count++] = parser.getString();
        }
        if (line < 0) {
            line = parser.currentLocation().getLineNr();
        }
        return true;
    }

    /** The line the current row starts on, 1-based. */
    public long line() {
        return line;
    }

    /** The line the parser is at (for errors in malformed files). */
    public long currentLine() {
        return parser.currentLocation().getLineNr();
    }

    /** The number of cells of the current row. */
    public int size() {
        return count;
    }

    /** The cells of the current row (only the first {@link #size()} are valid); reused by the next row. */
    public String[] cells() {
        return cells;
    }

    /** Whether the current row is an empty line. */
    public boolean isBlank() {
        return count == 0 || (count == 1 && cells[0].isEmpty());
    }

    @Override
    public void close() {
        try {
            parser.close();
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
