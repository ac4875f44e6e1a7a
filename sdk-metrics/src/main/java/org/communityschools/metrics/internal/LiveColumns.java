package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceSnapshot;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.EnrollmentFigures;
import org.jspecify.annotations.Nullable;

/**
 * The columnar chronic-absence calculation of one school year up to one day, kept current by change batches: the
 * {@link ChronicColumns} of the version it was built from (never changed after), a patch per batch
 * ({@link StudentPatch}: the columns of the students the batch touched, recomputed from the new version), a map from
 * each touched student to the patch that holds their latest figures, and the counts by school, community-school
 * status, district, grade and subgroup combination ({@link ColumnarChronicAbsence.Tallies}), moved by the difference:
 * a touched student's old contributions are subtracted and the new ones added. A student is touched by a change to
 * their attendance rows in the period, enrollments, characteristics or student record; a change to a school's
 * instructional days or record, or a partnership that changes a school's community-school status, touches the
 * students enrolled at that school. Nothing is rebuilt whole: a batch costs time proportional to the records of the
 * students it touches (plus, for a school-level change, that school's enrollments and calendar). Schools are numbered
 * here ({@link Schools}) the same way across versions, whatever the data's own indexes become. Mutable, one writer;
 * the caller serializes updates and reads.
 */
public final class LiveColumns {
    private final SchoolYear year;
    private final ChronicAbsenceDefinition definition;
    private final int fromDay;
    private final int toDay;
    private final ChronicColumns base;
    private final Map<StudentId, Integer> baseExtras = new HashMap<>();
    private final Map<StudentId, Placed> patched = new HashMap<>();
    /** The patches in the order made (a later one's students replace an earlier one's); never changed, only replaced. */
    private List<Patch> patches = List.of();
    private final Schools schools;
    private final int maxPatches;
    private ColumnarChronicAbsence.Tallies tallies;
    /** The students with a stay, and their stays. */
    private int withStays;
    private int stayTotal;

    /** Above this many patches, the patched students are folded into one patch (see {@link #fold}). */
    public static final int MAX_PATCHES = 64;

    /** The columns of a batch's students, {@code ids} in column order. */
    private record Patch(ChronicColumns c, List<StudentId> ids) {}

    /** Student {@code s} of columns {@code c}. */
    private record Placed(ChronicColumns c, int s) {
        boolean counted() {
            return c.start[s + 1] > c.start[s];
        }
    }

    private LiveColumns(SchoolYear year, ChronicAbsenceDefinition definition, int toDay, ColumnarChronicAbsence.Computed computed,
                        int maxPatches) {
        this.maxPatches = maxPatches;
        this.year = year;
        this.definition = definition;
        this.fromDay = (int) year.firstDay().toEpochDay();
        this.toDay = toDay;
        this.base = computed.columns();
        this.tallies = computed.tallies();
        this.schools = new Schools(year, base);
        for (int s = base.known; s < base.students; s++) {
            baseExtras.put(base.studentId(s), s);
        }
        for (int s = 0; s < base.students; s++) {
            withStays += base.stays[s] > 0 ? 1 : 0;
            stayTotal += base.stays[s];
        }
    }

    /**
     * The columns of {@code data} for {@code year} up to {@code last} (at or after the year's first day, at most its
     * last), computed in ranges on {@code executor} and the calling thread as a batch report is.
     */
    public static LiveColumns build(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate last, Executor executor) {
        return build(data, year, definition, last, executor, MAX_PATCHES);
    }

    /** As {@link #build(DistrictData, SchoolYear, ChronicAbsenceDefinition, LocalDate, Executor)}, folding above {@code maxPatches} patches. */
    public static LiveColumns build(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate last, Executor executor,
                                    int maxPatches) {
        ColumnarChronicAbsence.Computed computed = ColumnarChronicAbsence.compute(data, year, definition, year.firstDay(), last, executor,
                ColumnarChronicAbsence.parallelism(), ColumnarChronicAbsence.MIN_SLOTS_PER_TASK);
        return new LiveColumns(year, definition, (int) last.toEpochDay(), computed, maxPatches);
    }

    /** The last day counted. */
    public LocalDate last() {
        return LocalDate.ofEpochDay(toDay);
    }

    // ---- updates ----

    /** Moves the columns from {@code previous} to {@code current}, made from it by {@code batch}. */
    public void apply(DistrictData previous, DistrictData current, ChangeBatch batch) {
        Touched t = touched(previous, current, batch, year, fromDay, toDay, schools);
        Set<StudentId> touched = t.students();
        Set<SchoolId> calendarChanged = t.calendarChanged();
        List<Integer> flipped = t.flipped();
        // old contributions out, with the old calendars and community status; then the school-level changes
        for (StudentId id : touched) {
            Placed p = placed(id);
            if (p != null && p.counted()) {
                p.c.count(p.s, tallies, -1, schools.community);
                withStays -= p.c.stays[p.s] > 0 ? 1 : 0;
                stayTotal -= p.c.stays[p.s];
            }
        }
        for (SchoolId school : calendarChanged) {
            schools.forgetCalendar(school);
        }
        for (int i : flipped) {
            schools.community[i] ^= 1;
        }
        if (touched.isEmpty()) {
            return;
        }
        List<StudentId> ids = new ArrayList<>(touched);
        ColumnarChronicAbsence.Computed patch = StudentPatch.build(current, year, definition, fromDay, toDay, ids, schools);
        tallies = tallies.grown(schools.size());
        tallies.addAll(patch.tallies());
        ChronicColumns c = patch.columns();
        for (int i = 0; i < ids.size(); i++) {
            patched.put(ids.get(i), new Placed(c, i));
            withStays += c.stays[i] > 0 ? 1 : 0;
            stayTotal += c.stays[i];
        }
        List<Patch> more = new ArrayList<>(patches.size() + 1);
        more.addAll(patches);
        more.add(new Patch(c, List.copyOf(ids)));
        patches = more;
        if (patches.size() > maxPatches) {
            fold(current);
        }
    }

    /**
     * What a batch touches in columns up to one day.
     *
     * @param students the students whose figures may change (each once, in batch order)
     * @param calendarChanged the schools whose instructional days in the year changed
     * @param flipped the schools (numbers of {@code schools}, calendar held) whose community-school status changed
     */
    record Touched(Set<StudentId> students, Set<SchoolId> calendarChanged, List<Integer> flipped) {}

    /**
     * The students, calendars and community-school statuses that {@code batch} (from {@code previous} to {@code
     * current}) touches in columns over epoch days [{@code fromDay}, {@code toDay}] whose schools are {@code schools}:
     * a change to a student's attendance rows in the period, enrollments, characteristics or record touches them; a
     * change to a school's instructional days or record, or a partnership that changes its community-school status,
     * touches the students enrolled at that school in either version.
     */
    static Touched touched(DistrictData previous, DistrictData current, ChangeBatch batch, SchoolYear year, int fromDay, int toDay,
                           Schools schools) {
        return touched(previous, current, BatchKeys.of(batch), year, fromDay, toDay, schools);
    }

    /** As {@link #touched(DistrictData, DistrictData, ChangeBatch, SchoolYear, int, int, Schools)}, the batch's keys parsed. */
    static Touched touched(DistrictData previous, DistrictData current, BatchKeys keys, SchoolYear year, int fromDay, int toDay,
                           Schools schools) {
        Set<StudentId> touched = new LinkedHashSet<>();
        Set<SchoolId> calendarChanged = new HashSet<>();
        Set<SchoolId> schoolChanged = new HashSet<>();
        boolean partners = false;
        for (int i = 0; i < keys.size(); i++) {
            switch (keys.kind[i]) {
                case BatchKeys.ATTENDANCE -> {
                    if (keys.day[i] >= fromDay && keys.day[i] <= toDay) {
                        touched.add((StudentId) Objects.requireNonNull(keys.id[i]));
                    }
                }
                case BatchKeys.STUDENT -> touched.add((StudentId) Objects.requireNonNull(keys.id[i]));
                case BatchKeys.CALENDAR -> {
                    if (year.contains(LocalDate.ofEpochDay(keys.day[i]))) {
                        calendarChanged.add((SchoolId) Objects.requireNonNull(keys.id[i]));
                    }
                }
                case BatchKeys.SCHOOL -> {
                    schoolChanged.add((SchoolId) Objects.requireNonNull(keys.id[i]));
                    partners = true;
                }
                case BatchKeys.PARTNERS -> partners = true;
                default -> { }
            }
        }
        List<Integer> flipped = partners ? schools.flipped(current) : List.of();
        Set<SchoolId> schoolLevel = new HashSet<>(calendarChanged);
        schoolLevel.addAll(schoolChanged);
        for (int i : flipped) {
            schoolLevel.add(schools.id(i));
        }
        for (SchoolId school : schoolLevel) {
            addStudentsAt(previous, school, touched);
            addStudentsAt(current, school, touched);
        }
        return new Touched(touched, calendarChanged, flipped);
    }

    /**
     * Replaces the patches by one: the columns of every patched student computed again from {@code current} (the
     * version followed to, so the same figures: the counts do not move). Time proportional to the patched students'
     * records, once per {@link #MAX_PATCHES} batches by default; the superseded patches are released (reports made before keep
     * theirs).
     */
    private void fold(DistrictData current) {
        List<StudentId> ids = new ArrayList<>(patched.keySet());
        ChronicColumns c = StudentPatch.build(current, year, definition, fromDay, toDay, ids, schools).columns();
        for (int i = 0; i < ids.size(); i++) {
            patched.put(ids.get(i), new Placed(c, i));
        }
        patches = List.of(new Patch(c, List.copyOf(ids)));
    }

    private static void addStudentsAt(DistrictData data, SchoolId school, Set<StudentId> out) {
        if (data.schoolIndex(school) >= 0) {
            for (Enrollment e : data.enrollmentsAt(school)) {
                out.add(e.studentId());
            }
        }
    }

    /** Where the student's latest figures are, or null when they have none. */
    private @Nullable Placed placed(StudentId id) {
        Placed p = patched.get(id);
        if (p != null) {
            return p;
        }
        int s = base.data.studentIndex(id);
        if (s < 0 || s >= base.known) {
            Integer extra = baseExtras.get(id);
            if (extra == null) {
                return null;
            }
            s = extra;
        }
        return new Placed(base, s);
    }

    /** The number of students whose figures are held by a patch. */
    public int patchedStudents() {
        return patched.size();
    }

    /** The number of patches held (at most the fold limit). */
    public int patches() {
        return patches.size();
    }

    // ---- reads ----

    /** The school's student-enrollments, aggregated (empty for a school without any). */
    public AttendanceAggregate school(SchoolId school) {
        int i = schools.indexIfPresent(school);
        if (i < 0 || i >= tallies.bySchool.groups() || tallies.bySchool.members(i) == 0) {
            return new Aggregator().result();
        }
        return tallies.bySchool.result(i);
    }

    /** The district: pooled student-years or student-enrollments, as the definition aggregates. */
    public AttendanceAggregate district() {
        return tallies.district.result(0);
    }

    /** The students of {@code group} (each once), aggregated as the district is. */
    public AttendanceAggregate students(Collection<StudentId> group) {
        boolean pooled = definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED;
        Aggregator a = new Aggregator();
        for (StudentId id : new HashSet<>(group)) {
            Placed p = placed(id);
            if (p == null || !p.counted()) {
                continue;
            }
            ChronicColumns c = p.c;
            if (pooled) {
                a.add(c.studentDays[p.s], c.studentUnits[p.s], ChronicColumns.status(c.studentStatus[p.s]));
            } else {
                for (int q = c.start[p.s]; q < c.start[p.s] + c.stays[p.s]; q++) {
                    a.add(c.stayDays[q], c.stayUnits[q], ChronicColumns.status(c.stayStatus[q]));
                }
            }
        }
        return a.result();
    }

    /** Every student with a slot, the columns that hold them taken from {@code list} (the latest patch first) before the base. */
    private OnDemandRecords.Students everyone(List<Patch> list) {
        Map<StudentId, Placed> patches = new HashMap<>();
        for (Patch p : list) {
            for (int i = 0; i < p.ids().size(); i++) {
                patches.put(p.ids().get(i), new Placed(p.c(), i));
            }
        }
        int n = base.students + patches.size();
        ChronicColumns[] owners = new ChronicColumns[n];
        int[] locals = new int[n];
        int k = 0;
        boolean any = !patches.isEmpty();
        for (int s = 0; s < base.students; s++) {
            if (base.start[s + 1] > base.start[s] && !(any && patches.containsKey(base.studentId(s)))) {
                owners[k] = base;
                locals[k++] = s;
            }
        }
        for (Placed p : patches.values()) {
            if (p.counted()) {
                owners[k] = p.c;
                locals[k++] = p.s;
            }
        }
        return new OnDemandRecords.Students(Arrays.copyOf(owners, k), Arrays.copyOf(locals, k));
    }

    /**
     * The report as of {@code asOf} (whose last day counted is this one's) over {@code data}, the version followed
     * to: the counts copied now (time proportional to the schools and subgroup combinations); the records listed and
     * built when first read, from the columns as they are now (the base and the patches never change, and the list
     * of patches is taken as it is now: later batches do not change the report).
     */
    public ChronicAbsenceReport report(DistrictData data, LocalDate asOf) {
        List<Patch> list = patches;
        byte[] community = schools.community.clone();
        List<SchoolId> ids = List.copyOf(schools.ids);
        OnDemandRecords records = new OnDemandRecords(() -> everyone(list), withStays, stayTotal, ids::get, community);
        ColumnarChronicAbsence.Tallies counts = new ColumnarChronicAbsence.Tallies(tallies.bySchool.groups());
        counts.addAll(tallies);
        return ColumnarChronicAbsence.report(data, year, definition, asOf, year.firstDay(), last(), counts, ids::get, community,
                records.enrollments(), records.students());
    }

    /** Every student-enrollment and student-year as of {@code asOf}, as {@code AttendanceAccumulator.snapshot} gives them. */
    public AttendanceSnapshot snapshot(DistrictData data, LocalDate asOf) {
        OnDemandRecords.Students e = everyone(patches);
        ChronicColumns[] owners = e.owners();
        int[] locals = e.locals();
        int categories = ColumnarChronicAbsence.categories();
        List<EnrollmentFigures> enrollments = new ArrayList<>();
        Map<StudentId, AttendanceFigures> pooled = new TreeMap<>();
        Map<StudentId, org.communityschools.core.model.GradeLevel> grades = new TreeMap<>();
        long[] stay = new long[categories];
        for (int i = 0; i < owners.length; i++) {
            ChronicColumns c = owners[i];
            int s = locals[i];
            StudentId id = c.studentId(s);
            long[] sum = new long[categories];
            for (int p = c.start[s]; p < c.start[s] + c.stays[s]; p++) {
                for (int k = 0; k < categories; k++) {
                    stay[k] = c.stayCategory[p * categories + k];
                    sum[k] += stay[k];
                }
                enrollments.add(new EnrollmentFigures(id, schools.id(c.staySchool[p]), LocalDate.ofEpochDay(stayEntry(c, s, p)),
                        ColumnarChronicAbsence.grade(c.stayGrade[p]),
                        DateRange.closed(LocalDate.ofEpochDay(c.stayFirst[p]), LocalDate.ofEpochDay(c.stayLast[p])),
                        ColumnarChronicAbsence.figures(definition, c.stayDays[p], c.stayUnits[p], stay, 0)));
            }
            pooled.put(id, ColumnarChronicAbsence.figures(definition, c.studentDays[s], c.studentUnits[s], sum, 0));
            grades.put(id, ColumnarChronicAbsence.grade(c.studentGrade[s]));
        }
        enrollments.sort(Comparator.comparing(EnrollmentFigures::studentId).thenComparing(EnrollmentFigures::entryDate)
                .thenComparing(EnrollmentFigures::schoolId));
        return new AttendanceSnapshot(definition, year, asOf, enrollments, pooled, grades, daysInSession(data, year, last()));
    }

    /** An empty snapshot as of a day before the year (every school's calendar with no day counted yet). */
    public static AttendanceSnapshot before(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate asOf) {
        return new AttendanceSnapshot(definition, year, asOf, List.of(), Map.of(), Map.of(), daysInSession(data, year, null));
    }

    /** Every school with an instructional day in the year: its days up to {@code last} (none when null). */
    private static Map<SchoolId, Integer> daysInSession(DistrictData data, SchoolYear year, @Nullable LocalDate last) {
        Map<SchoolId, Integer> out = new TreeMap<>();
        DateRange whole = DateRange.closed(year.firstDay(), year.lastDay());
        for (Map.Entry<SchoolId, InstructionalCalendar> e : data.calendars().entrySet()) {
            if (e.getValue().daysIn(whole) > 0) {
                out.put(e.getKey(), last == null ? 0 : e.getValue().daysIn(DateRange.closed(year.firstDay(), last)));
            }
        }
        return out;
    }

    /** The entry date of stay {@code p} of student {@code s}: its school's first slot's (slots are by entry date). */
    private static int stayEntry(ChronicColumns c, int s, int p) {
        for (int q = c.start[s]; q < c.start[s + 1]; q++) {
            if (c.school[q] == c.staySchool[p]) {
                return c.entry[q];
            }
        }
        throw new IllegalStateException("a stay without a slot");
    }

    /**
     * The schools of live columns, numbered once: the numbers of the version the columns were built from, then new
     * schools appended; with each school's calendar over the whole year (built from the latest version on first use
     * and again after a change to its instructional days) and its community-school status.
     */
    static final class Schools {
        private final SchoolYear year;
        private final List<SchoolId> ids = new ArrayList<>();
        private final Map<SchoolId, Integer> index = new HashMap<>();
        private @Nullable InstructionalDays[] calendars;
        private byte[] community;
        private @Nullable DistrictData translated;
        private int[] translation = new int[0];

        Schools(SchoolYear year, ChronicColumns base) {
            this.year = year;
            calendars = base.calendars.clone();
            community = base.community.clone();
            for (int i = 0; i < calendars.length; i++) {
                SchoolId id = base.data.schoolAt(i);
                ids.add(id);
                index.put(id, i);
            }
        }

        int size() {
            return ids.size();
        }

        SchoolId id(int i) {
            return ids.get(i);
        }

        int indexIfPresent(SchoolId id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }

        /** The number of {@code id}, appended when new. */
        int index(SchoolId id, DistrictData data) {
            Integer i = index.get(id);
            if (i == null) {
                i = ids.size();
                ids.add(id);
                index.put(id, i);
                calendars = Arrays.copyOf(calendars, i + 1);
                community = Arrays.copyOf(community, i + 1);
                translated = null;
            }
            return i;
        }

        /** The school's calendar over the whole year, built from {@code data} when not held; sets its community status then. */
        InstructionalDays calendar(int i, DistrictData data) {
            InstructionalDays c = calendars[i];
            if (c == null) {
                c = new InstructionalDays(data, ids.get(i), year.firstDay(), year.lastDay());
                calendars[i] = c;
                community[i] = (byte) (data.isCommunitySchool(ids.get(i), year) ? 1 : 0);
            }
            return c;
        }

        void forgetCalendar(SchoolId id) {
            int i = indexIfPresent(id);
            if (i >= 0) {
                calendars[i] = null;
            }
        }

        /** The schools with a calendar here whose community-school status in {@code data} differs from the one held. */
        List<Integer> flipped(DistrictData data) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (calendars[i] != null && (data.isCommunitySchool(ids.get(i), year) ? 1 : 0) != community[i]) {
                    out.add(i);
                }
            }
            return out;
        }

        @Nullable InstructionalDays[] calendars() {
            return calendars;
        }

        byte[] community() {
            return community;
        }

        /** By the data's school index: the number here, -1 for a school not numbered here. */
        int[] byDataIndex(DistrictData data) {
            if (translated != data) {
                int max = -1;
                int[] dataIndex = new int[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    dataIndex[i] = data.schoolIndex(ids.get(i));
                    max = Math.max(max, dataIndex[i]);
                }
                int[] t = new int[max + 1];
                Arrays.fill(t, -1);
                for (int i = 0; i < ids.size(); i++) {
                    if (dataIndex[i] >= 0) {
                        t[dataIndex[i]] = i;
                    }
                }
                translation = t;
                translated = data;
            }
            return translation;
        }
    }
}
