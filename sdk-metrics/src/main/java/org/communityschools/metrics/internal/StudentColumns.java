package org.communityschools.metrics.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * What the batch chronic-absence calculation needs of each student of a {@link DistrictData}, as columns by dense
 * student index: the person part of the subgroup key (sex and race/ethnicity, {@link ColumnarChronicAbsence#person}),
 * the characteristics' periods as epoch days with their bit, and of every enrollment (in the order of
 * {@link DistrictData#enrollments()}) the student and school indexes, entry and exit epoch days and entry grade;
 * and, built on first use, each school's instructional days of a school year. These depend on the data only, not on the year or the definition, so
 * they are built once per district data, like {@link CohortIndex}, and kept while the data is reachable: a report
 * then looks up no identifier per student or enrollment. The slot layouts of the last few calculations on the data
 * ({@link ChronicLayout}: which student-enrollments count, with their days) are kept here too, so that a
 * report repeated on the same data reads the attendance into new columns without finding the slots again. A live version of the data gets its own. The columns
 * never change after the build; thread-safe.
 */
final class StudentColumns {
    private static final Map<DistrictData, StudentColumns> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    /** The exclusive end of a characteristic without one. */
    private static final int OPEN = Integer.MAX_VALUE;

    /** By student index: the person part of the subgroup key, 0 without a student record. */
    private final int[] person;
    /** By student index: the characteristics at positions {@code charStart[s]} to {@code charStart[s + 1]}. */
    private final int[] charStart;
    private final int[] charFrom;
    private final int[] charUntil;
    private final int[] charBit;
    /** By position in the data's enrollments: the student index, -1 for a student without one. */
    final int[] enrollmentStudent;
    /** By position in the data's enrollments: the school index, -1 for a school without one. */
    final int[] enrollmentSchool;
    /** By position in the data's enrollments: the entry date as an epoch day. */
    final int[] enrollmentEntry;
    /** By position in the data's enrollments: the exit date as an epoch day, {@link Integer#MAX_VALUE} without one. */
    final int[] enrollmentExit;
    /** By position in the data's enrollments: the entry grade's ordinal. */
    final byte[] enrollmentGrade;

    private StudentColumns(int[] person, int[] charStart, int[] charFrom, int[] charUntil, int[] charBit, int[] enrollmentStudent,
                           int[] enrollmentSchool, int[] enrollmentEntry, int[] enrollmentExit, byte[] enrollmentGrade) {
        this.person = person;
        this.charStart = charStart;
        this.charFrom = charFrom;
        this.charUntil = charUntil;
        this.charBit = charBit;
        this.enrollmentStudent = enrollmentStudent;
        this.enrollmentSchool = enrollmentSchool;
        this.enrollmentEntry = enrollmentEntry;
        this.enrollmentExit = enrollmentExit;
        this.enrollmentGrade = enrollmentGrade;
    }

    /** The columns of {@code data} (built on first use; {@code DistrictData} is immutable and compared by identity). */
    static StudentColumns of(DistrictData data) {
        @Nullable StudentColumns c = CACHE.get(data);
        if (c == null) {
            c = build(data);
            CACHE.put(data, c);
        }
        return c;
    }

    private static StudentColumns build(DistrictData data) {
        // a live version's removed students keep their index unused, so the indexes may outnumber the records
        List<Student> students = data.students();
        int[] studentIndex = new int[students.size()];
        int n = 0;
        for (int i = 0; i < studentIndex.length; i++) {
            studentIndex[i] = data.studentIndex(students.get(i).id());
            n = Math.max(n, studentIndex[i] + 1);
        }
        List<StudentCharacteristic> all = data.studentCharacteristics();
        int[] owner = new int[all.size()];
        int k = 0;
        @Nullable StudentId lastId = null;
        int lastIndex = -1;
        for (StudentCharacteristic c : all) {
            if (c.studentId() != lastId) {
                lastId = c.studentId();
                lastIndex = data.studentIndex(lastId);
            }
            owner[k++] = lastIndex;
            n = Math.max(n, lastIndex + 1);
        }
        List<Enrollment> enrollments = data.enrollments();
        int e = enrollments.size();
        int[] enrollmentStudent = new int[e];
        k = 0;
        lastId = null;
        for (Enrollment en : enrollments) {
            if (en.studentId() != lastId) {
                lastId = en.studentId();
                lastIndex = data.studentIndex(lastId);
            }
            enrollmentStudent[k++] = lastIndex;
            n = Math.max(n, lastIndex + 1);
        }
        int[] person = new int[n];
        for (int i = 0; i < studentIndex.length; i++) {
            if (studentIndex[i] >= 0) {
                person[studentIndex[i]] = ColumnarChronicAbsence.person(java.util.Optional.of(students.get(i)));
            }
        }
        int[] charStart = new int[n + 1];
        for (int o : owner) {
            if (o >= 0) {
                charStart[o + 1]++;
            }
        }
        for (int s = 0; s < n; s++) {
            charStart[s + 1] += charStart[s];
        }
        int[] fill = charStart.clone();
        int m = charStart[n];
        int[] charFrom = new int[m];
        int[] charUntil = new int[m];
        int[] charBit = new int[m];
        k = 0;
        for (StudentCharacteristic c : all) {
            int s = owner[k++];
            if (s < 0) {
                continue;
            }
            int p = fill[s]++;
            DateRange period = c.period();
            charFrom[p] = (int) period.start().toEpochDay();
            charUntil[p] = period.endExclusive().map(d -> (int) d.toEpochDay()).orElse(OPEN);
            charBit[p] = 1 << c.characteristic().ordinal();
        }
        int[] enrollmentSchool = new int[e];
        int[] enrollmentEntry = new int[e];
        int[] enrollmentExit = new int[e];
        byte[] enrollmentGrade = new byte[e];
        k = 0;
        @Nullable SchoolId lastSchool = null;
        int lastSchoolIndex = -1;
        for (Enrollment en : enrollments) {
            if (en.schoolId() != lastSchool) {
                lastSchool = en.schoolId();
                lastSchoolIndex = data.schoolIndex(lastSchool);
            }
            enrollmentSchool[k] = lastSchoolIndex;
            enrollmentEntry[k] = (int) en.entryDate().toEpochDay();
            enrollmentExit[k] = en.exitWithdrawDate().map(d -> (int) d.toEpochDay()).orElse(OPEN);
            enrollmentGrade[k] = (byte) en.entryGrade().ordinal();
            k++;
        }
        return new StudentColumns(person, charStart, charFrom, charUntil, charBit, enrollmentStudent, enrollmentSchool,
                enrollmentEntry, enrollmentExit, enrollmentGrade);
    }

    /** By school year: the schools' calendars over the whole year, by school index, each built on first use. */
    private final Map<SchoolYear, AtomicReferenceArray<InstructionalDays>> calendars = new ConcurrentHashMap<>();

    /**
     * The instructional days of school {@code school} over the whole of {@code year} (first to last day), built once
     * per data, year and school: a calculation as of any day of the year reads it for days up to its last day only.
     */
    InstructionalDays calendar(DistrictData data, SchoolYear year, int school) {
        AtomicReferenceArray<InstructionalDays> byYear = calendars.computeIfAbsent(year,
                y -> new AtomicReferenceArray<>(data.schools().size()));
        if (school >= byYear.length()) {
            return new InstructionalDays(data, data.schoolAt(school), year.firstDay(), year.lastDay());
        }
        InstructionalDays c = byYear.get(school);
        if (c == null) {
            c = new InstructionalDays(data, data.schoolAt(school), year.firstDay(), year.lastDay());
            if (!byYear.compareAndSet(school, null, c)) {
                c = byYear.get(school);
            }
        }
        return c;
    }

    /** The slot layouts of the calculations made on this data, by key; the last few kept. */
    private final Map<ChronicLayout.Key, ChronicLayout> layouts = Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ChronicLayout.Key, ChronicLayout> eldest) {
                    return size() > LAYOUTS;
                }
            });
    /** The number of slot layouts kept per data (as-of dates and definitions a host reads repeatedly). */
    private static final int LAYOUTS = 4;

    /** The slot layout of {@code key} built before on this data, or null. */
    @Nullable ChronicLayout layout(ChronicLayout.Key key) {
        return layouts.get(key);
    }

    /** Keeps the slot layout of {@code key} (read-only from now on). */
    void keepLayout(ChronicLayout.Key key, ChronicLayout layout) {
        layouts.put(key, layout);
    }

    /** The number of students with an index. */
    int students() {
        return person.length;
    }

    /** The person part of student {@code s}'s subgroup key. */
    int person(int s) {
        return person[s];
    }

    /**
     * The characteristic bits of student {@code s} held on a day of the closed epoch-day range [a, b] (as
     * {@link ColumnarChronicAbsence#characteristics}).
     */
    int characteristics(int s, int a, int b) {
        int mask = 0;
        for (int p = charStart[s], e = charStart[s + 1]; p < e; p++) {
            if (charFrom[p] <= b && a < charUntil[p]) {
                mask |= charBit[p];
            }
        }
        return mask;
    }
}
