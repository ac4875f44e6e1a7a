package org.communityschools.core.internal.read;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.Checks;
import org.communityschools.core.internal.CourseMarkRules;
import org.communityschools.core.internal.index.CourseMarkColumns;
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
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The field rules of each file of a district data directory but attendance.csv and agreements.json: the cells of a row
 * ({@link Cells}) parsed into the file's record, handed to a sink. Identifiers that name records of earlier files are
 * replaced by the canonical instances of the {@link Assembler}, read only, so that one instance per thread may parse
 * the rows of a file while the assembler adds the records of the same file on another thread. Not thread-safe.
 */
final class RowRecords {
    private final Assembler assembler;
    private final Function<String, org.communityschools.core.model.EducationOrganizationId> organizations;

    /** Rows whose organization ids resolve by {@code organizations} (the assembler's, or a delta's data). */
    RowRecords(Assembler assembler, Function<String, org.communityschools.core.model.EducationOrganizationId> organizations) {
        this.assembler = assembler;
        this.organizations = organizations;
        this.studentTable = assembler::studentIndex;
        this.schoolTable = (b, from, to, near) -> assembler.schoolIndex(b, from, to); // few, in no file's order
    }

    /** The field rules of one file's rows, chosen once per file ({@link #parser}). */
    @FunctionalInterface
    interface Parser {
        /** Parses the current row of {@code c}; the record goes to {@code add}. Returns whether it was accepted. */
        boolean parse(Cells c, BiPredicate<Object, Where> add);
    }

    /**
     * The field rules of the rows of {@code file}, for {@link #parse}. A reader takes its
     * file's parser once rather than dispatching on the file per row: each file's rules are then compiled on their own,
     * instead of one method holding every file's rules that the JIT compiler compiles again (larger) each time the
     * read reaches a new file.
     */
    Parser parser(DataFile file) {
        return switch (file) {
            case ORGANIZATIONS -> this::organizations;
            case SCHOOLS -> this::schools;
            case PARTNERSHIPS -> this::partnerships;
            case STUDENTS -> this::students;
            case STUDENT_CHARACTERISTICS -> this::studentCharacteristics;
            case CALENDAR -> this::calendar;
            case ENROLLMENTS -> this::enrollments;
            case DIPLOMAS -> this::diplomas;
            case BEHAVIOR -> this::behavior;
            case COURSE_MARKS -> this::courseMarks;
            case STAFF -> this::staff;
            case STAFF_ASSIGNMENTS -> this::staffAssignments;
            case STUDENT_STAFF -> this::studentStaff;
            case INTERVENTIONS -> this::interventions;
            case INTERVENTION_PARTICIPANTS -> this::interventionParticipants;
            case CONSENTS -> this::consents;
            case ATTENDANCE -> this::attendance;
            case MEETINGS, AGENDA_ITEMS, ACTION_STEPS -> (c, add) -> meetingRows.parse(file, c, add);
            case AGREEMENTS -> throw new IllegalStateException("read elsewhere: " + file);
        };
    }

    /**
     * The field rules of the rows of {@code file} for the directory's parallel read, whose accepted rows go to the
     * {@link Assembler} ({@link Assembler#addAny}): {@link #parser}'s, but for course_marks.csv, whose rows become
     * {@link CourseMarkColumns.Row}s when they can ({@link #courseMarkRows}).
     */
    Parser directoryParser(DataFile file) {
        return file == DataFile.COURSE_MARKS ? this::courseMarkRows : parser(file);
    }

    /**
     * Parses the current row of {@code c} with {@code parser}, the {@link #parser} of the row's file: its field rules,
     * then the record goes to {@code add} (the cross-record rules, or a worker's list). Returns whether the row was
     * accepted.
     */
    boolean parse(Parser parser, Cells c, BiPredicate<Object, Where> add) {
        studentIndex = -1;
        return parser.parse(c, add);
    }

    private boolean organizations(Cells c, BiPredicate<Object, Where> add) {
        OrganizationId id = c.required("organization_id", OrganizationId::of);
        String name = c.required("name", t -> t);
        OrganizationType type = c.required("type", t -> Values.parseEnum(OrganizationType.class, t));
        return c.accept(() -> new Organization(id, name, type), add);
    }

    private boolean schools(Cells c, BiPredicate<Object, Where> add) {
        SchoolId id = c.required("school_id", SchoolId::of);
        String name = c.required("name", t -> t);
        OrganizationId district = c.required("district_id", this::organizationId);
        var low = c.required("low_grade", Values::parseGrade);
        var high = c.required("high_grade", Values::parseGrade);
        SchoolType type = c.required("school_type", t -> Values.parseEnum(SchoolType.class, t));
        return c.accept(() -> new School(id, name, district, low, high, type), add);
    }

    private boolean partnerships(Cells c, BiPredicate<Object, Where> add) {
        SchoolId school = c.required("school_id", this::schoolId);
        OrganizationId org = c.required("organization_id", this::organizationId);
        var year = c.required("school_year", Values::parseSchoolYear);
        PartnershipRole role = c.required("role", t -> Values.parseEnum(PartnershipRole.class, t));
        return c.accept(() -> new Partnership(school, org, year, role), add);
    }

    private boolean students(Cells c, BiPredicate<Object, Where> add) {
        StudentId id = c.required("student_id", StudentId::of);
        String first = c.required("first_name", t -> t);
        String last = c.required("last_name", t -> t);
        LocalDate birth = c.required("birth_date", Values::parseDate);
        Sex sex = c.required("sex", t -> Values.parseEnum(Sex.class, t));
        RaceEthnicity race = c.required("race_ethnicity", t -> Values.parseEnum(RaceEthnicity.class, t));
        var cohort = c.optional("ninth_grade_cohort", Values::parseSchoolYear);
        boolean optOut = c.optional("directory_opt_out", Values::parseBoolean).orElse(false);
        return c.accept(() -> new Student(id, first, last, birth, sex, race, cohort, optOut), add);
    }

    private boolean studentCharacteristics(Cells c, BiPredicate<Object, Where> add) {
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        var type = c.required("characteristic", t -> Values.parseEnum(StudentCharacteristicType.class, t));
        DateRange period = period(c, "begin_date", "end_date");
        return c.accept(() -> new StudentCharacteristic(student, type, period), add);
    }

    private boolean calendar(Cells c, BiPredicate<Object, Where> add) {
        SchoolId school = c.required("school_id", this::schoolId);
        LocalDate date = c.required("date", Values::parseDate);
        return c.accept(() -> new InstructionalDay(school, date), add);
    }

    private boolean enrollments(Cells c, BiPredicate<Object, Where> add) {
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
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
        return c.accept(() -> new Enrollment(student, school, entry, grade, exit, exitType, documented), add);
    }

    private boolean diplomas(Cells c, BiPredicate<Object, Where> add) {
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        SchoolId school = c.required("school_id", this::schoolId);
        LocalDate date = c.required("award_date", Values::parseDate);
        DiplomaType type = c.required("diploma_type", t -> Values.parseEnum(DiplomaType.class, t));
        return c.accept(() -> new Diploma(student, school, date, type), add);
    }

    private boolean behavior(Cells c, BiPredicate<Object, Where> add) {
        IncidentId id = c.required("incident_id", IncidentId::of);
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        SchoolId school = c.required("school_id", this::schoolId);
        LocalDate date = c.required("date", Values::parseDate);
        BehaviorType behavior = c.required("behavior", t -> Values.parseEnum(BehaviorType.class, t));
        Optional<String> description = c.optional("description", t -> t);
        DisciplineActionType action = c.required("action", t -> Values.parseEnum(DisciplineActionType.class, t));
        var days = c.optional("action_days", Values::parseDecimal).orElse(java.math.BigDecimal.ZERO);
        return c.accept(() -> new BehaviorIncident(id, student, school, date, behavior, description, action, days), add);
    }

    private boolean courseMarks(Cells c, BiPredicate<Object, Where> add) {
        return courseMarks(c, add, false);
    }

    /**
     * A row of course_marks.csv parsed by the same field rules as {@link #courseMarks} (one method reads the cells for
     * both, so the same {@code field.required} and {@code field.format} errors), handed to {@code add} as a
     * {@link CourseMarkColumns.Row} without building a record when nothing can be wrong with it: its student and school
     * were found by their bytes, its values keep the record constructor's rules ({@link Checks#isText},
     * {@link CourseMarkRules#broken}) and its constrained values are known valid ({@link RecordConstraints#components},
     * decimals normalized as the record holds them). Any other row takes the record path ({@link Cells#accept} of the
     * {@link CourseMark}), so that its errors are the record's and the assembler's own.
     */
    private boolean courseMarkRows(Cells c, BiPredicate<Object, Where> add) {
        return courseMarks(c, add, true);
    }

    /**
     * The field rules of a row of course_marks.csv; the record goes to {@code add}, or, when {@code rows} and nothing can
     * be wrong with it ({@link #courseMarkRows}), its {@link CourseMarkColumns.Row}.
     */
    private boolean courseMarks(Cells c, BiPredicate<Object, Where> add, boolean rows) {
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        int st = studentIndex;
        schoolIndex = -1;
        SchoolId school = c.requiredId("school_id", this::schoolAscii, this::schoolId);
        int sc = schoolIndex;
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
        if (c.failed()) {
            return false;
        }
        if (rows && st >= 0 && sc >= 0 && Checks.isText(term) && Checks.isText(code) && Checks.isText(title)
                && markRulesKept(year, result, attempted, earned, termEnd)) {
            Optional<java.math.BigDecimal> n = numeric.isPresent() ? normalizedNumeric(numeric) : numeric;
            java.math.BigDecimal a = normalized.of(attempted);
            java.math.BigDecimal e = normalized.of(earned);
            Object[] v = markValues;
            v[0] = student;
            v[1] = school;
            v[2] = year;
            v[3] = term;
            v[4] = code;
            v[5] = title;
            v[6] = subject;
            v[7] = n;
            v[8] = letter;
            v[9] = result;
            v[10] = a;
            v[11] = e;
            v[12] = termEnd;
            if (markValuesKnownValid(c.constraints(), v)) {
                return add.test(CourseMarkColumns.row(st, sc, year, term, code, title, subject, n, letter, result, a, e,
                        termEnd), c);
            }
        }
        return c.accept(() -> new CourseMark(student, school, year, term, code, title, subject, numeric, letter,
                result, attempted, earned, termEnd), add);
    }

    /** The values of the last row found to keep {@link CourseMarkRules#broken}'s rules (the cells' shared instances). */
    private @Nullable Object keptYear;
    private @Nullable Object keptResult;
    private @Nullable Object keptAttempted;
    private @Nullable Object keptEarned;
    private @Nullable Object keptTermEnd;

    /**
     * Whether these values keep {@link CourseMarkRules#broken}'s rules: asked again only when one of them is not the
     * instance of the last row that kept them (rows grouped by student repeat the year, result, credits and term end).
     */
    private boolean markRulesKept(org.communityschools.core.model.SchoolYear year, CourseResult result,
                                  java.math.BigDecimal attempted, java.math.BigDecimal earned,
                                  Optional<LocalDate> termEnd) {
        if (year == keptYear && result == keptResult && attempted == keptAttempted && earned == keptEarned
                && termEnd == keptTermEnd) {
            return true;
        }
        if (CourseMarkRules.broken(year, result, attempted, earned, termEnd) != null) {
            return false;
        }
        keptYear = year;
        keptResult = result;
        keptAttempted = attempted;
        keptEarned = earned;
        keptTermEnd = termEnd;
        return true;
    }

    /** The last decimals normalized, by identity (the cells' caches hand out one instance per text). */
    private final Normalized normalized = new Normalized();
    private @Nullable Optional<java.math.BigDecimal> lastNumeric;
    private @Nullable Optional<java.math.BigDecimal> lastNumericNormalized;

    /** {@code numeric}'s decimal normalized, as the record holds it ({@code numeric} itself when already normal). */
    private Optional<java.math.BigDecimal> normalizedNumeric(Optional<java.math.BigDecimal> numeric) {
        if (numeric == lastNumeric) {
            return lastNumericNormalized;
        }
        java.math.BigDecimal v = numeric.get();
        java.math.BigDecimal n = CourseMarkRules.normalized(v);
        Optional<java.math.BigDecimal> result = n == v ? numeric : Optional.of(n);
        lastNumeric = numeric;
        lastNumericNormalized = result;
        return result;
    }

    /** {@link CourseMarkRules#normalized}, remembering the last few decimals by identity. Not thread-safe. */
    private static final class Normalized {
        private final java.math.BigDecimal[] from = new java.math.BigDecimal[4];
        private final java.math.BigDecimal[] to = new java.math.BigDecimal[4];
        private int next;

        java.math.BigDecimal of(java.math.BigDecimal v) {
            if (v.scale() == 0) {
                return v;
            }
            for (int i = 0; i < from.length; i++) {
                if (from[i] == v) {
                    return to[i];
                }
            }
            java.math.BigDecimal n = CourseMarkRules.normalized(v);
            from[next] = v;
            to[next] = n;
            next = (next + 1) & 3;
            return n;
        }
    }

    /** The constraints whose course-mark components {@link #markComponents} and {@link #markFields} hold, or null. */
    private @Nullable RecordConstraints markConstraints;
    private RecordConstraints.Component @Nullable [] markComponents;
    /** Per constrained component, which of {@link CourseMark}'s components it is (its position), or -1. */
    private int[] markFields = new int[0];
    /**
     * Per constrained component, the last value this parser found known valid: the cells' caches hand out one instance
     * per distinct text, so the next row's value is often that instance, known by identity without a lookup. This
     * parser's own (one per worker), not the shared component's.
     */
    private Object[] markKnown = new Object[0];
    /** A row's values in the order of {@link CourseMark}'s components (reused for every row). */
    private final Object[] markValues = new Object[13];
    private static final java.util.List<String> MARK_COMPONENTS = java.util.Arrays.stream(
            CourseMark.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();

    /**
     * Whether a {@link CourseMark} of {@code values} (its components' in order, as the record holds them) would satisfy {@code constraints} with
     * every constrained value already known valid; false when that takes the validator (a value not seen yet, a type
     * validated whole), so the record is built and validated.
     */
    private boolean markValuesKnownValid(RecordConstraints constraints, Object[] values) {
        if (constraints != markConstraints) {
            RecordConstraints.Component[] components = constraints.components(CourseMark.class);
            int[] fields = new int[components == null ? 0 : components.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = MARK_COMPONENTS.indexOf(components[i].name);
            }
            markComponents = components;
            markFields = fields;
            markKnown = new Object[fields.length];
            markConstraints = constraints;
        }
        RecordConstraints.Component[] components = markComponents;
        if (components == null) {
            return false;
        }
        Object[] known = markKnown;
        for (int i = 0; i < components.length; i++) {
            int f = markFields[i];
            if (f < 0) {
                return false;
            }
            Object v = values[f];
            if (v != known[i]) {
                if (!components[i].known(v)) {
                    return false;
                }
                known[i] = v;
            }
        }
        return true;
    }

    private boolean staff(Cells c, BiPredicate<Object, Where> add) {
        StaffId id = c.required("staff_id", StaffId::of);
        String first = c.required("first_name", t -> t);
        String last = c.required("last_name", t -> t);
        OrganizationId employer = c.required("employer_id", this::organizationId);
        return c.accept(() -> new Staff(id, first, last, employer), add);
    }

    private boolean staffAssignments(Cells c, BiPredicate<Object, Where> add) {
        StaffId staff = c.required("staff_id", this::staffId);
        var org = c.required("organization_id", this::educationOrganizationId);
        StaffRole role = c.required("role", t -> Values.parseEnum(StaffRole.class, t));
        DateRange period = period(c, "begin_date", "end_date");
        return c.accept(() -> new StaffAssignment(staff, org, role, period), add);
    }

    /**
     * A sink that takes an accepted row of student_staff.csv as its values instead of a record (issue 19: 1.8M rows a
     * NYC year): the student's and the staff member's dense indexes, found by the cells' bytes, the type and the
     * period (shared between rows). The parser hands a row this way only when the record would be accepted by
     * {@link Cells#accept}'s rules without a check left: every cell parsed, the record type has no constraint to
     * validate, and both ids are in the assembler's tables (so the cross-record rules hold); any other row goes on as
     * its record, which reports what it breaks.
     */
    interface RelationshipRows {
        /**
         * Adds a relationship whose field and reference rules hold.
         *
         * @param student the student's dense index in the assembler's table
         * @param staff the staff member's dense index in the assembler's table
         * @param type the relationship type
         * @param period the period
         * @param where the row
         * @return whether it was accepted
         */
        boolean relationship(int student, int staff, RelationshipType type, DateRange period, Where where);
    }

    private boolean studentStaff(Cells c, BiPredicate<Object, Where> add) {
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        staffIndex = -1;
        StaffId staff = c.requiredId("staff_id", this::staffAscii, this::staffId);
        RelationshipType type = c.required("relationship", t -> Values.parseEnum(RelationshipType.class, t));
        DateRange period = period(c, "begin_date", "end_date");
        if (add instanceof RelationshipRows rows && !c.failed() && studentIndex >= 0 && staffIndex >= 0
                && !c.constrains(StudentStaffRelationship.class)) {
            return rows.relationship(studentIndex, staffIndex, type, period, c);
        }
        return c.accept(() -> new StudentStaffRelationship(student, staff, type, period), add);
    }

    private boolean interventions(Cells c, BiPredicate<Object, Where> add) {
        InterventionId id = c.required("intervention_id", InterventionId::of);
        InterventionType type = c.required("type", t -> Values.parseEnum(InterventionType.class, t));
        var provider = c.required("provider_id", this::educationOrganizationId);
        SchoolId school = c.required("school_id", this::schoolId);
        Optional<String> description = c.optional("description", t -> t);
        return c.accept(() -> new Intervention(id, type, provider, school, description), add);
    }

    private boolean interventionParticipants(Cells c, BiPredicate<Object, Where> add) {
        InterventionId id = c.required("intervention_id", this::interventionId);
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        Optional<StaffId> staff = c.optional("staff_id", this::staffId);
        DateRange period = period(c, "begin_date", "end_date");
        Optional<String> goal = c.optional("goal", t -> t);
        ParticipationStatus status = c.required("status", t -> Values.parseEnum(ParticipationStatus.class, t));
        Optional<StaffId> by = c.optional("recorded_by", this::staffId);
        Optional<java.time.Instant> at = c.optional("recorded_at", Values::parseInstant);
        return c.accept(() -> new InterventionParticipant(id, student, staff, period, goal, status, by, at), add);
    }

    private boolean consents(Cells c, BiPredicate<Object, Where> add) {
        ConsentId id = c.required("consent_id", ConsentId::of);
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
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
        return c.accept(() -> new Consent(id, student, grantor, recipient, purpose, categories, signed, auth, revoked), add);
    }

    private boolean attendance(Cells c, BiPredicate<Object, Where> add) {
        StudentId student = c.requiredId("student_id", this::studentAscii, this::studentId);
        SchoolId school = c.required("school_id", this::schoolId);
        LocalDate date = c.required("date", Values::parseDate);
        AttendanceCategory category = c.required("category", t -> Values.parseEnum(AttendanceCategory.class, t));
        var duration = c.optional("duration", DayShare::parse);
        Optional<String> reason = c.optional("reason", t -> t);
        if (!c.failed() && duration.isEmpty() && category.defaultDuration().isEmpty()) {
            c.fail("duration", null, "attendance.partial-duration", "duration is required for category PARTIAL");
        }
        return c.accept(() -> AttendanceRecord.of(student, school, date, category, duration, reason), add);
    }

    private final MeetingRows meetingRows = new MeetingRows(this::studentId, this::staffId, this::schoolId,
            this::interventionId);

    /** Periods already built, shared (most begin and end on a few dates). */
    private final Map<Long, DateRange> periods = new java.util.HashMap<>();

    /** The last period built or found, and the begin and end values it was made of (compared by identity). */
    private @Nullable LocalDate lastFrom;
    private @Nullable Optional<LocalDate> lastTo;
    private @Nullable DateRange lastPeriod;

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
        if (from == lastFrom && to == lastTo) {
            return lastPeriod; // the cells' cached values: the same dates as the previous period's
        }
        long days = (from.toEpochDay() << 32) | (to.map(d -> d.toEpochDay() & 0xFFFFFFFFL).orElse(0xFFFFFFFFL));
        // multiplied by an odd constant (one key per pair still): Long.hashCode folds the halves (begin ^ end), which
        // put many pairs of a year in one bin that the map made a tree
        long key = days * 0x9E3779B97F4A7C15L;
        DateRange range = periods.get(key);
        if (range == null) {
            range = DateRange.closed(from, to);
            if (periods.size() < 1 << 20) {
                periods.put(key, range);
            }
        }
        lastFrom = from;
        lastTo = to;
        lastPeriod = range;
        return range;
    }

    /** The dense index of the student the current row's student_id named, found by its bytes, or -1. */
    private int studentIndex = -1;

    /**
     * The dense index of the student the last parsed row named when its id was found by the cell's bytes, else -1: a
     * hint for the assembler ({@link Assembler#hintStudent}).
     */
    int studentIndex() {
        return studentIndex;
    }

    /** The last student and school found by their bytes (rows come grouped by student). */
    private final LastId lastStudentBytes = new LastId();
    private final LastId lastSchoolBytes = new LastId();
    /** The assembler's student and school tables by bytes, bound once (not a new method reference per row). */
    private final LastId.Table studentTable;
    private final LastId.Table schoolTable;

    private @Nullable StudentId studentAscii(byte[] bytes, int from, int to) {
        int i = lastStudentBytes.indexOf(bytes, from, to, studentTable);
        studentIndex = i;
        return i < 0 ? null : assembler.studentAt(i);
    }

    /** The dense index of the staff member the current row's staff_id named, found by its bytes, or -1. */
    private int staffIndex = -1;

    private @Nullable StaffId staffAscii(byte[] bytes, int from, int to) {
        int i = assembler.staffIndex(bytes, from, to);
        staffIndex = i;
        return i < 0 ? null : assembler.staffAt(i);
    }

    /** The dense index of the school the current row's school_id named, found by its bytes, or -1. */
    private int schoolIndex = -1;

    private @Nullable SchoolId schoolAscii(byte[] bytes, int from, int to) {
        int i = lastSchoolBytes.indexOf(bytes, from, to, schoolTable);
        schoolIndex = i;
        return i < 0 ? null : assembler.schoolAt(i);
    }

    /** The last student id looked up: the rows of a file sorted by student repeat it. */
    private @Nullable StudentId lastStudent;

    private StudentId studentId(String text) {
        StudentId last = lastStudent;
        if (last != null && last.value().equals(text)) {
            return last;
        }
        StudentId id = assembler.student(text);
        id = id != null ? id : StudentId.of(text);
        lastStudent = id;
        return id;
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
        return organizations.apply(text);
    }
}
