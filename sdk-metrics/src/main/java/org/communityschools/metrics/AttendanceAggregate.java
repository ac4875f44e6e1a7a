package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Attendance and chronic absence of a group of student-enrollments or student-years, always as counts: the
 * chronic-absence rate is {@code chronicallyAbsent / counted}, never only a percentage. Immutable and thread-safe.
 *
 * @param members           student-enrollments or student-years in the group, counted or not
 * @param counted           members counted under the definition (the denominator of the chronic-absence rate)
 * @param chronicallyAbsent counted members chronically absent (the numerator)
 * @param daysEnrolled      instructional days enrolled of all members
 * @param daysAbsent        days absent of all members
 * @param tiers             counted members by Attendance Works tier; the counts add up to {@code counted}
 */
public record AttendanceAggregate(int members, int counted, int chronicallyAbsent, long daysEnrolled,
                                  BigDecimal daysAbsent, Map<AttendanceTier, Integer> tiers) {
    /**
     * Checks that the counts are consistent.
     *
     * @param members student-enrollments or student-years in the group, counted or not
     * @param counted members counted under the definition (the denominator of the chronic-absence rate)
     * @param chronicallyAbsent counted members chronically absent (the numerator)
     * @param daysEnrolled instructional days enrolled of all members
     * @param daysAbsent days absent of all members
     * @param tiers counted members by Attendance Works tier; the counts add up to {@code counted}
     */
    public AttendanceAggregate {
        Objects.requireNonNull(daysAbsent, "daysAbsent");
        if (members < 0 || counted < 0 || chronicallyAbsent < 0 || counted > members || chronicallyAbsent > counted) {
            throw new IllegalArgumentException("counts must satisfy 0 <= chronicallyAbsent <= counted <= members, was "
                    + chronicallyAbsent + ", " + counted + ", " + members);
        }
        if (daysEnrolled < 0 || daysAbsent.signum() < 0 || daysAbsent.compareTo(BigDecimal.valueOf(daysEnrolled)) > 0) {
            throw new IllegalArgumentException("days absent must be from 0 to days enrolled " + daysEnrolled + ", was " + daysAbsent);
        }
        EnumMap<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        int sum = 0;
        for (AttendanceTier tier : AttendanceTier.values()) {
            int n = Objects.requireNonNull(tiers, "tiers").getOrDefault(tier, 0);
            if (n < 0) {
                throw new IllegalArgumentException("tier count must not be negative, was " + n + " for " + tier);
            }
            t.put(tier, n);
            sum += n;
        }
        if (sum != counted) {
            throw new IllegalArgumentException("tier counts must add up to counted " + counted + ", was " + sum);
        }
        tiers = Collections.unmodifiableMap(t);
    }

    /**
     * The aggregate of one member (a student-enrollment or a pooled student-year): the per-member partial that
     * {@link #plus} adds up, so that an aggregation can be split across machines (shard by member, add the partials
     * in any order) and still give exactly the batch report's aggregate.
     *
     * @param member one member's figures
     * @return the aggregate of that member alone
     */
    public static AttendanceAggregate of(AttendanceFigures member) {
        org.communityschools.metrics.internal.Aggregator a = new org.communityschools.metrics.internal.Aggregator();
        a.add(Objects.requireNonNull(member, "member"));
        return a.result();
    }

    /**
     * The aggregate of this group's members and {@code other}'s (disjoint groups of members): every count and day
     * total is a sum, so {@code plus} is associative and commutative and has the aggregate of nothing as identity.
     *
     * @param other the aggregate of a group disjoint from this one
     * @return the aggregate of both groups
     */
    public AttendanceAggregate plus(AttendanceAggregate other) {
        Objects.requireNonNull(other, "other");
        Map<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        for (AttendanceTier tier : AttendanceTier.values()) {
            t.put(tier, tiers.get(tier) + other.tiers.get(tier));
        }
        return new AttendanceAggregate(members + other.members, counted + other.counted,
                chronicallyAbsent + other.chronicallyAbsent, daysEnrolled + other.daysEnrolled,
                org.communityschools.metrics.internal.Days.of(org.communityschools.metrics.internal.Days.units(daysAbsent)
                        + org.communityschools.metrics.internal.Days.units(other.daysAbsent)), t);
    }

    /**
     * The members of this group that are not in {@code part}, a subgroup of this group's members (such as the
     * students without a characteristic: all students minus those with it): every count and day total subtracted.
     *
     * @param part the aggregate of a subgroup of this group's members
     * @return the aggregate of the members of this group outside {@code part}
     * @throws IllegalArgumentException when {@code part} is not contained in this group (a count would be negative)
     */
    public AttendanceAggregate minus(AttendanceAggregate part) {
        Objects.requireNonNull(part, "part");
        Map<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        for (AttendanceTier tier : AttendanceTier.values()) {
            t.put(tier, tiers.get(tier) - part.tiers.get(tier));
        }
        return new AttendanceAggregate(members - part.members, counted - part.counted,
                chronicallyAbsent - part.chronicallyAbsent, daysEnrolled - part.daysEnrolled,
                org.communityschools.metrics.internal.Days.of(org.communityschools.metrics.internal.Days.units(daysAbsent)
                        - org.communityschools.metrics.internal.Days.units(part.daysAbsent)), t);
    }

    /**
     * Members not counted (excluded by a minimum, or not enrolled on any day).
     *
     * @return the number of members not counted
     */
    public int excluded() {
        return members - counted;
    }

    /**
     * {@code chronicallyAbsent / counted}; empty when no member is counted.
     *
     * @return the share of counted members who are chronically absent
     */
    public Optional<Ratio> chronicAbsenceRate() {
        return counted == 0 ? Optional.empty() : Optional.of(Ratio.of(chronicallyAbsent, counted));
    }

    /**
     * Days present ÷ days enrolled over all members; empty when no day is enrolled.
     *
     * @return the attendance rate of the group, exact
     */
    public Optional<Ratio> attendanceRate() {
        return daysEnrolled == 0 ? Optional.empty()
                : Optional.of(Ratio.of(BigDecimal.valueOf(daysEnrolled).subtract(daysAbsent), BigDecimal.valueOf(daysEnrolled)));
    }

    /**
     * Days absent ÷ days enrolled over all members; empty when no day is enrolled.
     *
     * @return the absence rate of the group, exact
     */
    public Optional<Ratio> absenceRate() {
        return daysEnrolled == 0 ? Optional.empty() : Optional.of(Ratio.of(daysAbsent, BigDecimal.valueOf(daysEnrolled)));
    }

    /**
     * Days present of all members.
     *
     * @return the days present, summed over the members, exact
     */
    public BigDecimal daysPresent() {
        return BigDecimal.valueOf(daysEnrolled).subtract(daysAbsent);
    }

    /**
     * Counted members in {@code tier}.
     *
     * @param tier an attendance tier
     * @return the number of counted members whose absence rate falls in {@code tier}
     */
    public int inTier(AttendanceTier tier) {
        return tiers.get(Objects.requireNonNull(tier, "tier"));
    }
}
