package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.ChronicAbsenceEngine;
import org.communityschools.metrics.internal.DistrictAttendanceSource;
import org.junit.jupiter.api.Test;

/**
 * The batch report of a live version with a removed and a new student (with a characteristic and an absence) equals
 * the previous calculator's over the same version: the per-data student columns follow the version's own indexes
 * (sized by the largest index in use, not by the number of student records, in case a removed student's index stays
 * unused).
 */
class LiveVersionChronicAbsenceTest {
    private static final int DAYS = 12;

    @Test
    void aVersionWithARemovedAndANewStudentGivesTheOraclesReport() {
        SmallDistrict d = new SmallDistrict(DAYS);
        StudentId s0 = d.student("S0");
        StudentId s1 = d.student("S1", 2);
        StudentId s2 = d.student("S2");
        d.absent(s0, 0, 3);
        d.absent(s1, 4, 6);
        DistrictData start = d.build();
        LiveDistrict live = LiveDistrict.of(start);
        Enrollment s2Enrollment = start.enrollmentsOf(s2).get(0);
        live.apply(ChangeBatch.builder().delete(RecordKey.of(s2Enrollment)).delete(RecordKey.of(start.student(s2).orElseThrow())).build());
        StudentId s3 = StudentId.of("S3");
        LocalDate first = d.calendar.get(0);
        live.apply(ChangeBatch.builder()
                .upsert(new Student(s3, "First", "Last", LocalDate.of(2004, 1, 1), Sex.MALE, RaceEthnicity.ASIAN, Optional.empty(), false))
                .upsert(new Enrollment(s3, SmallDistrict.A, first, GradeLevel.G09, Optional.empty(), Optional.empty(), false))
                .upsert(new StudentCharacteristic(s3, StudentCharacteristicType.ENGLISH_LEARNER, DateRange.startingOn(first)))
                .upsert(AttendanceRecord.of(s3, SmallDistrict.A, d.calendar.get(1), AttendanceCategory.UNEXCUSED_ABSENCE,
                        Optional.empty(), Optional.empty()))
                .build());
        DistrictData now = live.current().data();
        assertThat(now.student(s2)).isEmpty();
        assertThat(now.studentIndex(s3)).isNotNegative();

        ChronicAbsenceReport report = ChronicAbsence.calculate(now, SmallDistrict.YEAR, ChronicAbsenceDefinition.FEDERAL);
        ChronicAbsenceReport oracle = ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(now), SmallDistrict.YEAR,
                ChronicAbsenceDefinition.FEDERAL, SmallDistrict.YEAR.lastDay(), 1, 1);
        assertThat(report).isEqualTo(oracle);
        assertThat(report.students()).containsExactlyElementsOf(oracle.students());
        // S3: one unexcused absence in 12 days, an English learner, male and Asian
        assertThat(report.bySubgroup().get(Subgroup.of(StudentCharacteristicType.ENGLISH_LEARNER)).members()).isEqualTo(1);
        assertThat(report.bySubgroup().get(Subgroup.of(RaceEthnicity.ASIAN)).members()).isEqualTo(1);
        live.close();
    }
}
