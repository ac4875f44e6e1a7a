package org.communityschools.core.internal.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.RelationshipType;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one file of a data directory after its header (any file but attendance.csv and agreements.json): per
 * row the cell count, the control characters, the field rules ({@link RowRecords}) and the record handed to a sink
 * (the {@link Assembler}'s cross-record rules, or a delta's upserts and deletes). Read one row at a time from a
 * {@link CsvRows} ({@link #read}), or for the {@link #PARALLEL} files in parallel ({@link #readParallel}): worker
 * threads parse byte ranges into records and check their field rules (also the Jakarta Validation constraints) with
 * their own {@link Cells} and {@link RowRecords}, reporting nothing; this thread applies the ranges in file order
 * ({@link CsvRanges}), handing each record to the sink and reading every row a worker rejected again with the
 * one-thread path, so that the result, the violations and their lines are those of the sequential read. One instance
 * per file; not thread-safe.
 */
final class RecordReader {
    /**
     * The files read in parallel when large: their rows name only records of earlier files (never of their own
     * file), so a worker's lookups do not depend on the rows this thread is adding.
     */
    static final Set<DataFile> PARALLEL = EnumSet.of(DataFile.STUDENTS, DataFile.STUDENT_CHARACTERISTICS,
            DataFile.CALENDAR, DataFile.ENROLLMENTS, DataFile.DIPLOMAS, DataFile.BEHAVIOR, DataFile.COURSE_MARKS,
            DataFile.STAFF, DataFile.STAFF_ASSIGNMENTS, DataFile.STUDENT_STAFF);

    private final DataFile file;
    private final Assembler assembler;
    private final Violations violations;
    private final RowRecords records;
    private final RowRecords.Parser parser;
    private final BiPredicate<Object, Where> sink;
    private final DirectoryLoader.@Nullable DeltaSink delta;
    private final Cells cells;
    private final String[] names;
    private final int[] positions;
    private final int width;
    private final int op;
    private final @Nullable String idColumn;
    private final long[] count;
    private static final String[] NO_CELLS = new String[0];

    RecordReader(DataFile file, Assembler assembler, Violations violations, RowRecords records,
                 BiPredicate<Object, Where> sink, DirectoryLoader.@Nullable DeltaSink delta, Cells cells, String[] names,
                 int[] positions, int op, @Nullable String idColumn, long[] count) {
        this.file = file;
        this.assembler = assembler;
        this.violations = violations;
        this.records = records;
        this.parser = records.parser(file);
        this.sink = sink;
        this.delta = delta;
        this.cells = cells;
        this.names = names;
        this.positions = positions.clone();
        this.width = names.length;
        this.op = op;
        this.idColumn = idColumn;
        this.count = count;
    }

    /** Reads the remaining rows of {@code rows}. */
    void read(CsvRows rows) {
        while (rows.next()) {
            row(rows.cells(), rows.size(), rows.line(), rows.controlColumn());
        }
    }

    /**
     * One row: skipped when blank, else counted as accepted or rejected (with its violations reported). {@code parsed}
     * is the row's record when a worker already parsed it and found every field rule kept, else null.
     */
    void row(String[] c, int size, long line, int controlColumn) {
        Cells.Shape shape = Cells.shape(file, violations, c, size, width, line);
        if (shape == Cells.Shape.BLANK) {
            return;
        }
        count[0]++;
        if (shape == Cells.Shape.WRONG_WIDTH) {
            count[2]++;
            return;
        }
        cells.row(c, line);
        if (delta != null && !"upsert".equals(c[op])) {
            deleteRow(c[op], line);
            return;
        }
        if (cells.controlFree(controlColumn, names) && records.parse(parser, cells, sink)) {
            count[1]++;
        } else {
            rejected(idColumn == null ? null : cells.text(idColumn));
        }
    }

    /**
     * A row a worker parsed, whose field rules all hold: its record {@code parsed} and, for a file whose rows others
     * refer to, its id (else null). The rest of {@link #row}: the record goes to the sink.
     */
    private void parsed(Object parsed, @Nullable String id, long line) {
        count[0]++;
        cells.row(NO_CELLS, line);
        if (sink.test(parsed, cells)) {
            count[1]++;
        } else {
            rejected(id);
        }
    }

    /** A row of student_staff.csv a worker parsed into its values, whose field and reference rules hold: as {@link #parsed}. */
    private void relationship(RowRecords.RelationshipRows sink, int student, int staff, RelationshipType type,
                              DateRange period, long line) {
        count[0]++;
        cells.row(NO_CELLS, line);
        if (sink.relationship(student, staff, type, period, cells)) {
            count[1]++;
        } else {
            rejected(null);
        }
    }

    private void rejected(@Nullable String id) {
        count[2]++;
        if (idColumn != null && id != null) {
            assembler.rejected(file, id);
        }
    }

    private void deleteRow(String value, long line) {
        if (!"delete".equals(value)) {
            cells.fail("op", value, "delta.op", "op must be upsert or delete");
            count[2]++;
            return;
        }
        count[1]++;
        delta.delete(file, name -> {
            String t = cells.text(name);
            return t == null ? "" : t;
        }, line);
    }

    // ---------------------------------------------------------------- the parallel read

    /**
     * Reads the rows of {@code path} from byte {@code headerEnd} (the start of line 2) on {@code threads} threads in
     * ranges of about {@code chunkBytes}, each worker thread parsing with its own {@link RowRecords} made by
     * {@code parsers} and checking {@code constraints}. Throws {@link CsvFormatException} as the sequential read
     * would, after applying the rows before the break.
     */
    void readParallel(Path path, long headerEnd, int threads, int chunkBytes, ReadLimits limits,
                      java.util.function.Supplier<RowRecords> parsers, RecordConstraints constraints) {
        String thread = file.fileName().replace(".csv", "") + "-reader";
        // one Cells and RowRecords per worker thread for the whole file, so that their value caches fill (and stop at
        // their limits) as the one-thread read's do, instead of being built again for every range
        ThreadLocal<Cells> cellsOfWorker = ThreadLocal.withInitial(() -> new Cells(file, positions, new Violations(0),
                constraints));
        ThreadLocal<RowRecords> recordsOfWorker = ThreadLocal.withInitial(parsers);
        // the workers' rows go to the assembler (a directory's read): their parsers may hand it rows without records
        ThreadLocal<RowRecords.Parser> parserOfWorker = ThreadLocal.withInitial(
                () -> recordsOfWorker.get().directoryParser(file));
        // the rows of student_staff.csv cross as their values when the sink takes them so (RowRecords.RelationshipRows)
        RowRecords.RelationshipRows columns = sink instanceof RowRecords.RelationshipRows r ? r : null;
        CsvRanges.read(path, headerEnd, threads, chunkBytes, thread, limits, new CsvRanges.Rows<Range>() {
            @Override
            public Range parse(byte[] bytes, int length) {
                return Range.parse(bytes, length, width, limits, cellsOfWorker.get(), recordsOfWorker.get(),
                        parserOfWorker.get(), idColumn, columns != null);
            }

            @Override
            public boolean apply(Range range, long firstLine) {
                for (int r = 0, n = range.rows.size(); r < n; r++) {
                    Object o = range.rows.get(r);
                    long line = firstLine + range.lines[r];
                    if (o instanceof String[] c) {
                        RecordReader.this.row(c, c.length, line, 0);
                    } else if (range.types != null && r < range.types.length && range.types[r] != null) {
                        relationship(columns, range.students[r], range.staff[r], range.types[r], (DateRange) o, line);
                    } else {
                        assembler.hintStudent(range.students[r]);
                        parsed(o, range.ids == null ? null : range.ids.get(r), line);
                    }
                }
                return true;
            }

            @Override
            public void row(CsvRows rows) {
                RecordReader.this.row(rows.cells(), rows.size(), rows.line(), rows.controlColumn());
            }
        });
    }

    /**
     * One range parsed by a worker: per row its line in the range and its record, or its cells when a rule broke (to
     * be read again by {@link #row}); for a file with an id column, the accepted rows' ids. No cells are kept for an
     * accepted row, so that a range in flight holds little more than its records.
     */
    private static final class Range implements CsvRanges.Parsed {
        final List<Object> rows = new ArrayList<>();
        final @Nullable List<@Nullable String> ids;
        int[] lines = new int[256];
        /** Per row, the student index its parser found (a hint for the assembler's lookups), or -1. */
        int[] students = new int[256];
        /**
         * For rows handed on as their values ({@link RowRecords.RelationshipRows}; the row's object is then its period):
         * per row the staff member's index and the type (null for any other row); null while there is none.
         */
        int @Nullable [] staff;
        @Nullable RelationshipType @Nullable [] types;
        boolean odd;
        long newlines;

        private Range(boolean ids) {
            this.ids = ids ? new ArrayList<>() : null;
        }

        static Range parse(byte[] bytes, int length, int width, ReadLimits limits, Cells worker, RowRecords parser,
                           RowRecords.Parser rules, @Nullable String idColumn, boolean columns) {
            Range range = new Range(idColumn != null);
            Keep keep = columns ? new KeepValues() : new Keep();
            PlainRows scan = PlainRows.scan(bytes, length, width, limits, (rows, rel) -> {
                keep.clear();
                if (rows.cells() == width) {
                    worker.row(rows, rel);
                    if (!parser.parse(rules, worker, keep)) {
                        keep.clear();
                    }
                }
                Object record = keep.made;
                String id = idColumn == null || record == null ? null : worker.text(idColumn);
                range.add(record != null ? record : rows.texts(), rel, id, record != null ? parser.studentIndex() : -1);
                if (keep.type != null) {
                    range.values(keep.student, keep.staff, keep.type);
                }
            });
            range.odd = scan.odd();
            range.newlines = scan.newlines();
            return range;
        }

        /** A worker's sink: keeps the row's record ({@link KeepValues} also a relationship row's values). */
        private static class Keep implements BiPredicate<Object, Where> {
            @Nullable Object made;
            int student;
            int staff;
            @Nullable RelationshipType type;

            void clear() {
                made = null;
                type = null;
            }

            @Override
            public boolean test(Object record, Where where) {
                made = record;
                return true;
            }
        }

        /** A worker's sink that also keeps a relationship row's values (its period as the row's object). */
        private static final class KeepValues extends Keep implements RowRecords.RelationshipRows {
            @Override
            public boolean relationship(int student, int staff, RelationshipType type, DateRange period, Where where) {
                made = period;
                this.student = student;
                this.staff = staff;
                this.type = type;
                return true;
            }
        }

        /** The last row added was handed on as its values: its student and staff member's indexes and its type. */
        private void values(int student, int member, RelationshipType type) {
            int n = rows.size() - 1;
            if (types == null) {
                staff = new int[lines.length];
                types = new RelationshipType[lines.length];
            } else if (types.length < lines.length) {
                staff = java.util.Arrays.copyOf(staff, lines.length);
                types = java.util.Arrays.copyOf(types, lines.length);
            }
            students[n] = student;
            staff[n] = member;
            types[n] = type;
        }

        private void add(Object row, int rel, @Nullable String id, int student) {
            int n = rows.size();
            if (n == lines.length) {
                lines = java.util.Arrays.copyOf(lines, n * 2);
                students = java.util.Arrays.copyOf(students, n * 2);
            }
            lines[n] = rel;
            students[n] = student;
            rows.add(row);
            if (ids != null) {
                ids.add(id);
            }
        }

        @Override
        public boolean odd() {
            return odd;
        }

        @Override
        public long newlines() {
            return newlines;
        }
    }
}
