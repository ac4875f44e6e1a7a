package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict and lenient reading, reporting, CSV details and the reader's builder. */
class DistrictDataReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsAValidDirectoryIntoIndexedData() {
        ReadResult result = DistrictDataReader.builder().build().read(Fixture.valid().writeTo(dir));
        DistrictData data = result.data();
        assertThat(result.report().hasErrors()).isFalse();
        assertThat(result.report().counts(DataFile.ATTENDANCE)).isEqualTo(new LoadReport.FileCounts(2, 2, 0));
        StudentId s1 = StudentId.of("S1");
        assertThat(data.students()).hasSize(2);
        assertThat(data.enrollmentsOn(s1, LocalDate.of(2017, 9, 8))).hasSize(1);
        assertThat(data.enrollmentsOn(s1, LocalDate.of(2018, 6, 27))).isEmpty();
        assertThat(data.leadPartner(SchoolId.of("K1"), SchoolYear.of(2018))).contains(OrganizationId.of("C1"));
        assertThat(data.isCommunitySchool(SchoolId.of("H1"), SchoolYear.of(2018))).isFalse();
        assertThat(data.schoolsPartneredWith(OrganizationId.of("C2"), SchoolYear.of(2018))).containsExactly(SchoolId.of("K1"));
        assertThat(data.calendar(SchoolId.of("K1")).isInstructionalDay(LocalDate.of(2017, 9, 8))).isTrue();
        assertThat(data.calendar(SchoolId.of("K1")).daysIn(SchoolYear.of(2018).dates())).isEqualTo(3);
        assertThat(data.attendance().recordsOf(s1)).containsExactly(
                new AttendanceRecord(s1, SchoolId.of("K1"), LocalDate.of(2017, 9, 8), AttendanceCategory.EXCUSED_ABSENCE,
                        DayShare.WHOLE_DAY, Optional.of("sick")),
                new AttendanceRecord(s1, SchoolId.of("K1"), LocalDate.of(2017, 9, 11), AttendanceCategory.PARTIAL,
                        DayShare.HALF_DAY, Optional.empty()));
        assertThat(data.relationshipsOn(StaffId.of("M1"), LocalDate.of(2017, 10, 2))).hasSize(1);
        assertThat(data.assignmentsOn(StaffId.of("T1"), LocalDate.of(2018, 7, 1))).isEmpty();
        assertThat(data.participantsOf(s1)).hasSize(1);
        assertThat(data.consentsOf(s1)).hasSize(1);
        assertThat(data.schoolYears()).containsExactly(SchoolYear.of(2018));
    }

    @Test
    void sharesOneIdentifierInstancePerStudent() {
        DistrictData data = DistrictDataReader.builder().build().read(Fixture.valid().writeTo(dir)).data();
        StudentId canonical = data.students().get(0).id();
        assertThat(data.enrollments().get(0).studentId()).isSameAs(canonical);
        assertThat(data.attendance().recordsOf(canonical).get(0).studentId()).isSameAs(canonical);
        assertThat(data.studentStaffRelationships().get(0).studentId()).isSameAs(canonical);
    }

    @Test
    void strictReadLoadsNothingAndReportsEveryErrorAcrossFilesInOnePass() {
        Fixture f = Fixture.valid()
                .append("students.csv", "S1,Ann,Diaz,2010-03-04,FEMALE,HISPANIC,,")
                .append("calendar.csv", "K1,2017-02-30")
                .append("attendance.csv", "S2,K1,2017-09-08,PRESENT,,")
                .append("consents.csv", "N2,S9,PARENT,C1,Mentoring,ATTENDANCE,2017-09-15,ELECTRONIC,");
        DataValidationException e = catchThrowableOfType(DataValidationException.class,
                () -> DistrictDataReader.builder().build().read(f.writeTo(dir)));
        assertThat(e.errorCount()).isEqualTo(4);
        assertThat(e.violations()).extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                .containsExactly(
                        tuple("students.csv", 4L, 1, "unique.id"),
                        tuple("calendar.csv", 5L, 2, "field.format"),
                        tuple("attendance.csv", 4L, 3, "attendance.within-enrollment"),
                        tuple("consents.csv", 3L, 2, "reference.unknown-student"));
        assertThat(e.getMessage()).contains("4 error(s)").contains("nothing was loaded");
    }

    @Test
    void lenientReadReturnsTheValidRowsAndAReportOfTheRejectedOnes() {
        Fixture f = Fixture.valid().append("attendance.csv", "S2,K1,2017-09-08,PRESENT,,", "S1,K1,2017-09-07,TARDY,,");
        ReadResult r = DistrictDataReader.builder().lenient(true).build().read(f.writeTo(dir));
        assertThat(r.report().errorCount()).isEqualTo(1);
        assertThat(r.report().counts(DataFile.ATTENDANCE)).isEqualTo(new LoadReport.FileCounts(4, 3, 1));
        assertThat(r.data().attendance().size()).isEqualTo(3);
        assertThat(r.report().summary()).contains("attendance.csv: 4 read, 3 accepted, 1 rejected")
                .contains("attendance.csv:4:3: ERROR [attendance.within-enrollment]");
    }

    @Test
    void keepsViolationsUpToTheLimitAndCountsTheRest() {
        Fixture f = Fixture.valid().append("calendar.csv", "K1,x", "K1,y", "K1,z");
        ReadResult r = DistrictDataReader.builder().lenient(true).maxReportedViolations(2).build().read(f.writeTo(dir));
        assertThat(r.report().violations()).hasSize(2);
        assertThat(r.report().errorCount()).isEqualTo(3);
        assertThat(r.report().omittedCount()).isEqualTo(1);
        assertThat(r.report().summary()).contains("1 more not listed");
    }

    @Test
    void readsQuotedCellsWithCommasAndNewlinesAndKeepsLineNumbersRight() {
        Fixture f = Fixture.valid().raw("behavior.csv", """
                incident_id,student_id,school_id,date,behavior,description,action,action_days
                B1,S2,H1,2017-10-02,OTHER,"shouted, then
                left the room \"\"upset\"\"\",NONE,0
                B2,S2,H1,2017-10-03,OTHER,,NONE,0
                B3,S2,H1,2017-09-01,OTHER,,NONE,0
                """);
        ReadResult r = DistrictDataReader.builder().lenient(true).build().read(f.writeTo(dir));
        assertThat(r.data().behaviorIncidents().get(0).description())
                .contains("shouted, then\nleft the room \"upset\"");
        assertThat(r.report().violations()).extracting(Violation::file, Violation::line, Violation::column, Violation::rule)
                .containsExactly(tuple("behavior.csv", 5L, 4, "behavior.within-enrollment"));
    }

    @Test
    void acceptsColumnsInAnyOrderAndOptionalColumnsLeftOut() {
        Fixture f = Fixture.valid().file("attendance.csv", "date,category,school_id,student_id",
                "2017-09-08,UNEXCUSED_ABSENCE,K1,S1");
        ReadResult r = DistrictDataReader.builder().build().read(f.writeTo(dir));
        assertThat(r.data().attendance().recordsOf(StudentId.of("S1"))).singleElement()
                .extracting(AttendanceRecord::duration).isEqualTo(DayShare.WHOLE_DAY);
    }

    @Test
    void readsAnEmptyDirectoryAsEmptyData() {
        ReadResult r = DistrictDataReader.builder().build().read(dir);
        assertThat(r.data().students()).isEmpty();
        assertThat(r.report().files()).isEmpty();
    }

    @Test
    void acceptsAnExplicitValidatorOrNone() {
        Fixture f = Fixture.valid().append("students.csv", "S3," + "A".repeat(101) + ",Diaz,2010-03-04,FEMALE,HISPANIC,,");
        Path d = f.writeTo(dir);
        DistrictDataReader without = DistrictDataReader.builder().withoutBeanValidation().build();
        assertThat(without.read(d).data().students()).hasSize(3);
        DistrictDataReader with = DistrictDataReader.builder()
                .validator(Validation.buildDefaultValidatorFactory().getValidator()).lenient(true).build();
        assertThat(with.read(d).report().errorCount()).isEqualTo(1);
    }

    @Test
    void buildersSettingsAreSetOnceAndChecked() {
        DistrictDataReader.Builder b = DistrictDataReader.builder().lenient(true);
        assertThatThrownBy(() -> b.lenient(false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DistrictDataReader.builder().maxReportedViolations(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistrictDataReader.builder().withoutBeanValidation()
                .validator(Validation.buildDefaultValidatorFactory().getValidator()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(DistrictDataReader.builder().build().isLenient()).isFalse();
    }

    @Test
    void rejectsAPathThatIsNotADirectory() {
        assertThatThrownBy(() -> DistrictDataReader.builder().build().read(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
