package org.communityschools.core.internal.read;

/**
 * A CSV file that breaks RFC 4180, is not UTF-8, or passes a {@link org.communityschools.core.data.ReadLimits}
 * limit, located where reading stopped: the 1-based line, the 1-based cell (0 when unknown) and a stable rule code
 * ({@code file.malformed}, {@code file.encoding}, {@code limit.line-length}, {@code limit.cells-per-row},
 * {@code limit.cell-size}, {@code limit.file-size}). The message states the rule, never a cell's value.
 */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final long line;
    private final int column;

    CsvFormatException(String rule, long line, int column, String message) {
        super(message, null, false, false);
        this.rule = rule;
        this.line = line;
        this.column = column;
    }

    /** The rule code. */
    public String rule() {
        return rule;
    }

    /** The 1-based line where reading stopped. */
    public long line() {
        return line;
    }

    /** The 1-based cell where reading stopped, or 0. */
    public int column() {
        return column;
    }
}
