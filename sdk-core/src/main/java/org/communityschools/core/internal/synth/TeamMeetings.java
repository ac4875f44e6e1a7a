package org.communityschools.core.internal.synth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.internal.write.DirectoryWriter;
import org.communityschools.core.internal.write.Rows;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AgendaReason;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * The school-team meetings of the synthetic city (docs/synthetic-city.md, "Meetings"): in every community school, a
 * meeting every four school weeks ({@link TeamFlag#EVERY} instructional days), eight a year. Each meeting's agenda
 * holds the students whose steps of an earlier meeting of the year are due ({@code FOLLOW_UP_DUE}), up to {@link
 * #NEW_STUDENTS} students whose early-warning flags were newly raised since the previous meeting ({@code
 * EARLY_WARNING_FLAG}) and the school's count of students chronically absent so far ({@code TREND}, a group). The
 * team decides action steps owned by its members: the student's Success Mentor (linked to the year's Success Mentor
 * intervention the student takes part in) or teacher for absences, a counselor for incidents and failed courses, the
 * Community School Director for a home visit when a step was not done by the follow-up. Steps are done on time, done
 * late, left open (past due, or due after the last generated day) or dropped (when the student leaves, and on the last
 * day of the school year when still open then, except in the last generated year).
 *
 * <p>Students are offered ({@link #add}) on the writing thread in student order; the meetings are drawn afterwards
 * from their own random stream per school and year ({@link Mix#MEETING}), so the other files' bytes do not change.
 * Memory: at most {@link #NEW_STUDENTS} flags per school and meeting, and a count. Not thread-safe.
 */
final class TeamMeetings {
    /** At most this many newly flagged students per meeting: the ones with the most flags, then a seeded draw. */
    static final int NEW_STUDENTS = 4;
    private static final String CHRONIC_GROUP = "chronically absent so far";

    private final CityPlan plan;
    private final int[] community;
    /** Per slot (community school, year, meeting): the kept newly flagged students, best first. */
    private final List<List<TeamFlag>> offered;
    private final int[] chronicCount;
    private final LocalDate end;

    TeamMeetings(CityPlan plan) {
        this.plan = plan;
        this.community = new int[plan.schools.size()];
        java.util.Arrays.fill(community, -1);
        for (int j = 0; j < plan.communitySchools.size(); j++) {
            community[plan.communitySchools.get(j).index] = j;
        }
        int slots = plan.communitySchools.size() * plan.years * TeamFlag.CHECKPOINTS;
        this.offered = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            offered.add(new ArrayList<>(NEW_STUDENTS + 1));
        }
        this.chronicCount = new int[slots];
        List<LocalDate> lastYear = plan.calendars.get(plan.years - 1);
        this.end = lastYear.get(lastYear.size() - 1);
    }

    private int slot(SchoolPlan school, int year, int c) {
        return (community[school.index] * plan.years + year) * TeamFlag.CHECKPOINTS + c - 1;
    }

    /** Counts the student at every meeting where chronically absent so far; keeps it where a flag was raised. */
    void add(TeamFlag f) {
        for (int c = 1; c <= TeamFlag.CHECKPOINTS; c++) {
            int slot = slot(f.school, f.year, c);
            if (f.chronic(c)) {
                chronicCount[slot]++;
            }
            if (f.raised(c) != 0) {
                keep(offered.get(slot), f, c);
            }
        }
    }

    private void keep(List<TeamFlag> kept, TeamFlag f, int c) {
        int at = kept.size();
        while (at > 0 && better(f, kept.get(at - 1), c)) {
            at--;
        }
        if (at < NEW_STUDENTS) {
            kept.add(at, f);
            if (kept.size() > NEW_STUDENTS) {
                kept.remove(NEW_STUDENTS);
            }
        }
    }

    private boolean better(TeamFlag a, TeamFlag b, int c) {
        int fa = Integer.bitCount(a.raised(c));
        int fb = Integer.bitCount(b.raised(c));
        if (fa != fb) {
            return fa > fb;
        }
        return Long.compareUnsigned(rank(a, c), rank(b, c)) < 0;
    }

    private long rank(TeamFlag f, int c) {
        return Mix.mix64(plan.seed ^ Mix.mix64(Mix.MEETING + f.index * 31L + c));
    }

    /** Writes the meetings, agenda items and action steps of every community school and year. */
    void writeTo(DirectoryWriter out) {
        Consumer<Meeting> meetings = out.sink(DataFile.MEETINGS, Rows::meeting);
        Consumer<AgendaItem> agenda = out.sink(DataFile.AGENDA_ITEMS, Rows::agendaItem);
        Consumer<ActionStep> steps = out.sink(DataFile.ACTION_STEPS, Rows::actionStep);
        for (SchoolPlan school : plan.communitySchools) {
            for (int t = 0; t < plan.years; t++) {
                new SchoolYearMeetings(school, t).write(meetings, agenda, steps);
            }
        }
    }

    /** A step decided, with the student's stay it concerns (null for a group step). */
    private record Decided(ActionStep step, TeamFlag about) {}

    /** The eight meetings of one school in one year, drawn from their own stream. */
    private final class SchoolYearMeetings {
        private final SchoolPlan school;
        private final int t;
        private final List<LocalDate> days;
        private final SplittableRandom rng;
        private final StaffId principal;
        private final StaffId counselor;
        private final StaffId director;
        private final InterventionId mentoring;
        /** Steps about a student not yet followed up, by student, in decision order. */
        private final Map<StudentId, List<Decided>> pending = new LinkedHashMap<>();

        SchoolYearMeetings(SchoolPlan school, int t) {
            this.school = school;
            this.t = t;
            this.days = plan.calendars.get(t);
            this.rng = Mix.random(plan.seed, Mix.MEETING, (long) school.index * 64 + t);
            this.principal = StaffId.of(school.id.value() + "-P1");
            this.counselor = StaffId.of(school.id.value() + "-C01");
            this.director = school.director();
            this.mentoring = CityGenerator.successMentorId(school, plan.year(t));
        }

        void write(Consumer<Meeting> meetings, Consumer<AgendaItem> agenda, Consumer<ActionStep> steps) {
            for (int c = 1; c <= TeamFlag.CHECKPOINTS; c++) {
                int day = c * TeamFlag.EVERY;
                LocalDate date = days.get(day);
                MeetingId id = MeetingId.of(school.id.value() + "-" + plan.year(t).endYear() + "-M" + Draws.pad(c, 2));
                Set<StaffId> team = new TreeSet<>(List.of(principal, counselor, director, school.mentor(0)));
                List<AgendaItem> items = new ArrayList<>();
                List<ActionStep> decided = new ArrayList<>();
                Set<StudentId> onAgenda = new TreeSet<>();
                followUps(id, day, date, items, decided, onAgenda);
                for (TeamFlag f : offered.get(slot(school, t, c))) {
                    if (onAgenda.add(f.id)) {
                        flagged(id, c, date, f, items, decided);
                    }
                }
                int chronic = chronicCount[slot(school, t, c)];
                if (chronic > 0) {
                    int before = c > 1 ? chronicCount[slot(school, t, c - 1)] : 0;
                    items.add(new AgendaItem(id, items.size() + 1, Optional.empty(), Optional.of(CHRONIC_GROUP),
                            AgendaReason.TREND, Optional.of(chronic + " students chronically absent so far"
                                    + (c > 1 ? ", " + before + " at the last meeting" : ""))));
                    if (chronic > before && rng.nextDouble() < 0.3) {
                        decide(id, date, decided, null, "Attendance awareness week with daily classroom shout-outs",
                                principal, Optional.empty(), Optional.of(CHRONIC_GROUP));
                    }
                }
                decided.forEach(s -> team.add(s.ownerId()));
                meetings.accept(new Meeting(id, school.id, date, "Attendance and student support review", team));
                items.forEach(agenda);
                decided.forEach(steps);
            }
        }

        /** One item per student whose earlier steps are due by the meeting, still enrolled; a home visit if one is not done. */
        private void followUps(MeetingId id, int day, LocalDate date, List<AgendaItem> items, List<ActionStep> decided,
                               Set<StudentId> onAgenda) {
            var it = pending.entrySet().iterator();
            List<TeamFlag> again = new ArrayList<>();
            while (it.hasNext()) {
                var e = it.next();
                List<Decided> due = e.getValue().stream().filter(d -> !d.step().dueDate().isAfter(date)).toList();
                if (due.isEmpty()) {
                    continue;
                }
                TeamFlag about = due.get(0).about();
                e.getValue().removeAll(due);
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
                if (!about.enrolledOn(day)) {
                    continue;
                }
                onAgenda.add(e.getKey());
                StringBuilder notes = new StringBuilder();
                boolean undone = false;
                for (Decided d : due) {
                    ActionStep s = d.step();
                    boolean closed = s.completionDate().filter(c -> !c.isAfter(date)).isPresent();
                    boolean done = closed && s.status() == ActionStepStatus.DONE;
                    boolean dropped = closed && s.status() == ActionStepStatus.DROPPED;
                    undone |= !closed;
                    notes.append(notes.length() == 0 ? "" : "; ").append("step ").append(s.id().value())
                            .append(done ? (s.doneOnTime() ? " done on time" : " done late") : dropped ? " dropped" : " not done yet");
                }
                items.add(new AgendaItem(id, items.size() + 1, Optional.of(e.getKey()), Optional.empty(),
                        AgendaReason.FOLLOW_UP_DUE, Optional.of(notes.toString())));
                if (undone) {
                    again.add(about);
                }
            }
            for (TeamFlag about : again) {
                decide(id, date, decided, about, "Home visit with the family", director, Optional.empty(),
                        Optional.empty());
            }
        }

        /** The item of a newly flagged student and one step per raised flag. */
        private void flagged(MeetingId id, int c, LocalDate date, TeamFlag f, List<AgendaItem> items, List<ActionStep> decided) {
            int bits = f.raised(c);
            int day = c * TeamFlag.EVERY;
            List<String> why = new ArrayList<>(3);
            if ((bits & TeamFlag.ABSENCE) != 0) {
                why.add("absent " + f.absentBefore(c) + " of " + (day - f.first) + " school days so far");
            }
            if ((bits & TeamFlag.BEHAVIOR) != 0) {
                why.add("a behavior incident since the last meeting");
            }
            if ((bits & TeamFlag.COURSES) != 0) {
                why.add(f.firstTermFailures + " courses failed in the first semester");
            }
            items.add(new AgendaItem(id, items.size() + 1, Optional.of(f.id), Optional.empty(),
                    AgendaReason.EARLY_WARNING_FLAG, Optional.of(String.join("; ", why))));
            if ((bits & TeamFlag.ABSENCE) != 0) {
                Optional<StaffId> mentor = f.mentor();
                if (mentor.isPresent()) {
                    decide(id, date, decided, f, "Success Mentor check-in three mornings a week", mentor.get(),
                            Optional.of(mentoring), Optional.empty());
                } else {
                    decide(id, date, decided, f, "Call home about absences", f.teacher, Optional.empty(), Optional.empty());
                }
            }
            if ((bits & TeamFlag.BEHAVIOR) != 0) {
                decide(id, date, decided, f, "Meet the student and family about the incident", counselor, Optional.empty(),
                        Optional.empty());
            }
            if ((bits & TeamFlag.COURSES) != 0) {
                decide(id, date, decided, f, "Plan credit recovery for the failed courses", counselor, Optional.empty(),
                        Optional.empty());
            }
        }

        /**
         * Decides a step due in one to three weeks (one to three weeks after the last generated day, at the last meeting of
         * the last year) and draws what became of it: done on time (55%), done late (20%),
         * left open (15%), dropped (10%); dropped on the student's last day when the student leaves the school before the year ends and before it is
         * done;
         * open when it would be done after the last generated instructional day.
         */
        private void decide(MeetingId id, LocalDate date, List<ActionStep> decided, TeamFlag about, String what,
                            StaffId owner, Optional<InterventionId> intervention, Optional<String> group) {
            ActionStepId stepId = ActionStepId.of(id.value() + "-A" + (decided.size() + 1));
            int week = 7 + rng.nextInt(15);
            // The last meeting of the last generated year decides steps for the summer: due after the last day, open.
            LocalDate due = weekday(t == plan.years - 1 && date.equals(days.get(TeamFlag.CHECKPOINTS * TeamFlag.EVERY))
                    ? end.plusDays(week) : date.plusDays(week), -1);
            int span = (int) ChronoUnit.DAYS.between(date, due);
            double u = rng.nextDouble();
            int early = rng.nextInt(span + 1);
            int late = 1 + rng.nextInt(14);
            ActionStepStatus status;
            LocalDate completion;
            // On weekdays: a date on a weekend moves to the Friday before (on time, dropped) or the Monday after (late),
            // which keeps it on or after the (weekday) meeting and on the same side of the due date.
            if (u < 0.55) {
                status = ActionStepStatus.DONE;
                completion = weekday(date.plusDays(early), -1);
            } else if (u < 0.75) {
                status = ActionStepStatus.DONE;
                completion = weekday(due.plusDays(late), 1);
            } else if (u < 0.90) {
                status = ActionStepStatus.OPEN;
                completion = null;
            } else {
                status = ActionStepStatus.DROPPED;
                completion = weekday(date.plusDays(Math.max(1, early)), -1);
            }
            if (about != null && about.last < days.size() - 1) {
                LocalDate leaves = days.get(about.last);
                if (leaves.isBefore(completion == null ? due : completion)) {
                    status = ActionStepStatus.DROPPED;
                    completion = leaves;
                }
            }
            if (completion != null && completion.isAfter(end)) {
                status = ActionStepStatus.OPEN;
                completion = null;
            }
            LocalDate yearEnd = days.get(days.size() - 1);
            if (status == ActionStepStatus.OPEN && t < plan.years - 1) {
                // A step still open when its school year ends is dropped on the year's last day: a team starts afresh.
                status = ActionStepStatus.DROPPED;
                completion = yearEnd.isBefore(date) ? date : yearEnd;
            }
            boolean changed = completion != null;
            ActionStep step = new ActionStep(stepId, id, what, owner, due, about == null ? Optional.empty() : Optional.of(about.id),
                    group, intervention, status, Optional.ofNullable(completion), changed ? owner : director,
                    at(changed ? completion : date));
            decided.add(step);
            if (about != null) {
                pending.computeIfAbsent(about.id, k -> new ArrayList<>()).add(new Decided(step, about));
            }
        }
    }

    /** The day itself when a weekday, else the nearest weekday before ({@code step} -1) or after (1). */
    private static LocalDate weekday(LocalDate day, int step) {
        LocalDate d = day;
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(step);
        }
        return d;
    }

    /** A quarter past four in the afternoon, Eastern standard time, of the day: when the team records. */
    private static Instant at(LocalDate day) {
        return day.atTime(21, 15).toInstant(ZoneOffset.UTC);
    }
}
