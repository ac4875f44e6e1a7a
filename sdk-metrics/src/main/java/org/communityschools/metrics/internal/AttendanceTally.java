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

    private final int[] members;
    private final int[] counted;
    private final int[] chronic;
    private final long[] daysEnrolled;
    private final long[] absentUnits;
    private final int[] tiers;

    /** A tally of {@code groups} groups, all empty. */
    public AttendanceTally(int groups) {
        members = new int[groups];
        counted = new int[groups];
        chronic = new int[groups];
        daysEnrolled = new long[groups];
        absentUnits = new long[groups];
        tiers = new int[groups * TIERS.length];
    }

    /** The number of groups. */
    public int groups() {
        return members.length;
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one member of {@code group}. */
    public void add(int group, int days, long units, ChronicAbsenceStatus status, int sign) {
        members[group] += sign;
        daysEnrolled[group] += sign * (long) days;
        absentUnits[group] += sign * units;
        if (status.isCounted()) {
            counted[group] += sign;
            tiers[group * TIERS.length + Aggregator.tier(units, days * 10_000L).ordinal()] += sign;
            if (status.isChronicallyAbsent()) {
                chronic[group] += sign;
            }
        }
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
        members[group] += sign;
        daysEnrolled[group] += sign * (long) days;
        absentUnits[group] += sign * units;
        if (code >= 0) {
            counted[group] += sign;
            tiers[group * TIERS.length + (code & 7)] += sign;
            chronic[group] += sign * (code >>> 3);
        }
    }

    /** Adds every group of {@code other} (at most as many groups as this one) to this one's. */
    public void addAll(AttendanceTally other) {
        for (int g = 0; g < other.members.length; g++) {
            members[g] += other.members[g];
            counted[g] += other.counted[g];
            chronic[g] += other.chronic[g];
            daysEnrolled[g] += other.daysEnrolled[g];
            absentUnits[g] += other.absentUnits[g];
        }
        for (int i = 0; i < other.tiers.length; i++) {
            tiers[i] += other.tiers[i];
        }
    }

    /** Adds group {@code from} of {@code other} to group {@code to} of this one. */
    public void addGroup(int to, AttendanceTally other, int from) {
        members[to] += other.members[from];
        counted[to] += other.counted[from];
        chronic[to] += other.chronic[from];
        daysEnrolled[to] += other.daysEnrolled[from];
        absentUnits[to] += other.absentUnits[from];
        for (int t = 0; t < TIERS.length; t++) {
            tiers[to * TIERS.length + t] += other.tiers[from * TIERS.length + t];
        }
    }

    /** The members of {@code group}. */
    public int members(int group) {
        return members[group];
    }

    /** The aggregate of {@code group}, equal to an {@link Aggregator}'s over the same members. */
    public AttendanceAggregate result(int group) {
        Map<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        for (AttendanceTier tier : TIERS) {
            t.put(tier, tiers[group * TIERS.length + tier.ordinal()]);
        }
        return new AttendanceAggregate(members[group], counted[group], chronic[group], daysEnrolled[group], Days.of(absentUnits[group]), t);
    }
}
