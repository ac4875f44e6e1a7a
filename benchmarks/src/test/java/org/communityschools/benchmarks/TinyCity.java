package org.communityschools.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/** The tiny city of the benchmark year, generated once per test JVM into a temporary directory and shared by the peer tests. */
final class TinyCity {
    private static Path dir;
    private static DistrictData data;

    private TinyCity() {}

    static synchronized Path directory() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("cs-bench-tiny");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
                SyntheticCity.builder().preset(Preset.TINY).seed(1).years(City.YEAR, City.YEAR).build().writeTo(d.resolve("tiny"));
                dir = d.resolve("tiny");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static void delete(Path d) {
        try (var files = Files.walk(d)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    static synchronized DistrictData data() {
        if (data == null) {
            data = City.read(directory());
        }
        return data;
    }
}
