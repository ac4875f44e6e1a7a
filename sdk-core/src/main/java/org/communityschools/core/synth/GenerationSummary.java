package org.communityschools.core.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.DataFile;

/**
 * What {@link SyntheticCity#writeTo(Path)} wrote: the directory, the rows per file (agreements: the number of
 * agreements) in {@link DataFile} order, and the time it took. Immutable.
 *
 * @param directory the district data directory written
 * @param rowCounts data rows per file, without headers; files that were not written are absent
 * @param elapsed wall-clock time of the generation
 */
public record GenerationSummary(Path directory, Map<DataFile, Long> rowCounts, Duration elapsed) {
    /**
     * Checks and copies the arguments.
     *
     * @param directory the district data directory written
     * @param rowCounts data rows per file, without headers; files that were not written are absent
     * @param elapsed wall-clock time of the generation
     */
    public GenerationSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(elapsed, "elapsed");
        Map<DataFile, Long> copy = new EnumMap<>(DataFile.class);
        copy.putAll(Objects.requireNonNull(rowCounts, "rowCounts"));
        rowCounts = Collections.unmodifiableMap(copy);
    }

    /**
     * {@return the rows written to {@code file}, 0 when it was not written}
     *
     * @param file a file of the district data directory
     */
    public long rows(DataFile file) {
        return rowCounts.getOrDefault(Objects.requireNonNull(file, "file"), 0L);
    }
}
