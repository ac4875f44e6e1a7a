package org.communityschools.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.GenerationSummary;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * The data every contender gets: one school year (2017-18) of a {@link SyntheticCity} preset with seed 1, written once
 * into {@code -Dbench.dataDir} (default {@code java.io.tmpdir/cs-benchmarks}) and reused by later forks and runs, then
 * loaded with {@link DistrictDataReader} (without bean validation: the data are the generator's). Generation and loading
 * happen in {@code @Setup(Level.Trial)}, outside every timed method; their times are printed here and loading is also
 * measured on its own by {@link LoadBenchmark}. Not thread-safe; used from setup methods only.
 */
final class City {
    /** The school year every benchmark measures. */
    static final SchoolYear YEAR = SchoolYear.of(2018);

    private City() {}

    /** The directory of {@code preset}, generated first when absent. */
    static Path directory(String preset) {
        Preset p = Preset.valueOf(preset.toUpperCase(Locale.ROOT));
        Path root = Path.of(System.getProperty("bench.dataDir", Path.of(System.getProperty("java.io.tmpdir"), "cs-benchmarks").toString()));
        Path dir = root.resolve(preset.toLowerCase(Locale.ROOT) + "-" + YEAR.endYear() + "-seed1");
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return dir;
        }
        try {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            long t0 = System.nanoTime();
            GenerationSummary summary = SyntheticCity.builder().preset(p).seed(1).years(YEAR, YEAR).build().writeTo(dir);
            System.out.printf("%n[bench] generated %s (%s) in %.1f s: %s%n", preset, YEAR, (System.nanoTime() - t0) / 1e9, summary.rowCounts());
            Files.writeString(done, "ok\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static final java.util.Map<String, DistrictData> LOADED = new java.util.HashMap<>();

    /**
     * Generates (when needed) and loads {@code preset}, printing the load time. The loaded data are kept for the
     * JVM's lifetime, so that benchmarks run without forking ({@code -f 0}, the quick mode) load each preset once;
     * with a fork per benchmark (the default) each fork loads it once anyway.
     */
    static synchronized DistrictData load(String preset) {
        DistrictData cached = LOADED.get(preset);
        if (cached != null) {
            return cached;
        }
        Path dir = directory(preset);
        long t0 = System.nanoTime();
        DistrictData data = read(dir);
        System.out.printf("%n[bench] loaded %s in %.1f s: %,d students, %,d enrollments, %,d schools, %,d attendance rows%n",
                preset, (System.nanoTime() - t0) / 1e9, data.students().size(), data.enrollments().size(), data.schools().size(),
                data.attendance().size());
        LOADED.put(preset, data);
        return data;
    }

    static DistrictData read(Path dir) {
        return DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
    }
}
