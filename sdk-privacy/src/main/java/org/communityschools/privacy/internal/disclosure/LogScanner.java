package org.communityschools.privacy.internal.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.LogDefect;
import org.communityschools.privacy.disclosure.VerificationReport;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a log from a stream of bytes in one pass and hands every verified disclosure to a consumer. The first
 * defect ends the verification; for an unexpected sequence number the rest of the stream is read to tell a removal
 * from a reordering. Not thread-safe; one scanner per scan.
 */
public final class LogScanner {
    /**
     * The outcome of a scan.
     *
     * @param report     what a caller of verify sees
     * @param validBytes the length of the verified prefix of the file, in bytes
     * @param lastSeq    the sequence number of the last verified line, 0 when none
     * @param lastHash   its hash, {@link LogCodec#GENESIS} when none
     */
    public record Result(VerificationReport report, long validBytes, long lastSeq, String lastHash) {}

    private final LineInput in;
    private long lineNo;
    private long validBytes;
    private long lastSeq;
    private String lastHash = LogCodec.GENESIS;

    private LogScanner(InputStream in) {
        this.in = new LineInput(in);
    }

    /** Scans {@code in}, checking against {@code checkpoint} when given. */
    public static Result scan(InputStream in, Optional<Checkpoint> checkpoint, Consumer<DisclosureEntry> onEntry)
            throws IOException {
        return scan(in, checkpoint.map(List::of).orElse(List.of()), onEntry);
    }

    /**
     * Scans {@code in}, checking that the log reaches every checkpoint with the same hash at its sequence number.
     * The checkpoints must not contradict each other (one hash per sequence number).
     */
    public static Result scan(InputStream in, List<Checkpoint> checkpoints, Consumer<DisclosureEntry> onEntry)
            throws IOException {
        Map<Long, String> expected = new HashMap<>();
        long reach = 0;
        for (Checkpoint c : checkpoints) {
            expected.put(c.sequence(), c.hash());
            reach = Math.max(reach, c.sequence());
        }
        return new LogScanner(in).run(expected, reach, onEntry);
    }

    private Result run(Map<Long, String> checkpoints, long reach, Consumer<DisclosureEntry> onEntry) throws IOException {
        RawLine raw;
        while ((raw = in.next()) != null) {
            lineNo++;
            if (!raw.terminated) {
                return defect(LogDefect.Kind.TORN_LAST_LINE, "the last line has no line end (" + raw.length
                        + " bytes): a write that did not complete");
            }
            if (raw.bytes == null) {
                return defect(LogDefect.Kind.ALTERED, "the line is longer than " + LogCodec.MAX_LINE_BYTES + " bytes");
            }
            LogCodec.Line line;
            try {
                line = LogCodec.parse(raw.bytes);
            } catch (LogCodec.BadLine e) {
                if (!isCompleteObject(raw.bytes) && in.next() == null) {
                    return defect(LogDefect.Kind.TORN_LAST_LINE, "the last line (" + raw.length + " bytes) is not a "
                            + "complete JSON object: a write that did not complete");
                }
                return defect(LogDefect.Kind.ALTERED, "the line is not a valid entry: " + e.getMessage());
            }
            long expected = lastSeq + 1;
            if (line.seq() < expected) {
                return defect(LogDefect.Kind.REORDERED, "sequence number " + line.seq() + " where " + expected
                        + " was expected: a line repeated or moved");
            }
            if (line.seq() > expected) {
                boolean later = appearsLater(expected);
                return defect(later ? LogDefect.Kind.REORDERED : LogDefect.Kind.REMOVED, "sequence number " + line.seq()
                        + " where " + expected + " was expected; " + expected
                        + (later ? " appears later in the log" : " appears nowhere: lines were removed"));
            }
            if (!line.prev().equals(lastHash)) {
                return defect(LogDefect.Kind.ALTERED, "the line does not chain to the line before: that line was "
                        + "altered and rehashed, or this line's link was changed");
            }
            String signed = checkpoints.get(line.seq());
            if (signed != null && !signed.equals(line.hash())) {
                return defect(LogDefect.Kind.ALTERED, "the hash of sequence " + line.seq()
                        + " differs from the checkpoint: the log was rewritten at or before this line");
            }
            lastSeq = line.seq();
            lastHash = line.hash();
            validBytes += raw.length + 1;
            if (line.disclosure().isPresent()) {
                onEntry.accept(new DisclosureEntry(line.seq(), line.disclosure().get()));
            }
        }
        if (reach > lastSeq) {
            lineNo++;
            return defect(LogDefect.Kind.TRUNCATED, "the log ends at sequence " + lastSeq + " but the checkpoint is at "
                    + reach + ": lines were cut from the end");
        }
        return new Result(new VerificationReport(lastSeq, head(), Optional.empty()), validBytes, lastSeq, lastHash);
    }

    /**
     * Whether a line is a whole JSON object as a writer leaves it: starts with '{', ends with '}', no NUL byte. A line
     * that is not is what an interrupted write or lost blocks leave, not an edit.
     */
    private static boolean isCompleteObject(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != '{' || bytes[bytes.length - 1] != '}') {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private boolean appearsLater(long expected) throws IOException {
        RawLine raw;
        while ((raw = in.next()) != null) {
            if (raw.terminated && raw.bytes != null) {
                try {
                    if (LogCodec.parse(raw.bytes).seq() == expected) {
                        return true;
                    }
                } catch (LogCodec.BadLine e) {
                    // not a candidate
                }
            }
        }
        return false;
    }

    private Optional<Checkpoint> head() {
        return lastSeq == 0 ? Optional.empty() : Optional.of(new Checkpoint(lastSeq, lastHash));
    }

    private Result defect(LogDefect.Kind kind, String detail) {
        return new Result(new VerificationReport(lastSeq, head(), Optional.of(new LogDefect(lineNo, kind, detail))),
                validBytes, lastSeq, lastHash);
    }

    /** A line's bytes without the line end; {@code bytes} is null when the line exceeds the limit. */
    private record RawLine(byte @Nullable [] bytes, long length, boolean terminated) {}

    /** Splits a stream into lines at {@code '\n'}, holding at most {@link LogCodec#MAX_LINE_BYTES} of one line. */
    private static final class LineInput {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;

        LineInput(InputStream in) {
            this.in = in;
        }

        @Nullable RawLine next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            long length = 0;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return any ? new RawLine(length > LogCodec.MAX_LINE_BYTES ? null : line.toByteArray(), length, false) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (length + n <= LogCodec.MAX_LINE_BYTES) {
                    line.write(buf, start, n);
                }
                length += n;
                if (pos < end) {
                    pos++;
                    return new RawLine(length > LogCodec.MAX_LINE_BYTES ? null : line.toByteArray(), length, true);
                }
            }
        }
    }
}
