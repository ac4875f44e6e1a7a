package org.communityschools.core.internal.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.communityschools.core.data.ReadLimits;

/**
 * Reads the rows of a large CSV file after its header in parallel, for any file whose rows are independent of each
 * other until they are applied (attendance.csv, course_marks.csv): the file is cut into byte ranges at line
 * boundaries, worker threads parse the ranges without reporting anything or changing shared state, and the calling
 * thread applies them in file order, so that the result, the violations and their lines are those of the sequential
 * read. A range that its parser marks {@link Parsed#odd() odd} (it holds a row that is not plain: a quote, a byte
 * outside printable ASCII, a lone carriage return, a row near a {@link ReadLimits} limit), or that the applier refuses,
 * is read again on the calling thread by a {@link CsvRows} from its first byte; when one of its rows runs past the
 * range's end (a quoted line break), the next ranges are read the same way until a row starts exactly where a range
 * does. A range that starts inside a quoted cell holds the closing quote, so it is odd too.
 */
final class CsvRanges {
    /** The range each task parses: large enough to amortize a task, small enough to balance the cores. */
    static final int CHUNK_BYTES = 16 << 20;
    /**
     * The range of a file parsed into records ({@link RecordReader}): smaller, because a range in flight holds its
     * records, which a young collection would otherwise copy many times over.
     */
    static final int RECORD_CHUNK_BYTES = 4 << 20;

    /** The smallest range of a file parsed into records: below it, a task costs more than it saves. */
    static final int MIN_RECORD_CHUNK_BYTES = 256 << 10;

    /**
     * The range of a file of {@code size} bytes parsed into records on {@code threads} threads: about a quarter of
     * each thread's share, within {@link #MIN_RECORD_CHUNK_BYTES} and {@link #RECORD_CHUNK_BYTES}, so that a file of a
     * few megabytes (diplomas, staff, calendar: read while their code is still cold) is shared by the threads too
     * instead of being read by one (a file must be larger than one range to be read in parallel).
     */
    static int recordChunk(long size, int threads) {
        long share = size / (4L * Math.max(1, threads));
        return (int) Math.max(MIN_RECORD_CHUNK_BYTES, Math.min(RECORD_CHUNK_BYTES, share));
    }

    private CsvRanges() {
    }

    /** What a worker made of one range. */
    interface Parsed {
        /** Whether the range holds a row that is not plain; its rows are then read again row by row. */
        boolean odd();

        /** The line feeds in the range (all of them, also for an odd range). */
        long newlines();
    }

    /** How one file's ranges are parsed and applied. */
    interface Rows<C extends Parsed> {
        /**
         * Parses one range, the first {@code length} bytes of {@code bytes}, on a worker thread, without side effects;
         * keeps no reference to {@code bytes}, which holds another range once this returns.
         */
        C parse(byte[] bytes, int length);

        /**
         * Applies a range that is not odd, on the calling thread; its first line is {@code firstLine}. Returns false,
         * having applied nothing, when the range must be read again row by row instead.
         */
        boolean apply(C range, long firstLine);

        /** One row of a range read again, on the calling thread. */
        void row(CsvRows rows);
    }

    /**
     * Where line 2 of {@code path} starts when the file is worth reading in parallel (larger than one range) and its
     * header is one line without quotes; -1 otherwise (the file is then read one row at a time).
     */
    static long headerEnd(Path path, int chunkBytes) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= chunkBytes) {
                return -1;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
            channel.read(buf, 0);
            for (int i = 0; i < buf.position(); i++) {
                byte b = buf.get(i);
                if (b == '"') {
                    return -1;
                }
                if (b == '\n') {
                    return i + 1 < size ? i + 1 : -1;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The rows of the header of {@code path}, bytes {@code [0, headerEnd)}. */
    static CsvRows header(Path path, long headerEnd, ReadLimits limits) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) headerEnd);
            while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
                // reads the header
            }
            return CsvRows.of(new ByteArrayInputStream(buf.array(), 0, buf.position()), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the rows of {@code path} from byte {@code headerEnd} (the start of line 2) on {@code threads} threads
     * (named {@code name}) in ranges of about {@code chunkBytes}. Throws {@link CsvFormatException} as the sequential
     * read would, after applying the rows before the break.
     */
    static <C extends Parsed> void read(Path path, long headerEnd, int threads, int chunkBytes, String name,
                                        ReadLimits limits, Rows<C> rows) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long[] starts = boundaries(channel, headerEnd, size, chunkBytes);
            int n = starts.length - 1;
            // the buffers the workers read their ranges into, reused: a range's bytes are garbage once parsed, and
            // allocating each range anew (1.7 GB of large arrays per NYC read) made the collector's work
            ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            try {
                ArrayDeque<Future<C>> pending = new ArrayDeque<>();
                int submitted = 0;
                long line = 2;
                int skipUntil = 0;
                for (int i = 0; i < n; i++) {
                    while (submitted < n && submitted < i + 2 * threads) {
                        long from = starts[submitted];
                        long to = starts[submitted + 1];
                        pending.add(pool.submit(() -> {
                            long since = ReadTimeline.now();
                            int length = Math.toIntExact(to - from);
                            byte[] buffer = buffers.poll();
                            if (buffer == null || buffer.length < length) {
                                buffer = new byte[Math.max(length, chunkBytes + chunkBytes / 8)];
                            }
                            try {
                                readInto(channel, buffer, from, length);
                                C parsed = rows.parse(buffer, length);
                                ReadTimeline.parsed(since);
                                return parsed;
                            } finally {
                                buffers.offer(buffer);
                            }
                        }));
                        submitted++;
                    }
                    long waiting = ReadTimeline.now();
                    C chunk = await(pending.poll(), path);
                    ReadTimeline.awaited(waiting);
                    long chunkLine = line;
                    line += chunk.newlines();
                    if (i < skipUntil) {
                        continue;
                    }
                    long applying = ReadTimeline.now();
                    boolean applied = !chunk.odd() && rows.apply(chunk, chunkLine);
                    ReadTimeline.applied(applying);
                    if (!applied) {
                        skipUntil = reparse(channel, starts, i, chunkLine, chunkLine + chunk.newlines(), limits, rows);
                        if (skipUntil < 0) {
                            return;
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the {@code length} bytes of the file from {@code from} into the start of {@code b}. */
    private static void readInto(FileChannel channel, byte[] b, long from, int length) {
        ByteBuffer buf = ByteBuffer.wrap(b, 0, length);
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf, from + buf.position()) < 0) {
                    throw new IOException("the file became shorter while it was read");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <C> C await(Future<C> f, Path path) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path.getFileName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads range {@code i} again with a {@link CsvRows} from its first byte (on line {@code firstLine}), and the
     * ranges after it while a row runs past a range's end. Returns the first range whose parsed rows hold again, or
     * -1 at the end of the file.
     */
    private static int reparse(FileChannel channel, long[] starts, int i, long firstLine, long nextLine, ReadLimits limits,
                               Rows<?> out) throws IOException {
        int n = starts.length - 1;
        int k = i;
        long boundary = nextLine;
        InputStream in = Channels.newInputStream(channel.position(starts[i]));
        CsvRows rows = CsvRows.resume(in, limits, firstLine);
        while (true) {
            long before = rows.currentLine();
            while (k + 1 < n && before > boundary) {
                k++;
                boundary += countNewlines(channel, starts[k], starts[k + 1]);
            }
            // a row starts on the first line of range k + 1 only when one follows: a last row that ends at the end of the
            // file without a line feed leaves the reader on that line too
            if (k + 1 < n && before == boundary && !rows.atEnd()) {
                return k + 1;
            }
            if (!rows.next()) {
                return -1;
            }
            out.row(rows);
        }
    }

    /**
     * The starts of the ranges of about {@code chunkBytes} from {@code from} to {@code size}: each after a line feed
     * (so at the start of a line, not always of a row), the last element {@code size}.
     */
    static long[] boundaries(FileChannel channel, long from, long size, int chunkBytes) throws IOException {
        List<Long> starts = new ArrayList<>();
        starts.add(from);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long p = from + chunkBytes;
        while (p < size) {
            long nl = -1;
            long at = p - 1;
            while (nl < 0 && at < size) {
                buf.clear();
                int n = channel.read(buf, at);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        nl = at + i;
                        break;
                    }
                }
                at += n;
            }
            if (nl < 0 || nl + 1 >= size) {
                break;
            }
            starts.add(nl + 1);
            p = nl + 1 + chunkBytes;
        }
        long[] out = new long[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            out[i] = starts.get(i);
        }
        out[starts.size()] = size;
        return out;
    }

    /** The line feeds in bytes {@code [from, to)} of the file. */
    static long countNewlines(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long n = 0;
        for (long at = from; at < to; ) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - at));
            int r = channel.read(buf, at);
            if (r <= 0) {
                break;
            }
            for (int i = 0; i < r; i++) {
                if (buf.get(i) == '\n') {
                    n++;
                }
            }
            at += r;
        }
        return n;
    }
}
