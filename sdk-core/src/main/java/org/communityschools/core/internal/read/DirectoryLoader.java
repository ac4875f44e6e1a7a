package org.communityschools.core.internal.read;

import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Whether a record class has Jakarta Validation constraints, found once per class. */
    static final Map<Class<?>, Boolean> CONSTRAINED = new ConcurrentHashMap<>();

    private final @Nullable Validator validator;
    private final Violations violations;
    private final ReadLimits limits;
    private final Assembler assembler;
    private final Map<DataFile, long[]> counts = new EnumMap<>(DataFile.class);
    /** In delta mode ({@link #readDelta}), where rows go instead of the assembler. */
    private @Nullable DeltaSink delta;
    /**
     * The threads that read a large attendance.csv ({@code -Dorg.communityschools.read.parallelism=N}, default the
     * available processors; 1 reads one row at a time), and the bytes of each range they parse.
     */
    private int threads = Math.max(1, Integer.getInteger("org.communityschools.read.parallelism",
            Runtime.getRuntime().availableProcessors()));
    private int chunkBytes = AttendanceReader.CHUNK_BYTES;

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
        this.validator = validator;
        this.violations = violations;
        this.limits = limits;
        this.assembler = new Assembler(violations, dataElements);
    }

    /**
     * Reads attendance.csv on {@code threads} threads (1: one row at a time) in ranges of {@code chunkBytes}; a file
     * smaller than two ranges is read on one thread. The result is the same either way.
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

    /** Reads every CSV file of {@code dir} that exists; agreements are left to {@code agreements}. */
    public DistrictIndex load(Path dir, AgreementsStep agreements) {
        for (DataFile file : DataFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (file == DataFile.AGREEMENTS) {
                if (Files.isRegularFile(path)) {
                    long[] c = new long[3];
                    counts.put(file, c);
                    agreements.read(path, assembler, violations, c);
                    long late = assembler.endOfFile(file);
                    c[1] -= late;
                    c[2] += late;
                    continue;
                }
            } else if (Files.isRegularFile(path)) {
                long[] c = new long[3];
                counts.put(file, c);
                readCsv(file, path, c);
                long late = assembler.endOfFile(file);
                c[1] -= late;
                c[2] += late;
                continue;
            }
            assembler.endOfFile(file);
        }
        return assembler.finish();
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

    private void readCsv(DataFile file, Path path, long[] count) {
        long headerEnd = file == DataFile.ATTENDANCE && delta == null && threads > 1
                ? AttendanceReader.headerEnd(path, chunkBytes) : -1;
        try (CsvRows rows = headerEnd > 0 ? AttendanceReader.header(path, headerEnd, limits) : CsvRows.open(path, limits)) {
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
                            count, CONSTRAINED);
                    if (headerEnd > 0) {
                        reader.readParallel(path, headerEnd, threads, chunkBytes);
                    } else {
                        reader.read(rows);
                    }
                    return;
                }
                Cells cells = new Cells(file, positions, violations, validator, CONSTRAINED);
                String idColumn = ID_COLUMNS.get(file);
                while (rows.next()) {
                    if (rows.isBlank() && width > 1) {
                        continue;
                    }
                    count[0]++;
                    if (!cellCount(file, rows, width)) {
                        count[2]++;
                        continue;
                    }
                    cells.row(rows.cells(), rows.line());
                    if (delta != null && !"upsert".equals(rows.cells()[op])) {
                        deleteRow(file, cells, rows.cells()[op], rows.line(), count);
                        continue;
                    }
                    if (controlFree(file, rows, names, cells) && parse(file, cells)) {
                        count[1]++;
                    } else {
                        count[2]++;
                        if (idColumn != null) {
                            String id = cells.text(idColumn);
                            if (id != null) {
                                assembler.rejected(file, id);
                            }
                        }
                    }
                }
            } catch (CsvFormatException e) {
                assembler.rejectedFile(file);
                violations.error(file, e.line(), e.column(), null, null, e.rule(), e.getMessage() + "; the rest of the file is not read");
            }
        } catch (java.io.UncheckedIOException e) {
            violations.error(file, 0, 0, null, null, "file.unreadable", "the file could not be read: " + e.getCause().getMessage());
        }
    }

    /** Rejects a row with a control character other than tab in a cell ({@code field.control-character}). */
    private static boolean controlFree(DataFile file, CsvRows rows, String[] names, Cells cells) {
        int at = rows.controlColumn();
        if (at == 0) {
            return true;
        }
        String name = at <= names.length ? names[at - 1] : null;
        cells.failAt(at, name, "field.control-character", (name == null ? "a cell" : name)
                + " must not contain a control character other than tab (such as NUL)");
        return false;
    }

    private void deleteRow(DataFile file, Cells cells, String op, long line, long[] count) {
        if (!"delete".equals(op)) {
            cells.fail("op", op, "delta.op", "op must be upsert or delete");
            count[2]++;
            return;
        }
        count[1]++;
        delta.delete(file, name -> {
            String t = cells.text(name);
            return t == null ? "" : t;
        }, line);
    }

    private boolean cellCount(DataFile file, CsvRows rows, int width) {
        if (rows.size() == width) {
            return true;
        }
        violations.error(file, rows.line(), 0, null, null, "row.cell-count",
                "every row must have as many cells as the header (" + width + "); this one has " + rows.size());
        return false;
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

    // ---------------------------------------------------------------- the other files

    private boolean parse(DataFile file, Cells c) {
        Assembler a = assembler;
        return switch (file) {
            case ORGANIZATIONS -> {
                OrganizationId id = c.required("organization_id", OrganizationId::of);
                String name = c.required("name", t -> t);
                OrganizationType type = c.required("type", t -> Values.parseEnum(OrganizationType.class, t));
                yield c.accept(() -> new Organization(id, name, type), route(a::add));
            }
            case SCHOOLS -> {
                SchoolId id = c.required("school_id", SchoolId::of);
                String name = c.required("name", t -> t);
                OrganizationId district = c.required("district_id", this::organizationId);
                var low = c.required("low_grade", Values::parseGrade);
                var high = c.required("high_grade", Values::parseGrade);
                SchoolType type = c.required("school_type", t -> Values.parseEnum(SchoolType.class, t));
                yield c.accept(() -> new School(id, name, district, low, high, type), route(a::add));
            }
            case PARTNERSHIPS -> {
                SchoolId school = c.required("school_id", this::schoolId);
                OrganizationId org = c.required("organization_id", this::organizationId);
                var year = c.required("school_year", Values::parseSchoolYear);
                PartnershipRole role = c.required("role", t -> Values.parseEnum(PartnershipRole.class, t));
                yield c.accept(() -> new Partnership(school, org, year, role), route(a::add));
            }
            case STUDENTS -> {
                StudentId id = c.required("student_id", StudentId::of);
                String first = c.required("first_name", t -> t);
                String last = c.required("last_name", t -> t);
                LocalDate birth = c.required("birth_date", Values::parseDate);
                Sex sex = c.required("sex", t -> Values.parseEnum(Sex.class, t));
                RaceEthnicity race = c.required("race_ethnicity", t -> Values.parseEnum(RaceEthnicity.class, t));
                var cohort = c.optional("ninth_grade_cohort", Values::parseSchoolYear);
                boolean optOut = c.optional("directory_opt_out", Values::parseBoolean).orElse(false);
                yield c.accept(() -> new Student(id, first, last, birth, sex, race, cohort, optOut), route(a::add));
            }
            case STUDENT_CHARACTERISTICS -> {
                StudentId student = c.required("student_id", this::studentId);
                var type = c.required("characteristic", t -> Values.parseEnum(StudentCharacteristicType.class, t));
                DateRange period = period(c, "begin_date", "end_date");
                yield c.accept(() -> new StudentCharacteristic(student, type, period), route(a::add));
            }
            case CALENDAR -> {
                SchoolId school = c.required("school_id", this::schoolId);
                LocalDate date = c.required("date", Values::parseDate);
                yield c.accept(() -> new InstructionalDay(school, date), route(a::add));
            }
            case ENROLLMENTS -> {
                StudentId student = c.required("student_id", this::studentId);
                SchoolId school = c.required("school_id", this::schoolId);
                LocalDate entry = c.required("entry_date", Values::parseDate);
                var grade = c.required("entry_grade", Values::parseGrade);
                Optional<LocalDate> exit = c.optional("exit_date", Values::parseDate);
                Optional<ExitWithdrawType> exitType = c.optional("exit_type", t -> Values.parseEnum(ExitWithdrawType.class, t));
                boolean documented = c.optional("exit_documented", Values::parseBoolean).orElse(false);
                if (!c.failed() && exit.isPresent() && exit.get().isBefore(entry)) {
                    c.fail("exit_date", exit.get().toString(), "field.date-order",
                            "exit_date must not be before entry_date " + entry);
                }
                yield c.accept(() -> new Enrollment(student, school, entry, grade, exit, exitType, documented), route(a::add));
            }
            case DIPLOMAS -> {
                StudentId student = c.required("student_id", this::studentId);
                SchoolId school = c.required("school_id", this::schoolId);
                LocalDate date = c.required("award_date", Values::parseDate);
                DiplomaType type = c.required("diploma_type", t -> Values.parseEnum(DiplomaType.class, t));
                yield c.accept(() -> new Diploma(student, school, date, type), route(a::add));
            }
            case BEHAVIOR -> {
                IncidentId id = c.required("incident_id", IncidentId::of);
                StudentId student = c.required("student_id", this::studentId);
                SchoolId school = c.required("school_id", this::schoolId);
                LocalDate date = c.required("date", Values::parseDate);
                BehaviorType behavior = c.required("behavior", t -> Values.parseEnum(BehaviorType.class, t));
                Optional<String> description = c.optional("description", t -> t);
                DisciplineActionType action = c.required("action", t -> Values.parseEnum(DisciplineActionType.class, t));
                var days = c.optional("action_days", Values::parseDecimal).orElse(java.math.BigDecimal.ZERO);
                yield c.accept(() -> new BehaviorIncident(id, student, school, date, behavior, description, action, days), route(a::add));
            }
            case COURSE_MARKS -> {
                StudentId student = c.required("student_id", this::studentId);
                SchoolId school = c.required("school_id", this::schoolId);
                var year = c.required("school_year", Values::parseSchoolYear);
                String term = c.required("term", t -> t);
                String code = c.required("course_code", t -> t);
                String title = c.required("course_title", t -> t);
                Subject subject = c.required("subject", t -> Values.parseEnum(Subject.class, t));
                var numeric = c.optional("numeric_mark", Values::parseDecimal);
                Optional<String> letter = c.optional("letter_mark", t -> t);
                CourseResult result = c.required("result", t -> Values.parseEnum(CourseResult.class, t));
                var attempted = c.required("credits_attempted", Values::parseDecimal);
                var earned = c.required("credits_earned", Values::parseDecimal);
                Optional<LocalDate> termEnd = c.optional("term_end_date", Values::parseDate);
                yield c.accept(() -> new CourseMark(student, school, year, term, code, title, subject, numeric, letter,
                        result, attempted, earned, termEnd), route(a::add));
            }
            case STAFF -> {
                StaffId id = c.required("staff_id", StaffId::of);
                String first = c.required("first_name", t -> t);
                String last = c.required("last_name", t -> t);
                OrganizationId employer = c.required("employer_id", this::organizationId);
                yield c.accept(() -> new Staff(id, first, last, employer), route(a::add));
            }
            case STAFF_ASSIGNMENTS -> {
                StaffId staff = c.required("staff_id", this::staffId);
                var org = c.required("organization_id", this::educationOrganizationId);
                StaffRole role = c.required("role", t -> Values.parseEnum(StaffRole.class, t));
                DateRange period = period(c, "begin_date", "end_date");
                yield c.accept(() -> new StaffAssignment(staff, org, role, period), route(a::add));
            }
            case STUDENT_STAFF -> {
                StudentId student = c.required("student_id", this::studentId);
                StaffId staff = c.required("staff_id", this::staffId);
                RelationshipType type = c.required("relationship", t -> Values.parseEnum(RelationshipType.class, t));
                DateRange period = period(c, "begin_date", "end_date");
                yield c.accept(() -> new StudentStaffRelationship(student, staff, type, period), route(a::add));
            }
            case INTERVENTIONS -> {
                InterventionId id = c.required("intervention_id", InterventionId::of);
                InterventionType type = c.required("type", t -> Values.parseEnum(InterventionType.class, t));
                var provider = c.required("provider_id", this::educationOrganizationId);
                SchoolId school = c.required("school_id", this::schoolId);
                Optional<String> description = c.optional("description", t -> t);
                yield c.accept(() -> new Intervention(id, type, provider, school, description), route(a::add));
            }
            case INTERVENTION_PARTICIPANTS -> {
                InterventionId id = c.required("intervention_id", this::interventionId);
                StudentId student = c.required("student_id", this::studentId);
                Optional<StaffId> staff = c.optional("staff_id", this::staffId);
                DateRange period = period(c, "begin_date", "end_date");
                Optional<String> goal = c.optional("goal", t -> t);
                ParticipationStatus status = c.required("status", t -> Values.parseEnum(ParticipationStatus.class, t));
                yield c.accept(() -> new InterventionParticipant(id, student, staff, period, goal, status), route(a::add));
            }
            case CONSENTS -> {
                ConsentId id = c.required("consent_id", ConsentId::of);
                StudentId student = c.required("student_id", this::studentId);
                Grantor grantor = c.required("grantor", t -> Values.parseEnum(Grantor.class, t));
                OrganizationId recipient = c.required("recipient_id", this::organizationId);
                String purpose = c.required("purpose", t -> t);
                var categories = c.required("categories", t -> Values.parseEnumSet(DataCategory.class, t));
                LocalDate signed = c.required("signed_date", Values::parseDate);
                var auth = c.required("authentication", t -> Values.parseEnum(AuthenticationMethod.class, t));
                Optional<LocalDate> revoked = c.optional("revoked_date", Values::parseDate);
                if (!c.failed() && revoked.isPresent() && revoked.get().isBefore(signed)) {
                    c.fail("revoked_date", revoked.get().toString(), "field.date-order",
                            "revoked_date must not be before signed_date " + signed);
                }
                yield c.accept(() -> new Consent(id, student, grantor, recipient, purpose, categories, signed, auth, revoked), route(a::add));
            }
            case MEETINGS, AGENDA_ITEMS, ACTION_STEPS -> meetingRows.parse(file, c, route(a::addAny));
            case ATTENDANCE -> {
                StudentId student = c.required("student_id", this::studentId);
                SchoolId school = c.required("school_id", this::schoolId);
                LocalDate date = c.required("date", Values::parseDate);
                AttendanceCategory category = c.required("category", t -> Values.parseEnum(AttendanceCategory.class, t));
                var duration = c.optional("duration", DayShare::parse);
                Optional<String> reason = c.optional("reason", t -> t);
                if (!c.failed() && duration.isEmpty() && category.defaultDuration().isEmpty()) {
                    c.fail("duration", null, "attendance.partial-duration", "duration is required for category PARTIAL");
                }
                yield c.accept(() -> AttendanceRecord.of(student, school, date, category, duration, reason), route(a::add));
            }
            case AGREEMENTS -> throw new IllegalStateException("read elsewhere: " + file);
        };
    }

    /** {@code add}, or in delta mode the sink's upsert. */
    private <R> java.util.function.BiPredicate<R, Where> route(java.util.function.BiPredicate<R, Where> add) {
        DeltaSink sink = delta;
        if (sink == null) {
            return add;
        }
        return (r, w) -> {
            sink.upsert(org.communityschools.core.live.RecordKey.of(r).file(), r, w.line());
            return true;
        };
    }

    private final MeetingRows meetingRows = new MeetingRows(this::studentId, this::staffId, this::schoolId,
            this::interventionId);

    /** Periods already built, shared (most begin and end on a few dates). */
    private final Map<Long, DateRange> periods = new java.util.HashMap<>();

    /** A period from a required begin and an optional inclusive end ({@code field.date-order} when end < begin). */
    private @Nullable DateRange period(Cells c, String begin, String end) {
        LocalDate from = c.required(begin, Values::parseDate);
        Optional<LocalDate> to = c.optional(end, Values::parseDate);
        if (c.failed()) {
            return null;
        }
        if (to.isPresent() && to.get().isBefore(from)) {
            c.fail(end, to.get().toString(), "field.date-order", end + " must not be before " + begin + " " + from);
            return null;
        }
        long key = (from.toEpochDay() << 32) | (to.map(d -> d.toEpochDay() & 0xFFFFFFFFL).orElse(0xFFFFFFFFL));
        DateRange known = periods.get(key);
        if (known != null) {
            return known;
        }
        DateRange range = DateRange.closed(from, to);
        if (periods.size() < 1 << 20) {
            periods.put(key, range);
        }
        return range;
    }

    private StudentId studentId(String text) {
        StudentId id = assembler.student(text);
        return id != null ? id : StudentId.of(text);
    }

    private SchoolId schoolId(String text) {
        SchoolId id = assembler.school(text);
        return id != null ? id : SchoolId.of(text);
    }

    private OrganizationId organizationId(String text) {
        OrganizationId id = assembler.organization(text);
        return id != null ? id : OrganizationId.of(text);
    }

    private StaffId staffId(String text) {
        StaffId id = assembler.staffMember(text);
        return id != null ? id : StaffId.of(text);
    }

    private InterventionId interventionId(String text) {
        InterventionId id = assembler.intervention(text);
        return id != null ? id : InterventionId.of(text);
    }

    private org.communityschools.core.model.EducationOrganizationId educationOrganizationId(String text) {
        org.communityschools.core.internal.Checks.identifier(text, "organization_id");
        return delta != null ? delta.resolve(text) : assembler.educationOrganization(text);
    }
}
