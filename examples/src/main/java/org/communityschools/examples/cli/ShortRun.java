package org.communityschools.examples.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The just-in-time compiler policy of a short command-line run. HotSpot's tiered compilation first compiles hot
 * methods with C1, with profiling, then recompiles them with C2. The demo's hot methods (the simulation of a student,
 * the parsing of a row, the assembly of a record) are large, and C2 spends seconds on each of them: measured on the
 * demo of the district preset, the C2 compiler threads took 11.5 of 31 CPU seconds, and the profiled C1 code ran
 * while it waited. A run that ends within seconds never earns that back, so the demo asks the JVM, through its
 * diagnostic command {@code Compiler.directives_add} (the {@code jcmd} command of the same name), to compile with C1
 * only, much as {@code -XX:TieredStopAtLevel=1} would: when a method's profiled C1 code asks for C2, the JVM refuses
 * it and compiles the method with C1 again, without profiling (see docs/benchmarks.md, "Session 7: demo": 14–15 CPU
 * seconds against 13–14 with the flag and 28–29 with neither).
 *
 * <p>Only for a process the tool owns ({@link Main#main}), never inside a host or a test JVM, and only for runs of a
 * few seconds: the NYC preset runs long enough for C2 to pay. Best effort: when the JVM offers no such diagnostic
 * command (another JVM than HotSpot), nothing changes but the time.
 */
final class ShortRun {
    private ShortRun() {}

    /**
     * Asks the JVM to compile every method with C1 only from now on.
     *
     * @return whether the JVM took the directive
     */
    static boolean compileWithC1Only() {
        return excludeFromC2("*.*");
    }

    /**
     * Adds a compiler directive (the format of HotSpot's compiler control, JEP 165) that keeps the methods matching
     * {@code pattern} ({@code class.method}, {@code *} a wildcard) from C2.
     *
     * @return whether the JVM took the directive: its diagnostic command answered that it added one
     */
    static boolean excludeFromC2(String pattern) {
        Path directive = null;
        try {
            directive = Files.createTempFile("community-schools-jit-", ".json");
            Files.writeString(directive, "[{ match: \"" + pattern + "\", c2: { Exclude: true } }]", StandardCharsets.US_ASCII);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directive.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(answer).contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException e) {
            return false;
        } finally {
            if (directive != null) {
                try {
                    Files.deleteIfExists(directive);
                } catch (IOException e) {
                    // a file of 50 bytes in the temporary folder: nothing to tell the user
                }
            }
        }
    }
}
