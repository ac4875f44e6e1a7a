package org.communityschools.interop;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;

/**
 * What a OneRoster import produced: the district data, the OneRoster version read, every violation found (errors and
 * warnings, located at file, line, column and column name, in file then line order, up to 10,000 kept), the totals,
 * and how many rows of each file were read (such as {@code users.csv} → 23). Immutable and thread-safe.
 *
 * @param data         the imported data (rows that broke a rule are left out in a lenient import)
 * @param version      the OneRoster version, {@code 1.1} or {@code 1.2}
 * @param violations   the kept violations
 * @param errorCount   errors found, kept or not
 * @param warningCount warnings found, kept or not
 * @param rowsRead     file name → data rows read
 */
public record OneRosterImportResult(DistrictData data, String version, List<Violation> violations, long errorCount, long warningCount,
                                    Map<String, Long> rowsRead) implements ImportViolations {
    /**
     * Copies the collections and checks that nothing is missing.
     *
     * @param data the imported data (rows that broke a rule are left out in a lenient import)
     * @param version the OneRoster version, {@code 1.1} or {@code 1.2}
     * @param violations the kept violations
     * @param errorCount errors found, kept or not
     * @param warningCount warnings found, kept or not
     * @param rowsRead file name → data rows read
     */
    public OneRosterImportResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(version, "version");
        violations = List.copyOf(violations);
        rowsRead = Map.copyOf(rowsRead);
        if (errorCount < 0 || warningCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * {@return rows of a file read, 0 when none}
     *
     * @param file a OneRoster file name, such as {@code users.csv}
     */
    public long rowsRead(String file) {
        return rowsRead.getOrDefault(file, 0L);
    }
}
