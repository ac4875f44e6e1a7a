package org.communityschools.privacy.internal.disclosure;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.communityschools.privacy.disclosure.CheckpointStore;
import org.communityschools.privacy.disclosure.DisclosureLogException;
import org.communityschools.privacy.disclosure.SignedCheckpoint;

/**
 * A checkpoint store in a file, one {@link SignedCheckpoint#toString()} and {@code \n} a line. An append takes an
 * exclusive lock on the file, checks that the file ends with a complete line and that its last checkpoint is not
 * ahead of the new one, writes the line in one positional write at the end, and forces it to the storage device
 * before returning. Thread-safe: appends to one file are serialized by a monitor per path within this process (a
 * JVM cannot hold two locks on one file) and by the file lock between processes.
 */
public final class CheckpointFile implements CheckpointStore {
    /** Longer than any checkpoint line (about 260 bytes). */
    private static final int TAIL_BYTES = 1024;

    private static final ConcurrentHashMap<Path, Object> APPENDING = new ConcurrentHashMap<>();

    private final Path file;
    private final Object appending;

    public CheckpointFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.appending = APPENDING.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    }

    @Override
    public void append(SignedCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        synchronized (appending) {
            appendLocked(checkpoint);
        }
    }

    private void appendLocked(SignedCheckpoint checkpoint) {
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = ch.lock();
            try {
                long size = ch.size();
                Optional<SignedCheckpoint> last = lastCheckpoint(ch, size);
                if (last.isPresent() && last.get().head().sequence() > checkpoint.head().sequence()) {
                    throw new DisclosureLogException("the checkpoint file " + file + " already holds a checkpoint at "
                            + "sequence " + last.get().head().sequence() + "; checkpoints go forward, not back to "
                            + checkpoint.head().sequence());
                }
                LogFiles.writeFully(ch, (checkpoint + "\n").getBytes(StandardCharsets.US_ASCII), size);
                ch.force(true);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new DisclosureLogException("cannot append a checkpoint to " + file, e);
        }
        if (created) {
            LogFiles.forceDirectory(file);
        }
    }

    /** The last checkpoint in the file; refuses a file whose last line is incomplete or not a checkpoint. */
    private Optional<SignedCheckpoint> lastCheckpoint(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return Optional.empty();
        }
        int n = (int) Math.min(size, TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(n);
        while (tail.hasRemaining()) {
            if (ch.read(tail, size - n + tail.position()) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        String text = new String(tail.array(), StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\n")) {
            throw new DisclosureLogException("the checkpoint file " + file + " ends with an incomplete line (an append "
                    + "that did not complete, never acknowledged); remove that line before appending");
        }
        String line = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1, text.length() - 1);
        try {
            return Optional.of(SignedCheckpoint.parse(line));
        } catch (IllegalArgumentException e) {
            throw new DisclosureLogException("the checkpoint file " + file + " last line: not a checkpoint: "
                    + e.getMessage());
        }
    }

    @Override
    public List<SignedCheckpoint> checkpoints() {
        List<SignedCheckpoint> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             BufferedReader in = new BufferedReader(Channels.newReader(ch, StandardCharsets.US_ASCII.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT), -1))) {
            long size = ch.size();
            String line;
            long lineNo = 0;
            long read = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                read += line.length() + 1;
                if (read > size) {
                    throw new DisclosureLogException(file + " line " + lineNo + ": the last line has no line end (an "
                            + "append that did not complete)");
                }
                try {
                    out.add(SignedCheckpoint.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new DisclosureLogException(file + " line " + lineNo + ": not a checkpoint: " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new DisclosureLogException("cannot read the checkpoint file " + file
                    + " (a checkpoint file is ASCII, one checkpoint a line)", e);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "CheckpointStore[" + file + "]";
    }
}
