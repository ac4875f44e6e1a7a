package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.CommunitySchoolSplit;

/**
 * The counts of a chronic-absence calculation of one school year up to one day, kept current by change batches
 * without any per-student column: only the counts by school, community-school status, district, grade and subgroup
 * combination ({@link ColumnarChronicAbsence.Tallies}) and the schools' numbering, calendars and community-school
 * status ({@link LiveColumns.Schools}). A batch recomputes the touched students' old contributions from the version
 * before it ({@link StudentPatch} over {@code previous}: an untouched student's figures are the same in every
 * version since the counts were built, so their recomputation equals what was added) and their new ones from the
 * version after it, and moves the counts by the difference: time proportional to the touched students' records (twice
 * a batch of {@link LiveColumns}), memory a few kilobytes per school whatever the number of students, so that many
 * as-of dates can be kept current at once. The students touched are those of {@link LiveColumns#touched}.
 * Per-student figures ({@link #students}) are computed on demand from the version followed to. Mutable, one writer;
 * the caller serializes updates and reads.
 */
public final class AsOfTallies {
    private final SchoolYear year;
    private final ChronicAbsenceDefinition definition;
    private final int fromDay;
    private final int toDay;
    private final LiveColumns.Schools schools;
    private ColumnarChronicAbsence.Tallies tallies;

    private AsOfTallies(SchoolYear year, ChronicAbsenceDefinition definition, int toDay, ColumnarChronicAbsence.Computed computed) {
        this.year = year;
        this.definition = definition;
        this.fromDay = (int) year.firstDay().toEpochDay();
        this.toDay = toDay;
        this.schools = new LiveColumns.Schools(year, computed.columns());
        this.tallies = computed.tallies();
    }

    /**
     * The counts of {@code data} for {@code year} up to {@code last} (at or after the year's first day, at most its
     * last), computed as a batch report is (the columns are dropped once counted).
     *
     * @param data the version
     * @param year the school year
     * @param definition the chronic-absence definition
     * @param last the last day counted
     * @param executor where the ranges of the calculation run, beside the calling thread
     * @return the counts
     */
    public static AsOfTallies build(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition, LocalDate last,
                                    Executor executor) {
        ColumnarChronicAbsence.Computed computed = ColumnarChronicAbsence.compute(data, year, definition, year.firstDay(), last, executor,
                ColumnarChronicAbsence.parallelism(), ColumnarChronicAbsence.MIN_SLOTS_PER_TASK);
        return new AsOfTallies(year, definition, (int) last.toEpochDay(), computed);
    }

    /**
     * Moves the counts from {@code previous} to {@code current}, made from it by {@code batch}.
     *
     * @param previous the version the counts are of
     * @param current the version made by {@code batch}
     * @param batch the batch
     */
    public void apply(DistrictData previous, DistrictData current, ChangeBatch batch) {
        apply(previous, current, BatchKeys.of(batch), new StudentPatch.Lookups(previous), new StudentPatch.Lookups(current));
    }

    /**
     * Moves the counts from {@code previous} to {@code current}, made from it by {@code batch}, the touched students
     * looked up in {@code before} and {@code after} (the keys and lookups shared by every as-of date the batch moves).
     *
     * @param previous the version the counts are of
     * @param current the version made by the batch
     * @param keys the batch's keys
     * @param before lookups in {@code previous}
     * @param after lookups in {@code current}
     */
    public void apply(DistrictData previous, DistrictData current, BatchKeys keys, StudentPatch.Lookups before, StudentPatch.Lookups after) {
        LiveColumns.Touched t = LiveColumns.touched(previous, current, keys, year, fromDay, toDay, schools);
        if (t.students().isEmpty() && t.calendarChanged().isEmpty() && t.flipped().isEmpty()) {
            return;
        }
        List<StudentId> ids = new ArrayList<>(t.students());
        // old contributions out: recomputed from the previous version with the calendars and statuses held
        if (!ids.isEmpty()) {
            ChronicColumns old = StudentPatch.build(previous, year, definition, fromDay, toDay, ids, schools, before).columns();
            tallies = tallies.grown(schools.size());
            byte[] community = schools.community();
            for (int s = 0; s < ids.size(); s++) {
                if (old.start[s + 1] > old.start[s]) {
                    old.count(s, tallies, -1, community);
                }
            }
        }
        // then the school-level changes: every status that differs now (a calendar built just above from the previous
        // version holds that version's status; no untouched student counts at such a school, none did without a calendar)
        for (int i : schools.flipped(current)) {
            schools.community()[i] ^= 1;
        }
        for (SchoolId school : t.calendarChanged()) {
            schools.forgetCalendar(school);
        }
        if (ids.isEmpty()) {
            return;
        }
        ColumnarChronicAbsence.Computed patch = StudentPatch.build(current, year, definition, fromDay, toDay, ids, schools, after);
        tallies = tallies.grown(schools.size());
        tallies.addAll(patch.tallies());
    }

    // ---- reads ----

    /**
     * {@return the school's student-enrollments, aggregated (empty for a school without any)}
     *
     * @param school the school
     */
    public AttendanceAggregate school(SchoolId school) {
        int i = schools.indexIfPresent(school);
        if (i < 0 || i >= tallies.bySchool.groups() || tallies.bySchool.members(i) == 0) {
            return new Aggregator().result();
        }
        return tallies.bySchool.result(i);
    }

    /** {@return every school with a student-enrollment, its student-enrollments aggregated} */
    public Map<SchoolId, AttendanceAggregate> schools() {
        Map<SchoolId, AttendanceAggregate> out = new TreeMap<>();
        for (int i = 0; i < tallies.bySchool.groups(); i++) {
            if (tallies.bySchool.members(i) > 0) {
                out.put(schools.id(i), tallies.bySchool.result(i));
            }
        }
        return out;
    }

    /**
     * {@return the student-enrollments at community schools and at the other schools, each school on the side of its
     * status in the version the counts are of}
     */
    public CommunitySchoolSplit communitySchools() {
        return ColumnarChronicAbsence.split(tallies);
    }

    /** {@return the district: pooled student-years or student-enrollments, as the definition aggregates} */
    public AttendanceAggregate district() {
        return tallies.district.result(0);
    }

    /**
     * {@return the students of {@code group} (each once) in {@code current}, the version the counts are of,
     * aggregated as the district is}
     *
     * @param current the version the counts are of
     * @param group the students
     */
    public AttendanceAggregate students(DistrictData current, Collection<StudentId> group) {
        List<StudentId> ids = new ArrayList<>(new HashSet<>(group));
        Aggregator a = new Aggregator();
        if (ids.isEmpty()) {
            return a.result();
        }
        ChronicColumns c = StudentPatch.build(current, year, definition, fromDay, toDay, ids, schools).columns();
        boolean pooled = definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED;
        for (int s = 0; s < ids.size(); s++) {
            if (c.start[s + 1] == c.start[s]) {
                continue;
            }
            if (pooled) {
                a.add(c.studentDays[s], c.studentUnits[s], ChronicColumns.status(c.studentStatus[s]));
            } else {
                for (int q = c.start[s]; q < c.start[s] + c.stays[s]; q++) {
                    a.add(c.stayDays[q], c.stayUnits[q], ChronicColumns.status(c.stayStatus[q]));
                }
            }
        }
        return a.result();
    }
}
