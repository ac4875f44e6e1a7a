package org.communityschools.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Disclosure-log appends (34 CFR 99.32; docs/privacy-disclosure-log.md) in each durability mode the log offers:
 * <ul>
 *   <li>{@code sdk_appendFile}: {@link DisclosureLogs#jsonLinesFile} from one thread; {@code append} returns once
 *       the line is written and forced to the storage device ({@code FileChannel.force(false)}, fdatasync), against
 *       {@code peer_appendFile}: writing a line of the same length to a {@link FileChannel} and forcing it the same
 *       way, with no canonical JSON and no hash chain (the floor of any durable append);</li>
 *   <li>{@code groupCommit}: the same file sink appended to by 4 threads at once, in appends per second: concurrent
 *       appenders share one force (group commit);</li>
 *   <li>{@code memory}: {@link DisclosureLogs#inMemory()}, the same sequence numbers and hash chain with no storage
 *       (not durable).</li>
 * </ul>
 * Log files go under {@code -Dbench.dataDir} (the disk, not a RAM file system) and are deleted after each trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DisclosureLogBenchmark {
    static final Disclosure DISCLOSURE = Disclosure.builder()
            .at(Instant.parse("2018-03-01T15:00:00Z")).requester(StaffId.of("M-17")).requesterOrganization(OrganizationId.of("CBO-1"))
            .student(StudentId.of("S00000001")).fields("attendance.records", "attendance.summary")
            .purpose("success mentoring").legalBasis(LegalBasis.SCHOOL_OFFICIAL).agreement(AgreementId.of("DSA-2026-01"))
            .build();

    /** A fresh directory for the trial's log files. */
    static Path directory() {
        Path root = Path.of(System.getProperty("bench.dataDir", System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "disclosure-log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file sink on a new log (shared by the threads of a trial). */
    @State(Scope.Benchmark)
    public static class FileSink {
        Path dir;
        DisclosureSink sink;

        /** Opens the log. */
        @Setup(Level.Trial)
        public void open() {
            dir = directory();
            sink = DisclosureLogs.jsonLinesFile(dir.resolve("disclosures.jsonl"));
        }

        /** Closes and deletes the log. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            long entries = sink.checkpoint().map(c -> c.sequence()).orElse(0L);
            sink.close();
            Path log = dir.resolve("disclosures.jsonl");
            System.out.printf("%n[bench] disclosure log: %,d entries, %,d bytes, intact: %s%n", entries, Files.size(log),
                    DisclosureLogs.verify(log).isIntact());
            delete(dir);
        }
    }

    /** The peer's channel and one line as long as the sink's. */
    @State(Scope.Benchmark)
    public static class RawFile {
        Path dir;
        FileChannel channel;
        byte[] line;

        /** Opens the file and measures a line of the log. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = directory();
            Path sample = dir.resolve("sample.jsonl");
            try (DisclosureSink s = DisclosureLogs.jsonLinesFile(sample)) {
                s.append(DISCLOSURE);
            }
            line = Files.readAllBytes(sample);
            channel = FileChannel.open(dir.resolve("raw.jsonl"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            System.out.printf("%n[bench] raw durable append of %d-byte lines%n", line.length);
        }

        /** Closes and deletes the file. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
            delete(dir);
        }
    }

    /** An in-memory sink per iteration (its entries are kept in memory). */
    @State(Scope.Thread)
    public static class MemorySink {
        DisclosureSink sink;

        /** A new sink. */
        @Setup(Level.Iteration)
        public void open() {
            sink = DisclosureLogs.inMemory();
        }

        /** Releases it. */
        @TearDown(Level.Iteration)
        public void close() {
            sink.close();
        }
    }

    /** One durable append to the JSON Lines file sink. */
    @Benchmark
    public DisclosureEntry sdk_appendFile(FileSink s) {
        return s.sink.append(DISCLOSURE);
    }

    /** One line written and forced (fdatasync), no JSON, no chain. */
    @Benchmark
    public int peer_appendFile(RawFile f) throws IOException {
        int n = f.channel.write(ByteBuffer.wrap(f.line));
        f.channel.force(false);
        return n;
    }

    /** Four threads appending to one file sink: appends per second with group commit. */
    @Benchmark
    @Threads(4)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DisclosureEntry groupCommit(FileSink s) {
        return s.sink.append(DISCLOSURE);
    }

    /** One append to the in-memory sink (hash chain, no storage). */
    @Benchmark
    public DisclosureEntry memory(MemorySink s) {
        return s.sink.append(DISCLOSURE);
    }
}
