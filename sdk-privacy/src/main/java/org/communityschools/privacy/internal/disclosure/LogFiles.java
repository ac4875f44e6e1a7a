package org.communityschools.privacy.internal.disclosure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.DisclosureLogException;
import org.communityschools.privacy.disclosure.LogDefect;
import org.communityschools.privacy.disclosure.LogRepair;
import org.communityschools.privacy.disclosure.VerificationReport;

/** Verification and repair of log files. */
public final class LogFiles {
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private LogFiles() {}

    /** Verifies the file. */
    public static VerificationReport verify(Path file, Optional<Checkpoint> checkpoint) {
        return verify(file, checkpoint.map(List::of).orElse(List.of()));
    }

    /** Verifies the file against consistent checkpoints. */
    public static VerificationReport verify(Path file, List<Checkpoint> checkpoints) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return LogScanner.scan(new ChannelInput(ch, ch.size()), checkpoints, e -> { }).report();
        } catch (NoSuchFileException e) {
            throw new DisclosureLogException("no disclosure log at " + file, e);
        } catch (IOException e) {
            throw new DisclosureLogException("cannot read the disclosure log " + file, e);
        }
    }

    /** Repairs a torn last line; see {@code DisclosureLogs.repair}. */
    public static Optional<LogRepair> repair(Path file, Clock clock) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = lock(ch, file);
            try {
                long size = ch.size();
                LogScanner.Result scan = LogScanner.scan(new ChannelInput(ch, size), Optional.empty(), e -> { });
                VerificationReport report = scan.report();
                if (report.isIntact()) {
                    return Optional.empty();
                }
                if (report.defect().get().kind() != LogDefect.Kind.TORN_LAST_LINE) {
                    throw new DisclosureLogException("only a torn last line can be repaired; any other defect is "
                            + "evidence and is left unchanged for investigation", report);
                }
                long dropped = size - scan.validBytes();
                MessageDigest md = LogCodec.sha256();
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                for (long pos = scan.validBytes(); pos < size; ) {
                    buf.clear();
                    int n = ch.read(buf, pos);
                    if (n <= 0) {
                        throw new IOException("file shrank while being repaired");
                    }
                    md.update(buf.array(), 0, n);
                    pos += n;
                }
                String sha = LogCodec.hex(md.digest());
                Instant at = clock.instant();
                Path backup = backUp(ch, size, file, at);
                ch.truncate(scan.validBytes());
                ch.force(true);
                long seq = scan.lastSeq() + 1;
                String body = LogCodec.repairBody(seq, scan.lastHash(), at, dropped, sha);
                writeFully(ch, (LogCodec.line(body, LogCodec.hash(body)) + "\n").getBytes(StandardCharsets.UTF_8),
                        scan.validBytes());
                ch.force(true);
                return Optional.of(new LogRepair(seq, at, dropped, sha, backup));
            } finally {
                lock.release();
            }
        } catch (NoSuchFileException e) {
            throw new DisclosureLogException("no disclosure log at " + file, e);
        } catch (IOException e) {
            throw new DisclosureLogException("cannot repair the disclosure log " + file, e);
        }
    }

    /**
     * Copies the log, as it is before a repair, to {@code NAME.before-repair-YYYYMMDDTHHMMSSsssZ} beside it and forces
     * the copy and its directory entry; refuses to overwrite an existing file.
     */
    private static Path backUp(FileChannel ch, long size, Path file, Instant at) throws IOException {
        String stamp = BACKUP_STAMP.format(at);
        Path backup = file.resolveSibling(file.getFileName() + ".before-repair-" + stamp);
        try (FileChannel out = FileChannel.open(backup, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long pos = 0; pos < size; ) {
                long n = ch.transferTo(pos, size - pos, out);
                if (n <= 0) {
                    throw new IOException("file shrank while being backed up");
                }
                pos += n;
            }
            out.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new DisclosureLogException("the backup " + backup + " exists already; repair again a moment later", e);
        }
        forceDirectory(backup);
        return backup;
    }

    /** Makes a new file's directory entry durable; not every platform supports this, and then there is nothing to do. */
    static void forceDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the entry itself.
        }
    }

    /** Takes the exclusive lock that a sink or a repair holds on a log. */
    static FileLock lock(FileChannel ch, Path file) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new DisclosureLogException("the disclosure log " + file + " is already open in this process");
        }
        if (lock == null) {
            throw new DisclosureLogException("the disclosure log " + file + " is locked by another process");
        }
        return lock;
    }

    /** Writes all bytes at {@code position}. */
    static void writeFully(FileChannel ch, byte[] bytes, long position) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }
}
