package org.communityschools.core.internal.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Collects violations up to a limit, counting those beyond it. Values of personal columns are redacted here, so no
 * caller can leak them. Not thread-safe.
 */
public final class Violations {
    /** What stands for the value of a personal column. */
    public static final String REDACTED = "<redacted>";

    private final int limit;
    private final List<Violation> kept = new ArrayList<>();
    private long errors;
    private long warnings;
    private long omitted;

    /** A collector that keeps at most {@code limit} violations. */
    public Violations(int limit) {
        this.limit = limit;
    }

    /** Records a violation found elsewhere (already redacted). */
    public void add(Violation v) {
        if (v.severity() == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() >= limit) {
            omitted++;
        } else {
            kept.add(v);
        }
    }

    /** Records an error. */
    public void error(DataFile file, long line, int column, @Nullable String field, @Nullable String value, String rule,
                      String message) {
        add(Severity.ERROR, file, line, column, field, value, rule, message);
    }

    /** Records a warning. */
    public void warning(DataFile file, long line, int column, @Nullable String field, @Nullable String value, String rule,
                        String message) {
        add(Severity.WARNING, file, line, column, field, value, rule, message);
    }

    private void add(Severity severity, DataFile file, long line, int column, @Nullable String field,
                     @Nullable String value, String rule, String message) {
        if (severity == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() >= limit) {
            omitted++;
            return;
        }
        String shown = value == null ? null : field != null && file.isPersonal(field) ? REDACTED : value;
        kept.add(new Violation(severity, file.fileName(), line, column, Optional.ofNullable(field),
                Optional.ofNullable(shown), rule, message));
    }

    /** The number of errors found. */
    public long errorCount() {
        return errors;
    }

    /** The number of warnings found. */
    public long warningCount() {
        return warnings;
    }

    /** The number of violations counted but not kept. */
    public long omitted() {
        return omitted;
    }

    /** The kept violations in file (directory load order), line, then column order. */
    public List<Violation> sorted() {
        List<Violation> copy = new ArrayList<>(kept);
        copy.sort(Comparator.comparingInt((Violation v) -> fileOrder(v.file())).thenComparingLong(Violation::line)
                .thenComparingInt(Violation::column));
        return copy;
    }

    private static int fileOrder(String name) {
        for (DataFile f : DataFile.values()) {
            if (f.fileName().equals(name)) {
                return f.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
