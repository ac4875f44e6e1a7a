package org.communityschools.benchmarks;

import java.nio.file.Path;
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
 * Loading, measured apart from the work: one {@code DistrictDataReader} read (parse, check, index; without bean
 * validation) of the preset's directory, single shot. The directory is generated first when absent (untimed; the
 * generation time is printed). No peer yet: CSV loading against DuckDB's {@code read_csv} comes with issue #7.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class LoadBenchmark {
    /** The {@link org.communityschools.core.synth.Preset}, lower case. */
    @Param({"district"})
    public String preset;

    Path dir;

    /** Generates the directory when absent (untimed). */
    @Setup(Level.Trial)
    public void generate() {
        dir = City.directory(preset);
    }

    /** One strict read of the directory. */
    @Benchmark
    public DistrictData load() {
        return City.read(dir);
    }
}
