package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffRole;
import org.communityschools.interop.DescriptorMapping;
import org.communityschools.interop.EdFiImportResult;
import org.communityschools.interop.EdFiXmlImport;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/interop-edfi.md, compiled and run on a one-school interchange. */
class InteropExamplesTest {
    private static final String NS = "xmlns=\"http://ed-fi.org/5.2.0\"";

    static Path export(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("edfi-export"));
        Files.writeString(src.resolve("EducationOrganization.xml"), """
                <InterchangeEducationOrganization %s>
                  <LocalEducationAgency><NameOfInstitution>Test ISD</NameOfInstitution><LocalEducationAgencyId>100</LocalEducationAgencyId></LocalEducationAgency>
                  <School><NameOfInstitution>Test School</NameOfInstitution><SchoolId>100001</SchoolId>
                    <GradeLevel>uri://ed-fi.org/GradeLevelDescriptor#Third grade</GradeLevel>
                    <LocalEducationAgencyReference><LocalEducationAgencyIdentity><LocalEducationAgencyId>100</LocalEducationAgencyId></LocalEducationAgencyIdentity></LocalEducationAgencyReference>
                  </School>
                </InterchangeEducationOrganization>
                """.formatted(NS));
        Files.writeString(src.resolve("EducationOrgCalendar.xml"), """
                <InterchangeEducationOrgCalendar %s>
                  <Session><SessionName>Fall</SessionName><SchoolYear>2021-2022</SchoolYear><BeginDate>2021-08-23</BeginDate>
                    <EndDate>2021-09-03</EndDate><TotalInstructionalDays>10</TotalInstructionalDays>
                    <SchoolReference><SchoolIdentity><SchoolId>100001</SchoolId></SchoolIdentity></SchoolReference></Session>
                </InterchangeEducationOrgCalendar>
                """.formatted(NS));
        Files.writeString(src.resolve("Student.xml"), """
                <InterchangeStudent %s>
                  <Student><StudentUniqueId>S1</StudentUniqueId><Name><FirstName>A</FirstName><LastSurname>B</LastSurname></Name>
                    <BirthData><BirthDate>2013-05-01</BirthDate></BirthData></Student>
                </InterchangeStudent>
                """.formatted(NS));
        Files.writeString(src.resolve("StudentSchoolAttendance.xml"), """
                <InterchangeStudentAttendance %s>
                  <StudentSchoolAttendanceEvent>
                    <AttendanceEvent><EventDate>2021-08-24</EventDate>
                      <AttendanceEventCategory>uri://ed-fi.org/AttendanceEventCategoryDescriptor#Sick</AttendanceEventCategory></AttendanceEvent>
                    <StudentReference><StudentIdentity><StudentUniqueId>S1</StudentUniqueId></StudentIdentity></StudentReference>
                    <SchoolReference><SchoolIdentity><SchoolId>100001</SchoolId></SchoolIdentity></SchoolReference>
                  </StudentSchoolAttendanceEvent>
                </InterchangeStudentAttendance>
                """.formatted(NS));
        return src;
    }

    @Test
    void importsWritesAndMeasures(@TempDir Path dir) throws IOException {
        Path source = export(dir);
        Path out = dir.resolve("district");
        List<InstructionalDay> instructionalDays = java.util.stream.IntStream.of(23, 24, 25, 26, 27, 30, 31)
                .mapToObj(d -> new InstructionalDay(SchoolId.of("100001"), java.time.LocalDate.of(2021, 8, d))).toList();

        DescriptorMapping mapping = DescriptorMapping.defaults().toBuilder()
                .map("AttendanceEventCategoryDescriptor#Sick", AttendanceCategory.EXCUSED_ABSENCE)
                .map("uri://district.example/StaffClassificationDescriptor#Success Mentor", StaffRole.SUCCESS_MENTOR)
                .ignore("ProgramTypeDescriptor#Athletics")
                .build();
        EdFiImportResult r = EdFiXmlImport.builder()
                .descriptorMapping(mapping)
                .calendar(instructionalDays)
                .lenient(false)
                .build()
                .read(source);
        DistrictData data = r.data();
        var report = ChronicAbsence.calculate(data, SchoolYear.of(2022), ChronicAbsenceDefinition.FEDERAL);
        DistrictDataWriter.write(data, out);

        assertThat(r.errorCount()).isZero();
        assertThat(data.calendar(SchoolId.of("100001")).size()).isEqualTo(7);
        assertThat(report.district().members()).isEqualTo(1);
        assertThat(report.district().chronicallyAbsent()).isEqualTo(1);  // 1 day of 7
        assertThat(DistrictDataReader.builder().build().read(out).report().errorCount()).isZero();
        // the command line's entry uses the defaults, which do not know #Sick: a located error, nothing written
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdFiXmlImport.importToDirectory(source, dir.resolve("with-defaults")))
                .isInstanceOf(org.communityschools.core.data.DataValidationException.class)
                .hasMessageContaining("StudentSchoolAttendance.xml:4:").hasMessageContaining("descriptor.unknown");
        assertThat(dir.resolve("with-defaults")).doesNotExist();
    }
}
