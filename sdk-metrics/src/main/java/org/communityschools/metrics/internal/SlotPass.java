package org.communityschools.metrics.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The enrollments at positions [{@code from}, {@code to}) of the data that the definition considers with an
 * instructional day in the period: per kept enrollment its school index, first and last day counted, days and
 * position ({@code spans}, five ints each); the calendars of their schools, by school index up to the largest
 * school index of the range's enrollments; the data's student indexes of the first and last kept enrollment and
 * whether the kept enrollments' student indexes are all known and ascend ({@code ordered}: then the slots, grouped by
 * student, are in the kept enrollments' order, and {@link #fill} writes them without a counting sort). The ranges
 * of a calculation run on its executor and are joined in position order ({@link ChronicColumns#build}).
 */
record SlotPass(int[] spans, int kept, @Nullable InstructionalDays[] calendars, int firstStudent, int lastStudent, boolean ordered) {
    static SlotPass of(DistrictData data, StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition, int fromDay,
                   int toDay, int from, int to) {
        int kept = 0;
        int[] spans = new int[5 * Math.max(0, to - from)]; // at most every enrollment of the range kept: never copied
        @Nullable InstructionalDays[] calendars = new InstructionalDays[0];
        int types = SchoolType.values().length;
        java.util.BitSet table = ChronicLayout.considered(definition);
        boolean[] considered = new boolean[GradeLevel.values().length * types]; // read once per enrollment: an array, not a BitSet
        for (int i = table.nextSetBit(0); i >= 0 && i < considered.length; i = table.nextSetBit(i + 1)) {
            considered[i] = true;
        }
        byte[] typeOf = new byte[0]; // by school index: the school type's ordinal + 1, 0 before it is looked up
        int[] schoolOf = people.enrollmentSchool;
        int[] entryOf = people.enrollmentEntry;
        int[] exitOf = people.enrollmentExit;
        byte[] gradeOf = people.enrollmentGrade;
        int[] studentOf = people.enrollmentStudent;
        int maxSchool = -1;
        int firstStudent = -1;
        int lastStudent = -1;
        boolean ordered = true;
        for (int position = from; position < to; position++) {
            int sch = schoolOf[position];
            if (sch < 0) {
                continue; // no school record and no calendar: no instructional day
            }
            if (sch >= typeOf.length) {
                typeOf = java.util.Arrays.copyOf(typeOf, Math.max(sch + 1, 2 * typeOf.length));
            }
            maxSchool = Math.max(maxSchool, sch);
            if (sch >= calendars.length) { // doubling (trimmed at the end): not one copy per new largest school
                calendars = java.util.Arrays.copyOf(calendars, Math.max(sch + 1, 2 * calendars.length));
            }
            if (typeOf[sch] == 0) {
                typeOf[sch] = (byte) (ColumnarChronicAbsence.schoolType(data, data.schoolAt(sch)).ordinal() + 1);
            }
            if (!considered[gradeOf[position] * types + typeOf[sch] - 1]) {
                continue;
            }
            int a = Math.max(entryOf[position], fromDay);
            int b = Math.min(exitOf[position], toDay);
            if (b < a) {
                continue;
            }
            @Nullable InstructionalDays cal = calendars[sch];
            if (cal == null) {
                cal = people.calendar(data, year, sch); // the whole year's: the slots end by the last day counted
                calendars[sch] = cal;
            }
            int d = cal.count(a, b);
            if (d > 0) {
                int k = kept * 5;
                spans[k] = sch;
                spans[k + 1] = a;
                spans[k + 2] = b;
                spans[k + 3] = d;
                spans[k + 4] = position;
                int student = studentOf[position];
                ordered &= student >= lastStudent && student >= 0;
                if (kept == 0) {
                    firstStudent = student;
                }
                lastStudent = student;
                kept++;
            }
        }
        return new SlotPass(spans, kept, java.util.Arrays.copyOf(calendars, maxSchool + 1), firstStudent, lastStudent, ordered);
    }

    /** Adds one to {@code start[s + 1]} for each kept enrollment of student {@code s} (an ordered pass: every index known). */
    void count(int[] enrollmentStudent, int[] start) {
        for (int i = 0; i < kept; i++) {
            start[enrollmentStudent[spans[5 * i + 4]] + 1]++;
        }
    }

    /**
     * Writes this ordered pass's slots into {@code c}'s slot columns from position {@code at} on: in an ordered
     * calculation a slot's position is its kept enrollment's (the counting sort by student would not move it).
     */
    void fill(ChronicColumns c, StudentColumns people, int at) {
        for (int i = 0; i < kept; i++) {
            int p = at + i;
            int k = 5 * i;
            int position = spans[k + 4];
            c.school[p] = spans[k];
            c.first[p] = spans[k + 1];
            c.last[p] = spans[k + 2];
            c.days[p] = spans[k + 3];
            c.grade[p] = people.enrollmentGrade[position];
            c.entry[p] = people.enrollmentEntry[position];
        }
    }

    /** Whether every pass is ordered and each starts at or after the student where the one before ends. */
    static boolean ordered(List<SlotPass> passes) {
        int last = -1;
        for (SlotPass p : passes) {
            if (!p.ordered() || p.kept() > 0 && p.firstStudent() < last) {
                return false;
            }
            last = p.kept() > 0 ? p.lastStudent() : last;
        }
        return true;
    }

    /**
     * The slot columns of ordered passes (every kept enrollment's student indexed, ascending): student bounds counted
     * in one pass, the slots written in place by the passes' ranges on {@code executor} (what the counting sort of
     * {@link #sorted} would give, without its scatter).
     */
    static ChronicColumns ordered(DistrictData data, StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition,
                                          List<SlotPass> passes, int kept, @Nullable InstructionalDays[] calendars, byte[] community,
                                          java.util.concurrent.Executor executor) {
        int students = 0;
        for (SlotPass p : passes) {
            students = p.kept() > 0 ? p.lastStudent() + 1 : students;
        }
        int[] start = new int[students + 1];
        for (SlotPass p : passes) {
            p.count(people.enrollmentStudent, start);
        }
        for (int s = 0; s < students; s++) {
            start[s + 1] += start[s];
        }
        ChronicColumns c = new ChronicColumns(data, people, year, definition, students, new StudentId[0], start, kept, calendars, community);
        int[] at = new int[passes.size()];
        for (int t = 1; t < at.length; t++) {
            at[t] = at[t - 1] + passes.get(t - 1).kept();
        }
        Parts.run(executor, passes.size(), t -> {
            passes.get(t).fill(c, people, at[t]);
            return passes.get(t);
        });
        return c;
    }

    /** The slot columns of any passes: students without an index numbered after the data's, slots counting-sorted by student. */
    static ChronicColumns sorted(DistrictData data, StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition,
                                         List<SlotPass> passes, int kept, @Nullable InstructionalDays[] calendars, byte[] community) {
        int[] spans = new int[5 * kept]; // per kept enrollment: school index, first and last epoch day, days, position in the data
        int at = 0;
        for (SlotPass p : passes) {
            System.arraycopy(p.spans(), 0, spans, at, 5 * p.kept());
            at += 5 * p.kept();
        }
        Map<StudentId, Integer> extra = new HashMap<>();
        int[] knownOut = new int[1];
        int[] studentOf = ColumnarChronicAbsence.studentIndexes(people.enrollmentStudent, spans, 5, 4, kept, data.enrollments(), extra, knownOut);
        int students = knownOut[0] + extra.size();
        int[] start = new int[students + 1];
        for (int s : studentOf) {
            start[s + 1]++;
        }
        for (int s = 0; s < students; s++) {
            start[s + 1] += start[s];
        }
        StudentId[] extraIds = new StudentId[extra.size()];
        extra.forEach((id, i) -> extraIds[i - knownOut[0]] = id);
        ChronicColumns c = new ChronicColumns(data, people, year, definition, knownOut[0], extraIds, start, kept, calendars, community);
        int[] fill = start.clone();
        for (int i = 0; i < kept; i++) {
            int p = fill[studentOf[i]]++;
            int position = spans[5 * i + 4];
            c.school[p] = spans[5 * i];
            c.first[p] = spans[5 * i + 1];
            c.last[p] = spans[5 * i + 2];
            c.days[p] = spans[5 * i + 3];
            c.grade[p] = people.enrollmentGrade[position];
            c.entry[p] = people.enrollmentEntry[position];
        }
        return c;
    }
}
