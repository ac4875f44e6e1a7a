package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip: our data (the synthetic TINY city, one school year) → Ed-Fi JSON → our data is equal for the resources
 * both sides have; the fields Ed-Fi has no place for are those docs/interop-edfi.md lists as not surviving.
 */
class EdFiJsonRoundTripTest {
    @TempDir
    static Path dir;
    static DistrictData original;
    static DistrictData back;
    static EdFiImportResult result;
    static Map<String, Long> written;

    @BeforeAll
    static void roundTrip() {
        Path city = dir.resolve("city");
        SyntheticCity.builder().preset(Preset.TINY).seed(3).years(SchoolYear.of(2019), SchoolYear.of(2019)).build().writeTo(city);
        original = DistrictDataReader.builder().withoutBeanValidation().build().read(city).data();
        written = EdFiJsonExport.builder().build().write(original, dir.resolve("edfi"));
        result = EdFiJsonImport.builder().build().read(dir.resolve("edfi"));
        back = result.data();
    }

    @Test
    void importsTheExportWithoutErrors() {
        assertThat(result.errorCount()).isZero();
        assertThat(result.warnings()).isEmpty();
        assertThat(original.students()).isNotEmpty();
        assertThat(original.attendance().size()).isPositive();
        assertThat(original.behaviorIncidents()).isNotEmpty();
        assertThat(original.studentCharacteristics()).isNotEmpty();
        assertThat(original.staffAssignments()).isNotEmpty();
        assertThat(original.interventionParticipants()).isNotEmpty();
        assertThat(original.organizations()).extracting(o -> o.type()).contains(org.communityschools.core.model.OrganizationType.COMMUNITY_ORGANIZATION);
        assertThat(original.students()).anyMatch(Student::directoryOptOut).anyMatch(st -> st.ninthGradeCohort().isPresent());
    }

    @Test
    void organizationsSchoolsAndCalendarsAreEqual() {
        assertThat(back.organizations()).containsExactlyInAnyOrderElementsOf(original.organizations());
        assertThat(back.schools()).containsExactlyInAnyOrderElementsOf(original.schools());
        assertThat(back.calendars()).hasSameSizeAs(original.calendars());
        original.calendars().forEach((school, cal) -> assertThat(back.calendars().get(school).days()).isEqualTo(cal.days()));
    }

    @Test
    void studentsAreEqualWithCohortAndDirectoryOptOutInTheEducationOrganizationAssociation() {
        assertThat(back.students()).containsExactlyInAnyOrderElementsOf(original.students());
    }

    @Test
    void characteristicsEnrollmentsAndAttendanceAreEqual() {
        assertThat(back.studentCharacteristics()).containsExactlyInAnyOrderElementsOf(original.studentCharacteristics());
        assertThat(back.enrollments()).containsExactlyInAnyOrderElementsOf(original.enrollments().stream()
                .map(e -> new Enrollment(e.studentId(), e.schoolId(), e.entryDate(), e.entryGrade(), e.exitWithdrawDate(), e.exitWithdrawType(), false))
                .toList());
        assertThat(records(back)).containsExactlyInAnyOrderElementsOf(records(original));
    }

    @Test
    void behaviorIncidentsAreEqualWithTheirIdPrefixedByTheSchoolAsEdFiIdentifiersAreUniqueOnlyWithinASchool() {
        assertThat(back.behaviorIncidents()).containsExactlyInAnyOrderElementsOf(original.behaviorIncidents().stream()
                .map(i -> i.incidentId().value().startsWith(i.schoolId().value() + "-") ? i
                        : new BehaviorIncident(IncidentId.of(i.schoolId().value() + "-" + i.incidentId().value()), i.studentId(), i.schoolId(),
                                i.date(), i.behavior(), i.description(), i.action(), i.actionDays()))
                .toList());
    }

    @Test
    void staffAndAssignmentsAreEqual() {
        assertThat(back.staff()).containsExactlyInAnyOrderElementsOf(original.staff());
        assertThat(back.staffAssignments()).containsExactlyInAnyOrderElementsOf(original.staffAssignments());
    }

    @Test
    void interventionsKeepIdTypeAndSchoolAndParticipantsTheirStudents() {
        assertThat(back.interventions()).map(i -> List.<Object>of(i.id(), i.type(), i.schoolId()))
                .containsExactlyInAnyOrderElementsOf(original.interventions().stream()
                        .filter(i -> original.interventionParticipants().stream().anyMatch(p -> p.interventionId().equals(i.id()))
                                || original.calendars().containsKey(i.schoolId()))
                        .map(i -> List.<Object>of(i.id(), i.type(), i.schoolId())).toList());
        assertThat(back.interventionParticipants()).map(p -> List.<Object>of(p.interventionId(), p.studentId()))
                .containsExactlyInAnyOrderElementsOf(original.interventionParticipants().stream()
                        .map(p -> List.<Object>of(p.interventionId(), p.studentId())).toList());
    }

    @Test
    void writesOneFilePerResourceWithTheRecordCounts() throws Exception {
        assertThat(written).containsEntry("students.json", (long) original.students().size())
                .containsEntry("studentSchoolAttendanceEvents.json", (long) original.attendance().size())
                .containsEntry("schools.json", (long) original.schools().size());
        try (Stream<Path> files = Files.list(dir.resolve("edfi"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(written.keySet());
        }
    }

    static Set<AttendanceRecord> records(DistrictData d) {
        Set<AttendanceRecord> out = new HashSet<>();
        d.attendance().forEachRecord(out::add);
        return out;
    }

}
