package org.communityschools.core.internal.synth;

import java.util.Optional;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.internal.synth.StudentSimulator.Segment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * What a community school's team would see of one student's stay at the school in one school year, at each of the
 * year's meeting days (instructional days 20, 40, …, 160: every four school weeks): which early-warning flags were
 * newly raised since the previous meeting, whether the student was chronically absent so far, and the staff who would
 * own a step about the student (the first teacher, the Success Mentor of a caseload). Built from the simulation's
 * bookkeeping only, never from a random draw, so collecting it shifts no stream. Immutable after construction.
 *
 * <p>The flags, as of a meeting day (the student enrolled on it, the days so far counted from the stay's first day,
 * the meeting day excluded): {@link #ABSENCE} absent on 10% or more of the days so far, with at least 10 days so far
 * (the chronic-absence threshold of EDFacts, applied year to date); {@link #BEHAVIOR} a behavior incident since the previous
 * meeting; {@link #COURSES} two or more failed first-semester courses (high school), raised at the first meeting
 * after the semester ends.
 */
final class TeamFlag {
    /** Instructional days between meetings: four school weeks. */
    static final int EVERY = 20;
    /** Meetings per school year, on instructional days {@code EVERY}, {@code 2 * EVERY}, …. */
    static final int CHECKPOINTS = 8;
    static final int ABSENCE = 1;
    static final int BEHAVIOR = 2;
    static final int COURSES = 4;
    private static final int MIN_DAYS = 10;

    final int index;
    final StudentId id;
    final SchoolPlan school;
    final int year;
    final int grade;
    /** The stay's first and last instructional day index, both included. */
    final int first;
    final int last;
    /** Per meeting 1..CHECKPOINTS: the flags newly raised (bits), 0 for none. */
    private final byte[] raised = new byte[CHECKPOINTS + 1];
    /** Per meeting 1..CHECKPOINTS: whether chronically absent so far. */
    private final boolean[] chronic = new boolean[CHECKPOINTS + 1];
    private final short[] absent = new short[CHECKPOINTS + 1];
    final int firstTermFailures;
    final StaffId teacher;
    private final StaffId mentor;

    private TeamFlag(int index, StudentId id, Segment seg, int year, int grade, StaffId teacher, StaffId mentor) {
        this.index = index;
        this.id = id;
        this.school = seg.school;
        this.year = year;
        this.grade = grade;
        this.first = seg.first;
        this.last = seg.last;
        this.firstTermFailures = seg.firstTermFailures;
        this.teacher = teacher;
        this.mentor = mentor;
    }

    /** The first meeting day on or after instructional day {@code day}, or {@link Integer#MAX_VALUE} when none. */
    static int nextCheckpoint(int day) {
        int c = Math.max(1, (day + EVERY - 1) / EVERY);
        return c <= CHECKPOINTS ? c * EVERY : Integer.MAX_VALUE;
    }

    /** Counts the segment's incident days (mark 3) before each meeting day. */
    static void countIncidents(Segment seg, byte[] mark) {
        int count = 0;
        int d = seg.first;
        for (int c = 1; c <= CHECKPOINTS; c++) {
            int until = Math.min(c * EVERY, seg.last + 1);
            for (; d < until; d++) {
                if (mark[d] == 3) {
                    count++;
                }
            }
            seg.incidentsBefore[c] = count;
        }
    }

    /**
     * The flags of a finished stay at a community school, when a flag was raised at some meeting; empty otherwise.
     *
     * @param semesterEnd the year's last instructional day of the first semester
     */
    static Optional<TeamFlag> of(int index, StudentId id, Segment seg, int year, int grade, int semesterEnd) {
        TeamFlag f = new TeamFlag(index, id, seg, year, grade, seg.teacher, seg.mentor);
        boolean any = false;
        boolean coursesRaised = false;
        for (int c = 1; c <= CHECKPOINTS; c++) {
            int m = c * EVERY;
            if (m < seg.first || m > seg.last) {
                continue;
            }
            int days = m - seg.first;
            f.absent[c] = (short) seg.absentBefore[c];
            f.chronic[c] = days >= MIN_DAYS && seg.absentBefore[c] * 10 >= days;
            boolean before = c > 1 && m - EVERY >= seg.first && f.chronic[c - 1];
            int bits = 0;
            if (f.chronic[c] && !before) {
                bits |= ABSENCE;
            }
            if (seg.incidentsBefore[c] > (c > 1 ? seg.incidentsBefore[c - 1] : 0)) {
                bits |= BEHAVIOR;
            }
            if (!coursesRaised && grade >= 9 && m > semesterEnd && seg.first <= semesterEnd && seg.firstTermFailures >= 2) {
                bits |= COURSES;
                coursesRaised = true;
            }
            f.raised[c] = (byte) bits;
            any |= bits != 0;
        }
        return any ? Optional.of(f) : Optional.empty();
    }

    /** The flags newly raised at meeting {@code c} (bits), 0 for none. */
    int raised(int c) {
        return raised[c];
    }

    /** Whether the student was chronically absent so far at meeting {@code c} (and enrolled on its day). */
    boolean chronic(int c) {
        return chronic[c];
    }

    /** Absent days before meeting {@code c}. */
    int absentBefore(int c) {
        return absent[c];
    }

    /** Whether the student is enrolled at the school on instructional day {@code day}. */
    boolean enrolledOn(int day) {
        return first <= day && day <= last;
    }

    /** The Success Mentor whose caseload holds the student, if any (caseloads begin before the first meeting). */
    Optional<StaffId> mentor() {
        return Optional.ofNullable(mentor);
    }
}
