package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceSnapshot;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.SchoolAttendance;
import org.communityschools.metrics.Subgroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An accumulator fed a whole {@link DistrictData} ({@code addAll}) answers what the batch report answers. */
class AttendanceAccumulatorDistrictDataTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);

    @Test
    void aSyntheticCityFedEventByEventGivesTheBatchReportAtMidYearAndYearEnd(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).years(SchoolYear.of(2017), SchoolYear.of(2018)).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        Set<SchoolId> community = data.schools().stream().map(School::id).filter(id -> data.isCommunitySchool(id, YEAR)).collect(Collectors.toSet());
        for (ChronicAbsenceDefinition def : List.of(ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED, ChronicAbsenceDefinition.CRDC)) {
            AttendanceAccumulator acc = AttendanceAccumulator.of(YEAR, def).addAll(data);
            for (LocalDate asOf : List.of(LocalDate.of(2018, 1, 31), YEAR.lastDay())) {
                ChronicAbsenceReport batch = ChronicAbsence.calculate(data, YEAR, def, asOf);
                AttendanceSnapshot snap = acc.snapshot(asOf);
                assertThat(batch.district().members()).isPositive();
                assertThat(snap.district()).isEqualTo(batch.district());
                assertThat(snap.districtPooled()).isEqualTo(batch.districtPooled());
                for (SchoolAttendance s : batch.schools().values()) {
                    assertThat(acc.school(s.schoolId(), asOf)).isEqualTo(s.enrollments());
                    assertThat(snap.daysInSession().get(s.schoolId())).isEqualTo(s.daysInSession());
                }
                assertThat(acc.schools(community, asOf)).isEqualTo(batch.byCommunitySchool().communitySchools().orElseThrow());
                assertThat(org.communityschools.metrics.CommunitySchoolSplit.of(snap.groupSchoolsBy(community::contains))).isEqualTo(batch.byCommunitySchool());
            }
        }
    }

    @Test
    void aSubgroupIsACallerDeclaredGroupOfStudents() {
        DistrictData data = DistrictDataCalculationTest.transferDistrict();
        ChronicAbsenceReport batch = ChronicAbsence.calculate(data, YEAR, ChronicAbsenceDefinition.NYSED);
        Set<StudentId> englishLearners = data.studentCharacteristics().stream()
                .filter(c -> c.characteristic() == StudentCharacteristicType.ENGLISH_LEARNER && c.period().overlaps(YEAR.dates()))
                .map(c -> c.studentId()).collect(Collectors.toSet());
        AttendanceAccumulator acc = AttendanceAccumulator.of(YEAR, ChronicAbsenceDefinition.NYSED).addAll(data);
        AttendanceAggregate el = acc.students(englishLearners, YEAR.lastDay());
        assertThat(el).isEqualTo(batch.bySubgroup().get(Subgroup.of(StudentCharacteristicType.ENGLISH_LEARNER)));
        assertThat(acc.snapshot(YEAR.lastDay()).district()).isEqualTo(batch.district());
    }
}
