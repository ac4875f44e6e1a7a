package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.GenerationSummary;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a synthetic district data directory. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a complete, valid synthetic district data directory (invented data).")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "tiny", description = "tiny, district or nyc (default: ${DEFAULT-VALUE})",
            converter = PresetConverter.class)
    Preset preset;

    @Option(names = "--seed", defaultValue = "2026", description = "random seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--years", defaultValue = "2015-2018", converter = YearsConverter.class,
            description = "school years by ending year, inclusive, e.g. 2015-2018 for 2014-15 to 2017-18 (default: ${DEFAULT-VALUE})")
    List<SchoolYear> years;

    @Option(names = "--out", required = true, description = "the directory to write (created if missing)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Generating preset %s, seed %d, school years %s to %s into %s ...%n",
                preset.name().toLowerCase(Locale.ROOT), seed, years.get(0).label(), years.get(1).label(), out);
        err.flush();
        GenerationSummary summary = SyntheticCity.builder().preset(preset).seed(seed)
                .years(years.get(0), years.get(1)).build().writeTo(out);
        PrintWriter o = spec.commandLine().getOut();
        for (DataFile file : DataFile.values()) {
            if (summary.rows(file) > 0) {
                o.printf(Locale.ROOT, "%-32s %,12d rows%n", file.fileName(), summary.rows(file));
            }
        }
        o.printf(Locale.ROOT, "Wrote %s in %.1f s%n", out, summary.elapsed().toMillis() / 1000.0);
        return 0;
    }

    /** Accepts preset names in any case. */
    static final class PresetConverter implements picocli.CommandLine.ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            try {
                return Preset.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("preset must be tiny, district or nyc, was '" + value + "'");
            }
        }
    }
}
