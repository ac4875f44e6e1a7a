package org.communityschools.core.internal.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.json.AgreementsFile;
import org.communityschools.core.model.DataSharingAgreement;

/**
 * The engine behind {@link org.communityschools.core.data.DistrictDataWriter}: one lazily created {@link
 * CsvFileWriter} per file, agreements collected and written to {@code agreements.json} on close. Not thread-safe.
 */
public final class DirectoryWriter implements AutoCloseable {
    private final Path dir;
    private final Map<DataFile, CsvFileWriter> open = new EnumMap<>(DataFile.class);
    private final List<DataSharingAgreement> agreements = new ArrayList<>();
    private boolean closed;

    private DirectoryWriter(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory when absent; refuses one that already holds a data directory file. */
    public static DirectoryWriter open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
        for (DataFile file : DataFile.values()) {
            if (Files.exists(dir.resolve(file.fileName()))) {
                throw new IllegalArgumentException("a district data directory is written into an empty directory, but "
                        + dir + " already holds " + file.fileName());
            }
        }
        return new DirectoryWriter(dir);
    }

    /** A consumer that formats each value with {@code row} and writes it to {@code file}. */
    public <T> Consumer<T> sink(DataFile file, BiConsumer<CsvRow, T> row) {
        CsvRow line = new CsvRow(256);
        return value -> {
            Objects.requireNonNull(value, file.fileName() + " row");
            line.clear();
            row.accept(line, value);
            file(file).write(line);
        };
    }

    /** Collects an agreement for {@code agreements.json}. */
    public void agreement(DataSharingAgreement agreement) {
        checkOpen();
        agreements.add(Objects.requireNonNull(agreement, "agreement"));
    }

    /** The writer of {@code file}, created with its header on first use. */
    public CsvFileWriter file(DataFile file) {
        checkOpen();
        CsvFileWriter writer = open.get(file);
        if (writer == null) {
            writer = CsvFileWriter.create(dir.resolve(file.fileName()), file.columns());
            open.put(file, writer);
        }
        return writer;
    }

    /** Rows written per file so far (agreements: the number collected); files without rows are absent. */
    public Map<DataFile, Long> rowCounts() {
        Map<DataFile, Long> counts = new EnumMap<>(DataFile.class);
        open.forEach((file, writer) -> counts.put(file, writer.rows()));
        if (!agreements.isEmpty()) {
            counts.put(DataFile.AGREEMENTS, (long) agreements.size());
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Flushes and closes every file, then writes the agreements sorted by id. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (CsvFileWriter writer : open.values()) {
            try {
                writer.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (!agreements.isEmpty()) {
            List<DataSharingAgreement> sorted = new ArrayList<>(agreements);
            sorted.sort(Comparator.comparing(DataSharingAgreement::id).thenComparingInt(DataSharingAgreement::version));
            AgreementsFile.write(sorted, dir.resolve(DataFile.AGREEMENTS.fileName()));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }
}
