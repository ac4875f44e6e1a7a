package org.communityschools.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule found while reading a district data directory, located precisely enough that a data engineer can
 * open the file and fix it: the file, the 1-based line (the header is line 1), the 1-based column and its name,
 * the offending value and the rule. Values of personal columns (names, birth dates, free text) are replaced by
 * {@code <redacted>}. Immutable and thread-safe.
 *
 * @param severity error or warning
 * @param file     the file name within the directory, such as {@code attendance.csv}
 * @param line     the 1-based line, or 0 when the rule concerns the whole file
 * @param column   the 1-based column, or 0 when the rule concerns the whole row or file
 * @param field    the column's name, or empty
 * @param value    the offending value (possibly {@code <redacted>}), or empty
 * @param rule     the rule's stable code, such as {@code attendance.on-instructional-day}; the codes are listed in docs/data-directory.md
 * @param message  the rule in words, with the values that broke it
 */
public record Violation(Severity severity, String file, long line, int column, Optional<String> field,
                        Optional<String> value, String rule, String message) {
    /**
     * Checks that nothing is missing and positions are not negative.
     *
     * @param severity error or warning
     * @param file the file name within the directory, such as {@code attendance.csv}
     * @param line the 1-based line, or 0 when the rule concerns the whole file
     * @param column the 1-based column, or 0 when the rule concerns the whole row or file
     * @param field the column's name, or empty
     * @param value the offending value (possibly {@code <redacted>}), or empty
     * @param rule the rule's stable code, such as {@code attendance.on-instructional-day}; the codes are listed in
     *     docs/data-directory.md
     * @param message the rule in words, with the values that broke it
     */
    public Violation {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** {@code file:line:column: SEVERITY [rule] message (field='value')}, the form the command line prints. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ").append(severity).append(" [").append(rule).append("] ").append(message);
        field.ifPresent(f -> b.append(" (").append(f).append(value.map(v -> "='" + v + "'").orElse("")).append(')'));
        return b.toString();
    }
}
