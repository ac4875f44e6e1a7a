package org.communityschools.interop.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;

/** Collects the violations of one import, located at file, line and column. Not thread-safe. */
public final class Issues {
    private static final int LIMIT = 10_000;
    private final List<Violation> kept = new ArrayList<>();
    private long errors;
    private long warnings;

    /** An error at a node; {@code value} must not be personal data. */
    public void error(Node at, String rule, Optional<String> value, String message) {
        add(Severity.ERROR, at.file(), at.line(), at.column(), Optional.of(at.label()), value, rule, message);
    }

    /** A warning at a node. */
    public void warning(Node at, String rule, Optional<String> value, String message) {
        add(Severity.WARNING, at.file(), at.line(), at.column(), Optional.of(at.label()), value, rule, message);
    }

    /** An error at a position. */
    public void error(Node.At at, String rule, Optional<String> value, String message) {
        add(Severity.ERROR, at.file(), at.line(), at.column(), Optional.of(at.element()), value, rule, message);
    }

    /** A warning at a position. */
    public void warning(Node.At at, String rule, Optional<String> value, String message) {
        add(Severity.WARNING, at.file(), at.line(), at.column(), Optional.of(at.element()), value, rule, message);
    }

    /** A violation anywhere. */
    public void add(Severity severity, String file, long line, int column, Optional<String> field, Optional<String> value,
                    String rule, String message) {
        if (severity == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < LIMIT) {
            kept.add(new Violation(severity, file, Math.max(line, 0), Math.max(column, 0), field, value, rule, message));
        }
    }

    /** Errors found. */
    public long errorCount() {
        return errors;
    }

    /** Warnings found. */
    public long warningCount() {
        return warnings;
    }

    /** The kept violations in file, line, column order. */
    public List<Violation> sorted() {
        List<Violation> out = new ArrayList<>(kept);
        out.sort(Comparator.comparing(Violation::file).thenComparingLong(Violation::line).thenComparingInt(Violation::column));
        return out;
    }
}
