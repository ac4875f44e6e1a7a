package org.communityschools.core.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * Collects attendance rows while loading, in fixed-size primitive chunks (no boxing, no copy on growth), then sorts
 * them by student with a counting sort and by date within each student, finds duplicates (same student, school and
 * date) and produces the {@link AttendanceColumns}. Not thread-safe.
 */
public final class AttendanceBuilder {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /** The first chunk starts small and grows to a full chunk, so that a few rows cost a few bytes. */
    private static final int FIRST = 64;

    private final List<int[]> students = new ArrayList<>();
    private final List<char[]> schools = new ArrayList<>();
    private final List<int[]> days = new ArrayList<>();
    private final List<int[]> packs = new ArrayList<>();
    private final List<int[]> lines = new ArrayList<>();
    private final Map<String, Integer> reasonCodes = new HashMap<>();
    private final List<String> reasons = new ArrayList<>();
    private int size;

    /** Receives a duplicate row found while sorting. */
    @FunctionalInterface
    public interface DuplicateSink {
        /** The row at {@code line} repeats the row at {@code firstLine}. */
        void duplicate(long line, long firstLine, int student, int school, int epochDay);
    }

    /** The dictionary code of a reason (1-based), or -1 when the dictionary is full. */
    public int reasonCode(String reason) {
        Integer code = reasonCodes.get(reason);
        if (code != null) {
            return code;
        }
        if (reasons.size() >= AttendanceColumns.MAX_REASONS) {
            return -1;
        }
        reasons.add(reason);
        reasonCodes.put(reason, reasons.size());
        return reasons.size();
    }

    /** The number of reasons in the dictionary. */
    public int reasonCount() {
        return reasons.size();
    }

    /** Appends a row. */
    public void add(int student, int school, int epochDay, int packed, long line) {
        int c = size >>> CHUNK_BITS;
        int i = size & MASK;
        if (i == 0) {
            int n = c == 0 ? FIRST : CHUNK;
            students.add(new int[n]);
            schools.add(new char[n]);
            days.add(new int[n]);
            packs.add(new int[n]);
            lines.add(new int[n]);
        } else if (c == 0 && i == students.get(0).length) {
            int n = Math.min(CHUNK, i * 4);
            students.set(0, Arrays.copyOf(students.get(0), n));
            schools.set(0, Arrays.copyOf(schools.get(0), n));
            days.set(0, Arrays.copyOf(days.get(0), n));
            packs.set(0, Arrays.copyOf(packs.get(0), n));
            lines.set(0, Arrays.copyOf(lines.get(0), n));
        }
        students.get(c)[i] = student;
        schools.get(c)[i] = (char) school;
        days.get(c)[i] = epochDay;
        packs.get(c)[i] = packed;
        lines.get(c)[i] = (int) Math.min(line, Integer.MAX_VALUE);
        size++;
    }

    /** The number of rows added. */
    public int size() {
        return size;
    }

    /**
     * Sorts the rows, reports duplicates to {@code sink} (the later line is the duplicate) and drops them, and returns
     * the columns. Releases the chunks as it goes.
     */
    public AttendanceColumns build(int studentCount, IntFunction<StudentId> studentIds, IntFunction<SchoolId> schoolIds,
                                   DuplicateSink sink) {
        int[] offsets = new int[studentCount + 1];
        for (int r = 0; r < size; r++) {
            offsets[students.get(r >>> CHUNK_BITS)[r & MASK] + 1]++;
        }
        for (int s = 0; s < studentCount; s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] cursor = Arrays.copyOf(offsets, studentCount);
        char[] school = new char[size];
        int[] day = new int[size];
        int[] packed = new int[size];
        int[] line = new int[size];
        int chunks = students.size();
        for (int c = 0; c < chunks; c++) {
            int[] st = students.get(c);
            char[] sc = schools.get(c);
            int[] dy = days.get(c);
            int[] pk = packs.get(c);
            int[] ln = lines.get(c);
            int n = Math.min(CHUNK, size - (c << CHUNK_BITS));
            for (int i = 0; i < n; i++) {
                int p = cursor[st[i]]++;
                school[p] = sc[i];
                day[p] = dy[i];
                packed[p] = pk[i];
                line[p] = ln[i];
            }
            students.set(c, null);
            schools.set(c, null);
            days.set(c, null);
            packs.set(c, null);
            lines.set(c, null);
        }
        int kept = 0;
        int[] newOffsets = new int[studentCount + 1];
        for (int s = 0; s < studentCount; s++) {
            int from = offsets[s];
            int to = offsets[s + 1];
            sortSegment(school, day, packed, line, from, to);
            newOffsets[s] = kept;
            for (int r = from; r < to; r++) {
                if (kept > newOffsets[s] && day[kept - 1] == day[r] && school[kept - 1] == school[r]) {
                    long first = Math.min(line[kept - 1], line[r]);
                    long later = Math.max(line[kept - 1], line[r]);
                    sink.duplicate(later, first, s, school[r], day[r]);
                    if (line[r] < line[kept - 1]) {
                        packed[kept - 1] = packed[r];
                        line[kept - 1] = line[r];
                    }
                    continue;
                }
                school[kept] = school[r];
                day[kept] = day[r];
                packed[kept] = packed[r];
                line[kept] = line[r];
                kept++;
            }
        }
        newOffsets[studentCount] = kept;
        if (kept < size) {
            school = Arrays.copyOf(school, kept);
            day = Arrays.copyOf(day, kept);
            packed = Arrays.copyOf(packed, kept);
        }
        students.clear();
        schools.clear();
        days.clear();
        packs.clear();
        lines.clear();
        size = 0;
        return new AttendanceColumns(newOffsets, school, day, packed, reasons.toArray(String[]::new), studentIds, schoolIds);
    }

    private static boolean less(char[] school, int[] day, int a, int b) {
        return day[a] < day[b] || (day[a] == day[b] && school[a] < school[b]);
    }

    /** Sorts rows [from, to) by day then school: a check for the common sorted case, else a primitive key sort. */
    static void sortSegment(char[] school, int[] day, int[] packed, int[] line, int from, int to) {
        boolean sorted = true;
        for (int r = from + 1; r < to; r++) {
            if (less(school, day, r, r - 1)) {
                sorted = false;
                break;
            }
        }
        if (sorted) {
            return;
        }
        int n = to - from;
        if (n >= 1 << 24) {
            throw new IllegalStateException("more than 16,777,215 attendance rows for one student");
        }
        int minDay = Integer.MAX_VALUE;
        for (int r = from; r < to; r++) {
            minDay = Math.min(minDay, day[r]);
        }
        // key = day offset (24 bits) | school (16 bits) | position in segment (24 bits): one primitive sort
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int r = from + i;
            keys[i] = ((long) (day[r] - minDay) << 40) | ((long) school[r] << 24) | i;
        }
        Arrays.sort(keys);
        char[] sc = Arrays.copyOfRange(school, from, to);
        int[] dy = Arrays.copyOfRange(day, from, to);
        int[] pk = Arrays.copyOfRange(packed, from, to);
        int[] ln = Arrays.copyOfRange(line, from, to);
        for (int i = 0; i < n; i++) {
            int src = (int) (keys[i] & 0xFFFFFF);
            school[from + i] = sc[src];
            day[from + i] = dy[src];
            packed[from + i] = pk[src];
            line[from + i] = ln[src];
        }
    }
}
