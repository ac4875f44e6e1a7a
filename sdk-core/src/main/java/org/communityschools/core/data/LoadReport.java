package org.communityschools.core.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a read of a district data directory found: every violation (errors and warnings, in file then line order,
 * up to the reader's reporting limit), how many more were counted but not kept, and per file the rows read,
 * accepted and rejected. Immutable and thread-safe.
 */
public final class LoadReport {
    private final List<Violation> violations;
    private final Map<DataFile, FileCounts> files;
    private final long errorCount;
    private final long warningCount;
    private final long omittedCount;

    /**
     * A report.
     *
     * @param violations   the kept violations, in file then line order
     * @param files        rows read, accepted and rejected per file that was present
     * @param errorCount   the errors found, kept or not
     * @param warningCount the warnings found, kept or not
     * @param omittedCount the violations counted but not kept (beyond the reporting limit)
     */
    public LoadReport(List<Violation> violations, Map<DataFile, FileCounts> files, long errorCount, long warningCount,
                      long omittedCount) {
        this.violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
        EnumMap<DataFile, FileCounts> copy = new EnumMap<>(DataFile.class);
        copy.putAll(Objects.requireNonNull(files, "files"));
        this.files = Collections.unmodifiableMap(copy);
        if (errorCount < 0 || warningCount < 0 || omittedCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        this.errorCount = errorCount;
        this.warningCount = warningCount;
        this.omittedCount = omittedCount;
    }

    /**
     * Rows of one file.
     *
     * @param rowsRead the data rows read (the header excluded)
     * @param accepted the rows loaded
     * @param rejected the rows rejected by a rule (read = accepted + rejected)
     */
    public record FileCounts(long rowsRead, long accepted, long rejected) {
        /**
         * Checks that no count is negative.
         *
         * @param rowsRead the data rows read (the header excluded)
         * @param accepted the rows loaded
         * @param rejected the rows rejected by a rule (read = accepted + rejected)
         */
        public FileCounts {
            if (rowsRead < 0 || accepted < 0 || rejected < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }
    }

    /** {@return the kept violations, errors and warnings, in file (load order) then line order} */
    public List<Violation> violations() {
        return violations;
    }

    /** {@return the kept errors only} */
    public List<Violation> errors() {
        return violations.stream().filter(v -> v.severity() == Severity.ERROR).toList();
    }

    /** {@return the counts per file that was present, in load order} */
    public Map<DataFile, FileCounts> files() {
        return files;
    }

    /**
     * {@return the counts of one file; zeros when it was absent}
     *
     * @param file a file of the district data directory
     */
    public FileCounts counts(DataFile file) {
        return files.getOrDefault(Objects.requireNonNull(file, "file"), new FileCounts(0, 0, 0));
    }

    /** {@return the errors found, including those beyond the reporting limit} */
    public long errorCount() {
        return errorCount;
    }

    /** {@return the warnings found, including those beyond the reporting limit} */
    public long warningCount() {
        return warningCount;
    }

    /** {@return the violations counted but not listed because the reporting limit was reached} */
    public long omittedCount() {
        return omittedCount;
    }

    /** {@return whether any error was found} */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** {@return a few lines: counts per file, totals, then the first violations} Never contains personal data. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(errorCount).append(" error(s), ").append(warningCount).append(" warning(s)\n");
        files.forEach((f, c) -> b.append("  ").append(f.fileName()).append(": ").append(c.rowsRead()).append(" read, ")
                .append(c.accepted()).append(" accepted, ").append(c.rejected()).append(" rejected\n"));
        int shown = 0;
        for (Violation v : violations) {
            if (shown++ == 20) {
                b.append("  ... ").append(violations.size() - 20).append(" more listed\n");
                break;
            }
            b.append("  ").append(v).append('\n');
        }
        if (omittedCount > 0) {
            b.append("  ... and ").append(omittedCount).append(" more not listed (reporting limit reached)\n");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
