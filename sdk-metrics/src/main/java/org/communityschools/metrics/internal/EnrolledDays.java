package org.communityschools.metrics.internal;

/**
 * Counts the days a student was enrolled over several enrollments, each day once: the rule behind a student's stay
 * at one school (every enrollment of the student at the school in the year, combined, so that a student who left
 * and came back is one student there) and behind the district's pooled student-year (a same-day transfer, an exit
 * from one school and an entry to another on the same date, puts that day into the membership once). A day counts
 * when at least one of the enrollments covers it and that enrollment's school held instruction on it.
 * Enrollments that do not overlap add up (the common case, no day-by-day walk). Stateless.
 */
final class EnrolledDays {
    private EnrolledDays() {}

    /** One school's instructional days within the period calculated, by epoch day. */
    interface Calendar {
        /** Whether epoch day {@code d} is instructional. */
        boolean isInstructional(int d);

        /** Instructional days in {@code [a, b]} (epoch days). */
        int count(int a, int b);
    }

    /**
     * The days of the union of the {@code n} closed ranges {@code [first[k], last[k]]} of {@code index[0..n)}, a day
     * counting when one of the ranges covering it is instructional in its calendar; {@code days[k]} are the ranges'
     * own counts (what a range counts alone).
     */
    static int union(int n, int[] index, int[] first, int[] last, int[] days, Calendar[] calendars) {
        if (n == 1) {
            return days[index[0]];
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        long span = 0;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int k = index[i];
            min = Math.min(min, first[k]);
            max = Math.max(max, last[k]);
            span += last[k] - first[k] + 1L;
            sum += days[k];
        }
        if (!overlap(n, index, first, last, span, max - min + 1L)) {
            return sum;
        }
        int count = 0;
        for (int d = min; d <= max; d++) {
            for (int i = 0; i < n; i++) {
                int k = index[i];
                if (d >= first[k] && d <= last[k] && calendars[k].isInstructional(d)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** Whether two of the ranges share a day (quick answer when the ranges' lengths fit in their span). */
    private static boolean overlap(int n, int[] index, int[] first, int[] last, long totalLength, long span) {
        if (totalLength > span) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int a = index[i];
                int b = index[j];
                if (first[a] <= last[b] && first[b] <= last[a]) {
                    return true;
                }
            }
        }
        return false;
    }
}
