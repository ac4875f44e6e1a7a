package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OneRoster import on the Riverside sample (test resources oneroster-1.2 and oneroster-1.1, see their README). */
class OneRosterImportTest {
    static final Path V12 = Path.of("src/test/resources/oneroster-1.2");
    static final Path V11 = Path.of("src/test/resources/oneroster-1.1");
    static OneRosterImportResult r12;
    static OneRosterImportResult r11;

    @BeforeAll
    static void importBoth() {
        r12 = OneRosterImport.builder().build().read(V12);
        r11 = OneRosterImport.builder().build().read(V11);
    }

    @Test
    void importsThe12SampleWithoutErrorsAndCountsTheRows() {
        assertThat(r12.version()).isEqualTo("1.2");
        assertThat(r12.errorCount()).isZero();
        assertThat(r12.warnings()).isEmpty();
        assertThat(r12.rowsRead("users.csv")).isEqualTo(17);
        assertThat(r12.rowsRead("enrollments.csv")).isEqualTo(16);
        DistrictData d = r12.data();
        assertThat(d.organizations()).singleElement().satisfies(o -> assertThat(o.id().value()).isEqualTo("4700001"));
        assertThat(d.schools()).extracting(s -> s.id().value(), s -> s.lowGrade(), s -> s.highGrade()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("470000101", GradeLevel.G03, GradeLevel.G04),
                org.assertj.core.groups.Tuple.tuple("470000201", GradeLevel.G09, GradeLevel.G10));
        assertThat(d.students()).hasSize(8);
        assertThat(d.staff()).hasSize(8); // 4 teachers, counselor, principal, district administrator, aide (no assignment)
        assertThat(d.staffAssignments()).extracting(a -> a.role()).containsExactlyInAnyOrder(StaffRole.TEACHER, StaffRole.TEACHER,
                StaffRole.TEACHER, StaffRole.TEACHER, StaffRole.COUNSELOR, StaffRole.PRINCIPAL, StaffRole.DISTRICT_ADMIN);
        assertThat(d.enrollments()).hasSize(8).allSatisfy(e -> {
            assertThat(e.entryDate()).isEqualTo(LocalDate.of(2024, 8, 26));
            assertThat(e.exitWithdrawDate()).contains(LocalDate.of(2025, 6, 13));
        });
    }

    @Test
    void demographicsGiveBirthDateSexAndFederalRaceEthnicity() {
        Map<String, RaceEthnicity> race = r12.data().students().stream().collect(Collectors.toMap(s -> s.id().value(), s -> s.raceEthnicity()));
        assertThat(race).containsEntry("100201", RaceEthnicity.BLACK).containsEntry("100203", RaceEthnicity.HISPANIC)
                .containsEntry("100204", RaceEthnicity.MULTIRACIAL).containsEntry("200304", RaceEthnicity.NOT_REPORTED);
        assertThat(r12.data().student(StudentId.of("200303"))).get().satisfies(s -> assertThat(s.sex()).isEqualTo(Sex.NON_BINARY));
        assertThat(r12.data().student(StudentId.of("100201"))).get().satisfies(s -> assertThat(s.birthDate()).isEqualTo(LocalDate.of(2015, 3, 14)));
    }

    @Test
    void theTeachersOfAClassTeachTheStudentsEnrolledInItForTheDatesBothWereInIt() {
        List<StudentStaffRelationship> rel = r12.data().studentStaffRelationships();
        assertThat(rel).hasSize(11).allSatisfy(x -> assertThat(x.relationship()).isEqualTo(RelationshipType.TEACHER_OF));
        // Algebra I is a fall class; the student left it on 2024-10-31
        assertThat(rel).filteredOn(x -> x.studentId().equals(StudentId.of("200302"))).singleElement().satisfies(x -> {
            assertThat(x.staffId()).isEqualTo(StaffId.of("T2001"));
            assertThat(x.period()).isEqualTo(DateRange.closed(LocalDate.of(2024, 8, 26), LocalDate.of(2024, 10, 31)));
        });
        // Ramirez teaches Zoe in Algebra I (fall) and, as second teacher, in Biology (spring): one relationship for the year
        assertThat(rel).filteredOn(x -> x.studentId().equals(StudentId.of("200301")) && x.staffId().equals(StaffId.of("T2001")))
                .singleElement().satisfies(x -> assertThat(x.period()).isEqualTo(DateRange.closed(LocalDate.of(2024, 8, 26), LocalDate.of(2025, 6, 13))));
        // Lucas is only in Biology (spring)
        assertThat(rel).filteredOn(x -> x.studentId().equals(StudentId.of("200304"))).extracting(x -> x.staffId().value())
                .containsExactlyInAnyOrder("T2001", "T2002");
        // an aide's class enrollment is no teacher relationship
        assertThat(rel).noneMatch(x -> x.staffId().equals(StaffId.of("A1001")));
    }

    @Test
    void aOneRoster11ExportOfTheSameRosterGivesTheSameData() {
        assertThat(r11.version()).isEqualTo("1.1");
        assertThat(r11.errorCount()).isZero();
        DistrictData a = r11.data();
        DistrictData b = r12.data();
        assertThat(a.organizations()).containsExactlyInAnyOrderElementsOf(b.organizations());
        assertThat(a.schools()).containsExactlyInAnyOrderElementsOf(b.schools());
        assertThat(a.students()).containsExactlyInAnyOrderElementsOf(b.students());
        assertThat(a.enrollments()).containsExactlyInAnyOrderElementsOf(b.enrollments());
        assertThat(a.staff()).containsExactlyInAnyOrderElementsOf(b.staff());
        assertThat(a.staffAssignments()).containsExactlyInAnyOrderElementsOf(b.staffAssignments());
        assertThat(a.studentStaffRelationships()).containsExactlyInAnyOrderElementsOf(b.studentStaffRelationships());
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    static void replaceLine(Path file, int line, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.write(file, lines);
    }

    @Test
    void errorsNameFileLineColumnAndRule(@TempDir Path dir) throws IOException {
        copy(V12, dir);
        replaceLine(dir.resolve("enrollments.csv"), 4, l -> l.replace(",470000", ",470000").replaceFirst(",([0-9a-f-]{36}),student,", ",no-such-user,student,"));
        replaceLine(dir.resolve("roles.csv"), 3, l -> l.replace(",teacher,,,", ",teacher,2024-13-01,,"));
        OneRosterImportResult r = OneRosterImport.builder().lenient(true).build().read(dir);
        assertThat(r.violations("reference.unknown-user")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("enrollments.csv");
            assertThat(v.line()).isEqualTo(4);
            assertThat(v.column()).isEqualTo(6);
            assertThat(v.field()).contains("userSourcedId");
            assertThat(v.value()).contains("no-such-user");
        });
        assertThat(r.violations("field.format")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("roles.csv");
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.column()).isEqualTo(7);
            assertThat(v.field()).contains("beginDate");
            assertThat(v.value()).contains("2024-13-01");
        });
        assertThat(r.data().studentStaffRelationships()).hasSize(10);
    }

    @Test
    void aStudentWithoutABirthDateIsAnErrorThatNamesNoPersonalData(@TempDir Path dir) throws IOException {
        copy(V12, dir);
        List<String> demo = Files.readAllLines(dir.resolve("demographics.csv"));
        Files.write(dir.resolve("demographics.csv"), demo.subList(0, demo.size() - 1)); // Lucas's row
        assertThatThrownBy(() -> OneRosterImport.builder().build().read(dir)).isInstanceOfSatisfying(DataValidationException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo("student.birth-date-missing");
                assertThat(v.file()).isEqualTo("users.csv");
                assertThat(v.line()).isEqualTo(17);
                assertThat(v.toString()).doesNotContain("Lucas").doesNotContain("Silva");
            });
        });
    }

    @Test
    void aMissingColumnAndAnUnsupportedVersionAreReportedAtTheHeaderAndTheManifestRow(@TempDir Path dir) throws IOException {
        copy(V12, dir);
        replaceLine(dir.resolve("classes.csv"), 1, l -> l.replace("schoolSourcedId", "school"));
        replaceLine(dir.resolve("manifest.csv"), 3, l -> l.replace("1.2", "1.3"));
        OneRosterImportResult r = OneRosterImport.builder().lenient(true).build().read(dir);
        assertThat(r.violations("csv.column-missing")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("classes.csv");
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.field()).contains("schoolSourcedId");
        });
        assertThat(r.violations("oneroster.version-unsupported")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("manifest.csv");
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.column()).isEqualTo(2);
            assertThat(v.value()).contains("1.3");
        });
    }

    @Test
    void studentsAreKnownByTheirSisIdentifierAndAGuidWithoutOneLosesItsHyphens(@TempDir Path dir) throws IOException {
        copy(V12, dir);
        replaceLine(dir.resolve("users.csv"), 10, l -> l.replace(",100201,", ",,"));
        OneRosterImportResult r = OneRosterImport.builder().build().read(dir);
        String guid = Files.readAllLines(dir.resolve("users.csv")).get(9).split(",")[0];
        assertThat(r.data().student(StudentId.of(guid.replace("-", "")))).isPresent();
        assertThat(r.data().enrollments()).anyMatch(e -> e.studentId().value().equals(guid.replace("-", ""))
                && e.schoolId().equals(SchoolId.of("470000101")));
        assertThat(Optional.of(guid.length())).contains(36);
    }

    @Test
    void rowsAreLocatedOnTheirLineEvenAfterAQuotedCellSpanningLines(@TempDir Path dir) throws IOException {
        copy(V12, dir);
        replaceLine(dir.resolve("orgs.csv"), 2, l -> l.replace("Riverside Unified School District", "\"Riverside Unified\nSchool District\""));
        replaceLine(dir.resolve("enrollments.csv"), 4, l -> l.replaceFirst(",([0-9a-f-]{36}),student,", ",no-such-user,student,"));
        OneRosterImportResult r = OneRosterImport.builder().lenient(true).build().read(dir);
        assertThat(r.data().organizations()).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("Riverside Unified\nSchool District"));
        assertThat(r.violations("reference.unknown-user")).extracting(Violation::line).containsExactly(4L);
    }

    @Test
    void aSchoolWithoutClassesOrStudentsIsLeftOutWithAWarningAndItsStaffKeepTheirDistrict(@TempDir Path dir) throws IOException {
        copy(V12, dir);
        String district = Files.readAllLines(dir.resolve("orgs.csv")).get(1).split(",")[0];
        Files.writeString(dir.resolve("orgs.csv"), "new-school,active,2024-08-01T12:00:00.000Z,Oak Hill Middle School,school,470000301," + district + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        String counselor = Files.readAllLines(dir.resolve("users.csv")).get(5).split(",")[0];
        Files.writeString(dir.resolve("roles.csv"), "r-new,active,2024-08-01T12:00:00.000Z," + counselor + ",secondary,counselor,,,new-school,\n",
                java.nio.file.StandardOpenOption.APPEND);
        OneRosterImportResult r = OneRosterImport.builder().build().read(dir);
        assertThat(r.violations("school.grades-unknown")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("orgs.csv");
            assertThat(v.line()).isEqualTo(6);
        });
        assertThat(r.data().schools()).hasSize(2);
        assertThat(r.data().staff(StaffId.of("C2001"))).get().satisfies(s -> assertThat(s.employerId().value()).isEqualTo("4700001"));
        assertThat(r.data().staffAssignments()).filteredOn(a -> a.staffId().equals(StaffId.of("C2001"))).hasSize(1);
    }
}
