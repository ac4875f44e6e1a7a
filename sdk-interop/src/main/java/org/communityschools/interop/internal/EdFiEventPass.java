package org.communityschools.interop.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
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

/**
 * The second pass of an Ed-Fi import: the associations and events (school enrollments, attendance events, behavior
 * and discipline actions, intervention and program participation, staff assignments, demographics), each resolved
 * against the first pass's records and converted to model records at once.
 */
abstract class EdFiEventPass extends EdFiReferencePass {
    EdFiEventPass(Importer.Format format, DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault,
            boolean lenient, ReadLimits limits, Issues issues) {
        super(format, mapping, suppliedCalendar, partialDefault, lenient, limits, issues);
    }

    void pass2(Node n) {
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

    Optional<String> studentRef(Node n) {
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

    Optional<String> schoolRef(Node n, String element) {
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

    void seen(String student, String school) {
        studentSchools.computeIfAbsent(student, k -> new LinkedHashSet<>()).add(school);
    }

    void enrollment(Node n) {
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

    void attendanceEvent(Node n) {
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

    void behaviorAssociation(Node n) {
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

    Optional<Incident> incidentOf(Node ref) {
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

    void disciplineAction(Node n) {
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

    static int severity(DisciplineActionType t) {
        return switch (t) {
            case NONE -> 0;
            case OTHER -> 1;
            case REMOVAL_FROM_CLASSROOM -> 2;
            case IN_SCHOOL_SUSPENSION -> 3;
            case OUT_OF_SCHOOL_SUSPENSION -> 4;
            case EXPULSION -> 5;
        };
    }

    void interventionAssociation(Node n) {
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
    void demographics(Node n) {
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
    void cohortAndOptOut(Node n, String id) {
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

    void staffAssignment(Node n) {
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

    void programAssociation(Node n) {
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

    String resolveProvider(String edOrg) {
        return providerParent.getOrDefault(edOrg, edOrg);
    }

    Optional<EducationOrganizationId> educationOrganization(String id) {
        if (schools.containsKey(id)) {
            return Optional.of(SchoolId.of(id));
        }
        if (organizations.containsKey(id)) {
            return Optional.of(OrganizationId.of(id));
        }
        return Optional.empty();
    }
}
