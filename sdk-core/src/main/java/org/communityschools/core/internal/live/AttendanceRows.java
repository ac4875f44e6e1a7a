package org.communityschools.core.internal.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.live.Change;
import org.communityschools.core.model.AttendanceRecord;
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
        // the (day, school) each change addresses; a student has few changes in a batch, so a scan beats a hash set
        long[] addressed = new long[changes.size()];
        for (int i = 0; i < addressed.length; i++) {
            Change c = changes.get(i);
            long day;
            String school;
            if (c instanceof Change.Upsert u && u.record() instanceof AttendanceRecord a) {
                day = a.date().toEpochDay();
                school = a.schoolId().value();
            } else {
                List<String> k = c.key().values();
                day = java.time.LocalDate.parse(k.get(2)).toEpochDay();
                school = k.get(1);
            }
            addressed[i] = (day << 16) | schools.indexOf(school);
        }
        AttendanceColumns.Rows add = inStoreOrder(added);
        int kept = 0;
        for (int r = 0; r < current.size(); r++) {
            if (!contains(addressed, ((long) current.day()[r] << 16) | current.school()[r])) {
                kept++;
            }
        }
        // both inputs are in store order and share no (day, school): one merge pass, no sort
        int n = kept + add.size();
        char[] school = new char[n];
        int[] day = new int[n];
        int[] packed = new int[n];
        int c = 0;
        int a = 0;
        for (int o = 0; o < n; o++) {
            while (c < current.size() && contains(addressed, ((long) current.day()[c] << 16) | current.school()[c])) {
                c++;
            }
            boolean fromCurrent = c < current.size() && (a == add.size() || current.day()[c] < add.day()[a]
                    || current.day()[c] == add.day()[a] && current.school()[c] < add.school()[a]);
            if (fromCurrent) {
                school[o] = current.school()[c];
                day[o] = current.day()[c];
                packed[o] = current.packed()[c++];
            } else {
                school[o] = add.school()[a];
                day[o] = add.day()[a];
                packed[o] = add.packed()[a++];
            }
        }
        return new AttendanceColumns.Rows(school, day, packed);
    }

    /** {@code rows} in store order (day, then school): themselves when already so. */
    private static AttendanceColumns.Rows inStoreOrder(AttendanceColumns.Rows rows) {
        int n = rows.size();
        boolean sorted = true;
        for (int r = 1; r < n && sorted; r++) {
            sorted = rows.day()[r - 1] < rows.day()[r] || rows.day()[r - 1] == rows.day()[r] && rows.school()[r - 1] < rows.school()[r];
        }
        if (sorted) {
            return rows;
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(r -> rows.day()[r]).thenComparingInt(r -> rows.school()[r]));
        char[] school = new char[n];
        int[] day = new int[n];
        int[] packed = new int[n];
        for (int i = 0; i < n; i++) {
            school[i] = rows.school()[order[i]];
            day[i] = rows.day()[order[i]];
            packed[i] = rows.packed()[order[i]];
        }
        return new AttendanceColumns.Rows(school, day, packed);
    }

    private static boolean contains(long[] values, long value) {
        for (long v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** The batch would take the reason dictionary over its limit ({@code attendance.reason-limit}). */
    static final class ReasonLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReasonLimit() {
            super("at most " + AttendanceColumns.MAX_REASONS + " distinct reasons are supported", null, false, false);
        }
    }

    /** The reason dictionary of the new version: the current one, extended by the reasons the changed rows bring. */
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
