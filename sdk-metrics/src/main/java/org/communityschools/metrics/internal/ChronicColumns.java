package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceStatus;
import org.jspecify.annotations.Nullable;

/**
 * The columns of one chronic-absence calculation: student-enrollments ("slots") grouped by dense student index
 * ({@code start[s]} to {@code start[s + 1]}), each student's slots by entry date then school; absent ten-thousandths
 * per slot and category; and, written by {@link #compute} for its range of students, each student's stays (at
 * positions {@code start[s]} to {@code start[s] + stays[s]}) and pooled student-year. Every per-student column is
 * a function of that student's enrollments, characteristics and attendance rows only, so that a change batch
 * recomputes the students it touches ({@link StudentPatch}) and moves the tallies by the difference
 * ({@link #count} with sign -1, then 1: {@link LiveColumns}). The slots and, after a first calculation, the stays
 * without their absences come from a {@link ChronicLayout} shared by the calculations with the same key; the absences
 * and statuses are this calculation's own. Written by one range's thread, read after the ranges are joined.
 */
final class ChronicColumns {
    private static final int C = ColumnarChronicAbsence.categories();
    private static final ChronicAbsenceStatus[] STATUS = ChronicAbsenceStatus.values();

    final DistrictData data;
    /** The data's students as columns (subgroup key parts, characteristics); null for a patch (every student by identifier). */
    final @Nullable StudentColumns people;
    final SchoolYear year;
    final ChronicAbsenceDefinition definition;
    /** Student indexes below this are the data's; at and above it, students with enrollments but no index. */
    final int known;
    final StudentId[] extraIds;
    final int students;
    final int[] start;
    // slots
    final int[] school;
    final int[] first;
    final int[] last;
    final int[] days;
    final byte[] grade;
    /** By slot: the enrollment's entry date as an epoch day (the slots' sort key; a stay's entry is its first slot's). */
    final int[] entry;
    final int[] absent;
    /** By school index; null for a school no slot is at. */
    final @Nullable InstructionalDays[] calendars;
    final byte[] community;
    // stays (at slot positions) and student-years, written by compute
    final byte[] stays;
    final int[] staySchool;
    final int[] stayFirst;
    final int[] stayLast;
    final int[] stayDays;
    final int[] stayUnits;
    /**
     * By stay (at slot positions): absent ten-thousandths per category. The same array as {@link #absent}: stay
     * {@code q} of a student (the {@code q}-th school in order of first entry) is written at the student's slot position
     * {@code q} once its school's slots are summed; that school's slots are at positions {@code q} or later, and
     * every slot before position {@code q} belongs to one of the earlier stays, already summed, so no slot is
     * overwritten before it is read. A slot's absences are not read after its student is classified.
     */
    final int[] stayCategory;
    final byte[] stayGrade;
    final int[] stayKey;
    final byte[] stayStatus;
    final int[] studentDays;
    final int[] studentUnits;
    final byte[] studentGrade;
    final int[] studentKey;
    final byte[] studentStatus;
    /**
     * For a patch ({@link StudentPatch}): by student, the data's index of the student's attendance rows (-1 without
     * one), and the school indexes of the columns by the data's school index (-1 for a school no slot is at); null
     * for a whole calculation, where both numberings are the data's.
     */
    @Nullable int[] rowsOf;
    @Nullable int[] schoolOfRow;

    ChronicColumns(DistrictData data, @Nullable StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition, int known, StudentId[] extraIds,
                           int[] start, int n, @Nullable InstructionalDays[] calendars, byte[] community) {
        this(data, people, year, definition, new ChronicLayout(known, extraIds, start, new int[n], new int[n], new int[n], new int[n], new byte[n],
                new int[n], calendars, community, null));
    }

    /** Whether the stays and student-years' days, grades and subgroup keys come from the layout (only the absences are new). */
    private final boolean structured;
    private final ChronicLayout layout;
    /** The key this calculation's layout is kept under, or null when it is not kept (a patch). */
    ChronicLayout.@Nullable Key layoutKey;

    /** Columns over a slot layout (shared, never written after it is built), with the per-calculation columns new. */
    private ChronicColumns(DistrictData data, @Nullable StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition, ChronicLayout l) {
        this.data = data;
        this.people = people;
        this.year = year;
        this.definition = definition;
        this.known = l.known();
        this.extraIds = l.extraIds();
        this.students = l.start().length - 1;
        this.start = l.start();
        this.calendars = l.calendars();
        this.community = l.community();
        int n = l.school().length;
        school = l.school();
        first = l.first();
        last = l.last();
        days = l.days();
        grade = l.grade();
        entry = l.entry();
        absent = new int[n * C];
        ChronicLayout.Stays st = l.stays();
        structured = st != null;
        stays = st != null ? st.stays() : new byte[students];
        staySchool = st != null ? st.staySchool() : new int[n];
        stayFirst = st != null ? st.stayFirst() : new int[n];
        stayLast = st != null ? st.stayLast() : new int[n];
        stayDays = st != null ? st.stayDays() : new int[n];
        stayGrade = st != null ? st.stayGrade() : new byte[n];
        stayKey = st != null ? st.stayKey() : new int[n];
        studentDays = st != null ? st.studentDays() : new int[students];
        studentGrade = st != null ? st.studentGrade() : new byte[students];
        studentKey = st != null ? st.studentKey() : new int[students];
        stayUnits = new int[n];
        // the stays' absences by category overwrite the slots' (see stayCategory): one array of n × categories less
        stayCategory = absent;
        stayStatus = new byte[n];
        studentUnits = new int[students];
        studentStatus = new byte[students];
        layout = l;
    }

    /** Reads the enrollments of {@code year} the definition considers, with a day in [from, to], into slots grouped by student. */
    static ChronicColumns build(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate from, LocalDate to,
                                java.util.concurrent.Executor executor, int parallelism, int minPerPart) {
        StudentColumns people = StudentColumns.of(data);
        ChronicLayout.Key key = new ChronicLayout.Key(year, ChronicLayout.considered(definition), (int) from.toEpochDay(), (int) to.toEpochDay());
        ChronicLayout cached = people.layout(key);
        if (cached != null) {
            ChronicColumns c = new ChronicColumns(data, people, year, definition, cached);
            c.layoutKey = key;
            return c;
        }
        ChronicColumns built = slots(data, people, year, definition, from, to, executor, parallelism, minPerPart);
        people.keepLayout(key, built.layout);
        built.layoutKey = key;
        return built;
    }

    /**
     * After every range of this calculation is computed: keeps, with the layout, the stays and student-years' days,
     * grades and subgroup keys it found (functions of the slots, calendars and characteristics only, not of the
     * attendance), so that the next calculation with the same layout only adds the absences and classifies.
     */
    void keepStays() {
        if (layoutKey != null && !structured && people != null) {
            people.keepLayout(layoutKey, layout.with(new ChronicLayout.Stays(stays, staySchool, stayFirst, stayLast, stayDays, stayGrade, stayKey,
                    studentDays, studentGrade, studentKey)));
        }
    }

    private static ChronicColumns slots(DistrictData data, StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition,
                                        LocalDate from, LocalDate to, java.util.concurrent.Executor executor, int parallelism,
                                        int minPerPart) {
        int kept = 0;
        List<SlotPass> passes = List.of();
        @Nullable InstructionalDays[] calendars = new InstructionalDays[0];
        int schoolCount = 0;
        if (!to.isBefore(from)) {
            // the enrollments in contiguous ranges of positions, one per part, joined in position order
            int n = people.enrollmentSchool.length;
            int parts = Math.max(1, Math.min(parallelism, n / Math.max(1, minPerPart)));
            passes = Parts.run(executor, parts, t -> SlotPass.of(data, people, year, definition, (int) from.toEpochDay(),
                    (int) to.toEpochDay(), (int) ((long) n * t / parts), (int) ((long) n * (t + 1) / parts)));
            for (SlotPass p : passes) {
                kept += p.kept();
                schoolCount = Math.max(schoolCount, p.calendars().length);
            }
            calendars = new InstructionalDays[schoolCount];
            for (SlotPass p : passes) {
                for (int s = 0; s < p.calendars().length; s++) {
                    if (p.calendars()[s] != null) {
                        calendars[s] = p.calendars()[s];
                    }
                }
            }
        }
        byte[] community = new byte[schoolCount];
        for (int s = 0; s < schoolCount; s++) {
            community[s] = (byte) (calendars[s] != null && data.isCommunitySchool(data.schoolAt(s), year) ? 1 : 0);
        }
        ChronicColumns c = SlotPass.ordered(passes) ? SlotPass.ordered(data, people, year, definition, passes, kept, calendars, community, executor)
                : SlotPass.sorted(data, people, year, definition, passes, kept, calendars, community);
        int students = c.students;
        int[] start = c.start;
        int[] entry = c.entry;
        int[] rank = schoolRanks(data, schoolCount, calendars);
        // each student's slots by entry date, then school (stable: the data's order among equals)
        for (int s = 0; s < students; s++) {
            for (int i = start[s] + 1; i < start[s + 1]; i++) {
                for (int j = i; j > start[s] && (entry[j - 1] > entry[j] || entry[j - 1] == entry[j] && rank[c.school[j - 1]] > rank[c.school[j]]); j--) {
                    c.swap(j - 1, j, entry);
                }
            }
        }
        return c;
    }

    void swap(int i, int j, int[] entry) {
        int t;
        t = school[i]; school[i] = school[j]; school[j] = t;
        t = first[i]; first[i] = first[j]; first[j] = t;
        t = last[i]; last[i] = last[j]; last[j] = t;
        t = days[i]; days[i] = days[j]; days[j] = t;
        t = entry[i]; entry[i] = entry[j]; entry[j] = t;
        byte g = grade[i]; grade[i] = grade[j]; grade[j] = g;
    }

    /** Each school's position in identifier order (only schools with a calendar here). */
    private static int[] schoolRanks(DistrictData data, int n, @Nullable InstructionalDays[] calendars) {
        List<Integer> used = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (calendars[s] != null) {
                used.add(s);
            }
        }
        used.sort((a, b) -> data.schoolAt(a).compareTo(data.schoolAt(b)));
        int[] rank = new int[n];
        for (int r = 0; r < used.size(); r++) {
            rank[used.get(r)] = r;
        }
        return rank;
    }

    /** The student id at index {@code s}. */
    StudentId studentId(int s) {
        return s < known ? data.studentAt(s) : extraIds[s - known];
    }

    /**
     * Bounds of at most {@code parallelism} contiguous ranges of student indexes with about equal numbers of slots,
     * each at least {@code minSlots}; one range {@code [0, students]} otherwise.
     */
    int[] ranges(int parallelism, int minSlots) {
        int n = start[students];
        int tasks = Math.min(parallelism, n / Math.max(1, minSlots));
        if (tasks <= 1) {
            return new int[] {0, students};
        }
        int[] bounds = new int[tasks + 1];
        int s = 0;
        for (int t = 1; t < tasks; t++) {
            long target = (long) n * t / tasks;
            while (s < students && start[s] < target) {
                s++;
            }
            bounds[t] = Math.max(s, bounds[t - 1]);
        }
        bounds[tasks] = students;
        return bounds;
    }

    /** Adds the attendance of students {@code [from, to)}, then classifies and counts them. */
    ColumnarChronicAbsence.Tallies compute(int from, int to) {
        if (rowsOf == null) {
            addAbsent(from, Math.min(to, known));
        } else {
            StudentPatch.addAbsent(this, from, to);
        }
        ColumnarChronicAbsence.Tallies t = new ColumnarChronicAbsence.Tallies(calendars.length);
        Scratch scratch = new Scratch();
        for (int s = from; s < to; s++) {
            if (start[s + 1] > start[s]) {
                if (structured) {
                    reclassify(s, scratch.category);
                } else {
                    classify(s, scratch);
                }
                count(s, t, 1, community, false);
            }
        }
        t.deriveTotals(community);
        return t;
    }

    private void addAbsent(int from, int to) {
        if (from >= to) {
            return;
        }
        int[] shares = ColumnarChronicAbsence.shareTable(definition);
        int width = DayShare.SCALE + 1;
        // every school's instructional days in one bit set: one array read per row, not a calendar object's flags
        InstructionalDays.Bits bits = InstructionalDays.bits(calendars);
        long[] words = bits.words();
        int base = bits.base();
        int length = bits.length();
        int stride = bits.stride();
        int[] start = this.start;
        int[] first = this.first;
        int[] last = this.last;
        int[] school = this.school;
        int[] absent = this.absent;
        // one call per student, its rows read in a loop of this method's own (not one interface call per row)
        data.attendance().forEachStudent(from, to, rows -> {
            int a = start[rows.studentIndex()];
            int e = start[rows.studentIndex() + 1];
            for (int r = 0, n = rows.size(); r < n; r++) {
                int day = rows.epochDay(r);
                int sch = rows.schoolIndex(r);
                for (int i = a; i < e; i++) {
                    if (day >= first[i] && day <= last[i] && school[i] == sch) {
                        int d = day - base;
                        if (d >= 0 && d < length && (words[sch * stride + (d >>> 6)] & 1L << d) != 0) {
                            AttendanceCategory category = rows.category(r);
                            int c = category.ordinal();
                            int duration = rows.durationTenThousandths(r);
                            // one table read instead of a branch on the category's treatment (unpredictable per row)
                            absent[i * C + c] += duration >= 0 && duration < width ? shares[c * width + duration]
                                    : definition.absentShare(category, duration);
                        }
                        break;
                    }
                }
            }
        });
    }

    /** Combines student {@code s}'s slots into stays (one per school, in order of first entry) and a pooled student-year. */
    private void classify(int s, Scratch scratch) {
        int a = start[s];
        int m = start[s + 1] - a;
        @Nullable List<StudentCharacteristic> held = null; // a student without an index: their records by identifier
        int person;
        if (s < known) {
            person = java.util.Objects.requireNonNull(people).person(s);
        } else {
            StudentId id = studentId(s);
            held = data.characteristicsOf(id);
            person = ColumnarChronicAbsence.person(data.student(id));
        }
        int latestLast = last[a];
        for (int k = 1; k < m; k++) {
            latestLast = Math.max(latestLast, last[a + k]);
        }
        int key = person << CHARACTERISTIC_BITS | characteristics(s, held, first[a], latestLast);
        studentGrade[s] = grade[a + m - 1]; // slots are by entry date: the latest entry's grade
        studentKey[s] = key;
        if (m == 1) {
            int units = 0;
            for (int c = 0; c < C; c++) {
                units += absent[a * C + c]; // the stay's categories are the slot's, in place
            }
            stays[s] = 1;
            setStay(a, school[a], first[a], last[a], days[a], units, grade[a], key);
            studentDays[s] = days[a];
            studentUnits[s] = units;
            studentStatus[s] = stayStatus[a];
            return;
        }
        scratch.ensure(m);
        int[] index = scratch.index;
        int[] f = scratch.first;
        int[] l = scratch.last;
        int[] d = scratch.days;
        InstructionalDays[] cals = scratch.calendars;
        for (int k = 0; k < m; k++) {
            index[k] = k;
            f[k] = first[a + k];
            l[k] = last[a + k];
            d[k] = days[a + k];
            cals[k] = calendars[school[a + k]];
        }
        int[] stay = scratch.stay;
        int n = 0;
        boolean single = true;
        for (int k = 1; k < m; k++) {
            single &= school[a + k] == school[a];
        }
        int total = 0;
        for (int k = 0; k < m; k++) {
            int sch = school[a + k];
            boolean seen = false;
            for (int j = 0; j < k; j++) {
                seen |= school[a + j] == sch;
            }
            if (seen) {
                continue;
            }
            int p = a + n;
            int count = 0;
            int units = 0;
            int sf = Integer.MAX_VALUE;
            int sl = Integer.MIN_VALUE;
            int g = 0;
            int[] cat = scratch.category;
            java.util.Arrays.fill(cat, 0);
            for (int j = k; j < m; j++) {
                if (school[a + j] != sch) {
                    continue;
                }
                stay[count++] = j;
                for (int c = 0; c < C; c++) {
                    cat[c] += absent[(a + j) * C + c];
                    units += absent[(a + j) * C + c];
                }
                sf = Math.min(sf, first[a + j]);
                sl = Math.max(sl, last[a + j]);
                g = grade[a + j];
            }
            System.arraycopy(cat, 0, stayCategory, p * C, C);
            int stayKeyOf = single ? key : person << CHARACTERISTIC_BITS | characteristics(s, held, sf, sl);
            setStay(p, sch, single ? first[a] : sf, single ? latestLast : sl, EnrolledDays.union(count, stay, f, l, d, cals), units, g, stayKeyOf);
            total += units;
            n++;
        }
        stays[s] = (byte) n;
        int pooledDays = single ? stayDays[a] : EnrolledDays.union(m, index, f, l, d, cals);
        studentDays[s] = pooledDays;
        studentUnits[s] = total;
        studentStatus[s] = single ? stayStatus[a] : (byte) definition.classify(pooledDays, total).ordinal();
    }

    /**
     * Student {@code s}'s stays and student-year classified from this calculation's absences, their days, grades and
     * keys being the layout's (as {@link #classify} finds them: a stay sums its school's slots, the student-year
     * every slot; one stay is the student-year), summing a stay's categories in {@code cat} before writing them.
     */
    private void reclassify(int s, int[] cat) {
        int a = start[s];
        int e = start[s + 1];
        int n = stays[s];
        long total = 0;
        for (int p = a; p < a + n; p++) {
            int sch = staySchool[p];
            int units = 0;
            if (e - a == 1) {
                for (int c = 0; c < C; c++) {
                    units += absent[a * C + c]; // one slot: the stay's categories are the slot's, in place
                }
            } else {
                java.util.Arrays.fill(cat, 0);
                for (int j = a; j < e; j++) {
                    if (school[j] == sch) {
                        for (int c = 0; c < C; c++) {
                            int u = absent[j * C + c];
                            cat[c] += u;
                            units += u;
                        }
                    }
                }
                System.arraycopy(cat, 0, stayCategory, p * C, C); // slots at p or later are this stay's or later ones'
            }
            stayUnits[p] = units;
            stayStatus[p] = (byte) definition.classify(stayDays[p], units).ordinal();
            total += units;
        }
        studentUnits[s] = (int) total;
        studentStatus[s] = n == 1 ? stayStatus[a] : (byte) definition.classify(studentDays[s], total).ordinal();
    }

    /** The characteristic bits of student {@code s} on a day of [a, b]: from the columns, or {@code held} without an index. */
    private int characteristics(int s, @Nullable List<StudentCharacteristic> held, int a, int b) {
        return held == null ? java.util.Objects.requireNonNull(people).characteristics(s, a, b) : ColumnarChronicAbsence.characteristics(held, a, b);
    }

    private static final int CHARACTERISTIC_BITS = org.communityschools.core.model.StudentCharacteristicType.values().length;

    private void setStay(int p, int sch, int f, int l, int d, int units, int g, int key) {
        staySchool[p] = sch;
        stayFirst[p] = f;
        stayLast[p] = l;
        stayDays[p] = d;
        stayUnits[p] = units;
        stayGrade[p] = (byte) g;
        stayKey[p] = key;
        stayStatus[p] = (byte) definition.classify(d, units).ordinal();
    }

    /** Work arrays of one range's students with several enrollments, reused from student to student. */
    private static final class Scratch {
        int[] index = new int[0];
        int[] first = new int[0];
        int[] last = new int[0];
        int[] days = new int[0];
        int[] stay = new int[0];
        InstructionalDays[] calendars = new InstructionalDays[0];
        final int[] category = new int[C];

        /** Makes room for {@code m} enrollments (the arrays are read up to the count given with them). */
        void ensure(int m) {
            if (index.length < m) {
                int n = Math.max(m, 2 * index.length);
                index = new int[n];
                first = new int[n];
                last = new int[n];
                days = new int[n];
                stay = new int[n];
                calendars = new InstructionalDays[n];
            }
        }
    }

    /**
     * Adds ({@code sign} 1) or removes ({@code sign} -1) student {@code s}'s stays by school and community-school
     * status ({@code community}, by school index), and the aggregation unit by district, grade and subgroups.
     */
    void count(int s, ColumnarChronicAbsence.Tallies t, int sign, byte[] community) {
        count(s, t, sign, community, true);
    }

    /**
     * {@link #count(int, ColumnarChronicAbsence.Tallies, int, byte[])}, with the community-school and district counts
     * only when {@code totals}: without them, the caller derives both once from the school and grade counts
     * ({@link ColumnarChronicAbsence.Tallies#deriveTotals}), two additions fewer per stay.
     */
    private void count(int s, ColumnarChronicAbsence.Tallies t, int sign, byte[] community, boolean totals) {
        int a = start[s];
        boolean pooled = definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED;
        for (int p = a; p < a + stays[s]; p++) {
            int days = stayDays[p];
            int units = stayUnits[p];
            int code = AttendanceTally.code(days, units, STATUS[stayStatus[p]]); // once, for every tally it is added to
            t.bySchool.addCoded(staySchool[p], days, units, code, sign);
            if (totals) {
                t.byCommunity.addCoded(community[staySchool[p]], days, units, code, sign);
            }
            if (!pooled) {
                if (totals) {
                    t.district.addCoded(0, days, units, code, sign);
                }
                t.byGrade.addCoded(stayGrade[p], days, units, code, sign);
                t.byKey.addCoded(stayKey[p], days, units, code, sign);
            }
        }
        if (pooled) {
            int code = AttendanceTally.code(studentDays[s], studentUnits[s], STATUS[studentStatus[s]]);
            if (totals) {
                t.district.addCoded(0, studentDays[s], studentUnits[s], code, sign);
            }
            t.byGrade.addCoded(studentGrade[s], studentDays[s], studentUnits[s], code, sign);
            t.byKey.addCoded(studentKey[s], studentDays[s], studentUnits[s], code, sign);
        }
    }

    /** The status at ordinal {@code o}. */
    static ChronicAbsenceStatus status(int o) {
        return STATUS[o];
    }
}
