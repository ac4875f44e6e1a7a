package org.communityschools.examples.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * The synthetic TINY city (seed 2026, without its generated meetings) the dashboard tests share, generated once per JVM under target/, and the cast
 * found in it (not hard-coded): a community school with a principal, a Community School Director and a district-employed
 * Success Mentor, one of the mentor's mentees on the dashboard's date, and the principal of another school.
 */
final class TestCity {
    static final LocalDate TODAY = LocalDate.of(2018, 3, 1);
    private static TestCity city;

    final Path dir;
    final DistrictData data;
    final SchoolId school;
    final StaffId principal;
    final StaffId director;
    final StaffId mentor;
    final StudentId mentee;
    final StaffId otherPrincipal;
    final StaffId districtAdmin;

    private TestCity(Path dir, DistrictData data) {
        this.dir = dir;
        this.data = data;
        // The mentee with the most on record this year (course marks, incidents), so that the pages have something to show.
        record Cast(StaffAssignment csd, StaffAssignment mentor, StudentId mentee, long score) {}
        Cast best = null;
        for (StaffAssignment csd : at(StaffRole.COMMUNITY_SCHOOL_DIRECTOR, Optional.empty())) {
            for (StaffAssignment m : at(StaffRole.SUCCESS_MENTOR, Optional.of((SchoolId) csd.organizationId()))) {
                if (!data.staff(m.staffId()).orElseThrow().employerId().value().startsWith("DIST")) {
                    continue;
                }
                for (StudentId s : caseload(m.staffId())) {
                    long score = data.courseMarksOf(s).stream().filter(x -> x.schoolYear().contains(TODAY)).count()
                            + 10L * data.incidentsOf(s).stream().filter(x -> x.date().getYear() >= TODAY.getYear() - 1).count();
                    if (best == null || score > best.score()) {
                        best = new Cast(csd, m, s, score);
                    }
                }
            }
        }
        Cast cast = Objects.requireNonNull(best, "a community school with a district-employed mentor and a mentee");
        this.school = (SchoolId) cast.csd().organizationId();
        this.director = cast.csd().staffId();
        this.principal = at(StaffRole.PRINCIPAL, Optional.of(school)).get(0).staffId();
        this.mentor = cast.mentor().staffId();
        this.mentee = cast.mentee();
        this.otherPrincipal = at(StaffRole.PRINCIPAL, Optional.empty()).stream().filter(a -> !a.organizationId().equals(school))
                .findFirst().orElseThrow().staffId();
        this.districtAdmin = at(StaffRole.DISTRICT_ADMIN, Optional.empty()).get(0).staffId();
    }

    static synchronized TestCity get() {
        if (city == null) {
            try {
                Path dir = Path.of("target", "dashboard-test-city");
                if (!Files.exists(dir.resolve("students.csv"))) {
                    SyntheticCity.builder().preset(Preset.TINY).seed(2026).build().writeTo(dir);
                }
                // The dashboard tests open their own meetings and count exactly what each viewer is not shown: the
                // generated meetings (docs/synthetic-city.md) are left out of their city.
                for (String file : List.of("meetings.csv", "agenda_items.csv", "action_steps.csv")) {
                    Files.deleteIfExists(dir.resolve(file));
                }
                city = new TestCity(dir, DistrictDataReader.builder().build().read(dir).data());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the test city", e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot prepare the test city", e);
            }
        }
        return city;
    }

    /** A fresh disclosure log path under target/ for one dashboard. */
    static Path freshLog(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "dashboard-logs"));
            Path log = dir.resolve(name + ".jsonl");
            Files.deleteIfExists(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the city with one student's first name replaced by {@code name} (for the escaping tests). */
    Path copyWithStudentName(StudentId student, String name) {
        try {
            Path copy = Path.of("target", "dashboard-test-city-escaping");
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".jsonl")).toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path students = copy.resolve("students.csv");
            List<String> lines = Files.readAllLines(students);
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                if (cells[0].equals(student.value())) {
                    cells[1] = name;
                    lines.set(i, String.join(",", cells));
                }
            }
            Files.write(students, lines);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Dashboard start(String logName) {
        return Dashboard.builder().data(data).today(TODAY).port(0).disclosureLog(freshLog(logName)).demoSignIn().start();
    }

    private List<StaffAssignment> at(StaffRole role, Optional<SchoolId> where) {
        return data.staffAssignments().stream().filter(a -> a.role() == role && a.period().contains(TODAY))
                .filter(a -> where.isEmpty() || a.organizationId().equals(where.get()))
                .sorted(Comparator.comparing(a -> a.staffId().value())).toList();
    }

    List<StudentId> caseload(StaffId staff) {
        return data.relationshipsOn(staff, TODAY).stream().filter(r -> r.relationship() == RelationshipType.MENTOR_OF)
                .map(StudentStaffRelationship::studentId).distinct().toList();
    }
}
