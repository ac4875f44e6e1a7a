package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataSharingAgreementTest {
    private static final LocalDate EFFECTIVE = LocalDate.of(2017, 7, 1);
    private static final LocalDate END = LocalDate.of(2019, 6, 30);

    private static DataSharingAgreement agreement(int version, Set<SchoolId> schools, Set<String> elements, LocalDate effective,
                                                  LocalDate end, LocalDate signed, int destructionDays) {
        return new DataSharingAgreement(AgreementId.of("DSA-1"), version, AgreementStatus.ACTIVE, OrganizationId.of("NYCDOE"),
                OrganizationId.of("CBO-7"), LegalBasis.SCHOOL_OFFICIAL, "Support students", schools, Set.of(SchoolYear.of(2018)),
                elements, Set.of(StaffRole.SUCCESS_MENTOR), effective, end, signed, List.of(), destructionDays, false);
    }

    private static DataSharingAgreement withElements(String... elements) {
        return agreement(1, Set.of(SchoolId.of("01M015")), Set.of(elements), EFFECTIVE, END, EFFECTIVE, 45);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ATTENDANCE", "CASE_NOTES", "attendance", "attendance.records", "student.birthDate", "courseMarks.grade9"})
    void acceptsCategoryNamesAndFieldPaths(String element) {
        assertThat(withElements(element).dataElements()).containsExactly(element);
    }

    @Test
    void rejectsAnUnknownCategory() {
        assertThatThrownBy(() -> withElements("ATTENDANCE", "GOSSIP"))
                .hasMessage("data_elements names an unknown data category: 'GOSSIP'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Attendance", "attendance..records", "attendance.", ".records", "attendance records",
            "attendance.Records", "1attendance", "attendance-records", "*"})
    void rejectsMalformedElements(String element) {
        assertThatThrownBy(() -> withElements(element))
                .hasMessageStartingWith("data_elements must be category names or field paths");
    }

    @Test
    void requiresSomethingInEveryScope() {
        assertThatThrownBy(() -> withElements()).hasMessage("data_elements must not be empty");
        assertThatThrownBy(() -> agreement(1, Set.of(), Set.of("ATTENDANCE"), EFFECTIVE, END, EFFECTIVE, 0))
                .hasMessage("school_ids must not be empty");
    }

    @Test
    void checksVersionDatesAndDestructionDays() {
        Set<SchoolId> schools = Set.of(SchoolId.of("01M015"));
        Set<String> elements = Set.of("ATTENDANCE");
        assertThatThrownBy(() -> agreement(0, schools, elements, EFFECTIVE, END, EFFECTIVE, 0))
                .hasMessage("version must be 1 or more, was 0");
        assertThatThrownBy(() -> agreement(1, schools, elements, EFFECTIVE, EFFECTIVE.minusDays(1), EFFECTIVE, 0))
                .hasMessageStartingWith("end_date must not be before effective_date");
        assertThatThrownBy(() -> agreement(1, schools, elements, EFFECTIVE, END, EFFECTIVE.plusDays(1), 0))
                .hasMessageStartingWith("signed_date must not be after version_effective_date");
        assertThatThrownBy(() -> agreement(1, schools, elements, EFFECTIVE, END, EFFECTIVE, -1))
                .hasMessage("destruction_days must not be negative, was -1");
        assertThat(agreement(1, schools, elements, EFFECTIVE, EFFECTIVE, EFFECTIVE, 0).term().lengthInDays()).contains(1L);
    }

    @Test
    void isInForceFromTheEffectiveDateThroughTheEndDate() {
        DataSharingAgreement agreement = withElements("ATTENDANCE");
        assertThat(agreement.term()).isEqualTo(DateRange.closed(EFFECTIVE, END));
        assertThat(agreement.term().contains(END)).isTrue();
        assertThat(agreement.term().contains(END.plusDays(1))).isFalse();
        assertThat(agreement.destructionDeadline()).isEqualTo(LocalDate.of(2019, 8, 14));
    }
}
