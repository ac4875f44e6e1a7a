package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON import's rules and error locations (file, line, column, JSON pointer, rule) on small resource files. */
class EdFiJsonImportRulesTest {
    static void district(Path dir) throws IOException {
        Files.writeString(dir.resolve("localEducationAgencies.json"), """
                [{"localEducationAgencyId": 100, "nameOfInstitution": "Test ISD"}]
                """);
        Files.writeString(dir.resolve("schools.json"), """
                [{"schoolId": 100001, "nameOfInstitution": "Test Elementary",
                  "localEducationAgencyReference": {"localEducationAgencyId": 100},
                  "gradeLevels": [{"gradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#First grade"},
                                  {"gradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#Fifth grade"}],
                  "schoolTypeDescriptor": "uri://ed-fi.org/SchoolTypeDescriptor#Regular"}]
                """);
        Files.writeString(dir.resolve("sessions.json"), """
                [{"sessionName": "Fall", "schoolReference": {"schoolId": 100001}, "schoolYearTypeReference": {"schoolYear": 2022},
                  "beginDate": "2021-09-06", "endDate": "2021-09-10", "termDescriptor": "uri://ed-fi.org/TermDescriptor#Fall Semester",
                  "totalInstructionalDays": 5}]
                """);
        Files.writeString(dir.resolve("students.json"), """
                [{"studentUniqueId": "S1", "firstName": "Ada", "lastSurname": "Lovelace", "birthDate": "2013-05-01"},
                 {"studentUniqueId": "S2", "firstName": "Alan", "lastSurname": "Turing", "birthDate": "2013-06-23"}]
                """);
    }

    static String event(String student, String date, String category) {
        return """
                {"attendanceEventCategoryDescriptor": "uri://ed-fi.org/AttendanceEventCategoryDescriptor#%s",
                 "eventDate": "%s", "schoolReference": {"schoolId": 100001},
                 "sessionReference": {"schoolId": 100001, "schoolYear": 2022, "sessionName": "Fall"},
                 "studentReference": {"studentUniqueId": "%s"}}""".formatted(category, date, student);
    }

    @Test
    void importsAbsenceOnlyEventsAndDerivesEnrollmentFromTheSessions(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("studentSchoolAttendanceEvents.json"), "[" + event("S1", "2021-09-07", "Excused Absence") + "]");
        EdFiImportResult r = EdFiJsonImport.builder().build().read(dir);
        assertThat(r.errorCount()).isZero();
        assertThat(r.recordsRead("StudentSchoolAttendanceEvent")).isEqualTo(1);
        assertThat(r.data().attendance().recordsOf(StudentId.of("S1"))).singleElement()
                .satisfies(a -> assertThat(a.category()).isEqualTo(AttendanceCategory.EXCUSED_ABSENCE));
        assertThat(r.data().enrollments()).singleElement().satisfies(e -> {
            assertThat(e.schoolId()).isEqualTo(SchoolId.of("100001"));
            assertThat(e.entryDate()).isEqualTo(LocalDate.of(2021, 9, 6));
        });
        assertThat(r.violations("enrollment.school-unknown")).singleElement()
                .satisfies(v -> assertThat(v.field()).contains("/1"));
    }

    @Test
    void anUnknownDescriptorIsReportedAtItsPropertyWithItsJsonPointer(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("studentSchoolAttendanceEvents.json"),
                "[" + event("S1", "2021-09-07", "Excused Absence") + ",\n" + event("S1", "2021-09-08", "Sick") + "]");
        EdFiImportResult r = EdFiJsonImport.builder().lenient(true).build().read(dir);
        assertThat(r.violations("descriptor.unknown")).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.file()).isEqualTo("studentSchoolAttendanceEvents.json");
            assertThat(v.line()).isEqualTo(5);
            assertThat(v.column()).isEqualTo(2);
            assertThat(v.field()).contains("/1/attendanceEventCategoryDescriptor");
            assertThat(v.value()).contains("uri://ed-fi.org/AttendanceEventCategoryDescriptor#Sick");
        });
        assertThat(r.data().attendance().size()).isEqualTo(1);
    }

    @Test
    void aStrictImportThrowsWithEveryViolationLocated(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("studentSchoolAttendanceEvents.json"),
                "[" + event("S9", "2021-09-07", "Excused Absence") + ",\n" + event("S1", "2021-13-01", "Tardy") + "]");
        assertThatThrownBy(() -> EdFiJsonImport.builder().build().read(dir))
                .isInstanceOfSatisfying(DataValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::rule, v -> v.field().orElse(""), Violation::value)
                            .contains(org.assertj.core.groups.Tuple.tuple("reference.unknown-student", "/0/studentReference",
                                            java.util.Optional.of("S9")),
                                    org.assertj.core.groups.Tuple.tuple("field.format", "/1/eventDate", java.util.Optional.of("2021-13-01")));
                });
    }

    @Test
    void aFileThatIsNotJsonIsReportedWhereParsingStopped(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("studentSchoolAttendanceEvents.json"), "[" + event("S1", "2021-09-07", "Tardy") + ",\n {\"eventDate\": }]");
        EdFiImportResult r = EdFiJsonImport.builder().lenient(true).build().read(dir);
        assertThat(r.violations("json.malformed")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("studentSchoolAttendanceEvents.json");
            assertThat(v.line()).isEqualTo(5);
            assertThat(v.column()).isPositive();
        });
        assertThat(r.data().attendance().size()).isEqualTo(1);
    }

    @Test
    void aResourceFileMustHoldAnArrayOfObjects(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("studentSchoolAttendanceEvents.json"), "{\"eventDate\": \"2021-09-07\"}");
        Files.writeString(dir.resolve("staffs.json"), "[42]");
        EdFiImportResult r = EdFiJsonImport.builder().lenient(true).build().read(dir);
        assertThat(r.violations("json.not-array")).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("studentSchoolAttendanceEvents.json");
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.column()).isEqualTo(1);
        });
        assertThat(r.violations("json.record-not-object")).singleElement()
                .satisfies(v -> assertThat(v.field()).contains("/0"));
    }

    @Test
    void personalValuesAreNeverRepeatedInAViolation(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("students.json"), """
                [{"studentUniqueId": "S1", "firstName": "Ada", "lastSurname": "Lovelace", "birthDate": "May 1st 2013"}]
                """);
        EdFiImportResult r = EdFiJsonImport.builder().lenient(true).build().read(dir);
        assertThat(r.violations("field.format")).singleElement().satisfies(v -> {
            assertThat(v.field()).contains("/0/birthDate");
            assertThat(v.value()).contains("<redacted>");
            assertThat(v.toString()).doesNotContain("May 1st").doesNotContain("Lovelace");
        });
    }

    @Test
    void resourcesTheImportDoesNotUseAreNotParsed(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("gradebookEntries.json"), "this is not JSON");
        EdFiImportResult r = EdFiJsonImport.builder().build().read(dir);
        assertThat(r.errorCount()).isZero();
    }

    @Test
    void programAssociationResourcesOfAnyProgramBecomeTimeBoundedCharacteristics(@TempDir Path dir) throws IOException {
        district(dir);
        Files.writeString(dir.resolve("studentSpecialEducationProgramAssociations.json"), """
                [{"beginDate": "2021-09-06", "educationOrganizationReference": {"educationOrganizationId": 100},
                  "programReference": {"educationOrganizationId": 100, "programName": "Special Education",
                                       "programTypeDescriptor": "uri://ed-fi.org/ProgramTypeDescriptor#Special Education"},
                  "studentReference": {"studentUniqueId": "S1"}, "endDate": null, "ideaEligibility": true}]
                """);
        Files.writeString(dir.resolve("studentHomelessProgramAssociations.json"), """
                [{"beginDate": "2021-09-06", "endDate": "2021-09-08", "educationOrganizationReference": {"educationOrganizationId": 100001},
                  "programReference": {"educationOrganizationId": 100, "programName": "Homeless",
                                       "programTypeDescriptor": "uri://ed-fi.org/ProgramTypeDescriptor#Homeless"},
                  "studentReference": {"studentUniqueId": "S2"}}]
                """);
        EdFiImportResult r = EdFiJsonImport.builder().build().read(dir);
        assertThat(r.recordsRead("StudentSpecialEducationProgramAssociation")).isEqualTo(1);
        assertThat(r.data().studentCharacteristics()).extracting(c -> c.studentId().value(), c -> c.characteristic(), c -> c.period())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("S1", org.communityschools.core.model.StudentCharacteristicType.DISABILITY,
                                org.communityschools.core.model.DateRange.startingOn(LocalDate.of(2021, 9, 6))),
                        org.assertj.core.groups.Tuple.tuple("S2", org.communityschools.core.model.StudentCharacteristicType.HOMELESS,
                                org.communityschools.core.model.DateRange.closed(LocalDate.of(2021, 9, 6), LocalDate.of(2021, 9, 8))));
        // the homeless association names a school: S2 is enrolled there for its sessions
        assertThat(r.data().enrollments()).extracting(e -> e.studentId().value()).containsExactly("S2");
    }
}
