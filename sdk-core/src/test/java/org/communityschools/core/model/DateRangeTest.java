package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateRangeTest {
    private static final LocalDate SEP_1 = LocalDate.of(2017, 9, 1);
    private static final LocalDate SEP_5 = LocalDate.of(2017, 9, 5);
    private static final LocalDate SEP_10 = LocalDate.of(2017, 9, 10);

    @Test
    void containsItsStartButNotItsExclusiveEnd() {
        DateRange range = DateRange.halfOpen(SEP_1, SEP_5);
        assertThat(range.contains(SEP_1)).isTrue();
        assertThat(range.contains(SEP_5.minusDays(1))).isTrue();
        assertThat(range.contains(SEP_5)).isFalse();
        assertThat(range.contains(SEP_1.minusDays(1))).isFalse();
        assertThat(range.lengthInDays()).contains(4L);
        assertThat(range.lastDay()).contains(LocalDate.of(2017, 9, 4));
    }

    @Test
    void rejectsAnEmptyOrReversedRange() {
        assertThatThrownBy(() -> DateRange.halfOpen(SEP_5, SEP_5)).hasMessageContaining("end must be after begin");
        assertThatThrownBy(() -> DateRange.halfOpen(SEP_5, SEP_1)).hasMessageContaining("end must be after begin");
        assertThatThrownBy(() -> DateRange.closed(SEP_5, SEP_1)).hasMessageContaining("end must not be before begin");
    }

    @Test
    void closedIncludesBothDaysAndEqualsTheHalfOpenRangeToTheNextDay() {
        DateRange closed = DateRange.closed(SEP_1, SEP_5);
        assertThat(closed).isEqualTo(DateRange.halfOpen(SEP_1, SEP_5.plusDays(1)));
        assertThat(closed.contains(SEP_5)).isTrue();
        assertThat(closed.lastDay()).contains(SEP_5);
        assertThat(DateRange.closed(SEP_1, SEP_1).lengthInDays()).contains(1L);
    }

    @Test
    void closedWithoutALastDayIsOpenEnded() {
        DateRange open = DateRange.closed(SEP_1, Optional.empty());
        assertThat(open).isEqualTo(DateRange.startingOn(SEP_1));
        assertThat(open.contains(LocalDate.of(2999, 1, 1))).isTrue();
        assertThat(open.contains(SEP_1.minusDays(1))).isFalse();
        assertThat(open.lastDay()).isEmpty();
        assertThat(open.lengthInDays()).isEmpty();
        assertThat(DateRange.closed(SEP_1, Optional.of(SEP_5))).isEqualTo(DateRange.closed(SEP_1, SEP_5));
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        DateRange first = DateRange.halfOpen(SEP_1, SEP_5);
        DateRange next = DateRange.halfOpen(SEP_5, SEP_10);
        assertThat(first.overlaps(next)).isFalse();
        assertThat(next.overlaps(first)).isFalse();
    }

    @Test
    void rangesSharingADayOverlap() {
        DateRange first = DateRange.closed(SEP_1, SEP_5);
        DateRange next = DateRange.closed(SEP_5, SEP_10);
        assertThat(first.overlaps(next)).isTrue();
        assertThat(next.overlaps(first)).isTrue();
        assertThat(first.overlaps(first)).isTrue();
    }

    @Test
    void openEndedRangesOverlapEverythingAfterThem() {
        DateRange open = DateRange.startingOn(SEP_5);
        assertThat(open.overlaps(DateRange.halfOpen(SEP_1, SEP_5))).isFalse();
        assertThat(open.overlaps(DateRange.halfOpen(SEP_1, SEP_5.plusDays(1)))).isTrue();
        assertThat(open.overlaps(DateRange.startingOn(LocalDate.of(2030, 1, 1)))).isTrue();
        assertThat(DateRange.startingOn(SEP_1).overlaps(open)).isTrue();
    }

    @Test
    void printsAsAHalfOpenInterval() {
        assertThat(DateRange.closed(SEP_1, SEP_5)).hasToString("[2017-09-01, 2017-09-06)");
        assertThat(DateRange.startingOn(SEP_1)).hasToString("[2017-09-01, )");
    }
}
