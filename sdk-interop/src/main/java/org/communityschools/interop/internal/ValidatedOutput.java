package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.data.Violation;

/**
 * Writes imported data as a district data directory only once the directory reader accepts it: the data is written
 * into a hidden staging folder beside {@code out}, read back with {@link DistrictDataReader}'s rules (Jakarta
 * Validation included when a provider is on the path), and only then moved into {@code out}. When the reader refuses
 * it, the staging folder is deleted and nothing is written to {@code out}, so an import never leaves a directory that
 * {@code validate} rejects. Stateless.
 */
public final class ValidatedOutput {
    private ValidatedOutput() {}

    /**
     * Writes {@code data} into {@code out}.
     *
     * @throws DataValidationException when the written directory breaks a rule of the reader; nothing is written then
     * @throws IllegalArgumentException when {@code out} already holds a file of a data directory
     */
    public static void write(DistrictData data, Path out) {
        Path target = out.toAbsolutePath().normalize();
        for (DataFile f : DataFile.values()) {
            if (Files.exists(target.resolve(f.fileName()))) {
                throw new IllegalArgumentException("a district data directory is written into an empty directory, but "
                        + out + " already holds " + f.fileName());
            }
        }
        Path staging;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".import-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder beside " + out, e);
        }
        try {
            DistrictDataWriter.write(data, staging);
            try {
                reader().read(staging);
            } catch (DataValidationException e) {
                List<Violation> restated = e.violations().stream().map(v -> new Violation(v.severity(), v.file(), v.line(),
                        v.column(), v.field(), v.value(), v.rule(), "the imported data would break this rule of the data "
                        + "directory, so nothing was written: " + v.message())).toList();
                throw new DataValidationException(restated, e.errorCount());
            }
            move(staging, target);
        } finally {
            delete(staging);
        }
    }

    private static DistrictDataReader reader() {
        try {
            return DistrictDataReader.builder().build();
        } catch (IllegalStateException noProvider) {
            return DistrictDataReader.builder().withoutBeanValidation().build();
        }
    }

    private static void move(Path staging, Path target) {
        try {
            if (!Files.exists(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (AtomicMoveNotSupportedException e) {
                    Files.createDirectories(target);
                }
            }
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.move(f, target.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the imported directory into " + target, e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
