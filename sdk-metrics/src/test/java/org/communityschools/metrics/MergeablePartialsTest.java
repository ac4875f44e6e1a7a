package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-member partials {@link AttendanceAggregate#of} and {@link CohortCounts#of}, added up with {@code plus} in
 * any order, give exactly the batch reports' aggregates (what sdk-spark relies on to split a district across machines).
 */
class MergeablePartialsTest {
    @TempDir
    static Path dir;
    static DistrictData data;

    @BeforeAll
    static void city() {
        SyntheticCity.builder().preset(Preset.TINY).seed(21).years(SchoolYear.of(2018), SchoolYear.of(2018)).build().writeTo(dir);
        data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
    }

    @Test
    void attendancePartialsAddedInAnyOrderEqualTheBatchAggregates() {
        for (ChronicAbsenceDefinition d : List.of(ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED)) {
            ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), d);
            List<StudentAttendance> students = new ArrayList<>(report.students());
            Collections.shuffle(students, new Random(1));
            AttendanceAggregate pooled = empty();
            for (StudentAttendance s : students) {
                pooled = pooled.plus(AttendanceAggregate.of(s.figures()));
            }
            Map<SchoolId, AttendanceAggregate> schools = new TreeMap<>();
            for (EnrollmentAttendance e : report.enrollments()) {
                schools.merge(e.schoolId(), AttendanceAggregate.of(e.figures()), AttendanceAggregate::plus);
            }
            assertThat(pooled).isEqualTo(report.districtPooled());
            Map<SchoolId, AttendanceAggregate> expected = new TreeMap<>();
            report.schools().forEach((k, v) -> expected.put(k, v.enrollments()));
            assertThat(schools).isEqualTo(expected);
        }
    }

    @Test
    void theAggregateOfNothingIsTheIdentityOfPlus() {
        AttendanceAggregate some = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.NYSED).district();
        assertThat(empty().plus(some)).isEqualTo(some);
        assertThat(some.plus(empty())).isEqualTo(some);
    }

    @Test
    void cohortPartialsAddedUpEqualTheBatchCounts() {
        GraduationCohortReport report = GraduationRate.calculate(data, SchoolYear.of(2015), GraduationCohortDefinition.FOUR_YEAR);
        CohortCounts sum = new CohortCounts(0, 0, Map.of(), Map.of(), Map.of());
        List<CohortMember> members = new ArrayList<>(report.members());
        Collections.shuffle(members, new Random(2));
        for (CohortMember m : members) {
            sum = sum.plus(CohortCounts.of(m.district()));
        }
        assertThat(report.district().adjustedCohort()).isPositive();
        assertThat(sum).isEqualTo(report.district());
    }

    private static AttendanceAggregate empty() {
        return new AttendanceAggregate(0, 0, 0, 0, java.math.BigDecimal.ZERO, Map.of());
    }
}
