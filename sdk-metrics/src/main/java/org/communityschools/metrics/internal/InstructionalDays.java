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
     * Schools' instructional days as one bit set: school {@code s}'s day {@code base + i} at bit
     * {@code s * 64 * stride + i}, for {@code i} in [0, {@code length}).
     *
     * @param words the bits
     * @param base the first day (epoch day)
     * @param length the number of days
     * @param stride the 64-bit words per school
     */
    record Bits(long[] words, int base, int length, int stride) {}

    /**
     * The calendars {@code calendars} (by school index, null for a school without one) as one bit set over the days of
     * all of them: the calendars of one year's calculation share their days, and their bits are copied word by word.
     */
    static Bits bits(@Nullable InstructionalDays[] calendars) {
        int base = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (InstructionalDays c : calendars) {
            if (c != null) {
                base = Math.min(base, c.base);
                end = Math.max(end, c.base + c.instructional.length);
            }
        }
        if (base > end) {
            return new Bits(new long[0], 0, 0, 0);
        }
        int length = end - base;
        int stride = (length + 63) >>> 6;
        long[] words = new long[calendars.length * stride];
        for (int s = 0; s < calendars.length; s++) {
            InstructionalDays c = calendars[s];
            if (c == null) {
                continue;
            }
            if (c.base == base && c.bits.length == stride) {
                System.arraycopy(c.bits, 0, words, s * stride, stride);
            } else {
                for (int i = 0; i < c.instructional.length; i++) {
                    if (c.instructional[i]) {
                        int d = c.base + i - base;
                        words[s * stride + (d >>> 6)] |= 1L << d;
                    }
                }
            }
        }
        return new Bits(words, base, length, stride);
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
