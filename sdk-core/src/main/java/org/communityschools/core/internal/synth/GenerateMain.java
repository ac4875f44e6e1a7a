package org.communityschools.core.internal.synth;

import java.nio.file.Path;
import java.util.Locale;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.GenerationSummary;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * Manual measurement entry point (not part of the API): {@code GenerateMain <preset> <seed> <firstYear> <lastYear>
 * <dir> [scale]}, for example {@code java -cp sdk-core/target/classes:... GenerateMain nyc 1 2015 2018 OUT_DIR}.
 * Prints the rows per file and the elapsed time.
 */
public final class GenerateMain {
    private GenerateMain() {}

    public static void main(String[] args) {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: GenerateMain <tiny|district|nyc> <seed> <firstYear> <lastYear> <dir> [scale]");
            System.exit(2);
        }
        GenerationSummary summary = SyntheticCity.builder()
                .preset(Preset.valueOf(args[0].toUpperCase(Locale.ROOT)))
                .seed(Long.parseLong(args[1]))
                .years(SchoolYear.parse(args[2]), SchoolYear.parse(args[3]))
                .scale(args.length == 6 ? Double.parseDouble(args[5]) : 1.0)
                .build()
                .writeTo(Path.of(args[4]));
        summary.rowCounts().forEach((file, rows) -> System.out.printf("%-32s %,14d%n", file.fileName(), rows));
        System.out.printf("elapsed %.1f s%n", summary.elapsed().toMillis() / 1000.0);
    }
}
