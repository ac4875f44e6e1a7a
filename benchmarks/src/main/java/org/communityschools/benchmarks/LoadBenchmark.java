package org.communityschools.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.data.DistrictData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading, measured apart from the work, single shot:
 * <ul>
 *   <li>{@code sdk_loadDirectory} against {@code duckdb_loadDirectory}: one {@code DistrictDataReader} read (parse,
 *       check every rule, index; without bean validation) of the preset's whole directory, and DuckDB's
 *       {@code read_csv} of each of its CSV files into a table of its own (types sniffed; no rule checked, no
 *       reference resolved, nothing indexed): what an analyst's own load of the same export costs, as a peer for the
 *       whole read measured in the same run;</li>
 *   <li>{@code sdk_loadAttendance} against {@code duckdb_loadAttendance}: {@code attendance.csv} read by the SDK
 *       (from a directory holding only it and the files its references need: organizations, schools, students, enrollments) and
 *       by DuckDB's {@code read_csv} into a table (types sniffed, as a user would call it). Both parse on every core:
 *       the SDK's reader splits attendance.csv into byte ranges (add
 *       {@code -jvmArgsAppend -Dorg.communityschools.read.parallelism=1} to measure its one-thread reader). Rows per
 *       second = the printed row count ÷ the time.</li>
 * </ul>
 * The directory is generated first when absent (untimed; the generation time is printed).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class LoadBenchmark {
    /** The files an attendance-only directory needs besides attendance.csv (its references). */
    static final List<String> ATTENDANCE_FILES = List.of("organizations.csv", "schools.csv", "students.csv", "enrollments.csv", "attendance.csv");

    /** The {@link org.communityschools.core.synth.Preset}, lower case. */
    @Param({"district"})
    public String preset;

    Path dir;
    Path attendanceOnly;

    /** Generates the directory when absent and links the attendance-only directory (untimed). */
    @Setup(Level.Trial)
    public void generate() {
        dir = City.directory(preset);
        attendanceOnly = attendanceOnly(dir);
        long rows = City.read(attendanceOnly).attendance().size();
        System.out.printf("%n[bench] attendance.csv of %s: %,d rows, %,d bytes%n", preset, rows, size(dir.resolve("attendance.csv")));
    }

    /** A sibling of {@code dir} holding links to {@link #ATTENDANCE_FILES} only. */
    static Path attendanceOnly(Path dir) {
        Path out = dir.resolveSibling(dir.getFileName() + "-attendance-only");
        try {
            Files.createDirectories(out);
            for (String f : ATTENDANCE_FILES) {
                Path link = out.resolve(f);
                if (!Files.exists(link)) {
                    try {
                        Files.createLink(link, dir.resolve(f));
                    } catch (UnsupportedOperationException | IOException e) {
                        Files.copy(dir.resolve(f), link);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One strict read of the whole directory. */
    @Benchmark
    public DistrictData sdk_loadDirectory() {
        return City.read(dir);
    }

    /** DuckDB's read_csv of every CSV file of the directory, each into a table. */
    @Benchmark
    public long duckdb_loadDirectory() {
        return DuckDbPeer.readCsvs(dir);
    }

    /** The SDK reading attendance.csv (with the students and schools it refers to). */
    @Benchmark
    public DistrictData sdk_loadAttendance() {
        return City.read(attendanceOnly);
    }

    /** DuckDB's read_csv of attendance.csv into a table. */
    @Benchmark
    public long duckdb_loadAttendance() {
        return DuckDbPeer.readCsv(dir.resolve("attendance.csv"));
    }
}
