package org.communityschools.core.internal.write;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A growable buffer of CSV rows in UTF-8 bytes: cells are appended one by one ({@link #cell}, {@link #date},
 * {@link #empty}) and a row is ended by {@link #end}. RFC 4180 quoting exactly as {@link CsvFileWriter#appendRow}
 * does it (a cell holding {@code , " \r \n} is enclosed in double quotes, a double quote doubled), so both paths
 * write the same bytes; {@code CsvRowTest} holds them to it.
 *
 * <p>The generator's hot path: a cell is scanned once, and when it is plain ASCII without a character that needs
 * quoting (every identifier, code and date) its bytes are copied straight in, with no {@code String[]} per row, no
 * {@link StringBuilder} and no charset encoder. Not thread-safe; each worker formats into its own.
 */
public final class CsvRow {
    private byte[] buf;
    private int len;
    private boolean rowStarted;
    private long rows;

    public CsvRow(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** Appends one cell; an empty string is an empty cell. */
    public CsvRow cell(String value) {
        separate();
        int n = value.length();
        ensure(n);
        int at = len;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                general(value);
                return this;
            }
            b[at + i] = (byte) c;
        }
        len = at + n;
        return this;
    }

    /** Appends an empty cell. */
    public CsvRow empty() {
        separate();
        return this;
    }

    /** Appends a whole number. */
    public CsvRow cell(int value) {
        return cell(Integer.toString(value));
    }

    /** Appends a date as ISO {@code yyyy-MM-dd}, the same text as {@link LocalDate#toString()}. */
    public CsvRow date(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return cell(date.toString());
        }
        separate();
        ensure(10);
        byte[] b = buf;
        int at = len;
        b[at] = (byte) ('0' + year / 1000);
        b[at + 1] = (byte) ('0' + year / 100 % 10);
        b[at + 2] = (byte) ('0' + year / 10 % 10);
        b[at + 3] = (byte) ('0' + year % 10);
        b[at + 4] = '-';
        int month = date.getMonthValue();
        b[at + 5] = (byte) ('0' + month / 10);
        b[at + 6] = (byte) ('0' + month % 10);
        b[at + 7] = '-';
        int day = date.getDayOfMonth();
        b[at + 8] = (byte) ('0' + day / 10);
        b[at + 9] = (byte) ('0' + day % 10);
        len = at + 10;
        return this;
    }

    /** Ends the current row with {@code \n}. */
    public void end() {
        ensure(1);
        buf[len++] = '\n';
        rowStarted = false;
        rows++;
    }

    /** The rows ended so far. */
    public long rows() {
        return rows;
    }

    /** The number of bytes held. */
    public int length() {
        return len;
    }

    /** The buffer; its first {@link #length()} bytes are the rows. */
    byte[] buffer() {
        return buf;
    }

    /** Forgets every row, keeping the buffer. */
    public void clear() {
        len = 0;
        rows = 0;
        rowStarted = false;
    }

    /** The rows as text (for tests and small outputs). */
    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            buf[len++] = ',';
        } else {
            rowStarted = true;
        }
    }

    /** A cell with a character that needs quoting or is not ASCII: quoted when RFC 4180 says so, encoded as UTF-8. */
    private void general(String value) {
        boolean quote = CsvFileWriter.needsQuotes(value);
        String text = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, len + more)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
    }
}
