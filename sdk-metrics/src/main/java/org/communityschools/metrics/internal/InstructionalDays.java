package org.communityschools.metrics.internal;

import java.time.LocalDate;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * One school's instructional days within a period (a school year's, for a chronic-absence calculation): a flag per
 * day, the same as bits, and a prefix count. Immutable once built, shared by the calculations over the same data.
 */
final class InstructionalDays implements EnrolledDays.Calendar {
    private final int base;
    private final boolean[] instructional;
    /** Bit {@code i} (of word {@code i >>> 6}): whether day {@code base + i} is instructional. */
    private final long[] bits;
    private final int[] prefix;

    InstructionalDays(DistrictData data, SchoolId school, LocalDate from, LocalDate to) {
        base = (int) from.toEpochDay();
        int n = (int) (to.toEpochDay() - base) + 1;
        instructional = new boolean[n];
        bits = new long[(n + 63) >>> 6];
        prefix = new int[n + 1];
        var calendar = data.calendar(school);
        LocalDate d = from;
        for (int i = 0; i < n; i++, d = d.plusDays(1)) {
            instructional[i] = calendar.isInstructionalDay(d);
            if (instructional[i]) {
                bits[i >>> 6] |= 1L << i;
            }
            prefix[i + 1] = prefix[i] + (instructional[i] ? 1 : 0);
        }
    }

    /**
     * The calendars {@code calendars} (by school index, null for a school without one) as one bit set: school
     * {@code s}'s day {@code base + i} at bit {@code s * 64 * words + i}, with {@code base} and {@code words} those
     * of every calendar; null when two calendars differ in their first day or length (then read each calendar).
     */
    static long @Nullable [] flat(@Nullable InstructionalDays[] calendars) {
        InstructionalDays model = null;
        for (InstructionalDays c : calendars) {
            if (c != null) {
                if (model == null) {
                    model = c;
                } else if (c.base != model.base || c.instructional.length != model.instructional.length) {
                    return null;
                }
            }
        }
        if (model == null) {
            return new long[0];
        }
        int words = model.bits.length;
        long[] flat = new long[calendars.length * words];
        for (int s = 0; s < calendars.length; s++) {
            if (calendars[s] != null) {
                System.arraycopy(calendars[s].bits, 0, flat, s * words, words);
            }
        }
        return flat;
    }

    /** The first day of the calendar (epoch day). */
    int base() {
        return base;
    }

    /** The number of days of the calendar. */
    int length() {
        return instructional.length;
    }

    /** The number of 64-day words of the calendar's bits. */
    int words() {
        return bits.length;
    }

    @Override
    public int count(int a, int b) {
        return prefix[b - base + 1] - prefix[a - base];
    }

    @Override
    public boolean isInstructional(int d) {
        int i = d - base;
        return i >= 0 && i < instructional.length && instructional[i];
    }
}
