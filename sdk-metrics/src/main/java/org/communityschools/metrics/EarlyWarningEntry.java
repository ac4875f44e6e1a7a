package org.communityschools.metrics;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StudentId;

/**
 * One student of an {@link EarlyWarningList}: the figures behind each indicator and the flags raised. Immutable and
 * thread-safe.
 *
 * @param studentId        the student
 * @param grade            the grade of the student's latest enrollment at the school
 * @param attendance       days enrolled and absent year to date, pooled over the student's enrollments in the district
 * @param suspensions      suspensions in the year to date
 * @param incidents        incidents counted (of the definition's behaviors) in the year to date
 * @param stateOffenses    incidents of behavior {@code STATE_OFFENSE} in the year to date
 * @param failedCourses    failed courses of the definition's subjects in the school year
 * @param creditsAttempted credits attempted in the school year (all subjects)
 * @param creditsEarned    credits earned in the school year (all subjects)
 * @param flags            the flags raised, at most one per indicator, in indicator order
 */
public record EarlyWarningEntry(StudentId studentId, GradeLevel grade, AttendanceFigures attendance, int suspensions,
                                int incidents, int stateOffenses, int failedCourses, BigDecimal creditsAttempted,
                                BigDecimal creditsEarned, List<EarlyWarningFlag> flags) {

    /**
     * The order of a list: most indicators flagged first, then most {@code AT_RISK} flags, then the lowest attendance
     * rate (a student without enrolled days last), then the student id.
     */
    public static final Comparator<EarlyWarningEntry> BY_RISK = Comparator
            .comparingInt(EarlyWarningEntry::indicatorsFlagged).reversed()
            .thenComparing(Comparator.comparingInt(EarlyWarningEntry::atRiskFlags).reversed())
            .thenComparing(e -> e.attendanceRate(), Comparator.comparing((Optional<Ratio> r) -> r.isEmpty())
                    .thenComparing((a, b) -> a.isEmpty() ? 0 : a.get().compareTo(b.get())))
            .thenComparing(EarlyWarningEntry::studentId);

    /**
     * Checks that nothing is missing and counts are not negative; copies the flags.
     *
     * @param studentId the student
     * @param grade the grade of the student's latest enrollment at the school
     * @param attendance days enrolled and absent year to date, pooled over the student's enrollments in the district
     * @param suspensions suspensions in the year to date
     * @param incidents incidents counted (of the definition's behaviors) in the year to date
     * @param stateOffenses incidents of behavior {@code STATE_OFFENSE} in the year to date
     * @param failedCourses failed courses of the definition's subjects in the school year
     * @param creditsAttempted credits attempted in the school year (all subjects)
     * @param creditsEarned credits earned in the school year (all subjects)
     * @param flags the flags raised, at most one per indicator, in indicator order
     */
    public EarlyWarningEntry {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(attendance, "attendance");
        if (suspensions < 0 || incidents < 0 || stateOffenses < 0 || failedCourses < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Objects.requireNonNull(creditsAttempted, "creditsAttempted");
        Objects.requireNonNull(creditsEarned, "creditsEarned");
        flags = List.copyOf(flags);
    }

    /**
     * Days present ÷ days enrolled year to date; empty when not enrolled on any instructional day.
     *
     * @return the attendance rate year to date, exact
     */
    public Optional<Ratio> attendanceRate() {
        return attendance.attendanceRate();
    }

    /** {@return the number of indicators flagged, 0 to 3: the risk level} */
    public int indicatorsFlagged() {
        return flags.size();
    }

    /** {@return the number of flags at {@link EarlyWarningFlag.Level#AT_RISK}: the severity} */
    public int atRiskFlags() {
        return (int) flags.stream().filter(f -> f.level() == EarlyWarningFlag.Level.AT_RISK).count();
    }

    /**
     * {@return the flag of {@code indicator}, if raised}
     *
     * @param indicator the indicator: attendance, behavior or course performance
     */
    public Optional<EarlyWarningFlag> flag(EarlyWarningFlag.Indicator indicator) {
        Objects.requireNonNull(indicator, "indicator");
        return flags.stream().filter(f -> f.indicator() == indicator).findFirst();
    }

    /** {@code EarlyWarningEntry[student=…]}: identifiers only, no personal data. */
    @Override
    public String toString() {
        return "EarlyWarningEntry[student=" + studentId + "]";
    }
}
