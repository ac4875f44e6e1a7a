package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.SchoolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's rules on small interchange files written by the tests. */
class EdFiXmlImportRulesTest {
    private static final String NS = "xmlns=\"http://ed-fi.org/5.2.0\"";
    private static final SchoolId SCHOOL = SchoolId.of("100001");

    static void district(Path dir, String sessionBegin, String sessionEnd, int total, String calendarDates) throws IOException {
        Files.writeString(dir.resolve("EducationOrganization.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeEducationOrganization %s>
                  <LocalEducationAgency id="LEA_1">
                    <NameOfInstitution>Test ISD</NameOfInstitution>
                    <LocalEducationAgencyId>100</LocalEducationAgencyId>
                  </LocalEducationAgency>
                  <School>
                    <NameOfInstitution>Test Elementary</NameOfInstitution>
                    <SchoolId>100001</SchoolId>
                    <GradeLevel>uri://ed-fi.org/GradeLevelDescriptor#First grade</GradeLevel>
                    <GradeLevel>uri://ed-fi.org/GradeLevelDescriptor#Fifth grade</GradeLevel>
                    <SchoolType>uri://ed-fi.org/SchoolTypeDescriptor#Regular</SchoolType>
                    <LocalEducationAgencyReference ref="LEA_1"/>
                  </School>
                </InterchangeEducationOrganization>
                """.formatted(NS));
        Files.writeString(dir.resolve("EducationOrgCalendar.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeEducationOrgCalendar %s>
                  <Session>
                    <SessionName>Fall</SessionName>
                    <SchoolYear>2021-2022</SchoolYear>
                    <BeginDate>%s</BeginDate>
                    <EndDate>%s</EndDate>
                    <TotalInstructionalDays>%d</TotalInstructionalDays>
                    <SchoolReference><SchoolIdentity><SchoolId>100001</SchoolId></SchoolIdentity></SchoolReference>
                  </Session>
                  %s
                </InterchangeEducationOrgCalendar>
                """.formatted(NS, sessionBegin, sessionEnd, total, calendarDates));
        Files.writeString(dir.resolve("Student.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeStudent %s>
                  <Student>
                    <StudentUniqueId>S1</StudentUniqueId>
                    <Name><FirstName>Ada</FirstName><LastSurname>Lovelace</LastSurname></Name>
                    <BirthData><BirthDate>2013-05-01</BirthDate></BirthData>
                  </Student>
                </InterchangeStudent>
                """.formatted(NS));
    }

    static String calendarDate(String date, String event) {
        return """
                <CalendarDate><Date>%s</Date><CalendarEvent>uri://ed-fi.org/CalendarEventDescriptor#%s</CalendarEvent>
                  <CalendarReference><CalendarIdentity><CalendarCode>C1</CalendarCode>
                    <SchoolReference><SchoolIdentity><SchoolId>100001</SchoolId></SchoolIdentity></SchoolReference>
                    <SchoolYear>2021-2022</SchoolYear></CalendarIdentity></CalendarReference></CalendarDate>
                """.formatted(date, event);
    }

    static void absence(Path dir, String date, String category) throws IOException {
        Files.writeString(dir.resolve("StudentSchoolAttendance.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeStudentAttendance %s>
                  <StudentSchoolAttendanceEvent>
                    <AttendanceEvent>
                      <EventDate>%s</EventDate>
                      <AttendanceEventCategory>uri://ed-fi.org/AttendanceEventCategoryDescriptor#%s</AttendanceEventCategory>
                      <EventDuration>1</EventDuration>
                    </AttendanceEvent>
                    <StudentReference><StudentIdentity><StudentUniqueId>S1</StudentUniqueId></StudentIdentity></StudentReference>
                    <SchoolReference><SchoolIdentity><SchoolId>100001</SchoolId></SchoolIdentity></SchoolReference>
                  </StudentSchoolAttendanceEvent>
                </InterchangeStudentAttendance>
                """.formatted(NS, date, category));
    }

    @Test
    void reportsAnUnknownDescriptorAtItsFileLineAndColumn(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        absence(dir, "2021-08-24", "Sick");
        EdFiImportResult r = EdFiXmlImport.builder().lenient(true).build().read(dir);
        assertThat(r.errors()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("descriptor.unknown");
            assertThat(v.file()).isEqualTo("StudentSchoolAttendance.xml");
            assertThat(v.line()).isEqualTo(6);
            assertThat(v.column()).isPositive();
            assertThat(v.field()).contains("AttendanceEventCategory");
            assertThat(v.value()).contains("uri://ed-fi.org/AttendanceEventCategoryDescriptor#Sick");
        });
        assertThat(r.data().attendance().size()).isZero();
        assertThatThrownBy(() -> EdFiXmlImport.builder().build().read(dir))
                .isInstanceOfSatisfying(DataValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::rule).contains("descriptor.unknown"));
    }

    @Test
    void anOverriddenMappingImportsTheDescriptor(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        absence(dir, "2021-08-24", "Sick");
        DescriptorMapping mapping = DescriptorMapping.defaults().toBuilder()
                .map("AttendanceEventCategoryDescriptor#Sick", AttendanceCategory.EXCUSED_ABSENCE).build();
        EdFiImportResult r = EdFiXmlImport.builder().descriptorMapping(mapping).build().read(dir);
        assertThat(r.errorCount()).isZero();
        assertThat(r.data().attendance().size()).isEqualTo(1);
    }

    @Test
    void aFullUriEntryWinsOverANamespaceIndependentOne() {
        DescriptorMapping m = DescriptorMapping.defaults().toBuilder()
                .map("uri://district.example/AttendanceEventCategoryDescriptor#Tardy", AttendanceCategory.PARTIAL).build();
        assertThat(m.resolve("uri://district.example/AttendanceEventCategoryDescriptor#Tardy", AttendanceCategory.class).value())
                .contains(AttendanceCategory.PARTIAL);
        assertThat(m.resolve("uri://ed-fi.org/AttendanceEventCategoryDescriptor#Tardy", AttendanceCategory.class).value())
                .contains(AttendanceCategory.TARDY);
        assertThat(m.resolve("uri://ed-fi.org/AttendanceEventCategoryDescriptor#Tardy", org.communityschools.core.model.Sex.class).outcome())
                .isEqualTo(DescriptorMapping.Outcome.UNKNOWN);
        assertThat(m.resolve("uri://ed-fi.org/ProgramTypeDescriptor#Gifted and Talented",
                org.communityschools.core.model.StudentCharacteristicType.class).outcome()).isEqualTo(DescriptorMapping.Outcome.IGNORED);
    }

    /**
     * Monday 2021-08-23 to Friday 2021-09-03 has 10 weekdays; the session says 9 and the files give no calendar date.
     * The derived calendar holds the session's 9 days: no day has attendance, so 9 of the 10 weekdays spread evenly,
     * weekday i = floor((k + 0.5) * 10 / 9) for k = 0..8, that is 0, 1, 2, 3, 5, 6, 7, 8, 9: every weekday but the
     * fifth (Friday 2021-08-27). A warning says the dates are estimated.
     */
    @Test
    void derivesTheSessionsTotalInstructionalDaysWhenTheFilesGiveNoCalendarDates(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 9, "");
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        assertThat(r.data().calendar(SCHOOL).days()).hasSize(9).doesNotContain(LocalDate.of(2021, 8, 27), LocalDate.of(2021, 8, 28));
        assertThat(r.violations("calendar.session-days-mismatch")).isEmpty();
        assertThat(r.violations("calendar.derived-from-total")).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.file()).isEqualTo("EducationOrgCalendar.xml");
            assertThat(v.value()).contains("9");
            assertThat(v.line()).isEqualTo(8);
        });
    }

    /** A session whose total exceeds its weekdays (12 stated, 10 weekdays) keeps the 10 weekdays and reports the mismatch. */
    @Test
    void aTotalAboveTheSessionsWeekdaysIsReportedAsAMismatch(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 12, "");
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        assertThat(r.data().calendar(SCHOOL).days()).hasSize(10);
        assertThat(r.violations("calendar.session-days-mismatch")).singleElement().satisfies(v -> assertThat(v.value()).contains("10"));
    }

    @Test
    void aHolidayInTheCalendarDatesIsLeftOutOfTheDerivedDays(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 9, calendarDate("2021-08-30", "Holiday"));
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        assertThat(r.data().calendar(SCHOOL).days()).hasSize(9).doesNotContain(LocalDate.of(2021, 8, 30));
        assertThat(r.violations("calendar.session-days-mismatch")).isEmpty();
    }

    @Test
    void calendarDatesThatCoverTheSessionTotalAreUsedAsGiven(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 2,
                calendarDate("2021-08-24", "Instructional day") + calendarDate("2021-08-26", "Instructional day"));
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        assertThat(r.data().calendar(SCHOOL).days()).containsExactly(LocalDate.of(2021, 8, 24), LocalDate.of(2021, 8, 26));
        assertThat(r.warnings()).extracting(Violation::rule).doesNotContain("calendar.session-days-mismatch");
    }

    @Test
    void aCallerSuppliedCalendarReplacesTheFilesCalendar(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 9, "");
        absence(dir, "2021-08-25", "Excused Absence");
        List<InstructionalDay> days = List.of(new InstructionalDay(SCHOOL, LocalDate.of(2021, 8, 24)),
                new InstructionalDay(SCHOOL, LocalDate.of(2021, 8, 25)), new InstructionalDay(SCHOOL, LocalDate.of(2021, 8, 26)));
        EdFiImportResult r = EdFiXmlImport.builder().calendar(days).build().read(dir);
        assertThat(r.data().calendar(SCHOOL).size()).isEqualTo(3);
        assertThat(r.violations("calendar.session-days-mismatch")).isEmpty();
        assertThat(r.data().attendance().size()).isEqualTo(1);
    }

    @Test
    void anAbsenceOnADayOutsideTheCallersCalendarIsALocatedError(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 9, "");
        absence(dir, "2021-08-30", "Excused Absence");
        EdFiImportResult r = EdFiXmlImport.builder().lenient(true)
                .calendar(List.of(new InstructionalDay(SCHOOL, LocalDate.of(2021, 8, 24)))).build().read(dir);
        assertThat(r.errors()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("attendance.on-instructional-day");
            assertThat(v.file()).isEqualTo("StudentSchoolAttendance.xml");
            assertThat(v.line()).isEqualTo(3);
        });
    }

    @Test
    void refusesADoctypeSoThatExternalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        Files.writeString(dir.resolve("Student.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE InterchangeStudent [ <!ENTITY xxe SYSTEM "%s"> ]>
                <InterchangeStudent %s>
                  <Student>
                    <StudentUniqueId>&xxe;</StudentUniqueId>
                    <Name><FirstName>A</FirstName><LastSurname>B</LastSurname></Name>
                    <BirthData><BirthDate>2013-05-01</BirthDate></BirthData>
                  </Student>
                </InterchangeStudent>
                """.formatted(secret.toUri(), NS));
        EdFiImportResult r = EdFiXmlImport.builder().lenient(true).build().read(dir.resolve("Student.xml"));
        assertThat(r.errors()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("xml.dtd-refused");
            assertThat(v.file()).isEqualTo("Student.xml");
            assertThat(v.line()).isEqualTo(2);
        });
        assertThat(r.data().students()).isEmpty();
        assertThat(r.violations()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("TOP-SECRET"));
        assertThatThrownBy(() -> EdFiXmlImport.builder().build().read(dir.resolve("Student.xml")))
                .isInstanceOf(DataValidationException.class);
    }

    @Test
    void aMalformedFileIsOneLocatedError(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        Files.writeString(dir.resolve("StudentSchoolAttendance.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeStudentAttendance %s>
                  <StudentSchoolAttendanceEvent>
                    <AttendanceEvent>
                      <EventDate>2021-08-24</EventDat>
                    </AttendanceEvent>
                  </StudentSchoolAttendanceEvent>
                </InterchangeStudentAttendance>
                """.formatted(NS));
        EdFiImportResult r = EdFiXmlImport.builder().lenient(true).build().read(dir);
        assertThat(r.errors()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("xml.malformed");
            assertThat(v.file()).isEqualTo("StudentSchoolAttendance.xml");
            assertThat(v.line()).isEqualTo(5);
            assertThat(v.column()).isPositive();
        });
        assertThat(r.data().students()).hasSize(1);
    }

    @Test
    void theCommandLineEntryWritesADirectory(@TempDir Path dir) throws IOException {
        Path src = Files.createDirectory(dir.resolve("src"));
        district(src, "2021-08-23", "2021-09-03", 10, "");
        absence(src, "2021-08-24", "Unexcused Absence");
        Path out = dir.resolve("out");
        EdFiImportResult r = EdFiXmlImport.importToDirectory(src, out);
        assertThat(r.errorCount()).isZero();
        assertThat(out.resolve("attendance.csv")).exists();
        assertThat(out.resolve("calendar.csv")).exists();
        assertThat(org.communityschools.core.data.DistrictDataReader.builder().build().read(out).report().errorCount()).isZero();
    }

    @Test
    void givenStudentSchoolAssociationsAreTheEnrollmentsWithTheirExitTypes(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        Files.writeString(dir.resolve("StudentEnrollment.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeStudentEnrollment %s>
                  <StudentSchoolAssociation>
                    <StudentReference><StudentIdentity><StudentUniqueId>S1</StudentUniqueId></StudentIdentity></StudentReference>
                    <SchoolReference><SchoolIdentity><SchoolId>100001</SchoolId></SchoolIdentity></SchoolReference>
                    <EntryDate>2021-08-23</EntryDate>
                    <EntryGradeLevel>uri://ed-fi.org/GradeLevelDescriptor#Third grade</EntryGradeLevel>
                    <ExitWithdrawDate>2021-08-27</ExitWithdrawDate>
                    <ExitWithdrawType>uri://ed-fi.org/ExitWithdrawTypeDescriptor#Transferred</ExitWithdrawType>
                  </StudentSchoolAssociation>
                </InterchangeStudentEnrollment>
                """.formatted(NS));
        absence(dir, "2021-08-31", "Excused Absence");
        EdFiImportResult r = EdFiXmlImport.builder().lenient(true).build().read(dir);
        assertThat(r.data().enrollments()).singleElement().satisfies(e -> {
            assertThat(e.entryGrade()).isEqualTo(org.communityschools.core.model.GradeLevel.G03);
            assertThat(e.exitWithdrawDate()).contains(LocalDate.of(2021, 8, 27));
            assertThat(e.exitWithdrawType()).contains(org.communityschools.core.model.ExitWithdrawType.TRANSFERRED);
        });
        // the absence falls after the exit: a located error, not a silent extension of the enrollment
        assertThat(r.errors()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("attendance.within-enrollment");
            assertThat(v.file()).isEqualTo("StudentSchoolAttendance.xml");
        });
    }

    @Test
    void aStudentWhoseSchoolNoRecordNamesIsReportedAndNotEnrolled(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        assertThat(r.data().enrollments()).isEmpty();
        assertThat(r.violations("enrollment.school-unknown")).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.file()).isEqualTo("Student.xml");
            assertThat(v.line()).isEqualTo(3);
        });
    }

    @Test
    void anAbsentStudentIsEnrolledForTheSessionsOfTheirSchoolInTheGradeTheirAgeImplies(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        absence(dir, "2021-08-24", "Unexcused Absence");
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        // born 2013-05-01: 8 on 2021-09-01, third grade
        assertThat(r.data().enrollments()).singleElement().satisfies(e -> {
            assertThat(e.entryDate()).isEqualTo(LocalDate.of(2021, 8, 23));
            assertThat(e.exitWithdrawDate()).contains(LocalDate.of(2021, 9, 3));
            assertThat(e.exitWithdrawType()).contains(org.communityschools.core.model.ExitWithdrawType.END_OF_YEAR);
            assertThat(e.entryGrade()).isEqualTo(org.communityschools.core.model.GradeLevel.G03);
        });
    }

    @Test
    void sexAndRaceComeFromTheStudentEducationOrganizationAssociation(@TempDir Path dir) throws IOException {
        district(dir, "2021-08-23", "2021-09-03", 10, "");
        Files.writeString(dir.resolve("StudentEnrollment.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeStudentEnrollment %s>
                  <StudentEducationOrganizationAssociation>
                    <StudentReference><StudentIdentity><StudentUniqueId>S1</StudentUniqueId></StudentIdentity></StudentReference>
                    <EducationOrganizationReference><EducationOrganizationIdentity><EducationOrganizationId>100</EducationOrganizationId></EducationOrganizationIdentity></EducationOrganizationReference>
                    <Sex>uri://ed-fi.org/SexDescriptor#Female</Sex>
                    <HispanicLatinoEthnicity>false</HispanicLatinoEthnicity>
                    <Race><Race>uri://ed-fi.org/RaceDescriptor#Asian</Race></Race>
                    <Race><Race>uri://ed-fi.org/RaceDescriptor#White</Race></Race>
                  </StudentEducationOrganizationAssociation>
                </InterchangeStudentEnrollment>
                """.formatted(NS));
        EdFiImportResult r = EdFiXmlImport.builder().build().read(dir);
        assertThat(r.data().students()).singleElement().satisfies(s -> {
            assertThat(s.sex()).isEqualTo(org.communityschools.core.model.Sex.FEMALE);
            assertThat(s.raceEthnicity()).isEqualTo(org.communityschools.core.model.RaceEthnicity.MULTIRACIAL);
        });
    }
}
