package org.communityschools.metrics.internal;

import java.util.BitSet;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Where the slots of a chronic-absence calculation are, by the data, the year, the definition's grade and
 * school-type rule and the period: student bounds ({@code start}), each slot's school, first and last day counted,
 * days, grade and entry date, the schools' calendars and community-school status; and, once a calculation with this
 * layout has ended, its stays and student-years without their absences ({@link Stays}). Built once per key and data
 * (kept with the data's {@link StudentColumns}); read-only after, shared by every calculation with the same key, each
 * with its own attendance and result columns ({@link ChronicColumns}). Immutable once kept, thread-safe.
 *
 * @param known student indexes below this are the data's; at and above it, students with enrollments but no index
 * @param extraIds the students without an index, from {@code known} on
 * @param start by student: the first slot ({@code start[s]} to {@code start[s + 1]})
 * @param school by slot: the school index
 * @param first by slot: the first day counted (epoch day)
 * @param last by slot: the last day counted (epoch day)
 * @param days by slot: the instructional days enrolled
 * @param grade by slot: the entry grade's ordinal
 * @param entry by slot: the entry date (epoch day)
 * @param calendars by school index: the calendar, null for a school no slot is at
 * @param community by school index: 1 for a community school in the year
 * @param stays the stays and student-years found by the first calculation over this layout, or null before it ended
 */
record ChronicLayout(int known, StudentId[] extraIds, int[] start, int[] school, int[] first, int[] last, int[] days, byte[] grade,
                     int[] entry, @Nullable InstructionalDays[] calendars, byte[] community, @Nullable Stays stays) {

    /** This layout with the stays found by a calculation over it. */
    ChronicLayout with(Stays s) {
        return new ChronicLayout(known, extraIds, start, school, first, last, days, grade, entry, calendars, community, s);
    }

    /**
     * The key of a layout: the year, the definition's grade and school-type rule as a bit set
     * ({@link #considered}), the period as epoch days.
     */
    record Key(SchoolYear year, BitSet considered, int from, int to) {}

    /**
     * The stays (at slot positions) and student-years of a layout without their absences: how many stays, each one's
     * school, first and last day, days, grade and subgroup key, each student-year's days, grade and key. Functions of
     * the slots, the calendars and the students' records only; read-only once kept.
     */
    record Stays(byte[] stays, int[] staySchool, int[] stayFirst, int[] stayLast, int[] stayDays, byte[] stayGrade, int[] stayKey,
                 int[] studentDays, byte[] studentGrade, int[] studentKey) {}

    /** Whether the definition considers an enrollment, at grade ordinal × school types + school type ordinal. */
    static BitSet considered(ChronicAbsenceDefinition definition) {
        GradeLevel[] grades = GradeLevel.values();
        SchoolType[] types = SchoolType.values();
        BitSet table = new BitSet(grades.length * types.length);
        for (GradeLevel g : grades) {
            for (SchoolType t : types) {
                table.set(g.ordinal() * types.length + t.ordinal(), definition.considers(g, t));
            }
        }
        return table;
    }
}
