package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ed-Fi sample district Grand Bend ISD (src/test/resources/edfi-grand-bend, see its README) imports without errors. */
class GrandBendImportTest {
    private static EdFiImportResult result;

    static Path grandBend() {
        try {
            return Path.of(Objects.requireNonNull(GrandBendImportTest.class.getResource("/edfi-grand-bend/Student.xml")).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void importGrandBend() {
        result = EdFiXmlImport.builder().build().read(grandBend());
    }

    @Test
    void importsWithZeroErrors() {
        assertThat(result.errors()).isEmpty();
        assertThat(result.errorCount()).isZero();
    }

    @Test
    void countsMatchTheFiles() {
        DistrictData data = result.data();
        assertThat(result.recordsRead("Student")).isEqualTo(960);
        assertThat(data.students()).hasSize(960);
        assertThat(result.recordsRead("StudentSchoolAttendanceEvent")).isEqualTo(1917);
        assertThat(data.attendance().size()).isEqualTo(1916);
        assertThat(result.violations("attendance.events-merged")).hasSize(1);
        assertThat(result.recordsRead("DisciplineIncident")).isEqualTo(21);
        assertThat(data.behaviorIncidents()).hasSize(21);
        assertThat(result.recordsRead("StudentInterventionAssociation")).isEqualTo(25);
        assertThat(data.interventionParticipants()).hasSize(25);
        assertThat(data.interventions()).hasSize(1);
        assertThat(data.schools()).hasSize(3);
        assertThat(data.organizations()).filteredOn(o -> o.type() == OrganizationType.COMMUNITY_ORGANIZATION).hasSize(1);
        assertThat(data.organizations()).filteredOn(o -> o.type() == OrganizationType.DISTRICT).hasSize(1);
    }

    @Test
    void enrollsEveryStudentWhoseSchoolTheFilesNameForTheSessionsOfThatSchool() {
        DistrictData data = result.data();
        assertThat(data.enrollments()).hasSize(262);
        assertThat(data.enrollments()).allSatisfy(e -> {
            assertThat(e.entryDate()).isEqualTo(java.time.LocalDate.of(2021, 8, 23));
            assertThat(e.exitWithdrawDate()).contains(java.time.LocalDate.of(2022, 5, 27));
        });
        assertThat(result.violations("enrollment.school-unknown")).hasSize(960 - 262);
    }

    /**
     * The sample's XML gives two calendar dates, so the calendar is derived from the sessions: each school has a fall
     * session 2021-08-23..12-17 (85 weekdays, TotalInstructionalDays 81) and a spring session 2022-01-04..05-27 (104
     * weekdays, 88). Counting every weekday would give 85 + 104 = 189 days (190 at 255901107, where a Tardy recorded
     * on Sunday 2022-05-15 added a day); the sessions state 81 + 88 = 169 instructional days, which is what every
     * school's calendar now holds (the Sunday with attendance is one of 255901107's 88 spring days).
     */
    @Test
    void derivesTheCalendarFromTheSessionsTotalInstructionalDays() {
        assertThat(result.violations("calendar.session-days-mismatch")).isEmpty();
        assertThat(result.violations("calendar.derived-from-total")).hasSize(6)
                .extracting(v -> v.value().orElseThrow()).containsOnly("81", "88");
        for (String school : List.of("255901001", "255901044", "255901107")) {
            assertThat(result.data().calendar(org.communityschools.core.model.SchoolId.of(school)).size()).as(school).isEqualTo(169);
        }
        assertThat(result.data().calendar(org.communityschools.core.model.SchoolId.of("255901107"))
                .isInstructionalDay(java.time.LocalDate.of(2022, 5, 15))).isTrue();
        assertThat(result.violations("calendar.derived-day-added")).isEmpty();
    }

    @Test
    void importsDisciplineWithTheMostSevereActionAndItsDays() {
        DistrictData data = result.data();
        assertThat(data.behaviorIncidents()).extracting(i -> i.incidentId().value()).doesNotHaveDuplicates()
                .contains("255901001-19");
        assertThat(data.behaviorIncidents()).filteredOn(i -> i.studentId().value().equals("605477")).singleElement()
                .satisfies(i -> {
                    assertThat(i.action()).isEqualTo(org.communityschools.core.model.DisciplineActionType.EXPULSION);
                    assertThat(i.actionDays()).isEqualByComparingTo("5");
                });
        // two In School Suspension actions of 3 days each for one student and incident add up
        assertThat(data.behaviorIncidents()).filteredOn(i -> i.studentId().value().equals("604848")).singleElement()
                .satisfies(i -> assertThat(i.actionDays()).isEqualByComparingTo("6"));
    }

    @Test
    void importsProgramAssociationsAsTimeBoundedCharacteristics() {
        var byType = result.data().studentCharacteristics().stream()
                .collect(java.util.stream.Collectors.groupingBy(c -> c.characteristic(), java.util.stream.Collectors.counting()));
        assertThat(byType).containsEntry(org.communityschools.core.model.StudentCharacteristicType.DISABILITY, 97L)
                .containsEntry(org.communityschools.core.model.StudentCharacteristicType.HOMELESS, 11L)
                .containsEntry(org.communityschools.core.model.StudentCharacteristicType.MIGRANT, 275L)
                .containsEntry(org.communityschools.core.model.StudentCharacteristicType.SECTION_504, 3L)
                .containsEntry(org.communityschools.core.model.StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED, 82L)
                .containsEntry(org.communityschools.core.model.StudentCharacteristicType.ENGLISH_LEARNER, 78L);
    }

    @Test
    void importsStaffTheInterventionAndFoldsTheCommunityProviderIntoItsOrganization() {
        DistrictData data = result.data();
        assertThat(data.staff()).hasSize(68);
        assertThat(data.staffAssignments()).hasSize(63);
        assertThat(data.organizations()).extracting(o -> o.id().value()).containsExactlyInAnyOrder("255901", "19");
        assertThat(data.interventions()).singleElement().satisfies(i -> {
            assertThat(i.id().value()).isEqualTo("255901001-CheckAndConne-5a7089d3");
            assertThat(i.schoolId().value()).isEqualTo("255901001");
        });
        assertThat(result.violations("id.shortened")).isNotEmpty();
    }

    @Test
    void mergesTwoEventsOfOneStudentOnOneDayAndDefaultsAPartialWithoutDuration() {
        assertThat(result.violations("attendance.partial-duration-missing")).singleElement()
                .satisfies(v -> assertThat(v.file()).isEqualTo("StudentSchoolAttendance.xml"));
        assertThat(result.violations("attendance.events-merged")).singleElement().satisfies(v -> {
            assertThat(v.value()).contains("2021-12-15");
            assertThat(v.message()).endsWith("EXCUSED_ABSENCE");
        });
    }

    @Test
    void computesChronicAbsenceForTheSchoolYear2021To2022() {
        ChronicAbsenceReport report = ChronicAbsence.calculate(result.data(), SchoolYear.of(2022), ChronicAbsenceDefinition.FEDERAL);
        // 262 students have a school in the files (attendance, discipline, intervention); the others are not enrolled
        assertThat(report.district().members()).isEqualTo(262);
        // 36 with the weekday calendar (189 days); the sessions' 169 days make each student's days enrolled fewer
        // and the same absences a larger share: a regression figure of the derived calendar, not a hand count
        assertThat(report.district().chronicallyAbsent()).isEqualTo(44);
        assertThat(report.schools()).hasSize(3);
        assertThat(report.schools().values()).extracting(s -> s.enrollments().members()).containsExactlyInAnyOrder(94, 53, 115);
    }

    @Test
    void writesADistrictDataDirectoryThatReadsBackWithoutErrors(@TempDir Path dir) {
        DistrictDataWriter.write(result.data(), dir);
        ReadResult back = DistrictDataReader.builder().build().read(dir);
        assertThat(back.report().errorCount()).isZero();
        assertThat(back.data().students()).hasSize(960);
        assertThat(back.data().attendance().size()).isEqualTo(1916);
    }
}
