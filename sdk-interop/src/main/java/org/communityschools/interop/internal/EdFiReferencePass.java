package org.communityschools.interop.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.interop.DescriptorMapping;

/**
 * The first pass of an Ed-Fi import: the records others refer to (education organizations, sessions, calendars and
 * calendar dates, students, staff, interventions, discipline incidents), kept by their Ed-Fi keys.
 */
abstract class EdFiReferencePass extends EdFiImportState {
    private static final Set<String> INSTRUCTIONAL_EVENTS = Set.of("Instructional day", "Make-up day");

    EdFiReferencePass(Importer.Format format, DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault,
            boolean lenient, ReadLimits limits, Issues issues) {
        super(format, mapping, suppliedCalendar, partialDefault, lenient, limits, issues);
    }

    void pass1(Node n) {
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

    void session(Node n) {
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

    void student(Node n) {
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

    void intervention(Node n) {
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

    void incident(Node n) {
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
}
