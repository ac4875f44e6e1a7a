package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EnrollmentTest {
    private static final LocalDate ENTRY = LocalDate.of(2017, 9, 7);
    private static final LocalDate EXIT = LocalDate.of(2018, 2, 14);

    private static Enrollment enrollment(Optional<LocalDate> exit, Optional<ExitWithdrawType> type, boolean documented) {
        return new Enrollment(StudentId.of("S1"), SchoolId.of("01M015"), ENTRY, GradeLevel.G09, exit, type, documented);
    }

    @Test
    void requiresExitDateAndTypeTogether() {
        assertThatThrownBy(() -> enrollment(Optional.of(EXIT), Optional.empty(), false))
                .hasMessage("exit_date and exit_type must be given together");
        assertThatThrownBy(() -> enrollment(Optional.empty(), Optional.of(ExitWithdrawType.TRANSFERRED), false))
                .hasMessage("exit_date and exit_type must be given together");
    }

    @Test
    void rejectsAnExitBeforeTheEntry() {
        assertThatThrownBy(() -> enrollment(Optional.of(ENTRY.minusDays(1)), Optional.of(ExitWithdrawType.OTHER), false))
                .hasMessageContaining("exit_date must not be before entry_date");
    }

    @Test
    void allowsAOneDayEnrollment() {
        Enrollment oneDay = enrollment(Optional.of(ENTRY), Optional.of(ExitWithdrawType.TRANSFERRED), false);
        assertThat(oneDay.period().lengthInDays()).contains(1L);
        assertThat(oneDay.isEnrolledOn(ENTRY)).isTrue();
        assertThat(oneDay.isEnrolledOn(ENTRY.plusDays(1))).isFalse();
    }

    @Test
    void rejectsADocumentedExitWithoutAnExit() {
        assertThatThrownBy(() -> enrollment(Optional.empty(), Optional.empty(), true))
                .hasMessage("exit_documented requires an exit");
    }

    @Test
    void theExitDateIsTheLastDayEnrolled() {
        Enrollment transfer = enrollment(Optional.of(EXIT), Optional.of(ExitWithdrawType.TRANSFERRED), true);
        assertThat(transfer.period()).isEqualTo(DateRange.closed(ENTRY, EXIT));
        assertThat(transfer.isEnrolledOn(ENTRY.minusDays(1))).isFalse();
        assertThat(transfer.isEnrolledOn(ENTRY)).isTrue();
        assertThat(transfer.isEnrolledOn(EXIT)).isTrue();
        assertThat(transfer.isEnrolledOn(EXIT.plusDays(1))).isFalse();
    }

    @Test
    void anOpenEnrollmentHasNoEnd() {
        Enrollment open = enrollment(Optional.empty(), Optional.empty(), false);
        assertThat(open.period().endExclusive()).isEmpty();
        assertThat(open.isEnrolledOn(LocalDate.of(2030, 1, 1))).isTrue();
    }

    /** Enrolled on a day exactly when the enrollment's period contains it (answered without building the period). */
    @Property(tries = 1000)
    void isEnrolledOnIsThePeriodsContains(@ForAll @IntRange(min = -1, max = 40) int length,
                                          @ForAll @IntRange(min = -5, max = 50) int day) {
        Optional<LocalDate> exit = length < 0 ? Optional.empty() : Optional.of(ENTRY.plusDays(length));
        Enrollment e = enrollment(exit, exit.map(x -> ExitWithdrawType.TRANSFERRED), false);
        LocalDate d = ENTRY.plusDays(day);
        assertThat(e.isEnrolledOn(d)).isEqualTo(e.period().contains(d));
    }
}
