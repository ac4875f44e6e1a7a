package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.SchoolId;

/**
 * One school's attendance in a school year up to the as-of date: its student-enrollments aggregated, and the
 * number of days in session, so that the three measures that are easily confused stay distinct (average
 * daily attendance as 20 USC 7801(1) defines it): the {@linkplain AttendanceAggregate#attendanceRate() attendance rate} (days present ÷ days enrolled,
 * a proportion), the {@linkplain #averageDailyAttendance() average daily attendance} (days present ÷ days in
 * session, a head count, 20 USC 7801(1)) and the {@linkplain #averageDailyMembership() average daily membership}
 * (days enrolled ÷ days in session). Immutable and thread-safe.
 *
 * @param schoolId        the school
 * @param communitySchool whether the school was a community school that year
 * @param daysInSession   the school's instructional days in the year up to the as-of date
 * @param enrollments     the school's student-enrollments, aggregated
 */
public record SchoolAttendance(SchoolId schoolId, boolean communitySchool, int daysInSession, AttendanceAggregate enrollments) {
    /**
     * Checks that nothing is missing.
     *
     * @param schoolId the school
     * @param communitySchool whether the school was a community school that year
     * @param daysInSession the school's instructional days in the year up to the as-of date
     * @param enrollments the school's student-enrollments, aggregated
     */
    public SchoolAttendance {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(enrollments, "enrollments");
        if (daysInSession < 0) {
            throw new IllegalArgumentException("days in session must not be negative, was " + daysInSession);
        }
    }

    /**
     * Days present of all students ÷ days in session (a head count); empty when no day was in session.
     *
     * @return the average daily attendance, exact
     */
    public Optional<Ratio> averageDailyAttendance() {
        return daysInSession == 0 ? Optional.empty()
                : Optional.of(Ratio.of(enrollments.daysPresent(), java.math.BigDecimal.valueOf(daysInSession)));
    }

    /**
     * Days enrolled of all students ÷ days in session; empty when no day was in session.
     *
     * @return the average daily membership, exact
     */
    public Optional<Ratio> averageDailyMembership() {
        return daysInSession == 0 ? Optional.empty() : Optional.of(Ratio.of(enrollments.daysEnrolled(), daysInSession));
    }
}
