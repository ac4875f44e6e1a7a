package org.communityschools.privacy.disclosure;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.communityschools.core.model.StudentId;

/**
 * A manual measurement, not a test: appends with fsync, then verifies and queries a large log.
 * Usage (after {@code mvn -o -pl sdk-core,sdk-privacy verify}):
 * {@code java -cp <classpath> org.communityschools.privacy.disclosure.DisclosureLogMeasurement SCRATCH_DIR 2000 1000000 4} (appends, lines of the large log, appending threads)
 */
public final class DisclosureLogMeasurement {
    private DisclosureLogMeasurement() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int appends = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[2]);
        Files.createDirectories(dir);

        Path small = dir.resolve("append.jsonl");
        Files.deleteIfExists(small);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long t0 = System.nanoTime();
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(small)) {
            List<Thread> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random r = new Random(t);
                Thread w = new Thread(() -> {
                    for (int i = 0; i < appends / threads; i++) {
                        sink.append(Samples.random(r));
                    }
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        long t1 = System.nanoTime();
        int done = appends / threads * threads;
        System.out.printf("append+fsync, %d threads: %d entries in %.2f s = %.0f entries/s%n", threads, done,
                (t1 - t0) / 1e9, done / ((t1 - t0) / 1e9));
        if (!DisclosureLogs.verify(small).isIntact()) {
            throw new AssertionError("the appended log does not verify");
        }

        Path large = dir.resolve("large.jsonl");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(large), 1 << 20)) {
            Random g = new Random(2);
            String prev = org.communityschools.privacy.internal.disclosure.LogCodec.GENESIS;
            for (long seq = 1; seq <= lines; seq++) {
                String body = org.communityschools.privacy.internal.disclosure.LogCodec.disclosureBody(seq, prev, Samples.random(g));
                prev = org.communityschools.privacy.internal.disclosure.LogCodec.hash(body);
                out.write((org.communityschools.privacy.internal.disclosure.LogCodec.line(body, prev) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        long size = Files.size(large);
        long t2 = System.nanoTime();
        VerificationReport report = DisclosureLogs.verify(large);
        long t3 = System.nanoTime();
        System.out.printf("verify: %d lines, %.1f MB in %.2f s = %.0f lines/s; %s%n", lines, size / 1e6,
                (t3 - t2) / 1e9, lines / ((t3 - t2) / 1e9), report.isIntact() ? "intact" : report);
        long t4 = System.nanoTime();
        List<DisclosureEntry> history;
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(large)) {
            long t5 = System.nanoTime();
            history = sink.historyOf(StudentId.of("S3"));
            long t6 = System.nanoTime();
            System.out.printf("open (verifies): %.2f s; historyOf: %d entries in %.2f s%n", (t5 - t4) / 1e9,
                    history.size(), (t6 - t5) / 1e9);
        }
        Files.delete(small);
        Files.delete(large);
    }
}
