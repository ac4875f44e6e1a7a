package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process for the tests and captures what it prints. */
final class Cli {
    private Cli() {}

    /** The exit code and the text written to standard output and standard error. */
    record Run(int exitCode, String out, String err) {
        int code() {
            return exitCode;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
