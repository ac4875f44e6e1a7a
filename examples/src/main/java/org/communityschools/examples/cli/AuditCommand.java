package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit}: checks on the record of disclosures (34 CFR 99.32). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check a tamper-evident disclosure log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {
    private AuditCommand() {}

    /** {@code audit verify FILE}: exit 0 when the log is intact, 1 naming the first bad entry. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a disclosure log's hash chain: exit 0 when intact, 1 naming the first altered, removed, "
                    + "reordered or torn entry.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the disclosure log (JSON Lines)")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not a file: " + file);
            }
            VerificationReport report = DisclosureLogs.verify(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": " + report);
            out.flush();
            return report.isIntact() ? 0 : Main.EXIT_INVALID;
        }
    }
}
