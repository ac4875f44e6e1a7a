package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tuple;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;

/**
 * {@link ActionStepFollowUp} against a reference written with plain loops over calendar indices: each owner's tally by
 * the on-time rule, each step's windows (cut at the as-of day), days, incidents and marks, and the matching rule (every
 * match eligible and within the band, as many as allowed, none left out that is strictly closer than one kept, the
 * comparison figures the sums over the matches).
 */
class ActionStepFollowUpReferenceModelTest {
    static final int DAYS = 30;
    static final List<StaffId> OWNERS = List.of(FollowUpFixture.T1, FollowUpFixture.T2);

    /** A student: first enrolled day, days absent, days with an incident, and a mark (final day, value) if any. */
    record Pupil(int entry, List<Boolean> absent, List<Boolean> incident, Optional<List<Integer>> mark) {}

    /** A step: its student (an index, or a group), meeting day, due and completion offsets in days, status, owner. */
    record Step(Optional<Integer> student, int meetingDay, int dueOffset, ActionStepStatus status, int completionOffset, int owner) {}

    /** The reference's figures of one student around one start. */
    record Figures(int presentBefore, int enrolledBefore, int presentAfter, int enrolledAfter, int incidentsBefore, int incidentsAfter,
                   int markSumBefore, int marksBefore, int markSumAfter, int marksAfter) {
        boolean measured() {
            return enrolledBefore > 0 && enrolledAfter > 0;
        }

        int[] array() {
            return new int[] {presentBefore, enrolledBefore, presentAfter, enrolledAfter, incidentsBefore, incidentsAfter, markSumBefore,
                marksBefore, markSumAfter, marksAfter};
        }
    }

    @Provide
    Arbitrary<List<Pupil>> pupils() {
        Arbitrary<Optional<List<Integer>>> mark = Combinators.combine(Arbitraries.integers().between(0, DAYS - 1),
                Arbitraries.integers().between(0, 100)).as(List::of).optional(0.6);
        // most students enrolled from the first day, so that many are measured and can be matched
        Arbitrary<Integer> entry = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, DAYS - 1)));
        return Combinators.combine(entry, Arbitraries.of(true, false, false, false).list().ofSize(DAYS),
                Arbitraries.of(true, false, false, false, false, false, false, false).list().ofSize(DAYS), mark)
                .as(Pupil::new).list().ofMinSize(3).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 11).optional(0.8), Arbitraries.integers().between(0, DAYS - 1),
                Arbitraries.integers().between(-3, 20), Arbitraries.of(ActionStepStatus.class), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, OWNERS.size() - 1)).as(Step::new).list().ofMinSize(1).ofMaxSize(5);
    }

    /** The as-of day: mostly late in the calendar, so that most steps have days after their start. */
    @Provide
    Arbitrary<Integer> asOfDay() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, DAYS - 1)),
                Tuple.of(3, Arbitraries.integers().between(DAYS - 8, DAYS - 1)));
    }

    static Figures figures(Pupil p, int start, int window, int asOf) {
        int[] f = new int[10];
        for (int d = Math.max(0, start - window); d < start && d <= asOf; d++) {
            if (d >= p.entry()) {
                f[1]++;
                f[0] += p.absent().get(d) ? 0 : 1;
            }
        }
        int lastAfter = -1;
        for (int d = start; d < Math.min(DAYS, start + window) && d <= asOf; d++) {
            lastAfter = d;
            if (d >= p.entry()) {
                f[3]++;
                f[2] += p.absent().get(d) ? 0 : 1;
            }
        }
        for (int d = p.entry(); d < DAYS; d++) {
            if (p.incident().get(d) && d >= Math.max(0, start - window) && d < start && d <= asOf) {
                f[4]++;
            }
            if (p.incident().get(d) && d >= start && d <= lastAfter) {
                f[5]++;
            }
        }
        if (p.mark().isPresent()) {
            int day = p.mark().get().get(0);
            int value = p.mark().get().get(1);
            if (day < start) {
                f[6] += value;
                f[7]++;
            } else if (day <= asOf) {
                f[8] += value;
                f[9]++;
            }
        }
        return new Figures(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
    }

    static ActionStepTimeliness timeliness(Step s, LocalDate meeting, LocalDate asOf) {
        LocalDate due = meeting.plusDays(s.dueOffset());
        return switch (s.status()) {
            case DROPPED -> ActionStepTimeliness.DROPPED;
            case DONE -> meeting.plusDays(s.completionOffset()).isAfter(due) ? ActionStepTimeliness.LATE : ActionStepTimeliness.ON_TIME;
            case OPEN -> due.isBefore(asOf) ? ActionStepTimeliness.OVERDUE : ActionStepTimeliness.NOT_YET_DUE;
        };
    }

    @Property(tries = 150)
    void reportMatchesThePlainReference(@ForAll("pupils") List<Pupil> pupils, @ForAll("steps") List<Step> steps,
                                        @ForAll("asOfDay") int asOf, @ForAll @IntRange(min = 1, max = 10) int window,
                                        @ForAll @IntRange(min = 0, max = 30) int bandPoints, @ForAll @IntRange(min = 1, max = 3) int k) {
        SmallDistrict d = new SmallDistrict(DAYS);
        FollowUpFixture f = new FollowUpFixture(d);
        List<StudentId> ids = new ArrayList<>();
        for (int i = 0; i < pupils.size(); i++) {
            Pupil p = pupils.get(i);
            StudentId id = d.student("s" + (char) ('a' + i), p.entry());
            ids.add(id);
            for (int day = p.entry(); day < DAYS; day++) {
                if (p.absent().get(day)) {
                    d.absentOn(id, day);
                }
            }
            for (int day = p.entry(); day < DAYS; day++) {          // an incident falls inside an enrollment
                if (p.incident().get(day)) {
                    f.incident(id, day);
                }
            }
            if (p.mark().isPresent()) {
                d.mark(id, Subject.MATH, CourseResult.PASS, Optional.of(BigDecimal.valueOf(p.mark().get().get(1))),
                        Optional.of(d.calendar.get(p.mark().get().get(0))));
            }
        }
        Set<Integer> meetingDays = new HashSet<>();
        Set<Integer> withSteps = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (meetingDays.add(s.meetingDay())) {
                f.meeting("M" + s.meetingDay(), s.meetingDay());
            }
            LocalDate meeting = d.calendar.get(s.meetingDay());
            Optional<StudentId> student = s.student().filter(x -> x < pupils.size()).map(ids::get);
            student.ifPresent(x -> withSteps.add(ids.indexOf(x)));
            f.step("S" + i, MeetingId.of("M" + s.meetingDay()), OWNERS.get(s.owner()), student,
                    student.isPresent() ? Optional.empty() : Optional.of("a group"), Optional.empty(), meeting.plusDays(s.dueOffset()),
                    s.status(), s.status() == ActionStepStatus.OPEN ? Optional.empty() : Optional.of(meeting.plusDays(s.completionOffset())));
        }
        LocalDate asOfDate = d.calendar.get(asOf);
        ActionStepFollowUpReport report = ActionStepFollowUp.evaluate(d.build(), SmallDistrict.YEAR, asOfDate, window,
                ChronicAbsenceDefinition.FEDERAL, Ratio.of(bandPoints, 100), k);

        // the on-time rule, owner by owner
        Map<StaffId, int[]> tally = new HashMap<>();
        for (Step s : steps) {
            ActionStepTimeliness t = timeliness(s, d.calendar.get(s.meetingDay()), asOfDate);
            tally.computeIfAbsent(OWNERS.get(s.owner()), x -> new int[5])[t.ordinal()]++;
        }
        assertThat(report.owners()).hasSize(tally.size());
        for (OwnerTimeliness o : report.owners()) {
            int[] c = tally.get(o.ownerId());
            assertThat(new int[] {o.onTime(), o.late(), o.overdue(), o.notYetDue(), o.dropped()}).containsExactly(c);
            assertThat(o.onTimeShare()).isEqualTo(c[0] + c[1] + c[2] == 0 ? Optional.empty() : Optional.of(Ratio.of(c[0], c[0] + c[1] + c[2])));
        }

        // each step's figures and matches
        assertThat(report.steps()).hasSize(steps.size());
        Statistics.label("a step matched").collect(report.steps().stream().anyMatch(o -> o.matched() > 0));
        Statistics.label("a step overdue").collect(report.steps().stream().anyMatch(o -> o.timeliness() == ActionStepTimeliness.OVERDUE));
        Statistics.label("a step matched").coverage(c -> c.check(true).percentage(x -> x >= 25));
        Statistics.label("a step overdue").coverage(c -> c.check(true).percentage(x -> x >= 10));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            ActionStepOutcome o = report.step(ActionStepId.of("S" + i)).orElseThrow();
            assertThat(o.timeliness()).isEqualTo(timeliness(s, d.calendar.get(s.meetingDay()), asOfDate));
            Optional<Integer> who = s.student().filter(x -> x < pupils.size());
            if (who.isEmpty()) {
                assertThat(o.starts()).isEmpty();
                assertThat(o.measured()).isZero();
                continue;
            }
            int start = s.meetingDay();
            Figures own = figures(pupils.get(who.get()), start, window, asOf);
            assertThat(o.measured()).isEqualTo(own.measured() ? 1 : 0);
            if (!own.measured()) {
                assertThat(o.matches()).isEmpty();
                continue;
            }
            assertThat(array(o.figures())).containsExactly(own.array());
            List<Map.Entry<StudentId, long[]>> eligible = new ArrayList<>();
            for (int c = 0; c < pupils.size(); c++) {
                Figures cf = figures(pupils.get(c), start, window, asOf);
                if (c == who.get() || withSteps.contains(c) || pupils.get(c).entry() > start || !cf.measured()) {
                    continue;
                }
                long[] dist = {Math.abs((long) own.presentBefore() * cf.enrolledBefore() - (long) cf.presentBefore() * own.enrolledBefore()),
                    (long) own.enrolledBefore() * cf.enrolledBefore()};
                if (dist[0] * 100 <= (long) bandPoints * dist[1]) {
                    eligible.add(Map.entry(ids.get(c), dist));
                }
            }
            List<StudentId> chosen = o.matches().getOrDefault(ids.get(who.get()), List.of());
            assertThat(chosen).hasSize(Math.min(k, eligible.size()));
            Map<StudentId, long[]> byId = new HashMap<>();
            eligible.forEach(e -> byId.put(e.getKey(), e.getValue()));
            assertThat(byId.keySet()).containsAll(chosen);
            for (StudentId kept : chosen) {
                for (Map.Entry<StudentId, long[]> e : eligible) {
                    if (!chosen.contains(e.getKey())) {
                        assertThat(e.getValue()[0] * byId.get(kept)[1]).as("a left-out candidate is not strictly closer")
                                .isGreaterThanOrEqualTo(byId.get(kept)[0] * e.getValue()[1]);
                    }
                }
            }
            int[] comparison = new int[10];
            for (StudentId c : chosen) {
                int[] cf = figures(pupils.get(ids.indexOf(c)), start, window, asOf).array();
                for (int j = 0; j < cf.length; j++) {
                    comparison[j] += cf[j];
                }
            }
            assertThat(o.matched()).isEqualTo(chosen.isEmpty() ? 0 : 1);
            assertThat(o.comparisonPairs()).isEqualTo(chosen.size());
            assertThat(array(o.comparisonFigures())).containsExactly(comparison);
        }
    }

    static int[] array(FollowUpFigures f) {
        WindowRates a = f.attendance();
        return new int[] {a.daysPresentBefore().intValueExact(), (int) a.daysEnrolledBefore(), a.daysPresentAfter().intValueExact(),
            (int) a.daysEnrolledAfter(), (int) f.incidentsBefore(), (int) f.incidentsAfter(), f.markSumBefore().intValueExact(),
            (int) f.marksBefore(), f.markSumAfter().intValueExact(), (int) f.marksAfter()};
    }
}
