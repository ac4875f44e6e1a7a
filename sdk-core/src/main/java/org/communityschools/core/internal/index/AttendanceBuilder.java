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
    // the chunk being filled (the last of each list), so that a row is five array stores, not five list reads
    private int[] studentChunk = new int[0];
    private char[] schoolChunk = new char[0];
    private int[] dayChunk = new int[0];
    private int[] packChunk = new int[0];
    private int[] lineChunk = new int[0];
    /**
     * Whether every row so far came strictly after the one before it by student, day, then school (an export sorted
     * by student and date, as districts write them): then the rows are already in their final order and without
     * duplicates, and {@link #build} copies them instead of sorting.
     */
    private boolean ascending = true;
    private int lastStudent = -1;
    private int lastDay;
    private int lastSchool;

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
        int i = size & MASK;
        if (i == 0 || i == studentChunk.length) {
            grow(size >>> CHUNK_BITS, i);
        }
        if (ascending && !(student > lastStudent || student == lastStudent
                && (epochDay > lastDay || epochDay == lastDay && school > lastSchool))) {
            ascending = false;
        }
        lastStudent = student;
        lastDay = epochDay;
        lastSchool = school;
        studentChunk[i] = student;
        schoolChunk[i] = (char) school;
        dayChunk[i] = epochDay;
        packChunk[i] = packed;
        lineChunk[i] = (int) Math.min(line, Integer.MAX_VALUE);
        size++;
    }

    /** Makes room at row {@code i} of chunk {@code c}: a new chunk, or the first one grown (kept off the row path). */
    private void grow(int c, int i) {
        if (i == 0) {
            int n = c == 0 ? FIRST : CHUNK;
            students.add(new int[n]);
            schools.add(new char[n]);
            days.add(new int[n]);
            packs.add(new int[n]);
            lines.add(new int[n]);
        } else {
            int n = Math.min(CHUNK, i * 4);
            students.set(c, Arrays.copyOf(students.get(c), n));
            schools.set(c, Arrays.copyOf(schools.get(c), n));
            days.set(c, Arrays.copyOf(days.get(c), n));
            packs.set(c, Arrays.copyOf(packs.get(c), n));
            lines.set(c, Arrays.copyOf(lines.get(c), n));
        }
        studentChunk = students.get(c);
        schoolChunk = schools.get(c);
        dayChunk = days.get(c);
        packChunk = packs.get(c);
        lineChunk = lines.get(c);
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
        if (ascending) {
            return copyInOrder(studentCount, studentIds, schoolIds);
        }
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
        clear();
        return new AttendanceColumns(newOffsets, school, day, packed, reasons.toArray(String[]::new), studentIds, schoolIds);
    }

    /**
     * {@link #build} when the rows came in strictly ascending order (student, day, school): the sort would leave them
     * where they are and find no duplicate, so the columns are the chunks one after the other, and the offsets the
     * running count of each student's rows (the same columns, without the sort's four row-sized arrays).
     */
    private AttendanceColumns copyInOrder(int studentCount, IntFunction<StudentId> studentIds,
                                          IntFunction<SchoolId> schoolIds) {
        int[] offsets = new int[studentCount + 1];
        char[] school = new char[size];
        int[] day = new int[size];
        int[] packed = new int[size];
        for (int c = 0, chunks = students.size(); c < chunks; c++) {
            int from = c << CHUNK_BITS;
            int n = Math.min(CHUNK, size - from);
            int[] st = students.get(c);
            for (int i = 0; i < n; i++) {
                offsets[st[i] + 1]++;
            }
            System.arraycopy(schools.get(c), 0, school, from, n);
            System.arraycopy(days.get(c), 0, day, from, n);
            System.arraycopy(packs.get(c), 0, packed, from, n);
            students.set(c, null);
            schools.set(c, null);
            days.set(c, null);
            packs.set(c, null);
            lines.set(c, null);
        }
        for (int s = 0; s < studentCount; s++) {
            offsets[s + 1] += offsets[s];
        }
        clear();
        return new AttendanceColumns(offsets, school, day, packed, reasons.toArray(String[]::new), studentIds, schoolIds);
    }

    /** Forgets the rows (not the reasons' dictionary), ready for none. */
    private void clear() {
        students.clear();
        schools.clear();
        days.clear();
        packs.clear();
        lines.clear();
        studentChunk = new int[0];
        schoolChunk = new char[0];
        dayChunk = new int[0];
        packChunk = new int[0];
        lineChunk = new int[0];
        ascending = true;
        lastStudent = -1;
        size = 0;
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
