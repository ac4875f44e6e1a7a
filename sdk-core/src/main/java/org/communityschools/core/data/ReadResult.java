package org.communityschools.core.data;

import java.util.Objects;

/**
 * The outcome of reading a district data directory: the loaded data and the report of what was found. After a
 * lenient read the data holds only the accepted rows, and the report lists the rejected ones. Immutable and
 * thread-safe.
 *
 * @param data   the loaded, indexed data
 * @param report the violations and counts
 */
public record ReadResult(DistrictData data, LoadReport report) {
    /**
     * Checks that nothing is missing.
     *
     * @param data the loaded, indexed data
     * @param report the violations and counts
     */
    public ReadResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(report, "report");
    }
}
