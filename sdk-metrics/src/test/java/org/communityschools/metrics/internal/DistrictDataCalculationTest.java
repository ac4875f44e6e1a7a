package org.communityschools.metrics.internal;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.Subgroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calculators over sdk-core's {@link DistrictData}: a hand-built district and the TINY synthetic city. */
class DistrictDataCalculationTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static final SchoolId A = SchoolId.of("A");
    static final SchoolId B = SchoolId.of("B");

    static DistrictData transferDistrict() {
        OrganizationId district = OrganizationId.of("D1");
        OrganizationId cbo = OrganizationId.of("C1");
        StudentId mover = StudentId.of("mover");
        StudentId stayer = StudentId.of("stayer");
        List<LocalDate> calendar = ChronicAbsenceEngineTest.CALENDAR;
        DistrictDataBuilder b = DistrictData.builder()
                .add(new Organization(district, "City District", OrganizationType.DISTRICT))
                .add(new Organization(cbo, "Helping Hands", OrganizationType.COMMUNITY_ORGANIZATION))
                .add(new School(A, "School A", district, GradeLevel.G06, GradeLevel.G08, SchoolType.REGULAR))
                .add(new School(B, "School B", district, GradeLevel.G06, GradeLevel.G08, SchoolType.REGULAR))
                .add(new Partnership(A, cbo, YEAR, PartnershipRole.LEAD))
                .add(new Student(mover, "Ana", "Diaz", LocalDate.of(2005, 3, 4), Sex.FEMALE, RaceEthnicity.HISPANIC, Optional.empty(), false))
                .add(new Student(stayer, "Ben", "Lee", LocalDate.of(2005, 5, 6), Sex.MALE, RaceEthnicity.ASIAN, Optional.empty(), false))
                .add(new StudentCharacteristic(mover, StudentCharacteristicType.ENGLISH_LEARNER, DateRange.closed(calendar.get(0), calendar.get(179))))
                .add(new Enrollment(mover, A, calendar.get(0), GradeLevel.G06, Optional.of(calendar.get(59)), Optional.of(ExitWithdrawType.TRANSFERRED), true))
                .add(new Enrollment(mover, B, calendar.get(60), GradeLevel.G06, Optional.empty(), Optional.empty(), false))
                .add(new Enrollment(stayer, B, calendar.get(0), GradeLevel.G07, Optional.empty(), Optional.empty(), false));
        for (LocalDate d : calendar) {
            b.add(new InstructionalDay(A, d)).add(new InstructionalDay(B, d));
        }
        for (int i = 0; i < 10; i++) {
            b.add(AttendanceRecord.of(mover, A, calendar.get(i), AttendanceCategory.UNEXCUSED_ABSENCE, Optional.empty(), Optional.empty()));
        }
        for (int i = 60; i < 65; i++) {
            b.add(AttendanceRecord.of(mover, B, calendar.get(i), AttendanceCategory.EXCUSED_ABSENCE, Optional.empty(), Optional.empty()));
        }
        for (int i = 100; i < 118; i++) {
            b.add(AttendanceRecord.of(stayer, B, calendar.get(i), AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, Optional.empty(), Optional.empty()));
        }
        return b.build();
    }

    @Test
    void chronicAbsenceOfAHandBuiltDistrict() {
        ChronicAbsenceReport r = ChronicAbsence.calculate(transferDistrict(), YEAR, ChronicAbsenceDefinition.NYSED);
        assertThat(r.schools().get(A).enrollments().chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(r.schools().get(B).enrollments().chronicAbsenceRate()).contains(Ratio.of(1, 2));
        assertThat(r.schools().get(A).communitySchool()).isTrue();
        assertThat(r.district().chronicAbsenceRate()).contains(Ratio.of(1, 2));
        assertThat(r.students().get(0).figures().absenceRate()).contains(Ratio.of(15, 180));
        assertThat(r.bySubgroup().get(Subgroup.of(StudentCharacteristicType.ENGLISH_LEARNER)).chronicAbsenceRate()).contains(Ratio.of(0, 1));
        assertThat(r.bySubgroup().get(Subgroup.of(RaceEthnicity.ASIAN)).chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(r.byGrade().get(GradeLevel.G07).chronicAbsenceRate()).contains(Ratio.of(1, 1));
        assertThat(r.byCommunitySchool().communitySchools().orElseThrow().chronicAbsenceRate()).contains(Ratio.of(1, 1));
    }

    @Test
    void syntheticCityGivesTheSameReportThroughDistrictDataAsThroughPlainRecords(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(7).years(SchoolYear.of(2016), SchoolYear.of(2018)).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        ListAttendanceSource plain = new ListAttendanceSource();
        plain.enrollments.addAll(data.enrollments());
        data.calendars().forEach((school, calendar) -> plain.calendar(school, calendar.days()));
        data.attendance().forEachRecord(plain.attendance::add);
        for (var school : data.schools()) {
            if (data.isCommunitySchool(school.id(), YEAR)) {
                plain.communitySchools.add(school.id());
            }
        }
        DistrictAttendanceSource wired = new DistrictAttendanceSource(data);
        for (var s : data.students()) {
            plain.subgroups.put(s.id(), wired.subgroups(s.id(), YEAR.dates()));
        }
        for (ChronicAbsenceDefinition def : List.of(ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED, ChronicAbsenceDefinition.CRDC)) {
            ChronicAbsenceReport viaData = ChronicAbsence.calculate(data, YEAR, def);
            ChronicAbsenceReport viaRecords = ChronicAbsenceEngine.calculate(plain, YEAR, def, YEAR.lastDay());
            assertThat(viaData.district()).isEqualTo(viaRecords.district());
            assertThat(viaData.schools()).isEqualTo(viaRecords.schools());
            assertThat(viaData.students()).hasSize(viaRecords.students().size());
            assertThat(viaData.district().members()).isPositive();
            assertThat(viaData.district().daysAbsent()).isPositive();
            int schoolMembers = viaData.schools().values().stream().mapToInt(x -> x.enrollments().members()).sum();
            assertThat(schoolMembers).isEqualTo(viaData.enrollments().size());
        }
        GraduationCohortReport acgr = GraduationRate.calculate(data, SchoolYear.of(2015), GraduationCohortDefinition.FOUR_YEAR);
        CohortCounts d = acgr.district();
        assertThat(d.adjustedCohort()).isEqualTo(d.graduateCount() + d.nonGraduateCount());
        assertThat(acgr.schools().values().stream().mapToInt(CohortCounts::firstTimeNinthGraders).sum()).isEqualTo(d.firstTimeNinthGraders());
    }
}
