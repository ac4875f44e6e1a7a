package org.communityschools.metrics.internal;

import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The enrollments at positions [{@code from}, {@code to}) of the data that the definition considers with an
 * instructional day in the period: per kept enrollment its school index, first and last day counted, days and
 * position ({@code spans}, five ints each); the calendars of their schools, by school index up to the largest
 * school index of the range's enrollments. The ranges of a calculation run on its executor and are joined in
 * position order ({@link ChronicColumns#build}).
 */
record SlotPass(int[] spans, int kept, ChronicColumns.@Nullable Calendar[] calendars) {
    static SlotPass of(DistrictData data, StudentColumns people, SchoolYear year, ChronicAbsenceDefinition definition, int fromDay,
                   int toDay, int from, int to) {
        int kept = 0;
        int[] spans = new int[5 * 1024];
        ChronicColumns.@Nullable Calendar[] calendars = new ChronicColumns.Calendar[0];
        java.util.BitSet considered = ChronicLayout.considered(definition);
        int types = SchoolType.values().length;
        byte[] typeOf = new byte[0]; // by school index: the school type's ordinal + 1, 0 before it is looked up
        int[] schoolOf = people.enrollmentSchool;
        int[] entryOf = people.enrollmentEntry;
        int[] exitOf = people.enrollmentExit;
        byte[] gradeOf = people.enrollmentGrade;
        for (int position = from; position < to; position++) {
            int sch = schoolOf[position];
            if (sch < 0) {
                continue; // no school record and no calendar: no instructional day
            }
            if (sch >= typeOf.length) {
                typeOf = java.util.Arrays.copyOf(typeOf, Math.max(sch + 1, 2 * typeOf.length));
            }
            if (sch >= calendars.length) {
                calendars = java.util.Arrays.copyOf(calendars, sch + 1);
            }
            if (typeOf[sch] == 0) {
                typeOf[sch] = (byte) (ColumnarChronicAbsence.schoolType(data, data.schoolAt(sch)).ordinal() + 1);
            }
            if (!considered.get(gradeOf[position] * types + typeOf[sch] - 1)) {
                continue;
            }
            int a = Math.max(entryOf[position], fromDay);
            int b = Math.min(exitOf[position], toDay);
            if (b < a) {
                continue;
            }
            ChronicColumns.@Nullable Calendar cal = calendars[sch];
            if (cal == null) {
                cal = people.calendar(data, year, sch); // the whole year's: the slots end by the last day counted
                calendars[sch] = cal;
            }
            int d = cal.count(a, b);
            if (d > 0) {
                if (kept * 5 == spans.length) {
                    spans = java.util.Arrays.copyOf(spans, spans.length * 2);
                }
                int k = kept * 5;
                spans[k] = sch;
                spans[k + 1] = a;
                spans[k + 2] = b;
                spans[k + 3] = d;
                spans[k + 4] = position;
                kept++;
            }
        }
        return new SlotPass(spans, kept, calendars);
    }
}

