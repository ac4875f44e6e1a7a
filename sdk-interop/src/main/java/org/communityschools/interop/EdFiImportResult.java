package org.communityschools.interop;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;

/**
 * What an Ed-Fi import ({@link EdFiXmlImport} or {@link EdFiJsonImport}) produced: the district data, every violation
 * found (errors and warnings, located at file, line, column and rule, in file then line order, up to 10,000 kept; a
 * JSON violation's field is the record's JSON pointer), the totals, and how many records of each Ed-Fi element were
 * read (such as {@code Student} → 960, whichever the format). Immutable and thread-safe.
 *
 * @param data         the imported data (the records that broke a rule are left out in a lenient import)
 * @param violations   the kept violations
 * @param errorCount   errors found, kept or not
 * @param warningCount warnings found, kept or not
 * @param recordsRead  Ed-Fi element name → records read (top-level records of the interchange files)
 */
public record EdFiImportResult(DistrictData data, List<Violation> violations, long errorCount, long warningCount,
                               Map<String, Long> recordsRead) implements ImportViolations {
    /**
     * Copies the collections and checks that nothing is missing.
     *
     * @param data the imported data (the records that broke a rule are left out in a lenient import)
     * @param violations the kept violations
     * @param errorCount errors found, kept or not
     * @param warningCount warnings found, kept or not
     * @param recordsRead Ed-Fi element name → records read (top-level records of the interchange files)
     */
    public EdFiImportResult {
        Objects.requireNonNull(data, "data");
        violations = List.copyOf(violations);
        recordsRead = Map.copyOf(recordsRead);
        if (errorCount < 0 || warningCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * {@return records of an Ed-Fi element read, 0 when none}
     *
     * @param element an Ed-Fi element name, such as {@code Student} or {@code StudentSchoolAttendanceEvent}
     */
    public long recordsRead(String element) {
        return recordsRead.getOrDefault(element, 0L);
    }
}
