package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.junit.jupiter.api.Test;

/** What a host that renders its own records asks of a decision: which records of a field, over all its grants. */
class DecisionCoverageTest {
    private static final FieldPath ATTENDANCE = FieldPath.of("attendance.records");
    private static final SchoolId A = SchoolId.of("SCH0001");
    private static final SchoolId B = SchoolId.of("SCH0002");

    private static RecordScope at(SchoolId s, LocalDate first, LocalDate last) {
        return RecordScope.of(List.of(new RecordScope.Limit("a test window", List.of(
                new RecordScope.Span(Optional.of(s), first, last)))));
    }

    @Test
    void theDaysOfTwoGrantsAreMergedAndNothingElseIsCovered() {
        // grant 1 covers SCH0001 from Sept 1 to Sept 10, grant 2 from Sept 8 to Sept 20: together Sept 1-20 at SCH0001,
        // nothing at SCH0002, nothing after Sept 20
        LocalDate sep = LocalDate.of(2017, 9, 1);
        Decision d = TestDecisions.of(StaffId.of("S-1"), StudentId.of("ST-1"), Purpose.of("instruction"),
                sep.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), sep, List.of(
                        TestDecisions.grant(ATTENDANCE, DataCategory.ATTENDANCE, "one", at(A, sep, sep.plusDays(9))),
                        TestDecisions.grant(ATTENDANCE, DataCategory.ATTENDANCE, "two", at(A, sep.plusDays(7), sep.plusDays(19)))),
                List.of(), List.of(), "two grants");

        assertThat(d.coveredDays(ATTENDANCE, A, sep.minusDays(5), sep.plusDays(40)))
                .containsExactly(DateRange.closed(sep, sep.plusDays(19)));
        assertThat(d.covers(ATTENDANCE, A, sep.plusDays(14), sep.plusDays(14))).isTrue();
        assertThat(d.covers(ATTENDANCE, A, sep.plusDays(20), sep.plusDays(20))).isFalse();
        assertThat(d.covers(ATTENDANCE, A, sep.plusDays(15), sep.plusDays(30))).as("a period with a day in scope").isTrue();
        assertThat(d.covers(ATTENDANCE, B, sep.plusDays(2), sep.plusDays(2))).isFalse();
        assertThat(d.coveredDays(FieldPath.of("coursework.marks"), A, sep, sep.plusDays(40))).as("a field not granted")
                .isEmpty();
    }
}
