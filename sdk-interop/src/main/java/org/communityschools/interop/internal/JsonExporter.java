package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.interop.DescriptorMapping;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes a {@link DistrictData} as Ed-Fi ODS/API resources (Data Standard 5.x): one JSON array file per resource,
 * property names as in the Ed-Fi API resource model, descriptor values through
 * {@link DescriptorMapping#descriptorUri(Enum)}. Streams each file with Jackson's generator. What is written, and what
 * does not survive, is in docs/interop-edfi.md. Not thread-safe; one exporter writes once.
 */
public final class JsonExporter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String ED_FI = "uri://ed-fi.org/";
    private static final String INSTRUCTIONAL_DAY = ED_FI + "CalendarEventDescriptor#Instructional day";
    private static final String YEAR_ROUND = ED_FI + "TermDescriptor#Year Round";
    private static final String SCHOOL_CALENDAR = ED_FI + "CalendarTypeDescriptor#School";

    private final DescriptorMapping mapping;
    private final DistrictData data;
    private final Map<String, Long> written = new TreeMap<>();

    /**
     * An exporter of one data set.
     *
     * @param mapping the descriptor mapping whose {@code descriptorUri} names each constant
     * @param data    the data
     */
    public JsonExporter(DescriptorMapping mapping, DistrictData data) {
        this.mapping = mapping;
        this.data = data;
    }

    /** The writer of one record. */
    @FunctionalInterface
    private interface RecordWriter<T> {
        void write(JsonGenerator g, T record);
    }

    /**
     * Writes every resource file into {@code dir} (created when missing).
     *
     * @return resource file name → records written
     */
    public Map<String, Long> writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        List<Organization> districts = data.organizations().stream().filter(o -> o.type() == OrganizationType.DISTRICT).toList();
        List<Organization> cbos = data.organizations().stream().filter(o -> o.type() == OrganizationType.COMMUNITY_ORGANIZATION).toList();
        file(dir, "localEducationAgencies", districts, (g, o) -> {
            g.writeStartObject();
            id(g, "localEducationAgencyId", o.id().value());
            g.writeStringProperty("nameOfInstitution", o.name());
            categories(g, "categories", "Local Education Agency");
            g.writeStringProperty("localEducationAgencyCategoryDescriptor", ED_FI + "LocalEducationAgencyCategoryDescriptor#Independent");
            g.writeEndObject();
        });
        file(dir, "communityOrganizations", cbos, (g, o) -> {
            g.writeStartObject();
            id(g, "communityOrganizationId", o.id().value());
            g.writeStringProperty("nameOfInstitution", o.name());
            categories(g, "categories", "Community Organization");
            g.writeEndObject();
        });
        file(dir, "schools", data.schools(), this::school);
        file(dir, "students", data.students(), (g, s) -> {
            g.writeStartObject();
            g.writeStringProperty("studentUniqueId", s.id().value());
            g.writeStringProperty("firstName", s.firstName());
            g.writeStringProperty("lastSurname", s.lastName());
            g.writeStringProperty("birthDate", s.birthDate().toString());
            g.writeEndObject();
        });
        Map<String, String> studentDistrict = studentDistricts(districts);
        file(dir, "studentEducationOrganizationAssociations",
                data.students().stream().filter(s -> studentDistrict.containsKey(s.id().value())).toList(),
                (g, s) -> demographics(g, s, studentDistrict.get(s.id().value())));
        file(dir, "studentProgramAssociations", data.studentCharacteristics().stream()
                .filter(c -> studentDistrict.containsKey(c.studentId().value())).toList(),
                (g, c) -> program(g, c, studentDistrict.get(c.studentId().value())));
        List<Calendar> calendars = calendars();
        file(dir, "calendars", calendars, (g, c) -> {
            g.writeStartObject();
            g.writeStringProperty("calendarCode", c.code());
            schoolRef(g, "schoolReference", c.school());
            g.writeName("schoolYearTypeReference");
            g.writeStartObject();
            g.writeNumberProperty("schoolYear", c.year().endYear());
            g.writeEndObject();
            g.writeStringProperty("calendarTypeDescriptor", SCHOOL_CALENDAR);
            g.writeEndObject();
        });
        file(dir, "sessions", calendars, (g, c) -> {
            g.writeStartObject();
            g.writeStringProperty("sessionName", c.sessionName());
            schoolRef(g, "schoolReference", c.school());
            g.writeName("schoolYearTypeReference");
            g.writeStartObject();
            g.writeNumberProperty("schoolYear", c.year().endYear());
            g.writeEndObject();
            g.writeStringProperty("beginDate", c.days().get(0).toString());
            g.writeStringProperty("endDate", c.days().get(c.days().size() - 1).toString());
            g.writeStringProperty("termDescriptor", YEAR_ROUND);
            g.writeNumberProperty("totalInstructionalDays", c.days().size());
            g.writeEndObject();
        });
        streamFile(dir, "calendarDates", g -> {
            long n = 0;
            for (Calendar c : calendars) {
                for (LocalDate d : c.days()) {
                    g.writeStartObject();
                    g.writeName("calendarReference");
                    g.writeStartObject();
                    g.writeStringProperty("calendarCode", c.code());
                    id(g, "schoolId", c.school().value());
                    g.writeNumberProperty("schoolYear", c.year().endYear());
                    g.writeEndObject();
                    g.writeStringProperty("date", d.toString());
                    g.writeName("calendarEvents");
                    g.writeStartArray();
                    g.writeStartObject();
                    g.writeStringProperty("calendarEventDescriptor", INSTRUCTIONAL_DAY);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                    n++;
                }
            }
            return n;
        });
        file(dir, "studentSchoolAssociations", data.enrollments(), this::enrollment);
        streamFile(dir, "studentSchoolAttendanceEvents", g -> {
            long[] n = {0};
            data.attendance().forEachRecord(r -> {
                g.writeStartObject();
                g.writeStringProperty("attendanceEventCategoryDescriptor", mapping.descriptorUri(r.category()));
                g.writeStringProperty("eventDate", r.date().toString());
                schoolRef(g, "schoolReference", r.schoolId());
                g.writeName("sessionReference");
                g.writeStartObject();
                id(g, "schoolId", r.schoolId().value());
                SchoolYear y = SchoolYear.containing(r.date());
                g.writeNumberProperty("schoolYear", y.endYear());
                g.writeStringProperty("sessionName", sessionName(y));
                g.writeEndObject();
                studentRef(g, r.studentId().value());
                r.reason().ifPresent(x -> g.writeStringProperty("attendanceEventReason", x));
                g.writeNumberProperty("eventDuration", r.duration().toBigDecimal().stripTrailingZeros());
                g.writeEndObject();
                n[0]++;
            });
            return n[0];
        });
        behavior(dir);
        staff(dir, districts);
        interventions(dir);
        return Map.copyOf(written);
    }

    // ---------------------------------------------------------------- resources

    private void school(JsonGenerator g, School s) {
        g.writeStartObject();
        id(g, "schoolId", s.id().value());
        g.writeStringProperty("nameOfInstitution", s.name());
        g.writeName("localEducationAgencyReference");
        g.writeStartObject();
        id(g, "localEducationAgencyId", s.districtId().value());
        g.writeEndObject();
        categories(g, "educationOrganizationCategories", "School");
        g.writeName("gradeLevels");
        g.writeStartArray();
        for (GradeLevel l : GradeLevel.values()) {
            if (l.compareTo(s.lowGrade()) >= 0 && l.compareTo(s.highGrade()) <= 0) {
                g.writeStartObject();
                g.writeStringProperty("gradeLevelDescriptor", mapping.descriptorUri(l));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeStringProperty("schoolTypeDescriptor", mapping.descriptorUri(s.schoolType()));
        g.writeEndObject();
    }

    /**
     * A student's district: that of the school of their first enrollment, else the first district, so that every
     * student's sex, race, cohort and directory opt-out are written whenever there is a district.
     */
    private Map<String, String> studentDistricts(List<Organization> districts) {
        Map<String, String> out = new HashMap<>();
        for (Enrollment e : data.enrollments()) {
            data.school(e.schoolId()).ifPresent(s -> out.putIfAbsent(e.studentId().value(), s.districtId().value()));
        }
        if (!districts.isEmpty()) {
            for (Student s : data.students()) {
                out.putIfAbsent(s.id().value(), districts.get(0).id().value());
            }
        }
        return out;
    }

    private void demographics(JsonGenerator g, Student s, String district) {
        g.writeStartObject();
        edOrgRef(g, district);
        studentRef(g, s.id().value());
        g.writeStringProperty("sexDescriptor", mapping.descriptorUri(s.sex()));
        g.writeBooleanProperty("hispanicLatinoEthnicity", s.raceEthnicity() == RaceEthnicity.HISPANIC);
        if (s.raceEthnicity() != RaceEthnicity.HISPANIC) {
            g.writeName("races");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("raceDescriptor", mapping.descriptorUri(s.raceEthnicity()));
            g.writeEndObject();
            g.writeEndArray();
        }
        if (s.ninthGradeCohort().isPresent()) {
            g.writeName("cohortYears");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("cohortYearTypeDescriptor", ED_FI + "CohortYearTypeDescriptor#Ninth grade");
            g.writeName("schoolYearTypeReference");
            g.writeStartObject();
            g.writeNumberProperty("schoolYear", s.ninthGradeCohort().get().endYear());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeName("studentIndicators");
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("indicatorName", Importer.DIRECTORY_OPT_OUT);
        g.writeStringProperty("indicator", Boolean.toString(s.directoryOptOut()));
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private void program(JsonGenerator g, StudentCharacteristic c, String district) {
        String type = mapping.descriptorUri(c.characteristic());
        g.writeStartObject();
        g.writeStringProperty("beginDate", c.period().start().toString());
        edOrgRef(g, district);
        g.writeName("programReference");
        g.writeStartObject();
        id(g, "educationOrganizationId", district);
        g.writeStringProperty("programName", type.substring(type.indexOf('#') + 1));
        g.writeStringProperty("programTypeDescriptor", type);
        g.writeEndObject();
        studentRef(g, c.studentId().value());
        c.period().lastDay().ifPresent(d -> g.writeStringProperty("endDate", d.toString()));
        g.writeEndObject();
    }

    private void enrollment(JsonGenerator g, Enrollment e) {
        g.writeStartObject();
        g.writeStringProperty("entryDate", e.entryDate().toString());
        schoolRef(g, "schoolReference", e.schoolId());
        studentRef(g, e.studentId().value());
        g.writeStringProperty("entryGradeLevelDescriptor", mapping.descriptorUri(e.entryGrade()));
        e.exitWithdrawDate().ifPresent(d -> g.writeStringProperty("exitWithdrawDate", d.toString()));
        e.exitWithdrawType().ifPresent(t -> g.writeStringProperty("exitWithdrawTypeDescriptor", mapping.descriptorUri(t)));
        g.writeEndObject();
    }

    /**
     * Each of our incidents (one student each) becomes a discipline incident, the student's behavior association and,
     * unless the action is NONE, a discipline action. The incident identifier is our id without a leading
     * {@code <schoolId>-}, so that the import's {@code <SchoolId>-<IncidentIdentifier>} gives it back.
     */
    private void behavior(Path dir) {
        List<BehaviorIncident> incidents = data.behaviorIncidents();
        file(dir, "disciplineIncidents", incidents, (g, i) -> {
            g.writeStartObject();
            g.writeStringProperty("incidentIdentifier", identifier(i));
            schoolRef(g, "schoolReference", i.schoolId());
            g.writeName("behaviors");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("behaviorDescriptor", mapping.descriptorUri(i.behavior()));
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringProperty("incidentDate", i.date().toString());
            g.writeEndObject();
        });
        file(dir, "studentDisciplineIncidentBehaviorAssociations", incidents, (g, i) -> {
            g.writeStartObject();
            g.writeStringProperty("behaviorDescriptor", mapping.descriptorUri(i.behavior()));
            g.writeName("disciplineIncidentReference");
            g.writeStartObject();
            g.writeStringProperty("incidentIdentifier", identifier(i));
            id(g, "schoolId", i.schoolId().value());
            g.writeEndObject();
            studentRef(g, i.studentId().value());
            i.description().ifPresent(d -> g.writeStringProperty("behaviorDetailedDescription", d));
            g.writeEndObject();
        });
        file(dir, "disciplineActions", incidents.stream().filter(i -> i.action() != DisciplineActionType.NONE).toList(), (g, i) -> {
            g.writeStartObject();
            g.writeStringProperty("disciplineActionIdentifier", identifier(i));
            g.writeStringProperty("disciplineDate", i.date().toString());
            g.writeName("disciplines");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("disciplineDescriptor", mapping.descriptorUri(i.action()));
            g.writeEndObject();
            g.writeEndArray();
            schoolRef(g, "responsibilitySchoolReference", i.schoolId());
            studentRef(g, i.studentId().value());
            g.writeNumberProperty("actualDisciplineActionLength", i.actionDays());
            g.writeName("studentDisciplineIncidentBehaviorAssociations");
            g.writeStartArray();
            g.writeStartObject();
            g.writeName("studentDisciplineIncidentBehaviorAssociationReference");
            g.writeStartObject();
            g.writeStringProperty("behaviorDescriptor", mapping.descriptorUri(i.behavior()));
            g.writeStringProperty("incidentIdentifier", identifier(i));
            id(g, "schoolId", i.schoolId().value());
            g.writeStringProperty("studentUniqueId", i.studentId().value());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String identifier(BehaviorIncident i) {
        String prefix = i.schoolId().value() + "-";
        String id = i.incidentId().value();
        return id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length()) : id;
    }

    private void staff(Path dir, List<Organization> districts) {
        Map<String, LocalDate> firstDay = new HashMap<>();
        for (StaffAssignment a : data.staffAssignments()) {
            firstDay.merge(a.staffId().value(), a.period().start(), (x, y) -> x.isBefore(y) ? x : y);
        }
        file(dir, "staffs", data.staff(), (g, s) -> {
            g.writeStartObject();
            g.writeStringProperty("staffUniqueId", s.id().value());
            g.writeStringProperty("firstName", s.firstName());
            g.writeStringProperty("lastSurname", s.lastName());
            g.writeEndObject();
        });
        file(dir, "staffEducationOrganizationEmploymentAssociations", data.staff(), (g, s) -> {
            g.writeStartObject();
            g.writeStringProperty("employmentStatusDescriptor", ED_FI + "EmploymentStatusDescriptor#Other");
            Optional.ofNullable(firstDay.get(s.id().value())).ifPresent(d -> g.writeStringProperty("hireDate", d.toString()));
            edOrgRef(g, s.employerId().value());
            staffRef(g, s);
            g.writeEndObject();
        });
        file(dir, "staffEducationOrganizationAssignmentAssociations", data.staffAssignments(), (g, a) -> {
            g.writeStartObject();
            g.writeStringProperty("beginDate", a.period().start().toString());
            g.writeStringProperty("staffClassificationDescriptor", mapping.descriptorUri(a.role()));
            edOrgRef(g, a.organizationId().value());
            g.writeName("staffReference");
            g.writeStartObject();
            g.writeStringProperty("staffUniqueId", a.staffId().value());
            g.writeEndObject();
            a.period().lastDay().ifPresent(d -> g.writeStringProperty("endDate", d.toString()));
            g.writeEndObject();
        });
    }

    /**
     * An intervention's dates are those of its participants (Ed-Fi gives a student–intervention association none):
     * from the earliest start to the latest last day, open when any participation is open.
     */
    private void interventions(Path dir) {
        Map<String, List<InterventionParticipant>> byIntervention = new HashMap<>();
        for (InterventionParticipant p : data.interventionParticipants()) {
            byIntervention.computeIfAbsent(p.interventionId().value(), k -> new ArrayList<>()).add(p);
        }
        List<Intervention> dated = new ArrayList<>();
        Map<String, DateRange> windows = new HashMap<>();
        for (Intervention i : data.interventions()) {
            List<InterventionParticipant> ps = byIntervention.getOrDefault(i.id().value(), List.of());
            Optional<LocalDate> begin = ps.stream().map(p -> p.period().start()).min(LocalDate::compareTo)
                    .or(() -> Optional.ofNullable(data.calendars().get(i.schoolId())).filter(c -> !c.isEmpty()).map(c -> c.days().get(0)));
            if (begin.isEmpty()) {
                continue;
            }
            boolean open = ps.isEmpty() || ps.stream().anyMatch(p -> p.period().lastDay().isEmpty());
            Optional<LocalDate> end = open ? Optional.empty()
                    : ps.stream().map(p -> p.period().lastDay().orElseThrow()).max(LocalDate::compareTo);
            windows.put(i.id().value(), DateRange.closed(begin.get(), end));
            dated.add(i);
        }
        file(dir, "interventions", dated, (g, i) -> {
            DateRange w = windows.get(i.id().value());
            g.writeStartObject();
            g.writeStringProperty("interventionIdentificationCode", i.id().value());
            edOrgRef(g, i.schoolId().value());
            g.writeStringProperty("beginDate", w.start().toString());
            g.writeStringProperty("deliveryMethodDescriptor", ED_FI + "DeliveryMethodDescriptor#Individual");
            w.lastDay().ifPresent(d -> g.writeStringProperty("endDate", d.toString()));
            g.writeStringProperty("interventionClassDescriptor", mapping.descriptorUri(i.type()));
            g.writeEndObject();
        });
        file(dir, "studentInterventionAssociations", data.interventionParticipants().stream()
                .filter(p -> windows.containsKey(p.interventionId().value())).toList(), (g, p) -> {
                    Intervention i = data.intervention(p.interventionId()).orElseThrow();
                    g.writeStartObject();
                    g.writeName("interventionReference");
                    g.writeStartObject();
                    id(g, "educationOrganizationId", i.schoolId().value());
                    g.writeStringProperty("interventionIdentificationCode", i.id().value());
                    g.writeEndObject();
                    studentRef(g, p.studentId().value());
                    g.writeEndObject();
                });
    }

    // ---------------------------------------------------------------- calendars

    /** One calendar (and session) per school and school year, holding its instructional days in order. */
    private record Calendar(SchoolId school, SchoolYear year, List<LocalDate> days) {
        String code() {
            return school.value() + "-" + year.endYear();
        }

        String sessionName() {
            return JsonExporter.sessionName(year);
        }
    }

    private List<Calendar> calendars() {
        List<Calendar> out = new ArrayList<>();
        for (Map.Entry<SchoolId, InstructionalCalendar> e : data.calendars().entrySet()) {
            Map<SchoolYear, List<LocalDate>> byYear = new TreeMap<>();
            for (LocalDate d : e.getValue().days()) {
                byYear.computeIfAbsent(SchoolYear.containing(d), k -> new ArrayList<>()).add(d);
            }
            byYear.forEach((y, days) -> out.add(new Calendar(e.getKey(), y, days)));
        }
        return out;
    }

    static String sessionName(SchoolYear year) {
        return (year.endYear() - 1) + "-" + year.endYear() + " Year Round";
    }

    // ---------------------------------------------------------------- values and files

    /**
     * An education organization id: Ed-Fi's are integers, so a numeric id is written as a number (without leading
     * zeros, so that it reads back the same); any other id as a string, which an ODS/API would refuse.
     */
    private static void id(JsonGenerator g, String name, String value) {
        if (value.matches("[1-9][0-9]{0,17}")) {
            g.writeNumberProperty(name, Long.parseLong(value));
        } else {
            g.writeStringProperty(name, value);
        }
    }

    private static void categories(JsonGenerator g, String property, String code) {
        g.writeName(property);
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("educationOrganizationCategoryDescriptor", ED_FI + "EducationOrganizationCategoryDescriptor#" + code);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void schoolRef(JsonGenerator g, String property, SchoolId school) {
        g.writeName(property);
        g.writeStartObject();
        id(g, "schoolId", school.value());
        g.writeEndObject();
    }

    private static void studentRef(JsonGenerator g, String student) {
        g.writeName("studentReference");
        g.writeStartObject();
        g.writeStringProperty("studentUniqueId", student);
        g.writeEndObject();
    }

    private static void staffRef(JsonGenerator g, Staff s) {
        g.writeName("staffReference");
        g.writeStartObject();
        g.writeStringProperty("staffUniqueId", s.id().value());
        g.writeEndObject();
    }

    private static void edOrgRef(JsonGenerator g, String edOrg) {
        g.writeName("educationOrganizationReference");
        g.writeStartObject();
        id(g, "educationOrganizationId", edOrg);
        g.writeEndObject();
    }

    private <T> void file(Path dir, String resource, List<T> records, RecordWriter<T> writer) {
        streamFile(dir, resource, g -> {
            for (T r : records) {
                writer.write(g, r);
            }
            return (long) records.size();
        });
    }

    /** Writes one resource file: an array whose records {@code body} writes, returning how many. */
    private void streamFile(Path dir, String resource, java.util.function.Function<JsonGenerator, Long> body) {
        Path file = dir.resolve(resource + ".json");
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = FACTORY.createGenerator(pretty, out)) {
            g.writeStartArray();
            long n = body.apply(g);
            g.writeEndArray();
            written.put(resource + ".json", n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
