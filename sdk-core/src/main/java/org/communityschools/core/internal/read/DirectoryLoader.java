package org.communityschools.core.internal.read;

import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AuthenticationMethod;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.Grantor;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.Subject;
import org.jspecify.annotations.Nullable;

/**
 * Reads a district data directory file by file in {@link DataFile} order, applying the header rules, the field rules
 * ({@link Cells}) and the cross-record rules ({@link Assembler}). One instance per read; not thread-safe.
 */
public final class DirectoryLoader {
    /** The column that identifies a row of each file whose rows others refer to. */
    static final Map<DataFile, String> ID_COLUMNS = Map.of(DataFile.ORGANIZATIONS, "organization_id",
            DataFile.SCHOOLS, "school_id", DataFile.STUDENTS, "student_id", DataFile.STAFF, "staff_id",
            DataFile.INTERVENTIONS, "intervention_id", DataFile.MEETINGS, "meeting_id");
    /** Whether a record class has Jakarta Validation constraints, found once per class (for {@link RecordChecks}). */
    static final Map<Class<?>, Boolean> CONSTRAINED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The Jakarta Validation constraints of the records, checked by the host's validator (none when null). */
    private final RecordConstraints constraints;
    private final Violations violations;
    private final ReadLimits limits;
    private final Assembler assembler;
    private final Map<DataFile, long[]> counts = new EnumMap<>(DataFile.class);
    /** In delta mode ({@link #readDelta}), where rows go instead of the assembler. */
    private @Nullable DeltaSink delta;
    /**
     * The threads that read a large attendance.csv or another large file of {@link RecordReader#PARALLEL}
     * ({@code -Dorg.communityschools.read.parallelism=N}, default the available processors; 1 reads one row at a
     * time), and the bytes of each range they parse.
     */
    private int threads = Math.max(1, Integer.getInteger("org.communityschools.read.parallelism",
            Runtime.getRuntime().availableProcessors()));
    private int chunkBytes = CsvRanges.CHUNK_BYTES;

    /** Receives the rows of a delta directory: the column {@code op} says upsert (a record) or delete (a key). */
    public interface DeltaSink {
        /** An upsert row whose record passed the field rules. */
        void upsert(DataFile file, Object record, long line);

        /** A delete row: {@code cell} gives the text of a column of the row (empty when absent). */
        void delete(DataFile file, java.util.function.Function<String, String> cell, long line);

        /** A school or organization id of the data the delta applies to, typed by the table it is in. */
        org.communityschools.core.model.EducationOrganizationId resolve(String id);
    }

    /** A loader reporting to {@code violations}, validating records with {@code validator} when not null. */
    public DirectoryLoader(@Nullable Validator validator, Violations violations) {
        this(validator, violations, DataElements.standard(), ReadLimits.defaults());
    }

    /** A loader as above whose agreements may name {@code dataElements}, reading within {@code limits}. */
    public DirectoryLoader(@Nullable Validator validator, Violations violations, DataElements dataElements,
                           ReadLimits limits) {
        this.constraints = validator == null ? RecordConstraints.NONE : new RecordConstraints(validator);
        this.violations = violations;
        this.limits = limits;
        this.assembler = new Assembler(violations, dataElements);
    }

    /**
     * Reads attendance.csv and the other large files ({@link RecordReader#PARALLEL}) on {@code threads} threads (1: one
     * row at a time) in ranges of {@code chunkBytes}; a file smaller than two ranges is read on one thread. The result
     * is the same either way.
     */
    public DirectoryLoader parallel(int threads, int chunkBytes) {
        this.threads = threads;
        this.chunkBytes = chunkBytes;
        return this;
    }

    /** Rows read, accepted and rejected per file that was present. */
    public Map<DataFile, long[]> counts() {
        return counts;
    }

    /** The assembler, for the agreements that are read elsewhere. */
    public Assembler assembler() {
        return assembler;
    }

    /** The position in {@link DataFile}'s order of the last file read in parallel when large. */
    private static final int LAST_PARALLEL = java.util.stream.Stream.of(DataFile.values())
            .filter(f -> f == DataFile.ATTENDANCE || RecordReader.PARALLEL.contains(f))
            .mapToInt(Enum::ordinal).max().orElse(-1);

    /** Reads every CSV file of {@code dir} that exists; agreements are left to {@code agreements}. */
    public DistrictIndex load(Path dir, AgreementsStep agreements) {
        // agreements.json needs no earlier file to be parsed and validated: on more than one thread, that starts once the
        // files read in parallel are done, beside the small files read on one thread (a core is free then)
        Path agreementsPath = dir.resolve(DataFile.AGREEMENTS.fileName());
        boolean prepareAhead = threads > 1 && delta == null && Files.isRegularFile(agreementsPath);
        java.util.function.Supplier<AgreementsStep.Prepared> ahead = null;
        for (DataFile file : DataFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (prepareAhead && ahead == null && file.ordinal() > LAST_PARALLEL) {
                ahead = agreements.prepareAhead(agreementsPath);
            }
            if (file == DataFile.AGREEMENTS) {
                if (Files.isRegularFile(path)) {
                    long[] c = new long[3];
                    counts.put(file, c);
                    if (ahead != null) {
                        agreements.apply(ahead.get(), assembler, violations, c);
                    } else {
                        agreements.read(path, assembler, violations, c);
                    }
                    long late = assembler.endOfFile(file);
                    c[1] -= late;
                    c[2] += late;
                    continue;
                }
            } else if (Files.isRegularFile(path)) {
                long[] c = new long[3];
                counts.put(file, c);
                ReadTimeline.begin();
                readCsv(file, path, c);
                ReadTimeline.end(file.fileName());
                ReadTimeline.begin();
                long late = assembler.endOfFile(file);
                ReadTimeline.end(file.fileName() + " (end of file)");
                c[1] -= late;
                c[2] += late;
                continue;
            }
            assembler.endOfFile(file);
        }
        ReadTimeline.begin();
        DistrictIndex index = assembler.finish(delta == null ? threads : 1);
        ReadTimeline.end("indexes");
        return index;
    }

    /**
     * Reads the CSV files of a delta directory (the files of a data directory with an {@code op} column, {@code upsert}
     * or {@code delete}) in {@link DataFile} order: an upsert row goes through the field rules of its file and, as a
     * record, to {@code sink}; a delete row's key columns go to {@code sink}. No cross-record rule is applied here (the
     * change is checked against the data it is applied to). {@code agreements.json} is not read.
     */
    public void readDelta(Path dir, DeltaSink sink) {
        this.delta = sink;
        for (DataFile file : DataFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (file != DataFile.AGREEMENTS && Files.isRegularFile(path)) {
                long[] c = new long[3];
                counts.put(file, c);
                readCsv(file, path, c);
            }
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE; // read as a large file; opening it reports what is wrong
        }
    }

    private void readCsv(DataFile file, Path path, long[] count) {
        int chunk = file == DataFile.ATTENDANCE ? chunkBytes : Math.min(chunkBytes, CsvRanges.recordChunk(size(path), threads));
        long headerEnd = (file == DataFile.ATTENDANCE || RecordReader.PARALLEL.contains(file)) && delta == null
                && threads > 1 ? CsvRanges.headerEnd(path, chunk) : -1;
        try (CsvRows rows = headerEnd > 0 ? CsvRanges.header(path, headerEnd, limits) : CsvRows.open(path, limits)) {
            try {
                if (!rows.next() || rows.isBlank()) {
                    violations.error(file, 1, 0, null, null, "header.missing", "the file must start with a header row");
                    assembler.rejectedFile(file);
                    return;
                }
                int[] positions = header(file, rows);
                String[] names = Arrays.copyOf(rows.cells(), rows.size());
                if (positions == null) {
                    assembler.rejectedFile(file);
                    return;
                }
                int width = rows.size();
                int op = delta == null ? -1 : java.util.Arrays.asList(rows.cells()).subList(0, width).indexOf("op");
                if (delta != null && op < 0) {
                    violations.error(file, 1, 0, "op", null, "delta.op-column",
                            "a file of a delta directory must have the column 'op' (upsert or delete)");
                    return;
                }
                if (file == DataFile.ATTENDANCE && delta == null) {
                    AttendanceReader reader = new AttendanceReader(assembler, violations, limits, positions, names,
                            count);
                    if (headerEnd > 0) {
                        reader.readParallel(path, headerEnd, threads, chunkBytes);
                    } else {
                        reader.read(rows);
                    }
                    return;
                }
                if (file == DataFile.STUDENTS && headerEnd > 0) {
                    // a row of students.csv takes 48 bytes or more (id, names, birth date, sex, race, flags): the
                    // table is sized once instead of doubling twenty times (1.1M students in NYC, ~55 bytes a row)
                    assembler.expectStudents((int) Math.min(Integer.MAX_VALUE / 4, bytesOf(path) / 48));
                }
                Cells cells = new Cells(file, positions, violations, constraints);
                RecordReader reader = new RecordReader(file, assembler, violations, rowRecords(), sink(file), delta, cells,
                        names, positions, op, ID_COLUMNS.get(file), count);
                if (headerEnd > 0) {
                    reader.readParallel(path, headerEnd, threads, chunk, limits, this::rowRecords, constraints);
                } else {
                    reader.read(rows);
                }
            } catch (CsvFormatException e) {
                assembler.rejectedFile(file);
                violations.error(file, e.line(), e.column(), null, null, e.rule(), e.getMessage() + "; the rest of the file is not read");
            }
        } catch (java.io.UncheckedIOException e) {
            violations.error(file, 0, 0, null, null, "file.unreadable", "the file could not be read: " + e.getCause().getMessage());
        }
    }

    /** The size of a file, or 0 when it cannot be read (reading it then reports why). */
    private static long bytesOf(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The field rules of the rows, with ids resolved in the assembler's tables or, in delta mode, by the delta. */
    private RowRecords rowRecords() {
        DeltaSink d = delta;
        return new RowRecords(assembler, d != null ? d::resolve : assembler::educationOrganization);
    }

    /** Where accepted records of {@code file} go: the assembler's cross-record rules, or in delta mode the sink's upsert. */
    private BiPredicate<Object, Where> sink(DataFile file) {
        DeltaSink d = delta;
        if (d == null) {
            return Adders.of(assembler, file);
        }
        return (r, w) -> {
            d.upsert(org.communityschools.core.live.RecordKey.of(r).file(), r, w.line());
            return true;
        };
    }

    /** Maps the header; returns null (after reporting) when a required column is missing or a column repeats. */
    private int @Nullable [] header(DataFile file, CsvRows rows) {
        int[] positions = new int[file.columns().size()];
        Arrays.fill(positions, -1);
        boolean ok = true;
        String[] cells = rows.cells();
        for (int i = 0; i < rows.size(); i++) {
            String name = cells[i];
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            int c = file.columns().indexOf(name);
            if (c < 0) {
                violations.warning(file, 1, i + 1, name, null, "header.unknown-column",
                        "column '" + name + "' is not part of " + file.fileName() + " and is ignored");
            } else if (positions[c] >= 0) {
                violations.error(file, 1, i + 1, name, null, "header.duplicate-column",
                        "a column may appear once in the header; '" + name + "' is also column " + (positions[c] + 1));
                ok = false;
            } else {
                positions[c] = i;
            }
        }
        if (rows.controlColumn() > 0) {
            violations.error(file, 1, rows.controlColumn(), null, null, "field.control-character",
                    "a header cell must not contain a control character other than tab; no row of the file was read");
            ok = false;
        }
        for (int c = 0; c < positions.length; c++) {
            String name = file.columns().get(c);
            if (positions[c] < 0 && file.isRequired(name)) {
                violations.error(file, 1, 0, name, null, "header.required-column",
                        "the header must have the required column '" + name + "'; no row of the file was read");
                ok = false;
            }
        }
        return ok ? positions : null;
    }
}
