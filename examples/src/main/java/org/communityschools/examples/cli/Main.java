package org.communityschools.examples.cli;

import java.io.PrintWriter;
import org.communityschools.core.CommunitySchoolsException;
import org.communityschools.privacy.policy.PolicyValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code community-schools} command-line tool. Errors for users are one clear line on stderr and a non-zero
 * exit code: 1 for invalid data or a refused operation, 2 for a usage error; never a stack trace (set the system
 * property {@code communityschools.debug=true} to get one). A refused policy file is one line per problem,
 * {@code FILE:LINE:COLUMN: code: message}.
 */
@Command(name = "community-schools",
        mixinStandardHelpOptions = true,
        version = "community-schools 0.2.0",
        description = "Share student data between schools and community partners safely, and measure outcomes.",
        subcommands = {
                GenerateCommand.class,
                ValidateCommand.class,
                ApplyCommand.class,
                MetricsCommand.class,
                CompareCommand.class,
                ViewCommand.class,
                AccessCommand.class,
                AuditCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                PublishCommand.class,
                ExtractCommand.class,
                AgreementsCommand.class,
                org.communityschools.examples.dashboard.ServeCommand.class,
                DemoCommand.class,
                ApiCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for data that breaks the rules or an operation the SDK refused. */
    static final int EXIT_INVALID = 1;

    /** Held so the logger's level is not lost to garbage collection. */
    private static final java.util.logging.Logger HIBERNATE_VALIDATOR = java.util.logging.Logger.getLogger("org.hibernate.validator");

    /**
     * Whether the tool runs in a process of its own ({@link #main}), where a command may choose process-wide settings
     * such as the demo's compiler policy ({@link ShortRun}); false when a host or a test calls {@link #run}.
     */
    private static volatile boolean ownProcess;

    private Main() {}

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        ownProcess = true;
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Whether the tool runs in a process of its own, started by {@link #main}. */
    static boolean ownsProcess() {
        return ownProcess;
    }

    /** Runs the tool with the given output streams and returns the exit code; used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // The validator's version banner is not for users of a command-line tool.
        HIBERNATE_VALIDATOR.setLevel(java.util.logging.Level.WARNING);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(java.time.LocalDate.class, text -> { // a usage error names the value, not a Java exception
            try {
                return java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date of the form YYYY-MM-DD");
            }
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (Boolean.getBoolean("communityschools.debug")) {
                ex.printStackTrace(err);
            }
            if (ex instanceof PolicyValidationException refused) {
                PolicyOption.lines(refused).forEach(err::println);
                err.flush();
                return EXIT_INVALID;
            }
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("error: " + message);
            err.flush();
            return ex instanceof CommunitySchoolsException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof IllegalArgumentException ? EXIT_INVALID : EXIT_INVALID + 69;
        });
        return cli.execute(args);
    }
}
