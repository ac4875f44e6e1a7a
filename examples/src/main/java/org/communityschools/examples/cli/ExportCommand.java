package org.communityschools.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.interop.EdFiJsonExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export edfi-json --data DIR --out DIR}: a district data directory as Ed-Fi ODS/API JSON resources. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a district data directory in another standard's format. Formats: edfi-json (Ed-Fi Data "
                + "Standard 5.x ODS/API resources, one JSON array file per resource). The files hold personal data.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "edfi-json")
    String format;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the district data directory")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write (new or empty)")
    Path out;

    @Override
    public Integer call() {
        if (!format.equals("edfi-json")) {
            throw new IllegalArgumentException("format must be edfi-json, was '" + format + "'");
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("not a directory: " + data);
        }
        if (!isNewOrEmpty(out)) {
            throw new IllegalArgumentException("--out must be a new or empty folder, was " + out);
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Reading " + data + " ...");
        err.flush();
        Map<String, Long> written;
        try {
            written = EdFiJsonExport.builder().build().write(DistrictDataReader.builder().build().read(data).data(), out);
        } catch (DataValidationException e) {
            e.violations().forEach(o::println);
            o.printf(Locale.ROOT, "NOT EXPORTED: %,d error(s) in the data directory; nothing was written%n", e.errorCount());
            o.flush();
            return Main.EXIT_INVALID;
        }
        new java.util.TreeMap<>(written).forEach((file, n) -> o.printf(Locale.ROOT, "%s,%d%n", file, n));
        o.printf(Locale.ROOT, "Exported %,d records in %d Ed-Fi resource files to %s%n",
                written.values().stream().mapToLong(Long::longValue).sum(), written.size(), out);
        err.println("The files hold personal data (names, birth dates): share them only as a data-sharing agreement allows "
                + "(FERPA, 34 CFR 99.31).");
        o.flush();
        return 0;
    }

    private static boolean isNewOrEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
