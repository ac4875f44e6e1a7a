package org.communityschools.metrics.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.jspecify.annotations.Nullable;

/**
 * The state of one school in an {@link AccumulatorState}: a bitmap of the year's instructional days with a prefix count
 * rebuilt lazily after a change, the school type, the students with an enrollment there that overlaps the year, and
 * the school's cached aggregate. Mutable, single writer, not thread-safe.
 */
final class AccumulatorSchool implements EnrolledDays.Calendar {
    private final int firstEpoch;
    private final int lastEpoch;
    @Nullable SchoolType type;
    /** Bit {@code d} is set when epoch day {@code firstEpoch + d} is instructional. */
    final BitSet days;
    int @Nullable [] prefix;
    /** Students with at least one enrollment at the school, with their number of enrollments there. */
    final Map<StudentId, Integer> enrolled = new HashMap<>();
    /**
     * The school's aggregate as of {@link #cachedLast}, dropped by any event that can change it: its calendar or
     * type, an enrollment at the school, a record at the school (the school's figures depend on nothing else).
     */
    @Nullable AttendanceAggregate cached;
    int cachedLast;

    /** A school with no instructional day in the year of epoch days {@code [firstEpoch, lastEpoch]}. */
    AccumulatorSchool(int firstEpoch, int lastEpoch) {
        this.firstEpoch = firstEpoch;
        this.lastEpoch = lastEpoch;
        this.days = new BitSet(lastEpoch - firstEpoch + 1);
    }

    @Override
    public boolean isInstructional(int d) {
        return d >= firstEpoch && d <= lastEpoch && days.get(d - firstEpoch);
    }

    @Override
    public int count(int a, int b) {
        int[] p = prefix();
        return p[b - firstEpoch + 1] - p[a - firstEpoch];
    }

    /** The prefix count of instructional days: element {@code i} counts the days before year day {@code i}. */
    int[] prefix() {
        int[] p = prefix;
        if (p == null) {
            p = new int[lastEpoch - firstEpoch + 2];
            for (int i = 0; i < p.length - 1; i++) {
                p[i + 1] = p[i] + (days.get(i) ? 1 : 0);
            }
            prefix = p;
        }
        return p;
    }
}
