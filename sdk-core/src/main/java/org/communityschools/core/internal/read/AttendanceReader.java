package org.communityschools.core.internal.read;

import java.nio.file.Path;
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
 * in parallel ({@link #readParallel}): every core parses byte ranges into {@link AttendanceChunk}s, and this thread
 * applies them in file order ({@link CsvRanges}), so that the result, the violations and their lines are those of the
 * sequential read. One instance per file; not thread-safe.
 */
final class AttendanceReader {
    private static final DataFile FILE = DataFile.ATTENDANCE;
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
                     long[] count) {
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
        this.cells = new Cells(FILE, positions, violations, RecordConstraints.NONE);
    }

    /** Reads the remaining rows of {@code rows}. */
    void read(CsvRows rows) {
        while (rows.next()) {
            row(rows.cells(), rows.size(), rows.line(), rows.controlColumn());
        }
    }

    /** One row: skipped when blank, else counted as accepted or rejected (with its violations reported). */
    void row(String[] c, int size, long line, int controlColumn) {
        Cells.Shape shape = Cells.shape(FILE, violations, c, size, width, line);
        if (shape == Cells.Shape.BLANK) {
            return;
        }
        count[0]++;
        if (shape == Cells.Shape.WRONG_WIDTH) {
            count[2]++;
            return;
        }
        cells.row(c, line);
        if (!cells.controlFree(controlColumn, names)) {
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
        return DEFAULT_DURATIONS[category.ordinal()];
    }

    /** {@link #defaultDuration} by category ordinal, computed once (a category's default is a constant). */
    private static final int[] DEFAULT_DURATIONS = java.util.Arrays.stream(AttendanceCategory.values())
            .mapToInt(c -> c.defaultDuration().map(d -> d.tenThousandths()).orElse(-1)).toArray();

    private void refError(String column, String id) {
        assembler.reportMissing(column, id, FILE, cells);
        cells.markFailed();
    }

    // ---------------------------------------------------------------- the parallel read

    /**
     * Reads the rows of {@code path} from byte {@code headerEnd} (the start of line 2) on {@code threads} threads in
     * ranges of about {@code chunkBytes} ({@link CsvRanges}). Throws {@link CsvFormatException} as the sequential read
     * would, after applying the rows before the break.
     */
    void readParallel(Path path, long headerEnd, int threads, int chunkBytes) {
        assembler.attendance().prepare();
        CsvRanges.read(path, headerEnd, threads, chunkBytes, "attendance-reader", limits, new CsvRanges.Rows<AttendanceChunk>() {
            @Override
            public AttendanceChunk parse(byte[] bytes, int length) {
                return AttendanceChunk.parse(bytes, length, width, positions, assembler, limits);
            }

            @Override
            public boolean apply(AttendanceChunk chunk, long firstLine) {
                if (assembler.attendance().reasonCount() + chunk.reasonBudget() > AttendanceColumns.MAX_REASONS) {
                    return false;
                }
                AttendanceReader.this.apply(chunk, firstLine);
                return true;
            }

            @Override
            public void row(CsvRows rows) {
                AttendanceReader.this.row(rows.cells(), rows.size(), rows.line(), rows.controlColumn());
            }
        });
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
}
