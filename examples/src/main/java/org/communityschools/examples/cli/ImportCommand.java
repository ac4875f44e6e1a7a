package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.Violation;
import org.communityschools.interop.EdFiImportResult;
import org.communityschools.interop.EdFiXmlImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import edfi-xml SRC --out DIR}: a district data directory from another standard's export. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import another standard's export as a district data directory that validate accepts. "
                + "Formats: edfi-xml (Ed-Fi Data Standard 5.x XML interchange).")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "edfi-xml")
    String format;

    @Parameters(index = "1", paramLabel = "SRC", description = "the interchange folder or file")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write")
    Path out;

    @Override
    public Integer call() {
        if (!format.equals("edfi-xml")) {
            throw new IllegalArgumentException("format must be edfi-xml (edfi-json and oneroster are not built yet), was '" + format + "'");
        }
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("no such file or folder: " + source);
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Importing " + source + " ...");
        err.flush();
        EdFiImportResult result;
        try {
            result = EdFiXmlImport.importToDirectory(source, out);
        } catch (DataValidationException e) {
            e.violations().forEach(o::println);
            o.printf(Locale.ROOT, "NOT IMPORTED: %,d error(s); nothing was written%n", e.errorCount());
            o.flush();
            return Main.EXIT_INVALID;
        }
        for (Violation v : result.warnings()) {
            o.println(v);
        }
        o.printf(Locale.ROOT, "Imported %,d students, %,d schools, %,d attendance rows into %s (%,d warning(s))%n",
                result.data().students().size(), result.data().schools().size(), result.data().attendance().size(), out,
                result.warningCount());
        o.flush();
        return 0;
    }
}
