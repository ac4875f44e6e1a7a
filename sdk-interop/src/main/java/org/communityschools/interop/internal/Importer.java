package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.interop.DescriptorMapping;


/**
 * One import of a folder of Ed-Fi XML interchange files or ODS/API JSON resource files ({@link Format}) into a
 * {@link DistrictData}; both formats arrive as the same {@link Node} records. Two streaming passes over the
 * files: the first reads the records others refer to (education organizations, sessions and calendar dates,
 * students, staff, interventions, discipline incidents), the second the associations and events, converted to model
 * records at once. The rules are in docs/interop-edfi.md. Not thread-safe; one importer imports once.
 *
 * <p>The import is layered by responsibility, each layer a class this one extends: {@code EdFiImportState} (what was
 * read, and how a record's values are checked), {@code EdFiReferencePass} (the first pass), {@code EdFiEventPass}
 * (the second), {@code EdFiAssembly} (calendars, derived enrollments, behavior and staff once both are over). This
 * class runs the passes and builds the district, and maps the records of Ed-Fi change queries ({@code seed},
 * {@code mapChanged}).
 */
public final class Importer extends EdFiAssembly {
    private static final Set<String> PASS1 = Set.of("LocalEducationAgency", "School", "CommunityOrganization",
            "CommunityProvider", "Session", "Calendar", "CalendarDate", "Student", "Staff", "Intervention",
            "DisciplineIncident");
    private static final Set<String> PASS2_FIXED = Set.of("StudentSchoolAssociation", "StudentSchoolAttendanceEvent",
            "StudentDisciplineIncidentBehaviorAssociation", "DisciplineAction", "StudentInterventionAssociation",
            "StaffEducationOrganizationAssignmentAssociation", "StaffEducationOrganizationEmploymentAssociation",
            "StudentEducationOrganizationAssociation");

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
        super(format, mapping, suppliedCalendar, partialDefault, lenient, limits, issues);
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
        DistrictDataBuilder b = DistrictData.builder().withoutBeanValidation(); // as the import's re-read (ValidatedOutput)
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
}
