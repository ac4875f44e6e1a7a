package org.communityschools.metrics.internal;

import java.util.EnumMap;
import java.util.Map;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceTier;
import org.communityschools.metrics.ChronicAbsenceStatus;

/** Adds up {@link AttendanceFigures} into an {@link AttendanceAggregate}. Mutable, not thread-safe. */
public final class Aggregator {
    private int members;
    private int counted;
    private int chronic;
    private long daysEnrolled;
    private long absentUnits;
    private final int[] tiers = new int[AttendanceTier.values().length];

    /** Adds one member. */
    public void add(AttendanceFigures f) {
        add(f.daysEnrolled(), Days.units(f.daysAbsent()), f.status());
    }

    /** Adds one member given as days enrolled, absent ten-thousandths and status (what {@link #add(AttendanceFigures)} reads). */
    public void add(int daysEnrolledOfMember, long absentTenThousandths, ChronicAbsenceStatus status) {
        members++;
        daysEnrolled += daysEnrolledOfMember;
        absentUnits += absentTenThousandths;
        if (status.isCounted()) {
            counted++;
            tiers[tier(absentTenThousandths, (long) daysEnrolledOfMember * 10_000L).ordinal()]++;
            if (status.isChronicallyAbsent()) {
                chronic++;
            }
        }
    }

    /** Adds every member of {@code other} (the counts are sums, so the order of adding does not matter). */
    public void addAll(Aggregator other) {
        members += other.members;
        counted += other.counted;
        chronic += other.chronic;
        daysEnrolled += other.daysEnrolled;
        absentUnits += other.absentUnits;
        for (int i = 0; i < tiers.length; i++) {
            tiers[i] += other.tiers[i];
        }
    }

    /** The number of members added so far. */
    public int members() {
        return members;
    }

    /** {@link AttendanceTier#of} of {@code absentUnits / enrolledUnits}, in long arithmetic (both at most a few million). */
    static AttendanceTier tier(long absentUnits, long enrolledUnits) {
        if (absentUnits * 5 >= enrolledUnits) {
            return AttendanceTier.SEVERE_CHRONIC;
        }
        if (absentUnits * 10 >= enrolledUnits) {
            return AttendanceTier.MODERATE_CHRONIC;
        }
        if (absentUnits * 20 >= enrolledUnits) {
            return AttendanceTier.AT_RISK;
        }
        return AttendanceTier.SATISFACTORY;
    }

    /** The aggregate of the members added so far. */
    public AttendanceAggregate result() {
        Map<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        for (AttendanceTier tier : AttendanceTier.values()) {
            t.put(tier, tiers[tier.ordinal()]);
        }
        return new AttendanceAggregate(members, counted, chronic, daysEnrolled, Days.of(absentUnits), t);
    }

    /** An aggregate of nothing. */
    public static AttendanceAggregate empty() {
        return new Aggregator().result();
    }
}
