package org.communityschools.metrics.internal;

import java.util.EnumMap;
import java.util.Map;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceTier;
import org.communityschools.metrics.ChronicAbsenceStatus;

/**
 * The counts of many groups at once (schools, grades, subgroup combinations), in primitive arrays indexed by the
 * group's dense index: what {@link Aggregator} keeps for one group, without an object per group or per member.
 * Members are added and, for an update by a change batch, {@linkplain #add(int, int, long, ChronicAbsenceStatus, int)
 * removed} with the same arithmetic (every count is a sum). Mutable, not thread-safe: one per thread, then
 * {@link #addAll merged}.
 */
public final class AttendanceTally {
    private static final AttendanceTier[] TIERS = AttendanceTier.values();
    /** Ints per group: members, counted, chronically absent, then a count per tier (and one unused). */
    private static final int INTS = 8;
    private static final int MEMBERS = 0;
    private static final int COUNTED = 1;
    private static final int CHRONIC = 2;
    private static final int TIER = 3;

    /**
     * By group, {@link #INTS} ints side by side (one member's additions touch one run of 32 bytes, not a cache line
     * per count), and two longs: days enrolled and absent ten-thousandths.
     */
    private final int[] counts;
    private final long[] sums;

    /** A tally of {@code groups} groups, all empty. */
    public AttendanceTally(int groups) {
        counts = new int[groups * INTS];
        sums = new long[groups * 2];
    }

    /** The number of groups. */
    public int groups() {
        return sums.length / 2;
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one member of {@code group}. */
    public void add(int group, int days, long units, ChronicAbsenceStatus status, int sign) {
        addCoded(group, days, units, code(days, units, status), sign);
    }

    /**
     * The code of a member for {@link #addCoded}: -1 when not counted, else the tier's ordinal, plus 8 when
     * chronically absent; computed once for a member counted in several tallies.
     */
    public static int code(int days, long units, ChronicAbsenceStatus status) {
        if (!status.isCounted()) {
            return -1;
        }
        return Aggregator.tier(units, days * 10_000L).ordinal() | (status.isChronicallyAbsent() ? 8 : 0);
    }

    /**
     * Adds ({@code sign} 1) or removes ({@code sign} -1) one member of {@code group} with its {@link #code}: the same
     * counts as {@link #add(int, int, long, ChronicAbsenceStatus, int)}.
     */
    public void addCoded(int group, int days, long units, int code, int sign) {
        int i = group * INTS;
        counts[i + MEMBERS] += sign;
        sums[2 * group] += sign * (long) days;
        sums[2 * group + 1] += sign * units;
        if (code >= 0) {
            counts[i + COUNTED] += sign;
            counts[i + TIER + (code & 7)] += sign;
            counts[i + CHRONIC] += sign * (code >>> 3);
        }
    }

    /** Adds every group of {@code other} (at most as many groups as this one) to this one's. */
    public void addAll(AttendanceTally other) {
        for (int i = 0; i < other.counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (int i = 0; i < other.sums.length; i++) {
            sums[i] += other.sums[i];
        }
    }

    /** Adds group {@code from} of {@code other} to group {@code to} of this one. */
    public void addGroup(int to, AttendanceTally other, int from) {
        for (int k = 0; k < INTS; k++) {
            counts[to * INTS + k] += other.counts[from * INTS + k];
        }
        sums[2 * to] += other.sums[2 * from];
        sums[2 * to + 1] += other.sums[2 * from + 1];
    }

    /** The members of {@code group}. */
    public int members(int group) {
        return counts[group * INTS + MEMBERS];
    }

    /** The aggregate of {@code group}, equal to an {@link Aggregator}'s over the same members. */
    public AttendanceAggregate result(int group) {
        int i = group * INTS;
        Map<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        for (AttendanceTier tier : TIERS) {
            t.put(tier, counts[i + TIER + tier.ordinal()]);
        }
        return new AttendanceAggregate(counts[i + MEMBERS], counts[i + COUNTED], counts[i + CHRONIC], sums[2 * group],
                Days.of(sums[2 * group + 1]), t);
    }
}
