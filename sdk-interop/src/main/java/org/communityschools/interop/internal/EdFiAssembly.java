package org.communityschools.interop.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.interop.DescriptorMapping;
import org.jspecify.annotations.Nullable;

/**
 * What an Ed-Fi import derives once both passes are over: schools with their district, the instructional calendar
 * (from calendar dates, session totals or the caller's), enrollments derived from the records when the files have
 * none, behavior incidents with their actions, and staff with their employers.
 */
abstract class EdFiAssembly extends EdFiEventPass {
    EdFiAssembly(Importer.Format format, DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault,
            boolean lenient, ReadLimits limits, Issues issues) {
        super(format, mapping, suppliedCalendar, partialDefault, lenient, limits, issues);
    }

    /** Schools need their district, read in any order: built when pass 1 is over. */
    void buildSchools() {
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
    @Nullable Map<String, TreeSet<LocalDate>> attendanceDays;

    Set<LocalDate> daysFromTotal(Session s, String school, List<LocalDate> explicit, List<LocalDate> weekdays,
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

    Map<String, Set<LocalDate>> calendar() {
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

    List<Enrollment> deriveEnrollments() {
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

    static boolean enrolledOn(Map<String, List<Enrollment>> byStudent, String student, SchoolId school, LocalDate date) {
        for (Enrollment e : byStudent.getOrDefault(student, List.of())) {
            if (e.schoolId().equals(school) && e.isEnrolledOn(date)) {
                return true;
            }
        }
        return false;
    }

    List<BehaviorIncident> behaviors(Map<String, List<Enrollment>> byStudent) {
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

    Map<String, Staff> staff() {
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
}
