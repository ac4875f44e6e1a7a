package org.communityschools.core.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The rows of {@code attendance.csv} after its header, the hot path of a load: the field rules and the references of
 * each row, then {@link AttendanceRules#add}. Read one row at a time from a {@link CsvRows} ({@link #read}), or
 * in parallel ({@link #readParallel}): the file is cut into byte ranges at line boundaries, every core parses ranges
 * into {@link AttendanceChunk}s, and this thread applies them in file order, so that the result, the violations and
 * their lines are those of the sequential read. A range holding anything but plain rows (a quote, a byte outside
 * printable ASCII, a lone carriage return, a row near a limit) is read again here by a {@link CsvRows} from its first
 * byte; when one of its rows runs past the range's end (a quoted line break), the next ranges are read the same way
 * until a row starts exactly where a range does. One instance per file; not thread-safe.
 */
final class AttendanceReader {
    private static final DataFile FILE = DataFile.ATTENDANCE;
    /** The range each task parses: large enough to amortize a task, small enough to balance the cores. */
    static final int CHUNK_BYTES = 16 << 20;

    private final Assembler assembler;
    private final Violations violations;
    private final ReadLimits limits;
    private final String[] names;
    private final long[] count;
    private final int width;
    private final int pStudent;
    private final int pSchool;
    private final int pDate;
    private final int pCategory;
    private final int pDuration;
    private final int pReason;
    private final Cells cells;
    private final int[] positions;

    AttendanceReader(Assembler assembler, Violations violations, ReadLimits limits, int[] positions, String[] names,
                     long[] count, java.util.Map<Class<?>, Boolean> constrained) {
        this.assembler = assembler;
        this.violations = violations;
        this.limits = limits;
        this.names = names;
        this.count = count;
        this.width = names.length;
        this.positions = positions.clone();
        this.pStudent = positions[0];
        this.pSchool = positions[1];
        this.pDate = positions[2];
        this.pCategory = positions[3];
        this.pDuration = positions[4];
        this.pReason = positions[5];
        this.cells = new Cells(FILE, positions, violations, null, constrained);
    }

    /** Reads the remaining rows of {@code rows}. */
    void read(CsvRows rows) {
        while (rows.next()) {
            row(rows.cells(), rows.size(), rows.line(), rows.controlColumn());
        }
    }

    /** One row: skipped when blank, else counted as accepted or rejected (with its violations reported). */
    void row(String[] c, int size, long line, int controlColumn) {
        if ((size == 0 || (size == 1 && c[0].isEmpty())) && width > 1) {
            return;
        }
        count[0]++;
        if (size != width) {
            violations.error(FILE, line, 0, null, null, "row.cell-count",
                    "every row must have as many cells as the header (" + width + "); this one has " + size);
            count[2]++;
            return;
        }
        cells.row(c, line);
        if (controlColumn > 0) {
            String name = controlColumn <= names.length ? names[controlColumn - 1] : null;
            cells.failAt(controlColumn, name, "field.control-character", (name == null ? "a cell" : name)
                    + " must not contain a control character other than tab (such as NUL)");
            count[2]++;
            return;
        }
        int student = -1;
        int school = -1;
        String s = c[pStudent];
        if (s.isEmpty()) {
            cells.fail("student_id", null, "field.required", "student_id is required and must not be empty");
        } else {
            student = assembler.studentIndex(s);
            if (student < 0 && cells.optional("student_id", StudentId::of).isPresent()) {
                refError("student_id", s);
            }
        }
        s = c[pSchool];
        if (s.isEmpty()) {
            cells.fail("school_id", null, "field.required", "school_id is required and must not be empty");
        } else {
            school = assembler.schoolIndex(s);
            if (school < 0 && cells.optional("school_id", SchoolId::of).isPresent()) {
                refError("school_id", s);
            }
        }
        long day = 0;
        s = c[pDate];
        if (s.isEmpty()) {
            cells.fail("date", null, "field.required", "date is required and must not be empty");
        } else {
            try {
                day = Values.parseEpochDay(s);
            } catch (IllegalArgumentException e) {
                cells.fail("date", s, "field.format", "date " + e.getMessage());
            }
        }
        AttendanceCategory category = null;
        s = c[pCategory];
        if (s.isEmpty()) {
            cells.fail("category", null, "field.required", "category is required and must not be empty");
        } else {
            try {
                category = Values.parseEnum(AttendanceCategory.class, s);
            } catch (IllegalArgumentException e) {
                cells.fail("category", s, "field.format", "category " + e.getMessage());
            }
        }
        int duration = -1;
        s = pDuration < 0 ? "" : c[pDuration];
        if (!s.isEmpty()) {
            try {
                duration = Values.parseDayShareTenThousandths(s);
            } catch (IllegalArgumentException e) {
                cells.fail("duration", s, "field.format", "duration " + e.getMessage());
            }
        } else if (category != null) {
            duration = defaultDuration(category);
            if (duration < 0) {
                cells.fail("duration", null, "attendance.partial-duration", "duration is required for category PARTIAL");
            }
        }
        int reason = 0;
        s = pReason < 0 ? "" : c[pReason];
        if (!s.isEmpty()) {
            if (s.isBlank() || s.length() > 64) {
                cells.fail("reason", s, "field.invalid", "reason must have 1 to 64 characters");
            } else {
                reason = assembler.attendance().reasonCode(s);
                if (reason < 0) {
                    cells.fail("reason", s, "attendance.reason-limit",
                            "at most " + AttendanceColumns.MAX_REASONS + " distinct reasons are supported");
                }
            }
        }
        if (!cells.failed() && student >= 0 && school >= 0 && category != null
                && assembler.attendance().add(student, school, (int) day,
                AttendanceColumns.pack(category.ordinal(), duration, reason), cells)) {
            count[1]++;
        } else {
            count[2]++;
        }
    }

    /** The duration in ten-thousandths a row of {@code category} has when its duration is empty, or -1 when required. */
    static int defaultDuration(AttendanceCategory category) {
        return category.defaultDuration().map(d -> d.tenThousandths()).orElse(-1);
    }

    private void refError(String column, String id) {
        assembler.reportMissing(column, id, FILE, cells);
        cells.markFailed();
    }

    // ---------------------------------------------------------------- the parallel read

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
            return CsvRows.of(new java.io.ByteArrayInputStream(buf.array(), 0, buf.position()), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the rows of {@code path} from byte {@code headerEnd} (the start of line 2) on {@code threads} threads in
     * ranges of about {@code chunkBytes}. Throws {@link CsvFormatException} as the sequential read would, after
     * applying the rows before the break.
     */
    void readParallel(Path path, long headerEnd, int threads, int chunkBytes) {
        assembler.attendance().prepare();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long[] starts = AttendanceChunk.boundaries(channel, headerEnd, size, chunkBytes);
            int n = starts.length - 1;
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "attendance-reader");
                t.setDaemon(true);
                return t;
            });
            try {
                ArrayDeque<Future<AttendanceChunk>> pending = new ArrayDeque<>();
                int submitted = 0;
                long line = 2;
                int skipUntil = 0;
                for (int i = 0; i < n; i++) {
                    while (submitted < n && submitted < i + 2 * threads) {
                        long from = starts[submitted];
                        long to = starts[submitted + 1];
                        pending.add(pool.submit(() -> AttendanceChunk.parse(channel, from, to, width, positions,
                                assembler, limits)));
                        submitted++;
                    }
                    AttendanceChunk chunk = await(pending.poll());
                    long chunkLine = line;
                    line += chunk.newlines();
                    if (i < skipUntil) {
                        continue;
                    }
                    if (chunk.odd() || assembler.attendance().reasonCount() + chunk.reasonBudget() > AttendanceColumns.MAX_REASONS) {
                        skipUntil = reparse(channel, starts, i, chunkLine, chunkLine + chunk.newlines());
                        if (skipUntil < 0) {
                            return;
                        }
                    } else {
                        apply(chunk, chunkLine);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttendanceChunk await(Future<AttendanceChunk> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading attendance.csv", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Applies a range parsed as plain rows, in order. */
    private void apply(AttendanceChunk chunk, long firstLine) {
        int[] global = new int[chunk.reasons().size() + 1];
        for (int r = 0, n = chunk.size(); r < n; r++) {
            long line = firstLine + chunk.line(r);
            int student = chunk.student(r);
            if (student < 0) {
                String[] c = chunk.deferred(r);
                row(c, c.length, line, 0);
                continue;
            }
            int packed = chunk.packed(r);
            int local = packed & AttendanceColumns.MAX_REASONS;
            if (local != 0) {
                int code = global[local];
                if (code == 0) {
                    code = assembler.attendance().reasonCode(chunk.reasons().get(local - 1));
                    global[local] = code;
                }
                packed = (packed & ~AttendanceColumns.MAX_REASONS) | code;
            }
            count[0]++;
            count[1]++;
            assembler.attendance().accept(student, chunk.school(r), chunk.day(r), packed, line);
        }
    }

    /**
     * Reads range {@code i} again with a {@link CsvRows} from its first byte (on line {@code firstLine}), and the
     * ranges after it while a row runs past a range's end. Returns the first range whose parsed rows hold again, or
     * -1 at the end of the file.
     */
    private int reparse(FileChannel channel, long[] starts, int i, long firstLine, long nextLine) throws IOException {
        int n = starts.length - 1;
        int k = i;
        long boundary = nextLine;
        InputStream in = Channels.newInputStream(channel.position(starts[i]));
        CsvRows rows = CsvRows.resume(in, limits, firstLine);
        while (true) {
            long before = rows.currentLine();
            while (k + 1 < n && before > boundary) {
                k++;
                boundary += AttendanceChunk.countNewlines(channel, starts[k], starts[k + 1]);
            }
            // a row starts on the first line of range k + 1 only when one follows: a last row that ends at the end of the
            // file without a line feed leaves the reader on that line too
            if (k + 1 < n && before == boundary && !rows.atEnd()) {
                return k + 1;
            }
            if (!rows.next()) {
                return -1;
            }
            row(rows.cells(), rows.size(), rows.line(), rows.controlColumn());
        }
    }
}
