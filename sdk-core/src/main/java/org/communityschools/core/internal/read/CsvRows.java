package org.communityschools.core.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.communityschools.core.data.ReadLimits;

/**
 * Streams the rows of one CSV file, strictly as RFC 4180 says, one row at a time and in bounded memory: the one CSV
 * reader of the SDK (the data directory, OneRoster exports, the command line's tables).
 *
 * <ul>
 *   <li>UTF-8 only (a byte order mark at the start is dropped); an invalid byte sequence is {@code file.encoding}.</li>
 *   <li>Cells are separated by commas, rows by {@code \n} or {@code \r\n}. A cell holding a comma, a quote or a line
 *       break is enclosed in double quotes, with each quote inside doubled. A quote inside an unquoted cell, a
 *       character after a closing quote, a quoted cell never closed, or a carriage return not followed by a line
 *       feed is {@code file.malformed}, located at its line and cell.</li>
 *   <li>The {@link ReadLimits} bound a row's characters ({@code limit.line-length}), its cells
 *       ({@code limit.cells-per-row}) and a cell's characters ({@code limit.cell-size}), so that no input, however
 *       large, is held in memory beyond them.</li>
 *   <li>A control character other than tab (and other than a line break inside a quoted cell) does not stop the
 *       reading: {@link #controlColumn()} names the first cell of the row that holds one, for the caller to reject
 *       the row.</li>
 * </ul>
 *
 * <p>Each row's cells are exposed in a reused array together with the 1-based line on which the row starts
 * (correct also after quoted cells that span several lines). Every break of a rule is thrown as a
 * {@link CsvFormatException}; the rest of the file is not read. Not thread-safe.
 */
public final class CsvRows implements Closeable {
    private final InputStream source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean inputDone;
    private final ReadLimits limits;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder spill = new StringBuilder();
    private int pos;
    private int end;
    private boolean eof;
    private boolean started;
    private String[] cells = new String[16];
    private int count;
    private long line;
    private long physical = 1;
    private int controlCell = -1;
    private long rowChars;

    private CsvRows(InputStream source, ReadLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    /** Opens {@code file} with the default limits. */
    public static CsvRows open(Path file) {
        return open(file, ReadLimits.defaults());
    }

    /** Opens {@code file} with {@code limits}. */
    public static CsvRows open(Path file, ReadLimits limits) {
        try {
            return new CsvRows(Files.newInputStream(file), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rows from the UTF-8 bytes of {@code in} with {@code limits}; closing the rows closes {@code in}. */
    public static CsvRows of(InputStream in, ReadLimits limits) {
        return new CsvRows(in, limits);
    }

    /**
     * Reads rows from {@code in}, which starts at the start of line {@code firstLine} of a file (not at its start: a
     * byte order mark there is a character of the first cell); closing the rows does not close {@code in}.
     */
    static CsvRows resume(InputStream in, ReadLimits limits, long firstLine) {
        CsvRows rows = new CsvRows(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        }, limits);
        rows.started = true;
        rows.physical = firstLine;
        return rows;
    }

    /**
     * Advances to the next row.
     *
     * @return false at the end of the file
     * @throws CsvFormatException when the file breaks RFC 4180, is not UTF-8 or passes a limit
     */
    public boolean next() {
        if (pos >= end && !fill()) {
            return false;
        }
        if (!started) {
            started = true;
            if (buf[pos] == '\uFEFF') {
                pos++;
                if (pos >= end && !fill()) {
                    return false;
                }
            }
        }
        count = 0;
        line = physical;
        controlCell = -1;
        rowChars = 0;
        while (true) {
            String cell;
            if (buf[pos] == '"') {
                pos++;
                cell = quoted();
            } else {
                cell = unquoted();
            }
            add(cell);
            if (pos >= end && !fill()) {
                return true;
            }
            char c = buf[pos++];
            rowChars++;
            if (c == ',') {
                if (pos >= end && !fill()) {
                    add("");
                    return true;
                }
                continue;
            }
            if (c == '\n') {
                physical++;
                return true;
            }
            if (c == '\r') {
                if ((pos < end || fill()) && buf[pos] == '\n') {
                    pos++;
                    physical++;
                    return true;
                }
                throw new CsvFormatException("file.malformed", physical, count, "a carriage return must be followed by "
                        + "a line feed: rows end with \\n or \\r\\n (RFC 4180)");
            }
            throw new CsvFormatException("file.malformed", physical, count, "a closing double quote must be followed by "
                    + "a comma or the end of the row; a quote inside a quoted cell is doubled (RFC 4180)");
        }
    }

    private String unquoted() {
        int start = pos;
        spill.setLength(0);
        boolean spilled = false;
        while (true) {
            if (pos >= end) {
                spill.append(buf, start, pos - start);
                spilled = true;
                checkCell(spill.length());
                boolean more = fill();
                start = pos;
                if (!more) {
                    break;
                }
                continue;
            }
            char c = buf[pos];
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                throw new CsvFormatException("file.malformed", physical, count + 1, "a double quote may appear only in "
                        + "a quoted cell, doubled: a cell holding a quote must be enclosed in double quotes (RFC 4180)");
            }
            if (isControl(c)) {
                control();
            }
            pos++;
        }
        String cell;
        if (spilled) {
            spill.append(buf, start, pos - start);
            cell = spill.toString();
        } else {
            cell = pos == start ? "" : new String(buf, start, pos - start);
        }
        checkCell(cell.length());
        return cell;
    }

    private String quoted() {
        long opened = physical;
        spill.setLength(0);
        while (true) {
            if (pos >= end && !fill()) {
                throw new CsvFormatException("file.malformed", physical, count + 1, "a quoted cell opened on line "
                        + opened + " must be closed by a double quote (RFC 4180); the file ends first");
            }
            int start = pos;
            while (pos < end) {
                char c = buf[pos];
                if (c == '"') {
                    break;
                }
                if (c == '\n') {
                    physical++;
                } else if (c != '\r' && isControl(c)) {
                    control();
                }
                pos++;
            }
            spill.append(buf, start, pos - start);
            checkCell(spill.length());
            if (pos < end) {
                pos++;
                if ((pos < end || fill()) && buf[pos] == '"') {
                    spill.append('"');
                    pos++;
                    continue;
                }
                rowChars += 2;
                return spill.toString();
            }
        }
    }

    /** C0 controls other than tab, DEL and C1 controls. Line breaks are handled by the caller. */
    private static boolean isControl(char c) {
        return c < ' ' ? c != '\t' : c >= 0x7f && c <= 0x9f;
    }

    private void control() {
        if (controlCell < 0) {
            controlCell = count;
        }
    }

    private void checkCell(int length) {
        if (length > limits.maxCellChars()) {
            throw new CsvFormatException("limit.cell-size", physical, count + 1, "a cell may have at most "
                    + limits.maxCellChars() + " characters (limit maxCellChars); this one has more");
        }
        if (rowChars + length > limits.maxLineChars()) {
            throw new CsvFormatException("limit.line-length", line, count + 1, "a row may have at most "
                    + limits.maxLineChars() + " characters (limit maxLineChars); this one has more");
        }
    }

    private void add(String cell) {
        if (count == limits.maxCellsPerRow()) {
            throw new CsvFormatException("limit.cells-per-row", line, count + 1, "a row may have at most "
                    + limits.maxCellsPerRow() + " cells (limit maxCellsPerRow); this one has more");
        }
        if (count == cells.length) {
            cells = Arrays.copyOf(cells, count * 2);
        }
        cells[count++] = cell;
        rowChars += cell.length();
    }

    /**
     * Decodes the next characters into {@code buf}. Decoding is done here rather than by an {@code InputStreamReader},
     * so that the characters before an invalid byte sequence are delivered first and the error is located where the
     * sequence is.
     */
    private boolean fill() {
        while (true) {
            if (eof) {
                return false;
            }
            CharBuffer out = CharBuffer.wrap(buf);
            CoderResult r = decoder.decode(bytes, out, inputDone);
            if (r.isError()) {
                if (out.position() == 0) {
                    throw new CsvFormatException("file.encoding", physical, count + 1,
                            "the file must be encoded in UTF-8; an invalid byte sequence follows");
                }
                return filled(out.position());
            }
            if (inputDone) {
                r = decoder.flush(out);
                if (out.position() > 0) {
                    return filled(out.position());
                }
                eof = true;
                pos = 0;
                end = 0;
                return false;
            }
            if (out.position() > 0) {
                return filled(out.position());
            }
            bytes.compact();
            try {
                int n = source.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    inputDone = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes.flip();
        }
    }

    private boolean filled(int n) {
        pos = 0;
        end = n;
        return true;
    }

    /** The line the current row starts on, 1-based. */
    public long line() {
        return line;
    }

    /** The line the reader is at (for errors in malformed files). */
    public long currentLine() {
        return physical;
    }

    /**
     * Whether nothing is left to read: no further row can start. A row that ends at the end of the file without a line
     * feed leaves {@link #currentLine()} on its own last line, so a reader resumed mid-file asks this before taking that
     * line for the start of a next row.
     *
     * @return true at the end of the input
     */
    public boolean atEnd() {
        return pos >= end && !fill();
    }

    /** The number of cells of the current row. */
    public int size() {
        return count;
    }

    /** The cells of the current row (only the first {@link #size()} are valid); reused by the next row. */
    public String[] cells() {
        return cells;
    }

    /** The 1-based position of the first cell of the current row holding a control character, or 0 when none does. */
    public int controlColumn() {
        return controlCell + 1;
    }

    /** Whether the current row is an empty line. */
    public boolean isBlank() {
        return count == 0 || (count == 1 && cells[0].isEmpty());
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
