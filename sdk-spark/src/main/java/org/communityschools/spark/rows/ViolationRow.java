package org.communityschools.spark.rows;

import java.io.Serializable;
import java.util.Optional;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;

/**
 * A data-directory violation found by the Spark reader, as a row: the same fields and rule codes as {@link org.communityschools.core.data.Violation} (docs/data-directory-rules.md); {@link #toViolation()} converts it.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class ViolationRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code ERROR} or {@code WARNING}. */
    private String severity;
    /** The file name, such as {@code attendance.csv}. */
    private String file;
    /** The 1-based line (header = 1; for Parquet, the row number + 1), or 0 for the whole file. */
    private long line;
    /** The 1-based column of the header, or 0 for the whole row. */
    private int column;
    /** The column name, or null. */
    private String field;
    /** The offending value, or null ({@code <redacted>} for personal columns). */
    private String value;
    /** The rule code. */
    private String rule;
    /** The rule in words. */
    private String message;

    /** An empty row (for Spark). */
    public ViolationRow() {}

    /** {@return {@code ERROR} or {@code WARNING}} */
    public String getSeverity() {
        return severity;
    }

    /**
     * Sets {@code ERROR} or {@code WARNING}.
     *
     * @param severity {@code ERROR} or {@code WARNING}
     */
    public void setSeverity(String severity) {
        this.severity = severity;
    }

    /** {@return the file name, such as {@code attendance.csv}} */
    public String getFile() {
        return file;
    }

    /**
     * Sets the file name, such as {@code attendance.csv}.
     *
     * @param file the file name, such as {@code attendance.csv}
     */
    public void setFile(String file) {
        this.file = file;
    }

    /** {@return the 1-based line (header = 1; for Parquet, the row number + 1), or 0 for the whole file} */
    public long getLine() {
        return line;
    }

    /**
     * Sets the 1-based line (header = 1; for Parquet, the row number + 1), or 0 for the whole file.
     *
     * @param line the 1-based line (header = 1; for Parquet, the row number + 1), or 0 for the whole file
     */
    public void setLine(long line) {
        this.line = line;
    }

    /** {@return the 1-based column of the header, or 0 for the whole row} */
    public int getColumn() {
        return column;
    }

    /**
     * Sets the 1-based column of the header, or 0 for the whole row.
     *
     * @param column the 1-based column of the header, or 0 for the whole row
     */
    public void setColumn(int column) {
        this.column = column;
    }

    /** {@return the column name, or null} */
    public String getField() {
        return field;
    }

    /**
     * Sets the column name, or null.
     *
     * @param field the column name, or null
     */
    public void setField(String field) {
        this.field = field;
    }

    /** {@return the offending value, or null ({@code <redacted>} for personal columns)} */
    public String getValue() {
        return value;
    }

    /**
     * Sets the offending value, or null ({@code <redacted>} for personal columns).
     *
     * @param value the offending value, or null ({@code <redacted>} for personal columns)
     */
    public void setValue(String value) {
        this.value = value;
    }

    /** {@return the rule code} */
    public String getRule() {
        return rule;
    }

    /**
     * Sets the rule code.
     *
     * @param rule the rule code
     */
    public void setRule(String rule) {
        this.rule = rule;
    }

    /** {@return the rule in words} */
    public String getMessage() {
        return message;
    }

    /**
     * Sets the rule in words.
     *
     * @param message the rule in words
     */
    public void setMessage(String message) {
        this.message = message;
    }

    /** {@return this row as the core reader's {@link Violation}} */
    public Violation toViolation() {
        return new Violation(Severity.valueOf(severity), file, line, column, Optional.ofNullable(field), Optional.ofNullable(value), rule, message);
    }

    /**
     * {@return the row of a core {@link Violation}}
     *
     * @param v the violation
     */
    public static ViolationRow of(Violation v) {
        ViolationRow r = new ViolationRow();
        r.severity = v.severity().name();
        r.file = v.file();
        r.line = v.line();
        r.column = v.column();
        r.field = v.field().orElse(null);
        r.value = v.value().orElse(null);
        r.rule = v.rule();
        r.message = v.message();
        return r;
    }

    @Override
    public String toString() {
        return "ViolationRow{" + "severity=" + severity + ", " + "file=" + file + ", " + "line=" + line + ", " + "column=" + column + ", " + "field=" + field + ", " + "value=" + value + ", " + "rule=" + rule + ", " + "message=" + message + "}";
    }
}
