package org.communityschools.privacy.internal.disclosure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.CheckpointVerification;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogException;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.disclosure.SignedCheckpoint;
import org.communityschools.privacy.disclosure.SignedCheckpoint.Occasion;

/**
 * A sink appending to a JSON Lines file. An append writes its whole line and line end at the end of the file under
 * the append lock, then waits until a {@code FileChannel.force(false)} (fdatasync) that started after its write has
 * completed, and only then acknowledges. Forces are shared (group commit): while one appender forces, the others
 * queue their writes, and the next force covers all of them. An I/O failure makes the sink refuse further appends.
 * Thread-safe.
 *
 * <p>With {@link CheckpointSettings}, opening verifies the log against the store's checkpoints and signs an
 * {@linkplain Occasion#OPENED opening checkpoint} at its head; appends sign an {@linkplain Occasion#INTERVAL interval
 * checkpoint} once enough durable entries have passed the last one; closing signs a {@linkplain Occasion#CLOSED
 * closing checkpoint}. Checkpoints are signed and stored holding the force lock, so they follow the durable head in
 * order.
 */
public final class JsonLinesFileSink implements DisclosureSink {
    private final Path file;
    private final FileChannel channel;
    private final FileLock fileLock;
    /** Guards the written state: size, lastSeq, lastHash; and closed, which is set holding both locks. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Guards the durable state and serializes forces; taken before {@link #lock} when both are needed. */
    private final ReentrantLock forceLock = new ReentrantLock();
    private long size;
    private long lastSeq;
    private String lastHash;
    private long durableSize;
    private long durableSeq;
    private String durableHash;
    private volatile boolean failed;
    private boolean closed;
    private final Optional<CheckpointSettings> checkpoints;
    /** The sequence of the last checkpoint this sink signed; guarded by {@link #forceLock}. */
    private long checkpointedSeq;

    private JsonLinesFileSink(Path file, FileChannel channel, FileLock fileLock, LogScanner.Result scan,
                              Optional<CheckpointSettings> checkpoints) {
        this.file = file;
        this.checkpoints = checkpoints;
        this.channel = channel;
        this.fileLock = fileLock;
        this.size = scan.validBytes();
        this.lastSeq = scan.lastSeq();
        this.lastHash = scan.lastHash();
        this.durableSize = size;
        this.durableSeq = lastSeq;
        this.durableHash = lastHash;
    }

    /** Opens or creates the log, verifying an existing one. */
    public static JsonLinesFileSink open(Path file) {
        return open(file, Optional.empty());
    }

    /** Opens or creates the log, verifying an existing one, against the checkpoints when configured. */
    public static JsonLinesFileSink open(Path file, Optional<CheckpointSettings> checkpoints) {
        boolean created = !Files.exists(file);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DisclosureLogException("cannot open the disclosure log " + file, e);
        }
        try {
            FileLock fileLock = LogFiles.lock(ch, file);
            if (created) {
                LogFiles.forceDirectory(file);
            }
            LogScanner.Result scan = LogScanner.scan(new ChannelInput(ch, ch.size()), Optional.empty(), e -> { });
            if (!scan.report().isIntact()) {
                throw new DisclosureLogException("the disclosure log " + file + " is not intact; a torn last line can be "
                        + "repaired with DisclosureLogs.repair, anything else needs investigation", scan.report());
            }
            if (checkpoints.isPresent()) {
                verifyCheckpoints(file, ch, checkpoints.get());
            }
            JsonLinesFileSink sink = new JsonLinesFileSink(file, ch, fileLock, scan, checkpoints);
            if (checkpoints.isPresent() && scan.lastSeq() > 0) {
                sink.sign(Occasion.OPENED);
            }
            return sink;
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new DisclosureLogException("cannot read the disclosure log " + file, e);
        }
    }

    private static void verifyCheckpoints(Path file, FileChannel ch, CheckpointSettings settings) {
        CheckpointVerification v = Checkpoints.verify(settings.store().checkpoints(), settings.key(), heads -> {
            try {
                return LogScanner.scan(new ChannelInput(ch, ch.size()), heads, e -> { }).report();
            } catch (IOException e) {
                throw new DisclosureLogException("cannot read the disclosure log " + file, e);
            }
        });
        if (!v.isIntact()) {
            throw new DisclosureLogException("the disclosure log " + file + " does not match its checkpoints in "
                    + settings.store() + ", which is evidence for people to investigate: " + v);
        }
    }

    /** Signs and stores a checkpoint at the durable head; call with {@link #forceLock} held (or before publication). */
    private SignedCheckpoint sign(Occasion occasion) {
        CheckpointSettings settings = checkpoints.orElseThrow();
        SignedCheckpoint signed = SignedCheckpoint.sign(new Checkpoint(durableSeq, durableHash),
                settings.clock().instant(), occasion, settings.key());
        settings.store().append(signed);
        checkpointedSeq = durableSeq;
        return signed;
    }

    @Override
    public Optional<SignedCheckpoint> writeCheckpoint() {
        if (checkpoints.isEmpty()) {
            throw new IllegalStateException("this sink has no checkpoint store; configure one with "
                    + "DisclosureLogs.jsonLinesFileBuilder(file).checkpoints(store, key)");
        }
        forceLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the disclosure sink is closed");
            }
            return durableSeq == 0 ? Optional.empty() : Optional.of(sign(Occasion.ON_DEMAND));
        } finally {
            forceLock.unlock();
        }
    }

    @Override
    public DisclosureEntry append(Disclosure disclosure) {
        return appendAll(List.of(Objects.requireNonNull(disclosure, "disclosure"))).get(0);
    }

    /** Writes every line under the append lock, then forces once (shared with concurrent appenders). */
    @Override
    public List<DisclosureEntry> appendAll(List<Disclosure> disclosures) {
        List<Disclosure> batch = List.copyOf(disclosures);
        if (batch.isEmpty()) {
            return List.of();
        }
        List<DisclosureEntry> entries = new java.util.ArrayList<>(batch.size());
        long end;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the disclosure sink is closed");
            }
            refuseIfFailed();
            for (Disclosure disclosure : batch) {
                long seq = lastSeq + 1;
                String body = LogCodec.disclosureBody(seq, lastHash, disclosure);
                String hash = LogCodec.hash(body);
                byte[] bytes = (LogCodec.line(body, hash) + "\n").getBytes(StandardCharsets.UTF_8);
                try {
                    LogFiles.writeFully(channel, bytes, size);
                } catch (IOException | RuntimeException e) {
                    throw fail(e);
                }
                size += bytes.length;
                lastSeq = seq;
                lastHash = hash;
                entries.add(new DisclosureEntry(seq, disclosure));
            }
            end = size;
        } finally {
            lock.unlock();
        }
        forceLock.lock();
        try {
            if (durableSize < end) {
                refuseIfFailed();
                forceWritten();
            }
            if (checkpoints.isPresent() && checkpoints.get().every() > 0
                    && durableSeq - checkpointedSeq >= checkpoints.get().every()) {
                sign(Occasion.INTERVAL);
            }
            return List.copyOf(entries);
        } finally {
            forceLock.unlock();
        }
    }

    /** Forces everything written so far; call with {@link #forceLock} held. */
    private void forceWritten() {
        long target;
        long seq;
        String hash;
        lock.lock();
        try {
            target = size;
            seq = lastSeq;
            hash = lastHash;
        } finally {
            lock.unlock();
        }
        try {
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
        durableSize = target;
        durableSeq = seq;
        durableHash = hash;
    }

    private void refuseIfFailed() {
        if (failed) {
            throw new DisclosureLogException("the disclosure log " + file + " failed earlier and refuses appends; "
                    + "close it and reopen it to verify");
        }
    }

    private DisclosureLogException fail(Exception e) {
        failed = true;
        return new DisclosureLogException("could not record a disclosure in " + file
                + "; nothing was acknowledged and the sink refuses further appends", e);
    }

    @Override
    public List<DisclosureEntry> historyOf(StudentId student) {
        Objects.requireNonNull(student, "student");
        long limit;
        long seq;
        String hash;
        forceLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the disclosure sink is closed");
            }
            limit = durableSize;
            seq = durableSeq;
            hash = durableHash;
        } finally {
            forceLock.unlock();
        }
        List<DisclosureEntry> out = new ArrayList<>();
        LogScanner.Result scan;
        try {
            scan = LogScanner.scan(new ChannelInput(channel, limit),
                    seq == 0 ? Optional.empty() : Optional.of(new Checkpoint(seq, hash)), e -> {
                        if (e.disclosure().student().equals(student)) {
                            out.add(e);
                        }
                    });
        } catch (IOException e) {
            throw new DisclosureLogException("cannot read the disclosure log " + file, e);
        }
        if (!scan.report().isIntact() || scan.lastSeq() != seq) {
            throw new DisclosureLogException("the disclosure log " + file + " changed behind the sink", scan.report());
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<Checkpoint> checkpoint() {
        forceLock.lock();
        try {
            return durableSeq == 0 ? Optional.empty() : Optional.of(new Checkpoint(durableSeq, durableHash));
        } finally {
            forceLock.unlock();
        }
    }

    @Override
    public void close() {
        forceLock.lock();
        try {
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
            } finally {
                lock.unlock();
            }
            try {
                if (durableSize < size && !failed) {
                    forceWritten();
                }
                if (!failed && durableSeq > 0 && checkpoints.isPresent() && checkpoints.get().onClose()) {
                    sign(Occasion.CLOSED);
                }
            } finally {
                try {
                    fileLock.release();
                } finally {
                    channel.close();
                }
            }
        } catch (IOException e) {
            throw new DisclosureLogException("cannot close the disclosure log " + file, e);
        } finally {
            forceLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "DisclosureSink[" + file + "]";
    }
}
