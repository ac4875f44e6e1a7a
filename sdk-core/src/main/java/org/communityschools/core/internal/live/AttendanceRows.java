package org.communityschools.core.internal.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.live.Change;
import org.communityschools.core.model.SchoolId;

/** A student's attendance rows in a version made by changes: rows merged in store order, reason codes carried over. Stateless. */
final class AttendanceRows {
    private AttendanceRows() {}

    /**
     * A student's rows after attendance changes: the current rows less those whose (school, day) a change addresses,
     * plus the rows the changes add, in store order (date, then school).
     */
    static AttendanceColumns.Rows merged(AttendanceColumns.Rows current, IdTable<SchoolId, ?> schools,
                                                 List<Change> changes, AttendanceColumns.Rows added) {
        Set<Long> addressed = new java.util.HashSet<>();
        for (Change c : changes) {
            List<String> k = c.key().values();
            addressed.add(((long) java.time.LocalDate.parse(k.get(2)).toEpochDay() << 16) | schools.indexOf(k.get(1)));
        }
        int n = 0;
        int total = current.size() + added.size();
        char[] school = new char[total];
        int[] day = new int[total];
        int[] packed = new int[total];
        for (int r = 0; r < current.size(); r++) {
            if (!addressed.contains(((long) current.day()[r] << 16) | current.school()[r])) {
                school[n] = current.school()[r];
                day[n] = current.day()[r];
                packed[n++] = current.packed()[r];
            }
        }
        for (int r = 0; r < added.size(); r++) {
            school[n] = added.school()[r];
            day[n] = added.day()[r];
            packed[n++] = added.packed()[r];
        }
        long[] order = new long[n];
        int minDay = Integer.MAX_VALUE;
        for (int r = 0; r < n; r++) {
            minDay = Math.min(minDay, day[r]);
        }
        for (int r = 0; r < n; r++) {
            order[r] = ((long) (day[r] - minDay) << 40) | ((long) school[r] << 24) | r;
        }
        java.util.Arrays.sort(order);
        char[] s2 = new char[n];
        int[] d2 = new int[n];
        int[] p2 = new int[n];
        for (int i = 0; i < n; i++) {
            int r = (int) (order[i] & 0xFFFFFF);
            s2[i] = school[r];
            d2[i] = day[r];
            p2[i] = packed[r];
        }
        return new AttendanceColumns.Rows(s2, d2, p2);
    }

    /** The reason dictionary of the new version: the current one, extended by the reasons the changed rows bring. */
    /** The batch would take the reason dictionary over its limit ({@code attendance.reason-limit}). */
    static final class ReasonLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReasonLimit() {
            super("at most " + AttendanceColumns.MAX_REASONS + " distinct reasons are supported", null, false, false);
        }
    }

    static final class Reasons {
        private final String[] live;
        private final String[] scoped;
        private final List<String> added = new ArrayList<>();
        private Map<String, Integer> codes;

        Reasons(String[] live, String[] scoped) {
            this.live = live;
            this.scoped = scoped;
        }

        private int code(String reason) {
            if (codes == null) {
                codes = new HashMap<>();
                for (int i = 0; i < live.length; i++) {
                    codes.put(live[i], i + 1);
                }
            }
            Integer c = codes.get(reason);
            if (c == null) {
                if (live.length + added.size() >= AttendanceColumns.MAX_REASONS) {
                    throw new ReasonLimit();
                }
                added.add(reason);
                c = live.length + added.size();
                codes.put(reason, c);
            }
            return c;
        }

        AttendanceColumns.Rows rows(AttendanceColumns scopedColumns, int student) {
            int from = scopedColumns.start(student);
            int n = scopedColumns.end(student) - from;
            char[] school = new char[n];
            int[] day = new int[n];
            int[] packed = new int[n];
            for (int i = 0; i < n; i++) {
                int r = from + i;
                school[i] = (char) scopedColumns.school(r);
                day[i] = scopedColumns.epochDay(r);
                int p = scopedColumns.packed(r);
                int reason = p & 0x7FFF;
                packed[i] = reason == 0 ? p : (p & ~0x7FFF) | code(scoped[reason - 1]);
            }
            return new AttendanceColumns.Rows(school, day, packed);
        }

        String[] merged() {
            if (added.isEmpty()) {
                return live;
            }
            String[] out = java.util.Arrays.copyOf(live, live.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                out[live.length + i] = added.get(i);
            }
            return out;
        }
    }
}
