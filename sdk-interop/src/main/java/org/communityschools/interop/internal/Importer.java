package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
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
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.interop.DescriptorMapping;
import org.jspecify.annotations.Nullable;

/**
 * One import of a folder of Ed-Fi XML interchange files or ODS/API JSON resource files ({@link Format}) into a
 * {@link DistrictData}; both formats arrive as the same {@link Node} records. Two streaming passes over the
 * files: the first reads the records others refer to (education organizations, sessions and calendar dates,
 * students, staff, interventions, discipline incidents), the second the associations and events, converted to model
 * records at once. The rules are in docs/interop-edfi.md. Not thread-safe; one importer imports once.
 */
public final class Importer {
    private static final Set<String> PASS1 = Set.of("LocalEducationAgency", "School", "CommunityOrganization",
            "CommunityProvider", "Session", "Calendar", "CalendarDate", "Student", "Staff", "Intervention",
            "DisciplineIncident");
    private static final Set<String> PASS2_FIXED = Set.of("StudentSchoolAssociation", "StudentSchoolAttendanceEvent",
            "StudentDisciplineIncidentBehaviorAssociation", "DisciplineAction", "StudentInterventionAssociation",
            "StaffEducationOrganizationAssignmentAssociation", "StaffEducationOrganizationEmploymentAssociation",
            "StudentEducationOrganizationAssociation");
    private static final Set<String> INSTRUCTIONAL_EVENTS = Set.of("Instructional day", "Make-up day");

    /** How the records of one file are read: {@link XmlRecords#read} or {@link JsonRecords#read}. */
    @FunctionalInterface
    public interface RecordReader {
        /**
         * Reads one file.
         *
         * @param file     the file
         * @param wanted   which record names to build
         * @param consumer receives each wanted record
         * @param issues   receives the file's errors
         * @param limits   the limits of depth, text size and file size
         * @return the file's root or record name, empty when it could not be read
         */
        Optional<String> read(Path file, java.util.function.Predicate<String> wanted, java.util.function.Consumer<Node> consumer, Issues issues,
                              ReadLimits limits);
    }

    /**
     * The two sources of Ed-Fi records: XML interchange files and ODS/API JSON resource files.
     *
     * @param extension the file name extension read from a folder
     * @param reader    reads one file
     */
    public record Format(String extension, RecordReader reader) {
        /** Ed-Fi XML interchange files ({@code *.xml}). */
        public static final Format XML = new Format(".xml", XmlRecords::read);
        /** Ed-Fi ODS/API resource arrays ({@code *.json}, one file per resource). */
        public static final Format JSON = new Format(".json", JsonRecords::read);
    }

    private final Format format;
    private final DescriptorMapping mapping;
    private final Optional<List<InstructionalDay>> suppliedCalendar;
    private final DayShare partialDefault;
    private final boolean lenient;
    private final ReadLimits limits;
    private final Issues issues;
    private final Map<String, Long> counts = new TreeMap<>();

    // pass 1
    private final Map<String, String> xmlIds = new HashMap<>();            // id attribute -> education organization id
    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final Map<String, String> providerParent = new HashMap<>();     // community provider -> its organization
    private final Map<String, Node> schoolNodes = new LinkedHashMap<>();
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private final Map<String, String> calendarSchool = new HashMap<>();
    private final Map<String, Map<LocalDate, Boolean>> calendarDates = new HashMap<>(); // school -> date -> instructional
    private final Map<String, Student> students = new LinkedHashMap<>();
    private final Map<String, Node> studentNodes = new HashMap<>();
    private final Map<String, Node> staffNodes = new LinkedHashMap<>();
    private final Map<String, Intervention> interventions = new LinkedHashMap<>();
    private final Map<String, InterventionWindow> interventionWindows = new HashMap<>();
    private final Map<String, Incident> incidentsByXmlId = new HashMap<>();
    private final Map<String, Incident> incidentsByKey = new LinkedHashMap<>();   // school|identifier

    // pass 2
    private final List<Enrollment> givenEnrollments = new ArrayList<>();
    private final List<Located<AttendanceRecord>> attendance = new ArrayList<>();
    private final List<BehaviorDraft> behaviors = new ArrayList<>();
    private final Map<String, List<ActionDraft>> actions = new HashMap<>();       // student|school|identifier
    private final List<InterventionParticipant> participants = new ArrayList<>();
    private final List<StudentCharacteristic> characteristics = new ArrayList<>();
    private final List<StaffAssignment> assignments = new ArrayList<>();
    private final Map<String, String> employers = new HashMap<>();
    private final Map<String, Set<String>> studentSchools = new LinkedHashMap<>();
    private final Set<String> demographicsSet = new HashSet<>();

    // change queries: the records of the district the changes apply to (see seed)
    private final Set<String> replaceable = new HashSet<>();    // seeded students a changed Student record may replace once
    private final Set<String> knownStaff = new HashSet<>();
    private final Map<String, String> seededEmployers = new HashMap<>(); // a changed Staff record keeps its employer

    private record Session(String school, SchoolYear year, LocalDate begin, LocalDate end, Optional<Integer> total, Node node) {}

    private record Incident(String school, String identifier, LocalDate date, Optional<BehaviorType> behavior, Node node) {}

    private record InterventionWindow(LocalDate begin, Optional<LocalDate> end) {}

    private record Located<T>(T record, Node.At node) {}

    private record BehaviorDraft(String student, Incident incident, Optional<BehaviorType> behavior, Optional<String> description, Node.At node) {}

    private record ActionDraft(DisciplineActionType type, BigDecimal days) {}

    /** What an import produced. */
    public record Outcome(DistrictData data, List<Violation> violations, long errorCount, long warningCount, Map<String, Long> recordsRead) {}

    /**
     * An importer.
     *
     * @param mapping          descriptor mapping
     * @param suppliedCalendar the caller's instructional days, replacing those of the files
     * @param partialDefault   the share of the day for a Partial event without EventDuration
     * @param lenient          keep going past errors
     */
    public Importer(DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault, boolean lenient) {
        this(Format.XML, mapping, suppliedCalendar, partialDefault, lenient, ReadLimits.defaults());
    }

    /**
     * An importer of a format.
     *
     * @param format           XML interchange or JSON resources
     * @param mapping          descriptor mapping
     * @param suppliedCalendar the caller's instructional days, replacing those of the files
     * @param partialDefault   the share of the day for a Partial event without EventDuration
     * @param lenient          keep going past errors
     * @param limits           the limits of depth, text size and file size
     */
    public Importer(Format format, DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault,
                    boolean lenient, ReadLimits limits) {
        this(format, mapping, suppliedCalendar, partialDefault, lenient, limits, new Issues());
    }

    /** As the importer of a format, reporting to {@code issues} (change queries read other files into them too). */
    Importer(Format format, DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault,
             boolean lenient, ReadLimits limits, Issues issues) {
        this.issues = issues;
        this.limits = limits;
        this.format = format;
        this.mapping = mapping;
        this.suppliedCalendar = suppliedCalendar;
        this.partialDefault = partialDefault;
        this.lenient = lenient;
    }

    /**
     * Imports a folder (every {@code *.xml} file, in name order) or a single file.
     *
     * @throws DataValidationException when strict and any error was found, or when the model's cross-record rules fail
     */
    public Outcome run(Path source) {
        List<Path> files = files(source, format.extension());
        if (format == Format.JSON) {
            // education organizations first: the records of the first pass refer to them (XML files hold them in EducationOrganization.xml)
            files = files.stream().sorted(java.util.Comparator.comparingInt(JsonRecords::rank)).toList();
        }
        Map<Path, Boolean> hasPass2 = new HashMap<>();
        for (Path f : files) {
            format.reader().read(f, name -> {
                if (isPass2(name)) {
                    hasPass2.put(f, true);
                }
                return PASS1.contains(name);
            }, this::pass1, issues, limits);
        }
        buildSchools();
        for (Path f : files) {
            if (hasPass2.getOrDefault(f, false)) {
                // an XML file was parsed whole in pass 1, which reported its syntax errors; a JSON resource file is read in one pass only
                format.reader().read(f, Importer::isPass2, this::pass2, format == Format.JSON ? issues : new Issues(), limits);
            }
        }
        DistrictData.Builder b = DistrictData.builder();
        organizations.values().forEach(b::add);
        schools.values().forEach(b::add);
        students.values().forEach(b::add);
        characteristics.forEach(b::add);
        Map<String, Set<LocalDate>> calendar = calendar();
        calendar.forEach((school, days) -> days.forEach(d -> b.add(new InstructionalDay(SchoolId.of(school), d))));
        List<Enrollment> enrollments = givenEnrollments.isEmpty() ? deriveEnrollments() : givenEnrollments;
        enrollments.forEach(b::add);
        Map<String, List<Enrollment>> byStudent = new HashMap<>();
        for (Enrollment e : enrollments) {
            byStudent.computeIfAbsent(e.studentId().value(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Located<AttendanceRecord>> kept = new LinkedHashMap<>();
        for (Located<AttendanceRecord> a : attendance) {
            AttendanceRecord r = a.record();
            String key = r.studentId().value() + "|" + r.schoolId().value() + "|" + r.date();
            Located<AttendanceRecord> before = kept.get(key);
            if (before == null) {
                kept.put(key, a);
                continue;
            }
            // Ed-Fi keys an event by its category too; the model has one row per student, school and day
            Located<AttendanceRecord> winner = r.duration().compareTo(before.record().duration()) > 0 ? a : before;
            kept.put(key, winner);
            issues.warning(a.node(), "attendance.events-merged", Optional.of(r.date().toString()),
                    "two events of one student at school " + r.schoolId() + " on " + r.date() + " (" + before.record().category() + ", "
                            + r.category() + ") are merged into one record: the one missing the larger share of the day, "
                            + winner.record().category());
        }
        for (Located<AttendanceRecord> a : kept.values()) {
            AttendanceRecord r = a.record();
            Set<LocalDate> days = calendar.get(r.schoolId().value());
            if (days != null && !days.isEmpty() && !days.contains(r.date())) {
                issues.error(a.node(), "attendance.on-instructional-day", Optional.of(r.date().toString()),
                        "the date must be an instructional day of school " + r.schoolId() + ", was " + r.date());
                continue;
            }
            if (!enrolledOn(byStudent, r.studentId().value(), r.schoolId(), r.date())) {
                issues.error(a.node(), "attendance.within-enrollment", Optional.of(r.date().toString()),
                        "the student must be enrolled at school " + r.schoolId() + " on " + r.date());
                continue;
            }
            b.add(r);
        }
        for (BehaviorIncident i : behaviors(byStudent)) {
            b.add(i);
        }
        Map<String, Staff> staff = staff();
        staff.values().forEach(b::add);
        for (StaffAssignment a : assignments) {
            if (staff.containsKey(a.staffId().value())) {
                b.add(a);
            }
        }
        interventions.values().forEach(b::add);
        participants.forEach(b::add);

        if (counts.isEmpty() && issues.errorCount() == 0) {
            issues.add(org.communityschools.core.data.Severity.ERROR, String.valueOf(source.toAbsolutePath().normalize().getFileName()),
                    0, 0, Optional.empty(), Optional.empty(), "import.empty", "there is nothing to import: no Ed-Fi record the import "
                            + "reads was found in any " + format.extension() + " file");
        }
        if (issues.errorCount() > 0 && !lenient) {
            throw new DataValidationException(issues.sorted(), issues.errorCount());
        }
        DistrictData data = b.build();
        return new Outcome(data, issues.sorted(), issues.errorCount(), issues.warningCount(), Map.copyOf(counts));
    }

    private static List<Path> files(Path source, String extension) {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> s = Files.list(source)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(extension))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source, e);
        }
    }

    private static boolean isPass2(String name) {
        return PASS2_FIXED.contains(name) || isProgramAssociation(name);
    }

    private static boolean isProgramAssociation(String name) {
        return name.startsWith("Student") && name.endsWith("ProgramAssociation");
    }

    private void count(String name) {
        counts.merge(name, 1L, Long::sum);
    }

    // ---------------------------------------------------------------- change queries

    /**
     * Change queries: the records of the district the changes apply to, which the changed records may refer to
     * (organizations, schools, students, staff). A seeded student may be replaced once by a changed Student record,
     * which keeps the seeded sex, race, cohort and opt-out; {@code renamed} maps a new StudentUniqueId to the old one
     * whose record it continues (an Ed-Fi key change).
     */
    void seed(DistrictData data, Map<String, String> renamed) {
        data.organizations().forEach(o -> organizations.put(o.id().value(), o));
        data.schools().forEach(sc -> schools.put(sc.id().value(), sc));
        data.students().forEach(st -> students.put(st.id().value(), st));
        data.staff().forEach(st -> {
            knownStaff.add(st.id().value());
            seededEmployers.put(st.id().value(), st.employerId().value());
        });
        replaceable.addAll(students.keySet());
        renamed.forEach((now, before) -> {
            Student s = students.get(before);
            if (s != null && !students.containsKey(now)) {
                students.put(now, new Student(StudentId.of(now), s.firstName(), s.lastName(), s.birthDate(), s.sex(), s.raceEthnicity(),
                        s.ninthGradeCohort(), s.directoryOptOut()));
                replaceable.add(now);
            }
        });
    }

    /** The importer's violations so far. */
    Issues issues() {
        return issues;
    }

    /**
     * Change queries: maps one changed resource record against the seeded district, with the rules of the import, and
     * returns the model records it gives (none when it broke a rule, reported to {@link #issues()}; a Staff record is
     * mapped by {@link #changedStaff()} once every record was read). The education organizations, sessions, calendars,
     * interventions and discipline resources are not mapped here.
     */
    List<Object> mapChanged(Node n) {
        int e = givenEnrollments.size();
        int a = attendance.size();
        int c = characteristics.size();
        int s = assignments.size();
        List<Object> out = new ArrayList<>();
        switch (n.name()) {
            case "Student" -> {
                Student before = n.child("StudentUniqueId").flatMap(Node::text).map(students::get).orElse(null);
                pass1(n);
                n.child("StudentUniqueId").flatMap(Node::text).map(students::get).filter(x -> x != before).ifPresent(out::add);
            }
            case "Staff" -> pass1(n);
            case "StudentEducationOrganizationAssociation" -> {
                Optional<String> id = n.child("StudentReference").flatMap(r -> r.find("StudentUniqueId")).flatMap(Node::text);
                Student before = id.map(students::get).orElse(null);
                pass2(n);
                id.map(students::get).filter(x -> x != before).ifPresent(out::add);
            }
            default -> pass2(n);
        }
        out.addAll(givenEnrollments.subList(e, givenEnrollments.size()));
        attendance.subList(a, attendance.size()).forEach(x -> out.add(x.record()));
        out.addAll(characteristics.subList(c, characteristics.size()));
        out.addAll(assignments.subList(s, assignments.size()));
        return out;
    }

    /** Change queries: the Staff records read by {@link #mapChanged(Node)}, with their employers, by StaffUniqueId. */
    Map<String, Staff> changedStaff() {
        return staff();
    }

    /** Change queries: the node of a changed Staff record. */
    Optional<Node> staffNode(String staffUniqueId) {
        return Optional.ofNullable(staffNodes.get(staffUniqueId));
    }

    // ---------------------------------------------------------------- pass 1

    private void pass1(Node n) {
        count(n.name());
        switch (n.name()) {
            case "LocalEducationAgency" -> required(n, "LocalEducationAgencyId").ifPresent(id -> {
                n.attribute("id").ifPresent(x -> xmlIds.put(x, id));
                name(n).flatMap(name -> id(n, "LocalEducationAgencyId", id).map(x -> new Organization(OrganizationId.of(x), name, OrganizationType.DISTRICT)))
                        .ifPresent(o -> organizations.put(id, o));
            });
            case "CommunityOrganization" -> required(n, "CommunityOrganizationId").ifPresent(id -> {
                n.attribute("id").ifPresent(x -> xmlIds.put(x, id));
                name(n).flatMap(name -> id(n, "CommunityOrganizationId", id).map(x -> new Organization(OrganizationId.of(x), name, OrganizationType.COMMUNITY_ORGANIZATION)))
                        .ifPresent(o -> organizations.put(id, o));
            });
            case "CommunityProvider" -> required(n, "CommunityProviderId").ifPresent(id -> {
                n.attribute("id").ifPresent(x -> xmlIds.put(x, id));
                Optional<String> parent = n.child("CommunityOrganizationReference").flatMap(r -> r.find("CommunityOrganizationId")).flatMap(Node::text);
                if (parent.isPresent()) {
                    providerParent.put(id, parent.get());
                } else {
                    name(n).flatMap(name -> id(n, "CommunityProviderId", id).map(x -> new Organization(OrganizationId.of(x), name, OrganizationType.COMMUNITY_ORGANIZATION)))
                            .ifPresent(o -> organizations.put(id, o));
                }
            });
            case "School" -> required(n, "SchoolId").ifPresent(id -> {
                n.attribute("id").ifPresent(x -> xmlIds.put(x, id));
                schoolNodes.put(id, n);
            });
            case "Session" -> session(n);
            case "Calendar" -> {
                Optional<String> code = required(n, "CalendarCode");
                Optional<String> school = n.child("SchoolReference").flatMap(r -> r.find("SchoolId")).flatMap(Node::text);
                if (code.isPresent() && school.isPresent()) {
                    calendarSchool.put(code.get() + "|" + school.get(), school.get());
                }
            }
            case "CalendarDate" -> {
                Optional<LocalDate> date = date(n, "Date", true);
                Optional<String> school = n.child("CalendarReference").flatMap(r -> r.find("SchoolId")).flatMap(Node::text);
                if (school.isEmpty()) {
                    issues.error(n, "field.required", Optional.empty(), "a calendar date must name its calendar's school (CalendarReference/SchoolId)");
                }
                if (date.isPresent() && school.isPresent()) {
                    boolean instructional = false;
                    for (Node ev : n.children("CalendarEvent")) {
                        String code = ev.text().map(t -> t.substring(t.indexOf('#') + 1)).orElse("");
                        instructional |= INSTRUCTIONAL_EVENTS.contains(code);
                    }
                    boolean inst = instructional;
                    calendarDates.computeIfAbsent(school.get(), k -> new TreeMap<>()).merge(date.get(), inst, Boolean::logicalOr);
                }
            }
            case "Student" -> student(n);
            case "Staff" -> required(n, "StaffUniqueId").ifPresent(id -> staffNodes.put(id, n));
            case "Intervention" -> intervention(n);
            case "DisciplineIncident" -> incident(n);
            default -> { }
        }
    }

    private void session(Node n) {
        Optional<String> school = n.child("SchoolReference").flatMap(r -> r.find("SchoolId")).flatMap(Node::text);
        if (school.isEmpty()) {
            issues.error(n, "field.required", Optional.empty(), "a session must name its school (SchoolReference/SchoolId)");
        }
        Optional<SchoolYear> year = schoolYear(n.child("SchoolYear").isPresent() ? n : n.child("SchoolYearTypeReference").orElse(n), "SchoolYear");
        Optional<LocalDate> begin = date(n, "BeginDate", true);
        Optional<LocalDate> end = date(n, "EndDate", true);
        Optional<Integer> total = Optional.empty();
        Optional<Node> t = n.child("TotalInstructionalDays");
        if (t.isPresent() && t.get().text().isPresent()) {
            try {
                total = Optional.of(Integer.parseInt(t.get().text().get()));
            } catch (NumberFormatException e) {
                issues.error(t.get(), "field.format", t.get().text(), "TotalInstructionalDays must be a whole number");
            }
        }
        if (school.isPresent() && year.isPresent() && begin.isPresent() && end.isPresent()) {
            if (end.get().isBefore(begin.get())) {
                issues.error(n.child("EndDate").orElse(n), "field.date-order", Optional.of(end.get().toString()),
                        "a session's EndDate must not be before its BeginDate " + begin.get());
                return;
            }
            sessions.add(new Session(school.get(), year.get(), begin.get(), end.get(), total, n));
        }
    }

    private void student(Node n) {
        Optional<String> id = required(n, "StudentUniqueId").flatMap(x -> id(n, "StudentUniqueId", x));
        Optional<String> first = personName(n, "FirstName");
        Optional<String> last = personName(n, "LastSurname");
        Optional<LocalDate> birth = n.child("BirthData").or(() -> n.child("BirthDate").map(x -> n)).flatMap(bd -> date(bd, "BirthDate", true));
        if (first.isEmpty() || last.isEmpty()) {
            issues.error(n, "field.required", Optional.empty(), "a student must have Name/FirstName and Name/LastSurname (JSON: firstName, lastSurname)");
        }
        if (n.child("BirthData").isEmpty() && n.child("BirthDate").isEmpty()) {
            issues.error(n, "field.required", Optional.empty(), "a student must have BirthData/BirthDate (JSON: birthDate)");
        }
        if (id.isEmpty() || first.isEmpty() || last.isEmpty() || birth.isEmpty()) {
            return;
        }
        Student seeded = replaceable.remove(id.get()) ? students.get(id.get()) : null;
        if (seeded == null && students.containsKey(id.get())) {
            issues.error(n, "unique.id", id, "a StudentUniqueId must appear once");
            return;
        }
        // a changed Student keeps what Ed-Fi 5 keeps on other resources (sex, race, cohort and opt-out: StudentEducationOrganizationAssociation)
        students.put(id.get(), seeded != null
                ? new Student(StudentId.of(id.get()), first.get(), last.get(), birth.get(), seeded.sex(), seeded.raceEthnicity(),
                        seeded.ninthGradeCohort(), seeded.directoryOptOut())
                : new Student(StudentId.of(id.get()), first.get(), last.get(), birth.get(), Sex.NOT_SELECTED,
                        RaceEthnicity.NOT_REPORTED, Optional.empty(), false));
        studentNodes.put(id.get(), n);
    }

    private void intervention(Node n) {
        Optional<String> code = required(n, "InterventionIdentificationCode");
        Optional<String> edOrg = n.child("EducationOrganizationReference").flatMap(r -> r.find("EducationOrganizationId")).flatMap(Node::text);
        if (edOrg.isEmpty()) {
            issues.error(n, "field.required", Optional.empty(), "an intervention must name its education organization");
        }
        Optional<InterventionType> type = descriptor(n, "InterventionClass", InterventionType.class, true);
        Optional<LocalDate> begin = date(n, "BeginDate", true);
        Optional<LocalDate> end = date(n, "EndDate", false);
        if (code.isEmpty() || edOrg.isEmpty() || type.isEmpty() || begin.isEmpty()) {
            return;
        }
        if (!schoolNodes.containsKey(edOrg.get()) && !schools.containsKey(edOrg.get())) {
            issues.error(n.child("EducationOrganizationReference").orElse(n), "reference.unknown-school", edOrg,
                    "an intervention's education organization must be a school of the import, was " + edOrg.get());
            return;
        }
        InterventionId id = InterventionId.of(shortId(n, code.get()));
        Intervention i = new Intervention(id, type.get(), SchoolId.of(edOrg.get()), SchoolId.of(edOrg.get()), Optional.empty());
        interventions.put(code.get(), i);
        interventionWindows.put(code.get(), new InterventionWindow(begin.get(), end));
    }

    private void incident(Node n) {
        Optional<String> ident = required(n, "IncidentIdentifier");
        Optional<LocalDate> date = date(n, "IncidentDate", true);
        Optional<String> school = n.child("SchoolReference").flatMap(r -> r.find("SchoolId")).flatMap(Node::text);
        if (school.isEmpty()) {
            issues.error(n, "field.required", Optional.empty(), "a discipline incident must name its school");
        }
        Optional<BehaviorType> behavior = n.child("Behavior").flatMap(bh -> descriptor(bh, "Behavior", BehaviorType.class, false));
        if (ident.isEmpty() || date.isEmpty() || school.isEmpty()) {
            return;
        }
        Incident inc = new Incident(school.get(), ident.get(), date.get(), behavior, n);
        n.attribute("id").ifPresent(x -> incidentsByXmlId.put(x, inc));
        incidentsByKey.put(school.get() + "|" + ident.get(), inc);
    }

    // ---------------------------------------------------------------- pass 2

    private void pass2(Node n) {
        count(n.name());
        switch (n.name()) {
            case "StudentSchoolAssociation" -> enrollment(n);
            case "StudentSchoolAttendanceEvent" -> attendanceEvent(n);
            case "StudentDisciplineIncidentBehaviorAssociation" -> behaviorAssociation(n);
            case "DisciplineAction" -> disciplineAction(n);
            case "StudentInterventionAssociation" -> interventionAssociation(n);
            case "StaffEducationOrganizationEmploymentAssociation" -> {
                Optional<String> s = n.child("StaffReference").flatMap(r -> r.find("StaffUniqueId")).flatMap(Node::text);
                Optional<String> e = n.child("EducationOrganizationReference").flatMap(r -> r.find("EducationOrganizationId")).flatMap(Node::text);
                if (s.isPresent() && e.isPresent()) {
                    employers.putIfAbsent(s.get(), e.get());
                }
            }
            case "StaffEducationOrganizationAssignmentAssociation" -> staffAssignment(n);
            case "StudentEducationOrganizationAssociation" -> demographics(n);
            default -> programAssociation(n);
        }
    }

    private Optional<String> studentRef(Node n) {
        Optional<Node> ref = n.child("StudentReference");
        Optional<String> id = ref.flatMap(r -> r.find("StudentUniqueId")).flatMap(Node::text);
        if (id.isEmpty()) {
            issues.error(ref.orElse(n), "field.required", Optional.empty(), "the record must name its student (StudentReference/StudentUniqueId)");
            return Optional.empty();
        }
        if (!students.containsKey(id.get())) {
            issues.error(ref.get(), "reference.unknown-student", id, "the student must be in the import's Student records, was " + id.get());
            return Optional.empty();
        }
        return id;
    }

    private Optional<String> schoolRef(Node n, String element) {
        Optional<Node> ref = n.child(element);
        Optional<String> id = ref.flatMap(r -> r.find("SchoolId")).flatMap(Node::text);
        if (id.isEmpty()) {
            issues.error(ref.orElse(n), "field.required", Optional.empty(), "the record must name its school (" + element + "/SchoolId)");
            return Optional.empty();
        }
        if (!schools.containsKey(id.get())) {
            issues.error(ref.get(), "reference.unknown-school", id, "the school must be in the import's School records, was " + id.get());
            return Optional.empty();
        }
        return id;
    }

    private void seen(String student, String school) {
        studentSchools.computeIfAbsent(student, k -> new LinkedHashSet<>()).add(school);
    }

    private void enrollment(Node n) {
        Optional<String> student = studentRef(n);
        Optional<String> school = schoolRef(n, "SchoolReference");
        Optional<LocalDate> entry = date(n, "EntryDate", true);
        Optional<GradeLevel> grade = descriptor(n, "EntryGradeLevel", GradeLevel.class, true);
        Optional<LocalDate> exit = date(n, "ExitWithdrawDate", false);
        Optional<ExitWithdrawType> exitType = descriptor(n, "ExitWithdrawType", ExitWithdrawType.class, false);
        if (student.isEmpty() || school.isEmpty() || entry.isEmpty() || grade.isEmpty()) {
            return;
        }
        if (exit.isPresent() && exitType.isEmpty() && n.child("ExitWithdrawType").isEmpty()) {
            exitType = Optional.of(ExitWithdrawType.OTHER);
        }
        if (exit.isEmpty()) {
            exitType = Optional.empty();
        }
        try {
            givenEnrollments.add(new Enrollment(StudentId.of(student.get()), SchoolId.of(school.get()), entry.get(), grade.get(), exit, exitType, false));
        } catch (IllegalArgumentException e) {
            issues.error(n, "field.invalid", Optional.empty(), e.getMessage());
        }
    }

    private void attendanceEvent(Node n) {
        Node ev = n.child("AttendanceEvent").orElse(n);
        Optional<String> student = studentRef(n);
        Optional<String> school = schoolRef(n, "SchoolReference");
        Optional<LocalDate> date = date(ev, "EventDate", true);
        Optional<AttendanceCategory> category = descriptor(ev, "AttendanceEventCategory", AttendanceCategory.class, true);
        Optional<DayShare> duration = Optional.empty();
        Optional<Node> d = ev.child("EventDuration");
        if (d.isPresent() && d.get().text().isPresent()) {
            try {
                duration = Optional.of(DayShare.parse(d.get().text().get()));
            } catch (IllegalArgumentException e) {
                issues.error(d.get(), "field.format", d.get().text(), "EventDuration must be the share of the day, 0 to 1 with at most 4 decimals");
                return;
            }
        }
        if (student.isEmpty() || school.isEmpty() || date.isEmpty() || category.isEmpty()) {
            return;
        }
        if (category.get() == AttendanceCategory.PARTIAL && duration.isEmpty()) {
            issues.warning(ev, "attendance.partial-duration-missing", Optional.empty(),
                    "a Partial event should have an EventDuration; the import's default " + partialDefault.toBigDecimal().toPlainString() + " is used");
            duration = Optional.of(partialDefault);
        }
        Optional<String> reason = ev.child("AttendanceEventReason").flatMap(Node::text)
                .map(r -> r.length() > 64 ? r.substring(0, 64).strip() : r);
        seen(student.get(), school.get());
        attendance.add(new Located<>(AttendanceRecord.of(StudentId.of(student.get()), SchoolId.of(school.get()), date.get(),
                category.get(), duration, reason), n.at()));
    }

    private void behaviorAssociation(Node n) {
        Optional<String> student = studentRef(n);
        Optional<Node> ref = n.child("DisciplineIncidentReference");
        Optional<Incident> incident = ref.flatMap(this::incidentOf);
        if (incident.isEmpty()) {
            issues.error(ref.orElse(n), "reference.unknown-incident", ref.flatMap(r -> r.attribute("ref").or(() -> r.find("IncidentIdentifier").flatMap(Node::text))),
                    "the discipline incident must be in the import's DisciplineIncident records");
        }
        Optional<BehaviorType> behavior = n.child("Behavior").isPresent()
                ? descriptor(n, "Behavior", BehaviorType.class, false) : Optional.empty();
        Optional<String> description = n.child("BehaviorDetailedDescription").flatMap(Node::text).map(s -> s.length() > 1000 ? s.substring(0, 1000) : s);
        if (student.isEmpty() || incident.isEmpty()) {
            return;
        }
        if (!schools.containsKey(incident.get().school())) {
            issues.error(incident.get().node(), "reference.unknown-school", Optional.of(incident.get().school()), "the incident's school must be in the import");
            return;
        }
        seen(student.get(), incident.get().school());
        behaviors.add(new BehaviorDraft(student.get(), incident.get(), behavior, description, n.at()));
    }

    private Optional<Incident> incidentOf(Node ref) {
        Optional<String> xmlRef = ref.attribute("ref");
        if (xmlRef.isPresent()) {
            return Optional.ofNullable(incidentsByXmlId.get(xmlRef.get()));
        }
        Optional<String> ident = ref.find("IncidentIdentifier").flatMap(Node::text);
        Optional<String> school = ref.find("SchoolId").flatMap(Node::text);
        if (ident.isEmpty() || school.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(incidentsByKey.get(school.get() + "|" + ident.get()));
    }

    private void disciplineAction(Node n) {
        Optional<DisciplineActionType> type = Optional.empty();
        for (Node d : n.children("Discipline")) {
            Optional<String> t = d.text();
            if (t.isEmpty()) {
                continue;
            }
            DescriptorMapping.Resolution<DisciplineActionType> r = mapping.resolve(t.get(), DisciplineActionType.class);
            if (r.outcome() == DescriptorMapping.Outcome.UNKNOWN) {
                unknown(d, t.get(), DisciplineActionType.class);
                return;
            }
            if (r.value().isPresent() && (type.isEmpty() || severity(r.value().get()) > severity(type.get()))) {
                type = r.value();
            }
        }
        if (type.isEmpty()) {
            if (n.child("Discipline").isEmpty()) {
                issues.error(n, "field.required", Optional.empty(), "a discipline action must have a Discipline");
            }
            return;
        }
        BigDecimal days = BigDecimal.ZERO;
        Optional<Node> len = n.child("ActualDisciplineActionLength").or(() -> n.child("DisciplineActionLength"));
        if (len.isPresent() && len.get().text().isPresent()) {
            try {
                days = new BigDecimal(len.get().text().get());
                if (days.signum() < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                issues.error(len.get(), "field.format", len.get().text(), "a discipline action length must be a non-negative number of days");
                return;
            }
        }
        Optional<String> student = n.child("StudentReference").flatMap(r -> r.find("StudentUniqueId")).flatMap(Node::text);
        Optional<Node> assoc = n.find("StudentDisciplineIncidentBehaviorAssociationReference")
                .or(() -> n.find("StudentDisciplineIncidentAssociationReference"));
        Optional<String> ident = assoc.flatMap(a -> a.find("IncidentIdentifier")).flatMap(Node::text);
        Optional<String> school = assoc.flatMap(a -> a.find("SchoolId")).flatMap(Node::text);
        Optional<String> assocStudent = assoc.flatMap(a -> a.find("StudentUniqueId")).flatMap(Node::text).or(() -> student);
        if (assocStudent.isEmpty() || ident.isEmpty() || school.isEmpty()) {
            issues.warning(n, "discipline-action.unlinked", Optional.empty(),
                    "a discipline action without a student–incident association reference is not imported");
            return;
        }
        actions.computeIfAbsent(assocStudent.get() + "|" + school.get() + "|" + ident.get(), k -> new ArrayList<>())
                .add(new ActionDraft(type.get(), days));
    }

    private static int severity(DisciplineActionType t) {
        return switch (t) {
            case NONE -> 0;
            case OTHER -> 1;
            case REMOVAL_FROM_CLASSROOM -> 2;
            case IN_SCHOOL_SUSPENSION -> 3;
            case OUT_OF_SCHOOL_SUSPENSION -> 4;
            case EXPULSION -> 5;
        };
    }

    private void interventionAssociation(Node n) {
        Optional<String> student = studentRef(n);
        Optional<Node> ref = n.child("InterventionReference");
        Optional<String> code = ref.flatMap(r -> r.find("InterventionIdentificationCode")).flatMap(Node::text);
        if (code.isEmpty() || !interventions.containsKey(code.get())) {
            issues.error(ref.orElse(n), "reference.unknown-intervention", code, "the intervention must be in the import's Intervention records");
            return;
        }
        if (student.isEmpty()) {
            return;
        }
        Intervention i = interventions.get(code.get());
        InterventionWindow w = interventionWindows.get(code.get());
        seen(student.get(), i.schoolId().value());
        participants.add(new InterventionParticipant(i.id(), StudentId.of(student.get()), Optional.empty(),
                DateRange.closed(w.begin(), w.end()), Optional.empty(), w.end().isPresent() ? ParticipationStatus.COMPLETED : ParticipationStatus.ACTIVE));
    }

    /**
     * Sex and race from a student's education organization association (Ed-Fi 5 keeps them there, not on Student):
     * Hispanic or Latino ethnicity (or race) makes HISPANIC, as in federal reporting; otherwise one race is that race
     * and several are MULTIRACIAL. The first association that gives a sex or a race sets them.
     */
    private void demographics(Node n) {
        Optional<String> student = studentRef(n);
        Optional<Sex> sex = descriptor(n, "Sex", Sex.class, false);
        Set<RaceEthnicity> races = new TreeSet<>();
        for (Node race : n.children("Race")) {
            Node value = race.child("Race").orElse(race);
            value.text().flatMap(t -> resolved(value, t, RaceEthnicity.class)).ifPresent(races::add);
        }
        boolean hispanic = n.child("HispanicLatinoEthnicity").flatMap(Node::text).map(t -> t.equals("true") || t.equals("1")).orElse(false);
        if (student.isEmpty()) {
            return;
        }
        cohortAndOptOut(n, student.get());
        if ((sex.isEmpty() && races.isEmpty() && !hispanic) || !demographicsSet.add(student.get())) {
            return;
        }
        RaceEthnicity race;
        races.remove(RaceEthnicity.NOT_REPORTED);
        if (hispanic || races.contains(RaceEthnicity.HISPANIC)) {
            race = RaceEthnicity.HISPANIC;
        } else if (races.isEmpty()) {
            race = RaceEthnicity.NOT_REPORTED;
        } else {
            race = races.size() == 1 ? races.iterator().next() : RaceEthnicity.MULTIRACIAL;
        }
        Student s = students.get(student.get());
        students.put(student.get(), new Student(s.id(), s.firstName(), s.lastName(), s.birthDate(), sex.orElse(s.sex()), race,
                s.ninthGradeCohort(), s.directoryOptOut()));
    }

    /**
     * The ninth-grade cohort from a {@code CohortYear} whose type is {@code Ninth grade} (its school year), and the
     * directory opt-out from a {@code StudentIndicator} named {@value #DIRECTORY_OPT_OUT} with the value {@code true};
     * any association that opts the student out does (privacy fails closed).
     */
    private void cohortAndOptOut(Node n, String id) {
        Student s = students.get(id);
        Optional<SchoolYear> cohort = s.ninthGradeCohort();
        for (Node c : n.children("CohortYear")) {
            boolean ninth = c.child("CohortYearType").flatMap(Node::text).map(t -> t.endsWith("#Ninth grade")).orElse(false);
            Optional<Node> year = c.child("SchoolYearTypeReference").flatMap(r -> r.child("SchoolYear")).or(() -> c.child("SchoolYear"));
            if (ninth && year.isPresent() && year.get().text().isPresent() && cohort.isEmpty()) {
                try {
                    cohort = Optional.of(SchoolYear.parse(year.get().text().get()));
                } catch (IllegalArgumentException e) {
                    issues.error(year.get(), "field.format", year.get().text(), "SchoolYear must be a school year such as 2022 or 2021-2022");
                }
            }
        }
        boolean optOut = s.directoryOptOut();
        for (Node i : n.children("StudentIndicator")) {
            if (i.child("IndicatorName").flatMap(Node::text).filter(DIRECTORY_OPT_OUT::equals).isPresent()) {
                optOut |= i.child("Indicator").flatMap(Node::text).map(t -> t.equalsIgnoreCase("true")).orElse(false);
            }
        }
        if (!cohort.equals(s.ninthGradeCohort()) || optOut != s.directoryOptOut()) {
            students.put(id, new Student(s.id(), s.firstName(), s.lastName(), s.birthDate(), s.sex(), s.raceEthnicity(), cohort, optOut));
        }
    }

    /** The student indicator that carries the directory opt-out (34 CFR 99.37(a)(2)); written by the export. */
    public static final String DIRECTORY_OPT_OUT = "Directory Information Opt-Out";

    private void staffAssignment(Node n) {
        Optional<String> staff = n.child("StaffReference").flatMap(r -> r.find("StaffUniqueId")).flatMap(Node::text);
        Optional<String> edOrg = n.child("EducationOrganizationReference").flatMap(r -> r.find("EducationOrganizationId")).flatMap(Node::text).map(this::resolveProvider);
        Optional<StaffRole> role = descriptor(n, "StaffClassification", StaffRole.class, true);
        Optional<LocalDate> begin = date(n, "BeginDate", true);
        Optional<LocalDate> end = date(n, "EndDate", false);
        if (staff.isEmpty() || !(staffNodes.containsKey(staff.get()) || knownStaff.contains(staff.get()))) {
            issues.error(n.child("StaffReference").orElse(n), "reference.unknown-staff", staff, "the staff member must be in the import's Staff records");
            return;
        }
        if (edOrg.isEmpty() || role.isEmpty() || begin.isEmpty()) {
            return;
        }
        Optional<EducationOrganizationId> org = educationOrganization(edOrg.get());
        if (org.isEmpty()) {
            issues.error(n.child("EducationOrganizationReference").orElse(n), "reference.unknown-education-organization", edOrg,
                    "the education organization must be a school or an organization of the import");
            return;
        }
        if (end.isPresent() && end.get().isBefore(begin.get())) {
            issues.error(n.child("EndDate").orElse(n), "field.date-order", Optional.of(end.get().toString()), "EndDate must not be before BeginDate");
            return;
        }
        assignments.add(new StaffAssignment(StaffId.of(staff.get()), org.get(), role.get(), DateRange.closed(begin.get(), end)));
    }

    private void programAssociation(Node n) {
        Optional<Node> typeNode = n.child("ProgramReference").flatMap(r -> r.find("ProgramType"));
        if (typeNode.isEmpty() || typeNode.get().text().isEmpty()) {
            issues.error(n.child("ProgramReference").orElse(n), "field.required", Optional.empty(), "a program association must name its ProgramType");
            return;
        }
        DescriptorMapping.Resolution<StudentCharacteristicType> r = mapping.resolve(typeNode.get().text().get(), StudentCharacteristicType.class);
        if (r.outcome() == DescriptorMapping.Outcome.UNKNOWN) {
            unknown(typeNode.get(), typeNode.get().text().get(), StudentCharacteristicType.class);
            return;
        }
        Optional<String> student = studentRef(n);
        Optional<LocalDate> begin = date(n, "BeginDate", true);
        Optional<LocalDate> end = date(n, "EndDate", false);
        if (r.value().isEmpty() || student.isEmpty() || begin.isEmpty()) {
            return;
        }
        if (end.isPresent() && end.get().isBefore(begin.get())) {
            issues.error(n.child("EndDate").orElse(n), "field.date-order", Optional.of(end.get().toString()), "EndDate must not be before BeginDate");
            return;
        }
        n.child("EducationOrganizationReference").flatMap(x -> x.find("EducationOrganizationId")).flatMap(Node::text)
                .filter(schools::containsKey).ifPresent(s -> seen(student.get(), s));
        characteristics.add(new StudentCharacteristic(StudentId.of(student.get()), r.value().get(), DateRange.closed(begin.get(), end)));
    }

    // ---------------------------------------------------------------- finishing

    private String resolveProvider(String edOrg) {
        return providerParent.getOrDefault(edOrg, edOrg);
    }

    private Optional<EducationOrganizationId> educationOrganization(String id) {
        if (schools.containsKey(id)) {
            return Optional.of(SchoolId.of(id));
        }
        if (organizations.containsKey(id)) {
            return Optional.of(OrganizationId.of(id));
        }
        return Optional.empty();
    }

    /** Schools need their district, read in any order: built when pass 1 is over. */
    private void buildSchools() {
        for (Map.Entry<String, Node> e : schoolNodes.entrySet()) {
            Node n = e.getValue();
            Optional<String> name = name(n);
            Optional<Node> leaRef = n.child("LocalEducationAgencyReference");
            Optional<String> lea = leaRef.flatMap(r -> r.attribute("ref").map(xmlIds::get).or(() -> r.find("LocalEducationAgencyId").flatMap(Node::text)));
            if (lea.isEmpty() || !organizations.containsKey(lea.get()) || organizations.get(lea.get()).type() != OrganizationType.DISTRICT) {
                issues.error(leaRef.orElse(n), "reference.unknown-organization", lea,
                        "a school's LocalEducationAgencyReference must name a LocalEducationAgency of the import");
                continue;
            }
            TreeSet<GradeLevel> grades = new TreeSet<>();
            boolean bad = false;
            for (Node g : n.children("GradeLevel")) {
                Optional<GradeLevel> level = g.text().flatMap(t -> resolved(g, t, GradeLevel.class));
                if (level.isEmpty() && g.text().isPresent() && mapping.resolve(g.text().get(), GradeLevel.class).outcome() == DescriptorMapping.Outcome.UNKNOWN) {
                    bad = true;
                }
                level.ifPresent(grades::add);
            }
            if (grades.isEmpty() && !bad) {
                issues.error(n, "field.required", Optional.empty(), "a school must offer at least one GradeLevel the model represents");
            }
            SchoolType type = SchoolType.REGULAR;
            Optional<Node> st = n.child("SchoolType");
            if (st.isPresent() && st.get().text().isPresent()) {
                Optional<SchoolType> t = resolved(st.get(), st.get().text().get(), SchoolType.class);
                if (t.isEmpty()) {
                    continue;
                }
                type = t.get();
            }
            Optional<String> id = id(n, "SchoolId", e.getKey());
            if (name.isEmpty() || grades.isEmpty() || id.isEmpty()) {
                continue;
            }
            if (organizations.containsKey(e.getKey())) {
                issues.error(n, "unique.education-organization-id", id, "a school id must not also be an organization id");
                continue;
            }
            schools.put(e.getKey(), new School(SchoolId.of(id.get()), name.get(), OrganizationId.of(lea.get()), grades.first(), grades.last(), type));
        }
    }

    /**
     * A session's instructional days when the files give fewer calendar dates than its TotalInstructionalDays and its
     * weekdays are more: the explicit dates, the days on which the school recorded attendance in the session (it held
     * instruction), then weekdays spread evenly over the session until the total is reached.
     */
    /** The dates with attendance at each school, built at the first session derived from its total. */
    private @Nullable Map<String, TreeSet<LocalDate>> attendanceDays;

    private Set<LocalDate> daysFromTotal(Session s, String school, List<LocalDate> explicit, List<LocalDate> weekdays,
                                         Map<LocalDate, Boolean> given) {
        Set<LocalDate> days = new TreeSet<>(explicit);
        if (attendanceDays == null) {
            attendanceDays = new HashMap<>();
            for (Located<AttendanceRecord> a : attendance) {
                attendanceDays.computeIfAbsent(a.record().schoolId().value(), x -> new TreeSet<>()).add(a.record().date());
            }
        }
        for (LocalDate d : attendanceDays.getOrDefault(school, new TreeSet<>()).subSet(s.begin(), true, s.end(), true)) {
            if (days.size() < s.total().orElseThrow() && !Boolean.FALSE.equals(given.get(d))) {
                days.add(d);
            }
        }
        List<LocalDate> rest = weekdays.stream().filter(d -> !days.contains(d)).toList();
        int k = s.total().orElseThrow() - days.size();
        for (int i = 0; i < k && i < rest.size(); i++) {
            days.add(rest.get((int) ((i + 0.5) * rest.size() / k)));
        }
        return days;
    }

    private Map<String, Set<LocalDate>> calendar() {
        Map<String, Set<LocalDate>> out = new TreeMap<>();
        if (suppliedCalendar.isPresent()) {
            for (InstructionalDay d : suppliedCalendar.get()) {
                out.computeIfAbsent(d.schoolId().value(), k -> new TreeSet<>()).add(d.date());
            }
            return out;
        }
        Map<String, List<Session>> bySchool = new LinkedHashMap<>();
        for (Session s : sessions) {
            if (schools.containsKey(s.school())) {
                bySchool.computeIfAbsent(s.school(), k -> new ArrayList<>()).add(s);
            } else {
                issues.error(s.node(), "reference.unknown-school", Optional.of(s.school()), "a session's school must be in the import");
            }
        }
        for (Map.Entry<String, List<Session>> e : bySchool.entrySet()) {
            Map<LocalDate, Boolean> given = calendarDates.getOrDefault(e.getKey(), Map.of());
            Set<LocalDate> days = new TreeSet<>();
            for (Session s : e.getValue()) {
                List<LocalDate> explicit = given.entrySet().stream()
                        .filter(x -> x.getValue() && !x.getKey().isBefore(s.begin()) && !x.getKey().isAfter(s.end()))
                        .map(Map.Entry::getKey).toList();
                Set<LocalDate> sessionDays = new TreeSet<>(explicit);
                boolean complete = s.total().map(t -> explicit.size() >= t).orElse(!explicit.isEmpty());
                if (!complete) {
                    List<LocalDate> weekdays = new ArrayList<>();
                    for (LocalDate d = s.begin(); !d.isAfter(s.end()); d = d.plusDays(1)) {
                        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !Boolean.FALSE.equals(given.get(d))) {
                            weekdays.add(d);
                        }
                    }
                    if (s.total().isPresent() && weekdays.size() > s.total().get()) {
                        sessionDays.addAll(daysFromTotal(s, e.getKey(), explicit, weekdays, given));
                        issues.warning(s.node().child("TotalInstructionalDays").orElse(s.node()), "calendar.derived-from-total",
                                Optional.of(Integer.toString(sessionDays.size())),
                                "school " + e.getKey() + " session " + s.begin() + " to " + s.end() + ": the files give " + explicit.size()
                                        + " instructional calendar dates, so the session's " + s.total().get() + " instructional days were placed on "
                                        + "the days with attendance and weekdays spread evenly over the session (day counts exact, dates estimated); "
                                        + "supply a calendar for the real dates");
                    } else {
                        sessionDays.addAll(weekdays);
                    }
                }
                if (s.total().isPresent() && s.total().get() != sessionDays.size()) {
                    issues.warning(s.node().child("TotalInstructionalDays").orElse(s.node()), "calendar.session-days-mismatch",
                            Optional.of(Integer.toString(sessionDays.size())),
                            "school " + e.getKey() + " session " + s.begin() + " to " + s.end() + ": TotalInstructionalDays is " + s.total().get()
                                    + " but the " + (complete ? "calendar dates give " : "derived calendar (weekdays of the session) has ") + sessionDays.size()
                                    + " days; supply a calendar to replace the derived one");
                }
                days.addAll(sessionDays);
            }
            out.put(e.getKey(), days);
        }
        // a school without sessions keeps its explicit instructional dates
        for (Map.Entry<String, Map<LocalDate, Boolean>> e : calendarDates.entrySet()) {
            if (!out.containsKey(e.getKey()) && schools.containsKey(e.getKey())) {
                Set<LocalDate> days = new TreeSet<>();
                e.getValue().forEach((d, inst) -> {
                    if (inst) {
                        days.add(d);
                    }
                });
                out.put(e.getKey(), days);
            }
        }
        // a school that recorded attendance inside a session on a day the derivation left out held instruction that day
        for (Located<AttendanceRecord> a : attendance) {
            AttendanceRecord r = a.record();
            Set<LocalDate> days = out.get(r.schoolId().value());
            if (days == null || days.contains(r.date())) {
                continue;
            }
            boolean inSession = bySchool.getOrDefault(r.schoolId().value(), List.of()).stream()
                    .anyMatch(s -> !r.date().isBefore(s.begin()) && !r.date().isAfter(s.end()));
            if (inSession) {
                days.add(r.date());
                issues.warning(a.node(), "calendar.derived-day-added", Optional.of(r.date().toString()),
                        "attendance was recorded on " + r.date() + " (a " + r.date().getDayOfWeek() + "), which the derived calendar of school "
                                + r.schoolId() + " left out; the day is added as an instructional day");
            }
        }
        return out;
    }

    private List<Enrollment> deriveEnrollments() {
        Map<String, List<Session>> bySchool = new HashMap<>();
        for (Session s : sessions) {
            bySchool.computeIfAbsent(s.school(), k -> new ArrayList<>()).add(s);
        }
        List<Enrollment> out = new ArrayList<>();
        for (Map.Entry<String, Student> st : students.entrySet()) {
            Set<String> schoolIds = studentSchools.getOrDefault(st.getKey(), Set.of());
            if (schoolIds.isEmpty()) {
                issues.warning(studentNodes.get(st.getKey()), "enrollment.school-unknown", Optional.of(st.getKey()),
                        "no StudentSchoolAssociation was given and no attendance event, discipline incident, intervention or program "
                                + "association names the student's school; the student is not enrolled");
                continue;
            }
            for (String school : schoolIds) {
                School sc = schools.get(school);
                Map<SchoolYear, LocalDate[]> years = new TreeMap<>();
                for (Session s : bySchool.getOrDefault(school, List.of())) {
                    years.merge(s.year(), new LocalDate[] {s.begin(), s.end()}, (x, y) -> new LocalDate[] {
                            x[0].isBefore(y[0]) ? x[0] : y[0], x[1].isAfter(y[1]) ? x[1] : y[1]});
                }
                for (Map.Entry<SchoolYear, LocalDate[]> y : years.entrySet()) {
                    GradeLevel grade = gradeByAge(st.getValue().birthDate(), y.getKey(), sc);
                    out.add(new Enrollment(st.getValue().id(), sc.id(), y.getValue()[0], grade, Optional.of(y.getValue()[1]),
                            Optional.of(ExitWithdrawType.END_OF_YEAR), false));
                }
            }
        }
        return out;
    }

    /**
     * The grade a student's age implies in a school year (age on September 1 of its first calendar year: 5 is
     * kindergarten, 6 first grade, ...), kept within the school's grades.
     */
    static GradeLevel gradeByAge(LocalDate birth, SchoolYear year, School school) {
        LocalDate sept1 = LocalDate.of(year.endYear() - 1, 9, 1);
        int age = birth.until(sept1).getYears();
        int ordinal = Math.max(0, Math.min(GradeLevel.values().length - 1, age - 4)); // 4 -> PK (0), 5 -> KG (1), 6 -> 01 (2)
        GradeLevel g = GradeLevel.values()[ordinal];
        if (g.compareTo(school.lowGrade()) < 0) {
            return school.lowGrade();
        }
        return g.compareTo(school.highGrade()) > 0 ? school.highGrade() : g;
    }

    private static boolean enrolledOn(Map<String, List<Enrollment>> byStudent, String student, SchoolId school, LocalDate date) {
        for (Enrollment e : byStudent.getOrDefault(student, List.of())) {
            if (e.schoolId().equals(school) && e.isEnrolledOn(date)) {
                return true;
            }
        }
        return false;
    }

    private List<BehaviorIncident> behaviors(Map<String, List<Enrollment>> byStudent) {
        List<BehaviorIncident> out = new ArrayList<>();
        Map<Incident, Integer> seq = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (BehaviorDraft d : behaviors) {
            Incident inc = d.incident();
            Optional<BehaviorType> behavior = d.behavior().or(inc::behavior);
            if (behavior.isEmpty()) {
                issues.error(d.node(), "field.required", Optional.empty(), "the behavior must be given by the association or its incident");
                continue;
            }
            if (!enrolledOn(byStudent, d.student(), SchoolId.of(inc.school()), inc.date())) {
                issues.error(d.node(), "behavior.within-enrollment", Optional.of(inc.date().toString()),
                        "the incident date must be inside an enrollment of the student at school " + inc.school());
                continue;
            }
            List<ActionDraft> acts = actions.getOrDefault(d.student() + "|" + inc.school() + "|" + inc.identifier(), List.of());
            DisciplineActionType type = DisciplineActionType.NONE;
            for (ActionDraft a : acts) {
                if (severity(a.type()) > severity(type)) {
                    type = a.type();
                }
            }
            BigDecimal days = BigDecimal.ZERO;
            for (ActionDraft a : acts) {
                if (a.type() == type && type != DisciplineActionType.NONE) {
                    days = days.add(a.days());
                }
            }
            int n = seq.merge(inc, 1, Integer::sum);
            String base = inc.school() + "-" + inc.identifier();
            String id = shortId(d.node(), n == 1 ? base : base + "-" + n);
            if (!used.add(id)) {
                issues.error(d.node(), "unique.id", Optional.of(id), "the incident id must be unique");
                continue;
            }
            out.add(new BehaviorIncident(IncidentId.of(id), StudentId.of(d.student()), SchoolId.of(inc.school()), inc.date(),
                    behavior.get(), d.description(), type, days));
        }
        return out;
    }

    private Map<String, Staff> staff() {
        Map<String, Staff> out = new LinkedHashMap<>();
        List<String> districts = organizations.values().stream().filter(o -> o.type() == OrganizationType.DISTRICT).map(o -> o.id().value()).toList();
        for (Map.Entry<String, Node> e : staffNodes.entrySet()) {
            Node n = e.getValue();
            Optional<String> first = personName(n, "FirstName");
            Optional<String> last = personName(n, "LastSurname");
            Optional<String> id = id(n, "StaffUniqueId", e.getKey());
            if (first.isEmpty() || last.isEmpty()) {
                issues.error(n, "field.required", Optional.empty(), "a staff member must have Name/FirstName and Name/LastSurname");
                continue;
            }
            Optional<String> employer = Optional.ofNullable(employers.getOrDefault(e.getKey(), seededEmployers.get(e.getKey())))
                    .map(this::resolveProvider)
                    .map(x -> schools.containsKey(x) ? schools.get(x).districtId().value() : x)
                    .filter(organizations::containsKey);
            if (employer.isEmpty() && districts.size() == 1) {
                employer = Optional.of(districts.get(0));
            }
            if (employer.isEmpty()) {
                issues.error(n, "reference.unknown-organization", Optional.empty(), "the staff member's employer must be an organization of the import");
                continue;
            }
            if (id.isPresent()) {
                out.put(e.getKey(), new Staff(StaffId.of(id.get()), first.get(), last.get(), OrganizationId.of(employer.get())));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- values

    /** A person's name part: XML {@code Name/FirstName}, JSON {@code firstName}. */
    private static Optional<String> personName(Node n, String part) {
        return n.path("Name", part).or(() -> n.child(part)).flatMap(Node::text);
    }

    private Optional<String> required(Node n, String child) {
        Optional<String> v = n.child(child).flatMap(Node::text);
        if (v.isEmpty()) {
            issues.error(n.child(child).orElse(n), "field.required", Optional.empty(), n.name() + " must have a " + child);
        }
        return v;
    }

    private Optional<String> name(Node n) {
        return required(n, "NameOfInstitution").map(s -> s.length() > 200 ? s.substring(0, 200) : s);
    }

    /** An identifier of the model (1–32 characters, no whitespace); longer ones are shortened with a warning. */
    private Optional<String> id(Node n, String element, String value) {
        if (value.chars().anyMatch(Character::isWhitespace)) {
            issues.error(n.child(element).orElse(n), "field.format", Optional.of(value), element + " must not contain whitespace");
            return Optional.empty();
        }
        return Optional.of(shortId(n.child(element).orElse(n), value));
    }

    /**
     * Ids longer than 32 characters keep their first 23 characters, a hyphen and 8 hex digits of their SHA-256, so that
     * they stay unique and recognizable; a warning names the original.
     */
    private String shortId(Node at, String value) {
        return shortId(at.at(), value);
    }

    private String shortId(Node.At at, String value) {
        String s = Ids.of(value);
        String whole = value.strip().replaceAll("\\s+", "_");
        if (whole.length() > 32) {
            issues.warning(at, "id.shortened", Optional.of(whole), "an identifier longer than 32 characters is imported as " + s);
        }
        return s;
    }

    private Optional<LocalDate> date(Node n, String child, boolean required) {
        Optional<Node> c = n.child(child);
        if (c.isEmpty() || c.get().text().isEmpty()) {
            if (required) {
                issues.error(c.orElse(n), "field.required", Optional.empty(), n.name() + " must have a " + child);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(c.get().text().get()));
        } catch (DateTimeParseException e) {
            issues.error(c.get(), "field.format", personal(child) ? Optional.of("<redacted>") : c.get().text(), child + " must be a date yyyy-MM-dd");
            return Optional.empty();
        }
    }

    private static boolean personal(String element) {
        return element.equals("BirthDate");
    }

    private Optional<SchoolYear> schoolYear(Node n, String child) {
        Optional<String> v = required(n, child);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SchoolYear.parse(v.get()));
        } catch (IllegalArgumentException e) {
            issues.error(n.child(child).orElse(n), "field.format", v, child + " must be a school year such as 2022 or 2021-2022");
            return Optional.empty();
        }
    }

    private <E extends Enum<E>> Optional<E> descriptor(Node n, String child, Class<E> type, boolean required) {
        Optional<Node> c = n.child(child);
        if (c.isEmpty() || c.get().text().isEmpty()) {
            if (required) {
                issues.error(c.orElse(n), "field.required", Optional.empty(), n.name() + " must have a " + child);
            }
            return Optional.empty();
        }
        return resolved(c.get(), c.get().text().get(), type);
    }

    private <E extends Enum<E>> Optional<E> resolved(Node at, String value, Class<E> type) {
        DescriptorMapping.Resolution<E> r = mapping.resolve(value, type);
        if (r.outcome() == DescriptorMapping.Outcome.UNKNOWN) {
            unknown(at, value, type);
        }
        return r.value();
    }

    private void unknown(Node at, String value, Class<?> type) {
        issues.error(at, "descriptor.unknown", Optional.of(value), "the descriptor value is not in the descriptor mapping for "
                + type.getSimpleName() + "; add it with DescriptorMapping.toBuilder().map(...) or .ignore(...)");
    }
}
