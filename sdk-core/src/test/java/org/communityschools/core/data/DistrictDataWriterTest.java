package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.internal.json.AgreementsFile;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.testing.SimpleCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistrictDataWriterTest {
    private static final StudentId S1 = StudentId.of("S1");
    private static final SchoolId K1 = SchoolId.of("K1");
    private static final LocalDate DAY = LocalDate.of(2017, 10, 2);

    @TempDir
    Path dir;

    @Test
    void writesTheHeaderInTheContractsColumnOrder() throws IOException {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.enrollments().accept(enrollment(Optional.empty()));
        }
        String header = Files.readAllLines(dir.resolve("enrollments.csv")).get(0);
        assertThat(header).isEqualTo(String.join(",", DataFile.ENROLLMENTS.columns()));
    }

    @Test
    void quotesCellsHoldingCommasQuotesAndLineBreaks() throws IOException {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.organizations().accept(new Organization(OrganizationId.of("O1"), "Smith, \"Jones\" & Co\nEast", OrganizationType.COMMUNITY_ORGANIZATION));
            out.organizations().accept(new Organization(OrganizationId.of("O2"), "Plain Name", OrganizationType.DISTRICT));
        }
        assertThat(Files.readString(dir.resolve("organizations.csv"), StandardCharsets.UTF_8)).isEqualTo(
                "organization_id,name,type\n"
                + "O1,\"Smith, \"\"Jones\"\" & Co\nEast\",COMMUNITY_ORGANIZATION\n"
                + "O2,Plain Name,DISTRICT\n");
    }

    @Test
    void writesAbsentOptionalValuesAsEmptyCells() {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.enrollments().accept(enrollment(Optional.empty()));
            out.students().accept(new Student(S1, "Ana", "Lopez", LocalDate.of(2008, 3, 1), Sex.FEMALE,
                    RaceEthnicity.HISPANIC, Optional.empty(), false));
        }
        assertThat(SimpleCsv.rows(dir.resolve("enrollments.csv")).get(0))
                .containsEntry("exit_date", "").containsEntry("exit_type", "").containsEntry("exit_documented", "");
        assertThat(SimpleCsv.rows(dir.resolve("students.csv")).get(0)).containsEntry("ninth_grade_cohort", "");
    }

    @Test
    void writesTheExitDateAsTheInclusiveLastDay() {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.enrollments().accept(enrollment(Optional.of(LocalDate.of(2018, 6, 26))));
        }
        assertThat(SimpleCsv.rows(dir.resolve("enrollments.csv")).get(0))
                .containsEntry("exit_date", "2018-06-26").containsEntry("exit_type", "END_OF_YEAR")
                .containsEntry("exit_documented", "true").containsEntry("entry_grade", "09");
    }

    @Test
    void leavesTheDurationEmptyWhenItIsTheCategoryDefault() {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.attendance().accept(AttendanceRecord.of(S1, K1, DAY, AttendanceCategory.UNEXCUSED_ABSENCE, Optional.empty(), Optional.empty()));
            out.attendance().accept(AttendanceRecord.of(S1, K1, DAY.plusDays(1), AttendanceCategory.TARDY, Optional.of(DayShare.NONE), Optional.empty()));
            out.attendance().accept(AttendanceRecord.of(S1, K1, DAY.plusDays(2), AttendanceCategory.PARTIAL, Optional.of(DayShare.HALF_DAY), Optional.of("MEDICAL")));
            out.attendance().accept(AttendanceRecord.of(S1, K1, DAY.plusDays(3), AttendanceCategory.EXCUSED_ABSENCE, Optional.of(DayShare.ofTenThousandths(7500)), Optional.empty()));
            out.attendance().accept(AttendanceRecord.of(S1, K1, DAY.plusDays(4), AttendanceCategory.EARLY_DEPARTURE, Optional.of(DayShare.ofTenThousandths(2500)), Optional.empty()));
        }
        assertThat(SimpleCsv.rows(dir.resolve("attendance.csv"))).extracting(r -> r.get("duration"))
                .containsExactly("", "", "0.5", "0.75", "0.25");
    }

    @Test
    void createsNoFileForWhichNoRowArrived() {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.enrollments().accept(enrollment(Optional.empty()));
            assertThat(out.rowCounts()).isEqualTo(Map.of(DataFile.ENROLLMENTS, 1L));
        }
        assertThat(dir.resolve("enrollments.csv")).exists();
        assertThat(dir.resolve("attendance.csv")).doesNotExist();
        assertThat(dir.resolve("agreements.json")).doesNotExist();
    }

    @Test
    void refusesADirectoryThatAlreadyHoldsDataFiles() throws IOException {
        Files.writeString(dir.resolve("students.csv"), "student_id\n");
        assertThatThrownBy(() -> DistrictDataWriter.open(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("students.csv");
    }

    @Test
    void refusesRowsAfterClose() {
        DistrictDataWriter out = DistrictDataWriter.open(dir);
        out.close();
        assertThatThrownBy(() -> out.enrollments().accept(enrollment(Optional.empty())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesAgreementsSortedByIdOnClose() {
        try (DistrictDataWriter out = DistrictDataWriter.open(dir)) {
            out.agreements().accept(agreement("DSA-B"));
            out.agreements().accept(agreement("DSA-A"));
        }
        AgreementsFile.Result read = AgreementsFile.read(dir.resolve("agreements.json"));
        assertThat(read.agreements()).extracting(a -> a.agreement().id().value()).containsExactly("DSA-A", "DSA-B");
    }

    private static Enrollment enrollment(Optional<LocalDate> exit) {
        return new Enrollment(S1, K1, LocalDate.of(2017, 9, 7), GradeLevel.G09, exit,
                exit.map(d -> org.communityschools.core.model.ExitWithdrawType.END_OF_YEAR), exit.isPresent());
    }

    private static DataSharingAgreement agreement(String id) {
        LocalDate start = LocalDate.of(2017, 7, 1);
        return new DataSharingAgreement(AgreementId.of(id), 1, AgreementStatus.ACTIVE, OrganizationId.of("D1"),
                OrganizationId.of("CBO1"), LegalBasis.SCHOOL_OFFICIAL, "Community school services", Set.of(K1),
                Set.of(SchoolYear.of(2018)), Set.of("ATTENDANCE"), EnumSet.of(StaffRole.COMMUNITY_SCHOOL_DIRECTOR),
                start, start.plusYears(1).minusDays(1), start.minusDays(10), List.of(), 90, false);
    }

}
