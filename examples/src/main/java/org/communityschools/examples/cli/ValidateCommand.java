package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.LoadReport;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.data.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate DIR}: every broken rule with file, line, column and rule; exit 0 only when valid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a district data directory: print every error with file, line, column and rule. "
                + "Exit code 0 only when it is valid (warnings allowed), 1 otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the district data directory")
    Path dir;

    @Option(names = "--max-errors", defaultValue = "10000", description = "errors to list before only counting (default: ${DEFAULT-VALUE})")
    int maxErrors;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Reading " + dir + " ...");
        err.flush();
        DistrictDataReader reader = DistrictDataReader.builder().lenient(true).maxReportedViolations(maxErrors).build();
        ReadResult result;
        try {
            result = reader.read(dir);
        } catch (DataValidationException e) {
            e.violations().forEach(out::println);
            out.printf(Locale.ROOT, "INVALID: %,d error(s)%n", e.errorCount());
            return Main.EXIT_INVALID;
        }
        LoadReport report = result.report();
        for (Violation v : report.violations()) {
            out.println(v);
        }
        out.println(report.summary());
        if (report.hasErrors()) {
            out.printf(Locale.ROOT, "INVALID: %,d error(s), %,d warning(s)%n", report.errorCount(), report.warningCount());
            return Main.EXIT_INVALID;
        }
        out.printf(Locale.ROOT, "VALID: 0 errors, %,d warning(s)%n", report.warningCount());
        return 0;
    }
}
