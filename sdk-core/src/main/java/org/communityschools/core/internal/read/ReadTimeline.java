package org.communityschools.core.internal.read;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A diagnostic timeline of one directory read, off unless the system property
 * {@code org.communityschools.read.timeline} is {@code true}: per file when its reading started and ended, and for a
 * file read in parallel ({@link CsvRanges}) how long the workers parsed (summed over the workers), how long this thread
 * applied ranges and how long it waited for the next range; the same for the indexes built at the end. Written through
 * {@link System.Logger} (logger {@code org.communityschools.read}, level INFO) when the read ends. It shows the read's
 * critical path: a file whose applying thread waits is bound by its workers, one whose workers sit idle (their queue
 * full) by the applying thread. Changes no result. Meant for one read at a time in a JVM (the figures are kept in static
 * fields; reads at the same time would mix them); the workers' sums are thread-safe.
 */
final class ReadTimeline {
    /** Whether the timeline is recorded (read once). */
    static final boolean ON = Boolean.getBoolean("org.communityschools.read.timeline");

    private static final System.Logger LOG = System.getLogger("org.communityschools.read");
    private static final long T0 = System.nanoTime();
    private static final AtomicLong PARSE = new AtomicLong();
    private static long apply;
    private static long await;
    private static long start;
    private static int ranges;

    private ReadTimeline() {
    }

    /** The current time for a span, or 0 when the timeline is off. */
    static long now() {
        return ON ? System.nanoTime() : 0;
    }

    /** Marks the start of a phase (a file, or the indexes). */
    static void begin() {
        if (ON) {
            PARSE.set(0);
            apply = 0;
            await = 0;
            ranges = 0;
            start = System.nanoTime();
        }
    }

    /** A worker parsed one range from {@code since} ({@link #now}) to now. */
    static void parsed(long since) {
        if (ON) {
            PARSE.addAndGet(System.nanoTime() - since);
        }
    }

    /** The applying thread waited for a range from {@code since} to now. */
    static void awaited(long since) {
        if (ON) {
            await += System.nanoTime() - since;
            ranges++;
        }
    }

    /** The applying thread applied a range from {@code since} to now. */
    static void applied(long since) {
        if (ON) {
            apply += System.nanoTime() - since;
        }
    }

    /** Ends the phase named {@code phase} and logs its line. */
    static void end(String phase) {
        if (ON) {
            long end = System.nanoTime();
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "read timeline %-30s %7d..%7d ms (%6d ms); ranges %4d, workers parsing %6d ms, applying %6d ms,"
                            + " waiting %6d ms", phase, ms(start - T0), ms(end - T0), ms(end - start), ranges,
                    ms(PARSE.get()), ms(apply), ms(await)));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
