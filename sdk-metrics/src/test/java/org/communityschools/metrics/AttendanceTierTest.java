package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttendanceTierTest {
    @Test
    void tiersFollowAttendanceWorksCutPointsWithLowerBoundsInclusive() {
        assertThat(AttendanceTier.of(Ratio.of(8, 180))).isEqualTo(AttendanceTier.SATISFACTORY);
        assertThat(AttendanceTier.of(Ratio.of(9, 180))).isEqualTo(AttendanceTier.AT_RISK);
        assertThat(AttendanceTier.of(Ratio.of(17, 180))).isEqualTo(AttendanceTier.AT_RISK);
        assertThat(AttendanceTier.of(Ratio.of(18, 180))).isEqualTo(AttendanceTier.MODERATE_CHRONIC);
        assertThat(AttendanceTier.of(Ratio.of(35, 180))).isEqualTo(AttendanceTier.MODERATE_CHRONIC);
        assertThat(AttendanceTier.of(Ratio.of(36, 180))).isEqualTo(AttendanceTier.SEVERE_CHRONIC);
        assertThat(AttendanceTier.of(Ratio.of(0, 180))).isEqualTo(AttendanceTier.SATISFACTORY);
    }
}
