package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttendanceAndBehaviorTest {
    private static final LocalDate DAY = LocalDate.of(2018, 1, 8);

    private static AttendanceRecord attendance(AttendanceCategory category, Optional<DayShare> duration) {
        return AttendanceRecord.of(StudentId.of("S1"), SchoolId.of("01M015"), DAY, category, duration, Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"PRESENT, 0", "EXCUSED_ABSENCE, 1", "UNEXCUSED_ABSENCE, 1", "TARDY, 0", "EARLY_DEPARTURE, 0",
            "IN_SCHOOL_SUSPENSION, 0", "OUT_OF_SCHOOL_SUSPENSION, 1"})
    void aMissingDurationTakesTheCategorysDefault(AttendanceCategory category, String expected) {
        assertThat(attendance(category, Optional.empty()).duration()).isEqualTo(DayShare.parse(expected));
    }

    @Test
    void aPartialDayNeedsItsDuration() {
        assertThatThrownBy(() -> attendance(AttendanceCategory.PARTIAL, Optional.empty()))
                .hasMessage("duration is required for category PARTIAL");
        assertThat(attendance(AttendanceCategory.PARTIAL, Optional.of(DayShare.HALF_DAY)).duration()).isEqualTo(DayShare.HALF_DAY);
    }

    @Test
    void anExplicitDurationWins() {
        assertThat(attendance(AttendanceCategory.UNEXCUSED_ABSENCE, Optional.of(DayShare.HALF_DAY)).duration())
                .isEqualTo(DayShare.HALF_DAY);
    }

    @Test
    void rejectsALongOrBlankReason() {
        assertThatThrownBy(() -> AttendanceRecord.of(StudentId.of("S1"), SchoolId.of("01M015"), DAY, AttendanceCategory.TARDY,
                Optional.empty(), Optional.of("x".repeat(65)))).hasMessage("reason must have 1 to 64 characters");
        assertThatThrownBy(() -> AttendanceRecord.of(StudentId.of("S1"), SchoolId.of("01M015"), DAY, AttendanceCategory.TARDY,
                Optional.empty(), Optional.of(" "))).hasMessage("reason must have 1 to 64 characters");
    }

    private static BehaviorIncident incident(DisciplineActionType action, String days) {
        return new BehaviorIncident(IncidentId.of("I1"), StudentId.of("S1"), SchoolId.of("01M015"), DAY,
                BehaviorType.SCHOOL_CODE_OF_CONDUCT, Optional.empty(), action, new BigDecimal(days));
    }

    @Test
    void anIncidentWithoutActionHasNoDays() {
        assertThatThrownBy(() -> incident(DisciplineActionType.NONE, "1"))
                .hasMessage("action_days must be 0 when action is NONE, was 1");
        assertThatThrownBy(() -> incident(DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION, "-1"))
                .hasMessage("action_days must not be negative, was -1");
    }

    @Test
    void actionDaysAreNormalizedAndSuspensionsRecognized() {
        assertThat(incident(DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION, "3.0")).isEqualTo(incident(DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION, "3"));
        assertThat(incident(DisciplineActionType.NONE, "0.0").actionDays()).isEqualTo(BigDecimal.ZERO);
        assertThat(incident(DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION, "10").actionDays()).hasToString("10");
        assertThat(incident(DisciplineActionType.EXPULSION, "1").isOutOfSchoolSuspension()).isTrue();
        assertThat(incident(DisciplineActionType.IN_SCHOOL_SUSPENSION, "1").isOutOfSchoolSuspension()).isFalse();
    }

    @Test
    void identifiersFollowTheInterchangeRule() {
        assertThat(StudentId.of("x".repeat(32)).value()).hasSize(32);
        assertThatThrownBy(() -> StudentId.of("x".repeat(33))).hasMessageContaining("1 to 32 characters");
        assertThatThrownBy(() -> StudentId.of("")).hasMessageContaining("1 to 32 characters");
        assertThatThrownBy(() -> StudentId.of("S 1")).hasMessageContaining("whitespace");
        assertThat(StudentId.of("S1")).hasToString("S1");
    }
}
