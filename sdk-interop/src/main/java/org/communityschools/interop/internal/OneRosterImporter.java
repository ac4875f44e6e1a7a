package org.communityschools.interop.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * One import of a OneRoster 1.1 or 1.2 CSV export (a folder of {@code manifest.csv}, {@code orgs.csv},
 * {@code users.csv}, {@code roles.csv}, {@code classes.csv}, {@code enrollments.csv}, {@code academicSessions.csv},
 * {@code demographics.csv}) into a {@link DistrictData}: districts, schools, students, their school enrollments, staff,
 * their assignments, and teacher–student relationships (the teachers of a class → the students enrolled in it). The
 * rules are in docs/interop-oneroster.md. Every file is streamed row by row; the rows are kept as small records until
 * the model is built ({@code OneRosterRows} reads them; this class builds the model). Not thread-safe; one importer
 * imports once.
 */
public final class OneRosterImporter extends OneRosterRows {
    /**
     * An importer.
     *
     * @param lenient keep going past errors (leave the offending rows out)
     */
    public OneRosterImporter(boolean lenient) {
        this(lenient, ReadLimits.defaults());
    }

    /**
     * An importer reading every file within {@code limits}.
     *
     * @param lenient keep going past errors (leave the offending rows out)
     * @param limits  the limits of a row, a cell and a file
     */
    public OneRosterImporter(boolean lenient, ReadLimits limits) {
        super(lenient, limits);
    }

    /** The OneRoster version read (from the manifest, else from the users.csv header). */
    public String version() {
        return version;
    }

    /**
     * Imports a folder.
     *
     * @throws DataValidationException when strict and any error was found, or when the model's cross-record rules fail
     * @throws IllegalArgumentException when {@code dir} is not a folder
     */
    public Importer.Outcome run(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("a OneRoster CSV export is a folder of CSV files, was " + dir);
        }
        source = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        Map<String, String> manifest = manifest(dir);
        read(dir, manifest, "orgs.csv", List.of("sourcedId", "name", "type"), this::org);
        read(dir, manifest, "academicSessions.csv", List.of("sourcedId", "type", "startDate", "endDate"), this::session);
        read(dir, manifest, "users.csv", version.equals("1.1") ? List.of("sourcedId", "givenName", "familyName", "role", "orgSourcedIds")
                : List.of("sourcedId", "givenName", "familyName"), this::user);
        if (version.equals("1.2")) {
            read(dir, manifest, "roles.csv", List.of("userSourcedId", "role", "orgSourcedId"), this::role);
        }
        read(dir, manifest, "demographics.csv", List.of("sourcedId"), this::demographics);
        read(dir, manifest, "classes.csv", List.of("sourcedId", "schoolSourcedId"), this::klass);
        read(dir, manifest, "enrollments.csv", List.of("classSourcedId", "userSourcedId", "role"), this::enrollment);
        return build();
    }

    // ---------------------------------------------------------------- the model

    private Importer.Outcome build() {
        DistrictDataBuilder b = DistrictData.builder().withoutBeanValidation(); // as the import's re-read (ValidatedOutput)
        Map<String, Organization> districts = new LinkedHashMap<>();
        for (Org o : orgs.values()) {
            if (o.type().equals("district")) {
                Organization d = new Organization(OrganizationId.of(o.id()), o.name(), OrganizationType.DISTRICT);
                districts.put(o.sourcedId(), d);
                b.add(d);
            }
        }
        // roles: check references and values once
        Map<String, List<Role>> rolesOf = new LinkedHashMap<>();
        for (Role r : roles) {
            if (!users.containsKey(r.user())) {
                error(r.at(), "reference.unknown-user", Optional.of(r.user()), "the user must be in users.csv");
                continue;
            }
            if (!orgs.containsKey(r.org())) {
                error(r.at(), "reference.unknown-organization", Optional.of(r.org()), "the role's org must be a district or school of orgs.csv");
                continue;
            }
            if (!STAFF_ROLES.contains(r.role()) && !OTHER_ROLES.contains(r.role())) {
                error(r.at(), "field.invalid", Optional.of(r.role()), "role must be a OneRoster role (student, teacher, aide, counselor, principal, "
                        + "siteAdministrator, districtAdministrator, administrator, proctor, systemAdministrator, guardian, parent, relative)");
                continue;
            }
            rolesOf.computeIfAbsent(r.user(), k -> new ArrayList<>()).add(r);
        }
        Optional<Term> year = span(schoolYears).or(() -> span(new ArrayList<>(sessions.values())));

        // students and their school enrollments
        Map<String, Student> students = new LinkedHashMap<>();
        Map<String, Set<String>> studentSchools = new LinkedHashMap<>();
        Map<String, Role> studentSchoolRole = new HashMap<>();
        for (User u : users.values()) {
            List<Role> rs = rolesOf.getOrDefault(u.sourcedId(), List.of());
            if (rs.stream().noneMatch(r -> r.role().equals("student"))) {
                continue;
            }
            Optional<Student> s = student(u);
            if (s.isEmpty()) {
                continue;
            }
            students.put(u.sourcedId(), s.get());
            for (Role r : rs) {
                if (r.role().equals("student") && orgs.get(r.org()).type().equals("school")) {
                    studentSchools.computeIfAbsent(u.sourcedId(), k -> new LinkedHashSet<>()).add(r.org());
                    studentSchoolRole.putIfAbsent(u.sourcedId() + "|" + r.org(), r);
                }
            }
        }
        for (Map.Entry<String, List<Member>> e : members.entrySet()) {
            for (Member m : e.getValue()) {
                if (m.role().equals("student") && students.containsKey(m.user())) {
                    studentSchools.computeIfAbsent(m.user(), k -> new LinkedHashSet<>()).add(classes.get(e.getKey()).school());
                }
            }
        }

        // schools: grades from their classes and their students
        Map<String, TreeSet<GradeLevel>> grades = new HashMap<>();
        for (Klass k : classes.values()) {
            grades.computeIfAbsent(k.school(), x -> new TreeSet<>()).addAll(k.grades());
        }
        studentSchools.forEach((u, schools) -> schools.forEach(s -> grades.computeIfAbsent(s, x -> new TreeSet<>()).addAll(users.get(u).grades())));
        Map<String, School> schools = new LinkedHashMap<>();
        for (Org o : orgs.values()) {
            if (!o.type().equals("school")) {
                continue;
            }
            Optional<Organization> district = o.parent().map(districts::get)
                    .or(() -> o.parent().isEmpty() && districts.size() == 1 ? Optional.of(districts.values().iterator().next()) : Optional.empty());
            if (district.isEmpty()) {
                error(new At(o.at().file(), o.at().line(), 0, "parentSourcedId"), "reference.unknown-organization", o.parent(),
                        "a school's parentSourcedId must name a district of orgs.csv (it may be empty when there is one district)");
                continue;
            }
            TreeSet<GradeLevel> g = grades.getOrDefault(o.sourcedId(), new TreeSet<>());
            if (g.isEmpty()) {
                issues.add(Severity.WARNING, o.at().file(), o.at().line(), o.at().column(), Optional.of(o.at().field()), Optional.of(o.sourcedId()),
                        "school.grades-unknown", "a school's grades come from the grades of its classes and students; none of them gives a grade "
                                + "the model represents (PK, KG, 01-12), so the school is not imported (its staff keep their district)");
                continue;
            }
            School s = new School(SchoolId.of(o.id()), o.name(), district.get().id(), g.first(), g.last(), SchoolType.REGULAR);
            schools.put(o.sourcedId(), s);
            b.add(s);
        }
        students.values().forEach(b::add);
        for (Map.Entry<String, Set<String>> e : studentSchools.entrySet()) {
            User u = users.get(e.getKey());
            for (String school : e.getValue()) {
                if (!schools.containsKey(school)) {
                    continue;
                }
                Role r = studentSchoolRole.get(e.getKey() + "|" + school);
                Optional<LocalDate> entry = Optional.ofNullable(r).flatMap(Role::begin).or(() -> year.map(Term::start));
                Optional<LocalDate> exit = Optional.ofNullable(r).flatMap(Role::end).or(() -> year.map(Term::end));
                if (entry.isEmpty()) {
                    error(u.at(), "field.required", Optional.of(u.sourcedId()),
                            "a student's enrollment needs a beginDate (roles.csv) or a schoolYear in academicSessions.csv");
                    continue;
                }
                if (u.grades().isEmpty()) {
                    error(u.gradesAt(), "field.required", Optional.empty(), "a student needs a grade (grades: PK, KG, 01-12) to be enrolled");
                    continue;
                }
                if (exit.isPresent() && exit.get().isBefore(entry.get())) {
                    error(Optional.ofNullable(r).map(Role::at).orElse(u.at()), "field.date-order", Optional.of(exit.get().toString()),
                            "the enrollment's endDate must not be before its beginDate " + entry.get());
                    continue;
                }
                b.add(new Enrollment(StudentId.of(u.id()), schools.get(school).id(), entry.get(), u.grades().get(0), exit,
                        exit.map(x -> ExitWithdrawType.END_OF_YEAR), false));
            }
        }

        // staff and their assignments
        Map<String, Staff> staff = new LinkedHashMap<>();
        Set<StaffAssignment> assignments = new LinkedHashSet<>();
        for (User u : users.values()) {
            List<Role> rs = rolesOf.getOrDefault(u.sourcedId(), List.of()).stream().filter(r -> STAFF_ROLES.contains(r.role())).toList();
            if (rs.isEmpty()) {
                continue;
            }
            Optional<String> first = u.given();
            Optional<String> last = u.family();
            if (first.isEmpty() || last.isEmpty()) {
                error(u.at(), "field.required", Optional.of(u.sourcedId()), "a staff member must have a givenName and a familyName");
                continue;
            }
            String employerOrg = u.primaryOrg().filter(orgs::containsKey)
                    .or(() -> rs.stream().filter(Role::primary).map(Role::org).findFirst()).orElse(rs.get(0).org());
            Optional<OrganizationId> employer = employer(employerOrg, districts);
            if (employer.isEmpty()) {
                error(u.at(), "reference.unknown-organization", Optional.of(employerOrg), "a staff member's primary org must be a district or a school of one");
                continue;
            }
            if (!usedIds.add("staff|" + u.id())) {
                error(u.at(), "unique.id", Optional.of(u.id()), "two staff members have the same identifier");
                continue;
            }
            staff.put(u.sourcedId(), new Staff(StaffId.of(u.id()), first.get(), last.get(), employer.get()));
            for (Role r : rs) {
                Optional<StaffRole> role = staffRole(r);
                if (role.isEmpty()) {
                    continue;
                }
                Optional<EducationOrganizationId> org = schools.containsKey(r.org()) ? Optional.of(schools.get(r.org()).id())
                        : Optional.ofNullable(districts.get(r.org())).map(Organization::id);
                Optional<LocalDate> begin = r.begin().or(() -> year.map(Term::start));
                if (org.isEmpty()) {
                    continue; // a school left out for its own error
                }
                if (begin.isEmpty()) {
                    error(r.at(), "field.required", Optional.empty(), "a staff assignment needs a beginDate (roles.csv) or a schoolYear in academicSessions.csv");
                    continue;
                }
                Optional<LocalDate> end = r.end().or(() -> r.begin().isPresent() ? Optional.empty() : year.map(Term::end));
                if (end.isPresent() && end.get().isBefore(begin.get())) {
                    error(r.at(), "field.date-order", Optional.of(end.get().toString()), "endDate must not be before beginDate " + begin.get());
                    continue;
                }
                assignments.add(new StaffAssignment(staff.get(u.sourcedId()).id(), org.get(), role.get(), DateRange.closed(begin.get(), end)));
            }
        }
        staff.values().forEach(b::add);
        assignments.forEach(b::add);

        // teacher of a class -> the students enrolled in it
        Map<List<String>, LocalDate[]> relationships = new LinkedHashMap<>();
        for (Map.Entry<String, List<Member>> e : members.entrySet()) {
            Klass k = classes.get(e.getKey());
            Optional<Term> classTerm = span(k.terms().stream().map(sessions::get).filter(java.util.Objects::nonNull).toList()).or(() -> year);
            List<Member> teachers = new ArrayList<>();
            List<Member> learners = new ArrayList<>();
            for (Member m : e.getValue()) {
                if (m.role().equals("teacher")) {
                    if (!staff.containsKey(m.user())) {
                        if (rolesOf.getOrDefault(m.user(), List.of()).stream().noneMatch(r -> STAFF_ROLES.contains(r.role()))) {
                            error(m.at(), "reference.unknown-staff", Optional.of(m.user()), "a class's teacher must be a user with a staff role");
                        }
                        continue;
                    }
                    teachers.add(m);
                } else if (m.role().equals("student") && students.containsKey(m.user())) {
                    learners.add(m);
                }
            }
            for (Member t : teachers) {
                for (Member s : learners) {
                    Optional<LocalDate> begin = later(t.begin().or(() -> classTerm.map(Term::start)), s.begin().or(() -> classTerm.map(Term::start)));
                    Optional<LocalDate> end = earlier(t.end().or(() -> classTerm.map(Term::end)), s.end().or(() -> classTerm.map(Term::end)));
                    if (begin.isEmpty()) {
                        error(s.at(), "field.required", Optional.empty(),
                                "a class enrollment needs a beginDate, or its class terms or a schoolYear in academicSessions.csv");
                        continue;
                    }
                    if (end.isPresent() && end.get().isBefore(begin.get())) {
                        continue; // the teacher and the student were never in the class together
                    }
                    relationships.merge(List.of(s.user(), t.user()), new LocalDate[] {begin.get(), end.orElse(null)}, (x, y) -> new LocalDate[] {
                            x[0].isBefore(y[0]) ? x[0] : y[0], x[1] == null || y[1] == null ? null : (x[1].isAfter(y[1]) ? x[1] : y[1])});
                }
            }
        }
        relationships.forEach((key, period) -> {
            b.add(new StudentStaffRelationship(students.get(key.get(0)).id(), staff.get(key.get(1)).id(), RelationshipType.TEACHER_OF,
                    DateRange.closed(period[0], Optional.ofNullable(period[1]))));
        });

        if (counts.isEmpty() && issues.errorCount() == 0) {
            issues.add(Severity.ERROR, source, 0, 0, Optional.empty(), Optional.empty(), "import.empty",
                    "there is nothing to import: no row of orgs.csv, academicSessions.csv, users.csv, roles.csv, demographics.csv, "
                            + "classes.csv or enrollments.csv was found");
        }
        if (issues.errorCount() > 0 && !lenient) {
            throw new DataValidationException(issues.sorted(), issues.errorCount());
        }
        return new Importer.Outcome(b.build(), issues.sorted(), issues.errorCount(), issues.warningCount(), Map.copyOf(counts));
    }

    private Optional<Student> student(User u) {
        Demographics d = demographics.get(u.sourcedId());
        if (u.given().isEmpty() || u.family().isEmpty()) {
            error(u.at(), "field.required", Optional.of(u.sourcedId()), "a student must have a givenName and a familyName");
            return Optional.empty();
        }
        if (d == null || d.birth().isEmpty()) {
            error(u.at(), "student.birth-date-missing", Optional.of(u.sourcedId()),
                    "a student needs a birth date: demographics.csv must have a row with the student's sourcedId and a birthDate");
            return Optional.empty();
        }
        if (!usedIds.add("student|" + u.id())) {
            error(u.at(), "unique.id", Optional.of(u.id()), "two students have the same identifier");
            return Optional.empty();
        }
        String first = u.given().get().length() > 100 ? u.given().get().substring(0, 100) : u.given().get();
        String last = u.family().get().length() > 100 ? u.family().get().substring(0, 100) : u.family().get();
        return Optional.of(new Student(StudentId.of(u.id()), first, last, d.birth().get(), d.sex(), d.race(), Optional.empty(), false));
    }

    /** The model role of a OneRoster staff role; empty for roles the model has none for (aide, proctor, ...). */
    private Optional<StaffRole> staffRole(Role r) {
        return switch (r.role()) {
            case "teacher" -> Optional.of(StaffRole.TEACHER);
            case "counselor" -> Optional.of(StaffRole.COUNSELOR);
            case "principal" -> Optional.of(StaffRole.PRINCIPAL);
            case "districtAdministrator" -> Optional.of(StaffRole.DISTRICT_ADMIN);
            case "administrator" -> orgs.get(r.org()).type().equals("district") ? Optional.of(StaffRole.DISTRICT_ADMIN) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The district of an org: itself, or a school's parent (the only district when the school names none). */
    private Optional<OrganizationId> employer(String org, Map<String, Organization> districts) {
        if (districts.containsKey(org)) {
            return Optional.of(districts.get(org).id());
        }
        Org o = orgs.get(org);
        if (o == null || !o.type().equals("school")) {
            return Optional.empty();
        }
        return o.parent().map(districts::get)
                .or(() -> o.parent().isEmpty() && districts.size() == 1 ? Optional.of(districts.values().iterator().next()) : Optional.empty())
                .map(Organization::id);
    }

    private static Optional<Term> span(List<Term> terms) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = terms.get(0).start();
        LocalDate end = terms.get(0).end();
        for (Term t : terms) {
            start = t.start().isBefore(start) ? t.start() : start;
            end = t.end().isAfter(end) ? t.end() : end;
        }
        return Optional.of(new Term(start, end));
    }

    private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }
}
