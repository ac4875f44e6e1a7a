package org.communityschools.metrics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ActionStepFollowUpReport;
import org.communityschools.metrics.ActionStepOutcome;
import org.communityschools.metrics.ActionStepTimeliness;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.FollowUpFigures;
import org.communityschools.metrics.OwnerTimeliness;
import org.communityschools.metrics.WindowRates;

/** Computes {@link ActionStepFollowUpReport}s; see {@link org.communityschools.metrics.ActionStepFollowUp}. */
public final class FollowUpEngine {
    private FollowUpEngine() {}

    /** A student a step concerns: from when, at which school. */
    private record Subject(StudentId student, SchoolId school, LocalDate start) {}

    /** The report; arguments already checked. */
    public static ActionStepFollowUpReport evaluate(DistrictData data, SchoolYear year, LocalDate asOf, int windowDays,
                                                    ChronicAbsenceDefinition definition, Ratio band, int k) {
        LocalDate through = asOf.isBefore(year.lastDay()) ? asOf : year.lastDay();
        Matching method = new Matching(data, year, windowDays, definition, band, k, through);
        List<Meeting> meetings = data.meetings().meetings().stream().filter(m -> year.contains(m.date()))
                .sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::id)).toList();
        Set<StudentId> withSteps = new HashSet<>();
        List<ActionStep> steps = new ArrayList<>();
        Map<ActionStep, Meeting> meetingOf = new HashMap<>();
        for (Meeting m : meetings) {
            List<ActionStep> own = new ArrayList<>(data.meetings().stepsOf(m.id()));
            own.sort(Comparator.comparing(ActionStep::id));
            for (ActionStep s : own) {
                steps.add(s);
                meetingOf.put(s, m);
                s.studentId().ifPresent(withSteps::add);
            }
        }
        Map<String, Set<StudentId>> sameProgram = new HashMap<>();
        List<ActionStepOutcome> out = new ArrayList<>();
        for (ActionStep step : steps) {
            Meeting m = meetingOf.get(step);
            Optional<Intervention> intervention = step.interventionId().flatMap(data::intervention);
            Set<StudentId> excluded = withSteps;
            if (intervention.isPresent()) {
                excluded = new HashSet<>(withSteps);
                excluded.addAll(sameProgram.computeIfAbsent(intervention.get().type() + "\u0000" + intervention.get().providerId().value(),
                        x -> participantsLike(data, year, intervention.get())));
            }
            Map<StudentId, LocalDate> starts = new TreeMap<>();
            int measured = 0;
            int matched = 0;
            int pairs = 0;
            FollowUpFigures figures = FollowUpFigures.EMPTY;
            FollowUpFigures matchedFigures = FollowUpFigures.EMPTY;
            FollowUpFigures comparison = FollowUpFigures.EMPTY;
            Set<StudentId> comparisonStudents = new HashSet<>();
            Map<StudentId, List<StudentId>> matches = new LinkedHashMap<>();
            for (Subject s : subjects(data, year, step, m, intervention)) {
                starts.put(s.student(), s.start());
                Matching.Windows w = method.windows(s.school(), s.start());
                WindowRates own = method.measure(s.student(), s.school(), w, s.start());
                if (!Matching.isMeasured(own)) {
                    continue;
                }
                measured++;
                FollowUpFigures ownFigures = figures(data, year, through, s.student(), s.school(), s.start(), w, own);
                figures = figures.plus(ownFigures);
                List<StudentId> chosen = method.match(s.student(), s.school(), s.start(), w, own, excluded);
                if (chosen.isEmpty()) {
                    continue;
                }
                matched++;
                matchedFigures = matchedFigures.plus(ownFigures);
                for (StudentId c : chosen) {
                    comparison = comparison.plus(figures(data, year, through, c, s.school(), s.start(), w,
                            method.measure(c, s.school(), w, s.start())));
                    pairs++;
                    comparisonStudents.add(c);
                }
                matches.put(s.student(), chosen);
            }
            out.add(new ActionStepOutcome(step.id(), step.meetingId(), step.ownerId(), step.studentId(), step.interventionId(),
                    ActionStepTimeliness.of(step, asOf), starts, measured, figures, matched, matchedFigures, pairs,
                    comparisonStudents.size(), comparison, matches));
        }
        return new ActionStepFollowUpReport(year, asOf, windowDays, definition, band, k, out, OwnerTimeliness.tally(out));
    }

    /** The students a step concerns, each with its start and school (see the rules of ActionStepFollowUp). */
    private static List<Subject> subjects(DistrictData data, SchoolYear year, ActionStep step, Meeting m, Optional<Intervention> intervention) {
        Map<StudentId, LocalDate> first = new TreeMap<>();
        if (intervention.isPresent()) {
            InterventionId id = intervention.get().id();
            for (InterventionParticipant p : data.interventionParticipants()) {
                if (p.interventionId().equals(id) && year.contains(p.period().start())
                        && (step.studentId().isEmpty() || step.studentId().get().equals(p.studentId()))) {
                    first.merge(p.studentId(), p.period().start(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        List<Subject> out = new ArrayList<>();
        if (step.studentId().isPresent()) {
            StudentId s = step.studentId().get();
            LocalDate start = first.get(s);
            out.add(start == null ? new Subject(s, m.schoolId(), m.date()) : new Subject(s, intervention.orElseThrow().schoolId(), start));
        } else {
            first.forEach((s, start) -> out.add(new Subject(s, intervention.orElseThrow().schoolId(), start)));
        }
        return out;
    }

    /** Students in an intervention of the same type and provider overlapping the school year. */
    private static Set<StudentId> participantsLike(DistrictData data, SchoolYear year, Intervention like) {
        Set<StudentId> out = new HashSet<>();
        for (InterventionParticipant p : data.interventionParticipants()) {
            Optional<Intervention> i = data.intervention(p.interventionId());
            if (i.isPresent() && i.get().type() == like.type() && i.get().providerId().equals(like.providerId())
                    && p.period().overlaps(year.dates())) {
                out.add(p.studentId());
            }
        }
        return out;
    }

    /** A student's attendance (already measured), incidents in the windows and marks final before and after the start. */
    private static FollowUpFigures figures(DistrictData data, SchoolYear year, LocalDate through, StudentId student, SchoolId school,
                                           LocalDate start, Matching.Windows w, WindowRates attendance) {
        long before = 0;
        long after = 0;
        for (BehaviorIncident i : data.incidentsOf(student)) {
            if (!i.schoolId().equals(school)) {
                continue;
            }
            if (within(w.before(), i.date())) {
                before++;
            } else if (within(w.after(), i.date())) {
                after++;
            }
        }
        BigDecimal sumBefore = BigDecimal.ZERO;
        BigDecimal sumAfter = BigDecimal.ZERO;
        long marksBefore = 0;
        long marksAfter = 0;
        for (CourseMark c : data.courseMarksOf(student)) {
            if (!c.schoolId().equals(school) || !c.schoolYear().equals(year) || c.numericMark().isEmpty()) {
                continue;
            }
            LocalDate finalOn = c.finalOn();
            if (finalOn.isBefore(start)) {
                sumBefore = sumBefore.add(c.numericMark().get());
                marksBefore++;
            } else if (!finalOn.isAfter(through)) {
                sumAfter = sumAfter.add(c.numericMark().get());
                marksAfter++;
            }
        }
        return new FollowUpFigures(attendance, before, after, sumBefore, marksBefore, sumAfter, marksAfter);
    }

    /** Whether {@code date} is from the first to the last day of the window (none when the window is empty). */
    private static boolean within(List<LocalDate> window, LocalDate date) {
        return !window.isEmpty() && !date.isBefore(window.get(0)) && !date.isAfter(window.get(window.size() - 1));
    }
}
