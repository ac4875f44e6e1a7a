package org.communityschools.core.internal.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.live.ChangeBatch;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot and the append-only change journal of a live district, in one directory: {@code snapshot-N/} (a
 * district data directory at version N, complete once {@code snapshot-N.done} exists) and {@code journal-N.log}
 * (the batches applied after version N). A journal is a sequence of frames {@code [length][CRC-32][payload]} whose
 * payload is a batch in JSON ({@link JournalCodec}); a batch is acknowledged only after its frame is forced to disk.
 * On opening, a torn last frame (short, or failing its checksum: the process died while writing it) is cut off:
 * it was never acknowledged. Not thread-safe (the live district serializes its writer).
 */
public final class Journal {
    private static final String SNAPSHOT = "snapshot-";
    private static final String DONE = ".done";
    private static final String LOG = "journal-";

    private final Path dir;
    private final DataElements dataElements;
    private FileChannel channel;
    private long base;

    private Journal(Path dir, DataElements dataElements, FileChannel channel, long base) {
        this.dir = dir;
        this.dataElements = dataElements;
        this.channel = channel;
        this.base = base;
    }

    /** A batch read back from the journal, with the version it made. */
    public record Entry(long number, ChangeBatch batch) {}

    /** An opened journal: the snapshot's data and version, the batches to replay, and the journal to append to. */
    public record Opened(DistrictData data, long number, List<Entry> entries, Journal journal) {}

    /** Opens the journal directory, writing {@code initial} as snapshot 0 when the directory holds no snapshot. */
    public static Opened open(Path dir, @Nullable DistrictData initial, DataElements dataElements) {
        try {
            Files.createDirectories(dir);
            long snapshot = latestSnapshot(dir);
            DistrictData data;
            if (snapshot < 0) {
                if (initial == null) {
                    throw new IllegalStateException("the journal directory " + dir + " holds no snapshot; set data(...)");
                }
                writeSnapshot(dir, 0, initial);
                snapshot = 0;
                data = initial;
            } else {
                if (initial != null) {
                    throw new IllegalStateException("the journal directory " + dir + " holds snapshot " + snapshot
                            + "; data(...) must not be set as well");
                }
                data = DistrictDataReader.builder().lenient(false).dataElements(dataElements).build()
                        .read(dir.resolve(SNAPSHOT + snapshot)).data();
            }
            Path log = dir.resolve(LOG + snapshot + ".log");
            FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            List<Entry> entries = new ArrayList<>();
            long good = readFrames(channel, snapshot, entries);
            if (good < channel.size()) {
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
            syncDirectory(dir);
            return new Opened(data, snapshot, entries, new Journal(dir, dataElements, channel, snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long readFrames(FileChannel channel, long snapshot, List<Entry> entries)
            throws IOException {
        long pos = 0;
        long size = channel.size();
        long expected = snapshot + 1;
        ByteBuffer head = ByteBuffer.allocate(8);
        while (pos + 8 <= size) {
            head.clear();
            channel.read(head, pos);
            head.flip();
            int length = head.getInt();
            int crc = head.getInt();
            if (length <= 0 || pos + 8 + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            channel.read(payload, pos + 8);
            CRC32 c = new CRC32();
            c.update(payload.array());
            if ((int) c.getValue() != crc) {
                break;
            }
            JournalCodec.Decoded d = JournalCodec.decode(new String(payload.array(), StandardCharsets.UTF_8));
            if (d.number() != expected) {
                throw new IllegalStateException("journal frame at byte " + pos + " holds version " + d.number()
                        + "; version " + expected + " was expected");
            }
            entries.add(new Entry(d.number(), d.batch()));
            expected++;
            pos += 8 + length;
        }
        return pos;
    }

    /** Appends the batch that made version {@code number} and forces it to disk. */
    public void append(long number, ChangeBatch batch) {
        byte[] payload = JournalCodec.encode(number, batch).getBytes(StandardCharsets.UTF_8);
        CRC32 c = new CRC32();
        c.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        frame.putInt(payload.length).putInt((int) c.getValue()).put(payload).flip();
        try {
            long start = channel.position();
            try {
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
                channel.force(false);
            } catch (IOException e) {
                channel.truncate(start);
                channel.position(start);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the change journal could not be written; the batch was not applied", e);
        }
    }

    /** Writes {@code data} as snapshot {@code number}, starts an empty journal after it and removes the older files. */
    public void compact(long number, DistrictData data) {
        try {
            if (number == base) {
                return;
            }
            writeSnapshot(dir, number, data);
            FileChannel next = FileChannel.open(dir.resolve(LOG + number + ".log"), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            next.force(true);
            syncDirectory(dir);
            channel.close();
            long old = base;
            channel = next;
            base = number;
            Files.deleteIfExists(dir.resolve(LOG + old + ".log"));
            Files.deleteIfExists(dir.resolve(SNAPSHOT + old + DONE));
            deleteTree(dir.resolve(SNAPSHOT + old));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the journal file. */
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSnapshot(Path dir, long number, DistrictData data) throws IOException {
        Path target = dir.resolve(SNAPSHOT + number);
        deleteTree(target);
        DistrictDataWriter.write(data, target);
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            }
        }
        syncDirectory(target);
        Path done = dir.resolve(SNAPSHOT + number + DONE);
        Files.write(done, new byte[0]);
        try (FileChannel c = FileChannel.open(done, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        syncDirectory(dir);
    }

    /** Forces the directory's entries (new files) to disk where the platform allows it (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // not supported on this platform (Windows): the files themselves were forced
        }
    }

    private static long latestSnapshot(Path dir) throws IOException {
        long latest = -1;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(SNAPSHOT) && name.endsWith(DONE)) {
                    try {
                        latest = Math.max(latest, Long.parseLong(name.substring(SNAPSHOT.length(), name.length() - DONE.length())));
                    } catch (NumberFormatException e) {
                        // not ours
                    }
                }
            }
        }
        return latest;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
