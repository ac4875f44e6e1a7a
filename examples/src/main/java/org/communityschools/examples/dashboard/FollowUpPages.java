package org.communityschools.examples.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ActionStepFollowUp;
import org.communityschools.metrics.ActionStepFollowUpReport;
import org.communityschools.metrics.ActionStepOutcome;
import org.communityschools.metrics.ActionStepTimeliness;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.FollowUpFigures;
import org.communityschools.metrics.InterventionOutcomes;
import org.communityschools.metrics.OwnerTimeliness;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.TableProtector;
import tools.jackson.databind.JsonNode;

/**
 * The follow-up of the school teams' action steps ({@code /follow-up}, optionally {@code ?meeting=} or {@code ?school=}):
 * for each step the viewer may see, what, owner, due, status, completion and whether it was done on time; the student's
 * attendance, behavior incidents and course marks before and after the step started against matched students without a
 * step ({@link ActionStepFollowUp}); and the share of steps done on time per owner.
 *
 * <p>Who sees what: the steps of the meetings the viewer may open ({@link MeetingRecorder#accessRefusal}); a step about a
 * student only through the policy's decision for that student (its view of {@code meetings.actionSteps}, as on the
 * meeting page: a Success Mentor sees the caseload's steps, a teacher the class's), a step about a group only to the
 * team. A student's own figures only when the view shows the field ({@code attendance.records},
 * {@code behavior.incidents}, {@code coursework.marks}) and its grant covers the student's records at the school from the
 * first day of the window before through today. Every figure of a group (a comparison group, a group step's students,
 * an owner's steps) only when its cell of a table protected by the dashboard's publication rules is published
 * ({@link Published}). The students' views are recorded in the disclosure log before the page is rendered.
 */
final class FollowUpPages {
    /** Instructional days in each attendance window. */
    static final int WINDOW_DAYS = 30;
    /**
     * Comparison students per student: more than the intervention page's 3, so that one student's comparison group can
     * reach the publication rules' minimum group size.
     */
    static final int MATCHES = 10;
    /** The fields of a student the follow-up rows show. */
    static final FieldCatalog CATALOG = Pages.catalog(Set.of(Pages.NAME, Pages.STUDENT_ID, MeetingRecorder.STEPS, Pages.ATTENDANCE,
            Pages.INCIDENTS, Pages.MARKS));
    static final String ALL_STEPS = "all steps shown";
    static final String ALL_OWNERS = "all owners";

    private final Dashboard d;
    private final Pages pages;
    private final DistrictData data;
    private final MeetingPages meetings;

    FollowUpPages(Pages pages) {
        this.d = pages.d;
        this.pages = pages;
        this.data = pages.data;
        this.meetings = new MeetingPages(pages);
    }

    /** The report of the current year as of today, computed once per version of the data. */
    ActionStepFollowUpReport report() {
        return d.live.cached(List.of("follow-up"), pages.version.version().number(), () -> ActionStepFollowUp.evaluate(data, d.year,
                d.today, WINDOW_DAYS, ChronicAbsenceDefinition.FEDERAL, InterventionOutcomes.DEFAULT_BAND, MATCHES));
    }

    /** A step shown: its outcome, the student's view (empty: a group) and its values as shown. */
    private record Row(ActionStepOutcome outcome, Meeting meeting, Optional<Pages.Facts> student, String what, String owner, String due,
                       String status, Optional<String> completed) {}

    String page(Dashboard.Request r, Sessions.Viewer v) {
        Instant at = d.now();
        String meetingParam = r.param("meeting");
        String schoolParam = r.param("school");
        Optional<Meeting> only = meetingParam.isEmpty() ? Optional.empty() : Optional.of(meetings.meeting(v, meetingParam));
        Optional<SchoolId> school = schoolParam.isEmpty() ? Optional.empty() : Optional.of(pages.selectedSchool(r, v).orElseThrow());
        ActionStepFollowUpReport report = report();

        // the steps of the meetings the viewer may open, filtered; each student's view decided once and narrowed to the
        // steps this page lists, so that the disclosure log holds exactly the steps shown (not all the student's steps)
        List<ActionStepOutcome> candidates = new ArrayList<>();
        Map<StudentId, Set<ActionStepId>> listed = new LinkedHashMap<>();
        for (ActionStepOutcome o : report.steps()) {
            Meeting m = data.meetings().meeting(o.meetingId()).orElseThrow();
            if (only.isPresent() && !only.get().id().equals(m.id()) || school.isPresent() && !school.get().equals(m.schoolId())
                    || MeetingRecorder.accessRefusal(v, m).isPresent()) {
                continue;
            }
            candidates.add(o);
            o.studentId().ifPresent(id -> listed.computeIfAbsent(id, k -> new HashSet<>()).add(o.stepId()));
        }
        Map<StudentId, Pages.Facts> facts = new LinkedHashMap<>();
        for (Map.Entry<StudentId, Set<ActionStepId>> e : listed.entrySet()) {
            Decision decision = pages.version.decide(v, e.getKey(), at);
            if (decision.permits(MeetingRecorder.STEPS)) {
                Set<ActionStepId> ids = e.getValue();
                facts.put(e.getKey(), pages.new Facts(e.getKey(), decision, CATALOG, step -> ids.contains(step.id()), item -> false));
            }
        }
        pages.disclose(List.copyOf(facts.values()));
        List<Row> rows = new ArrayList<>();
        for (ActionStepOutcome o : candidates) {
            Meeting m = data.meetings().meeting(o.meetingId()).orElseThrow();
            ActionStep s = data.meetings().actionStep(o.stepId()).orElseThrow();
            if (o.studentId().isEmpty()) {
                if (MeetingRecorder.participant(v, m) || MeetingRecorder.leads(v, m.schoolId())) {
                    rows.add(new Row(o, m, Optional.empty(), s.what(), s.ownerId().value(), s.dueDate().toString(), s.status().name(),
                            s.completionDate().map(Object::toString)));
                }
                continue;
            }
            Pages.Facts f = facts.get(o.studentId().get());
            if (f == null) {
                continue;
            }
            for (JsonNode n : f.list(MeetingRecorder.STEPS)) {
                if (n.path("action_step_id").asString("").equals(o.stepId().value())) {
                    rows.add(new Row(o, m, Optional.of(f), n.path("what").asString(), n.path("owner_id").asString(),
                            n.path("due_date").asString(), n.path("status").asString(),
                            n.has("completion_date") ? Optional.of(n.path("completion_date").asString()) : Optional.empty()));
                }
            }
        }
        int withheld = candidates.size() - rows.size();

        StringBuilder b = new StringBuilder();
        b.append(pages.schoolPicker(r, v, school, "/follow-up"));
        b.append("<p class=\"note\" id=\"follow-up-scope\">").append(only.map(m -> "The steps decided at the meeting of "
                + Html.esc(meetings.school(m.schoolId())) + " on " + m.date() + " (<a href=\"/meetings/" + Html.esc(m.id().value())
                + "\">the meeting</a>).").orElse(school.map(s -> "The steps of the meetings of " + Html.esc(meetings.school(s)) + ".")
                .orElse("The steps of the meetings you may open: those of your schools' teams and those you take part in.")))
                .append(" Figures of ").append(d.year.label()).append(" as of ").append(d.today).append(".</p>");
        b.append("<p class=\"note\">On time: done on or before the due date. An open step past its due date counts as not on time; an "
                + "open step not yet due, and a dropped step, are not counted. Before and after: attendance in the ").append(WINDOW_DAYS)
                .append(" instructional days before the step started (the meeting's day, or the student's start in the intervention the "
                        + "step names) and from then to today; behavior incidents per 100 days enrolled in the same days; the mean of the "
                        + "course marks final before the start and since. Against up to ").append(MATCHES).append(" students of the same "
                        + "school without a step whose attendance before was within 5 points (the intervention-outcome method); the "
                        + "difference is the student's change minus the comparison's (a difference in differences). Descriptive, not "
                        + "causal. A group under ").append(d.live.rules.minimumGroupSize()).append(" students or steps is suppressed, "
                        + "with the cells that would reveal it (").append(Html.esc(d.live.rules.name())).append(" rules).</p>");
        steps(b, r, rows);
        if (rows.isEmpty()) {
            b.append("<p id=\"no-steps\">").append(Html.esc(noneReason(v, candidates.size(), only.isPresent()))).append("</p>");
        }
        if (withheld > 0) {
            b.append("<p class=\"note\" id=\"follow-up-withheld\">").append(withheld).append(withheld == 1 ? " step is" : " steps are")
                    .append(" not shown to you: they concern students outside what the policy lets you see.</p>");
        }
        owners(b, rows);
        return Html.page(d, r, "Follow-up of the action steps", b.toString());
    }

    /** Why the viewer sees no step. */
    private String noneReason(Sessions.Viewer v, int candidates, boolean oneMeeting) {
        if (candidates > 0) {
            return "No step you may see: the steps here concern students outside what the policy lets you see (a Success Mentor sees "
                    + "the caseload's steps, a teacher the class's), or groups, which only the team sees.";
        }
        if (v.schools().isEmpty() && !oneMeeting) {
            return "No step you may see: you hold no role at a school on " + d.today + ", and you take part in no meeting; the follow-up "
                    + "of a meeting is open to its participants and to the staff of its school.";
        }
        return "No step recorded at " + (oneMeeting ? "this meeting" : "the meetings you may open") + " in " + d.year.label() + ".";
    }

    private void steps(StringBuilder b, Dashboard.Request r, List<Row> rows) {
        Optional<ProtectedTable> comparisons = table("step", ALL_STEPS, rows, x -> x.outcome().comparisonStudents());
        Optional<ProtectedTable> groups = table("step", ALL_STEPS, rows, x -> x.outcome().studentId().isEmpty() ? x.outcome().measured() : 0);
        b.append("<table id=\"follow-up\"><tr><th>step</th><th>meeting</th><th>about</th><th>what</th><th>owner</th><th>due</th>"
                + "<th>status</th><th>on time</th><th>from</th><th>attendance</th><th>comparison</th><th>difference</th>"
                + "<th>incidents per 100 days</th><th>comparison</th><th>difference</th><th>mean mark</th><th>comparison</th>"
                + "<th>difference</th></tr>");
        for (Row row : rows) {
            ActionStepOutcome o = row.outcome();
            b.append("<tr class=\"follow-up-row\" data-step=\"").append(Html.esc(o.stepId().value())).append("\"><td>")
                    .append(Html.esc(o.stepId().value())).append("</td><td><a href=\"/meetings/").append(Html.esc(row.meeting().id().value()))
                    .append("\">").append(row.meeting().date()).append("</a></td><td>")
                    .append(row.student().map(f -> "<a href=\"/student/" + r.session.handle(f.id) + "\">" + Html.esc(f.label()) + "</a>"
                            + f.idAfterName())
                            .orElseGet(() -> Html.esc(data.meetings().actionStep(o.stepId()).flatMap(ActionStep::group).orElse(""))))
                    .append("</td><td>").append(Html.esc(row.what())).append("</td><td>").append(Html.esc(meetings.person(row.owner())))
                    .append("</td><td>").append(Html.esc(row.due())).append("</td><td class=\"status\">").append(Html.esc(row.status()))
                    .append(row.completed().map(x -> " " + Html.esc(x)).orElse("")).append("</td><td class=\"on-time\">")
                    .append(timeliness(o.timeliness())).append("</td><td>");
            if (row.student().isPresent()) {
                Pages.Facts f = row.student().get();
                LocalDate start = o.starts().get(f.id);
                b.append(start == null ? "–" : start).append("</td>");
                figure(b, f, Pages.ATTENDANCE, o, "attendance", FollowUpPages::attendance, x -> x.attendanceDifferenceInPoints(1), comparisons);
                figure(b, f, Pages.INCIDENTS, o, "incidents", FollowUpPages::incidents, x -> x.incidentDifferencePer100Days(1), comparisons);
                figure(b, f, Pages.MARKS, o, "marks", FollowUpPages::marks, x -> x.markDifference(1), comparisons);
            } else {
                b.append("</td>");
                group(b, o, groups, comparisons);
            }
            b.append("</tr>");
        }
        b.append(rows.isEmpty() ? "<tr class=\"none\"><td colspan=\"18\">None that you may see.</td></tr>" : "").append("</table>");
    }

    /** A student's own figure (when the view shows the field over the windows), the comparison's (when published), the difference. */
    private void figure(StringBuilder b, Pages.Facts f, FieldPath field, ActionStepOutcome o, String name,
                        Function<FollowUpFigures, String> text, Function<ActionStepOutcome, Optional<BigDecimal>> difference,
                        Optional<ProtectedTable> comparisons) {
        Optional<String> refusal = ownRefusal(f, field, o);
        b.append("<td class=\"").append(name).append("\">");
        if (refusal.isPresent()) {
            b.append(Html.withheld(refusal.get())).append("</td><td class=\"").append(name).append("-comparison\">–</td><td class=\"")
                    .append(name).append("-difference\">–</td>");
            return;
        }
        b.append(o.measured() == 0 ? "–" : Html.esc(text.apply(o.figures()))).append("</td>");
        comparison(b, o, name, text, difference, comparisons);
    }

    /** The comparison group's figure and the difference, when its cell is published. */
    private static void comparison(StringBuilder b, ActionStepOutcome o, String name, Function<FollowUpFigures, String> text,
                                   Function<ActionStepOutcome, Optional<BigDecimal>> difference, Optional<ProtectedTable> comparisons) {
        b.append("<td class=\"").append(name).append("-comparison\">");
        if (o.matched() == 0) {
            b.append("no comparison student</td><td class=\"").append(name).append("-difference\">–</td>");
            return;
        }
        Optional<ProtectedCell> cell = cellOf(comparisons, o.stepId().value());
        if (cell.isEmpty() || !Published.shown(cell.get())) {
            b.append(marker(cell)).append("</td><td class=\"").append(name).append("-difference\">").append(marker(cell)).append("</td>");
            return;
        }
        b.append(Html.esc(text.apply(o.comparisonFigures()))).append(" <span class=\"note\">(").append(o.comparisonStudents())
                .append(" students)</span></td><td class=\"").append(name).append("-difference\">")
                .append(difference.apply(o).map(FollowUpPages::signed).orElse("–")).append("</td>");
    }

    /** A group step's students' figures (when the group's cell is published) against their comparison. */
    private static void group(StringBuilder b, ActionStepOutcome o, Optional<ProtectedTable> groups, Optional<ProtectedTable> comparisons) {
        List<Function<FollowUpFigures, String>> texts = List.of(FollowUpPages::attendance, FollowUpPages::incidents, FollowUpPages::marks);
        List<Function<ActionStepOutcome, Optional<BigDecimal>>> differences = List.of(x -> x.attendanceDifferenceInPoints(1),
                x -> x.incidentDifferencePer100Days(1), x -> x.markDifference(1));
        List<String> names = List.of("attendance", "incidents", "marks");
        if (o.measured() == 0) {
            for (String name : names) {
                b.append("<td class=\"").append(name).append("\" title=\"no student of this group step is measured (a group step "
                        + "without an intervention names none)\">–</td>"
                        + "<td>–</td><td>–</td>");
            }
            return;
        }
        Optional<ProtectedCell> cell = cellOf(groups, o.stepId().value());
        for (int i = 0; i < names.size(); i++) {
            if (cell.isEmpty() || !Published.shown(cell.get())) {
                b.append("<td class=\"").append(names.get(i)).append("\">").append(marker(cell)).append("</td><td>–</td><td>–</td>");
                continue;
            }
            b.append("<td class=\"").append(names.get(i)).append("\">").append(Html.esc(texts.get(i).apply(o.figures())))
                    .append(" <span class=\"note\">(").append(o.measured()).append(" students)</span></td>");
            comparison(b, o, names.get(i), texts.get(i), differences.get(i), comparisons);
        }
    }

    /**
     * Why the student's own figure of {@code field} is not shown: the view does not show the field, or its grant does not
     * cover the student's records at the school from the first day of the window before the start through today.
     */
    private Optional<String> ownRefusal(Pages.Facts f, FieldPath field, ActionStepOutcome o) {
        if (!f.visible(field)) {
            return Optional.of(f.reason(field));
        }
        LocalDate start = o.starts().get(f.id);
        if (start == null) {
            return Optional.of("not measured");
        }
        Meeting m = data.meetings().meeting(o.meetingId()).orElseThrow();
        List<SchoolId> schools = new ArrayList<>(List.of(m.schoolId()));
        o.interventionId().flatMap(data::intervention).map(i -> i.schoolId()).filter(s -> !schools.contains(s)).ifPresent(schools::add);
        for (SchoolId s : schools) {
            List<LocalDate> before = data.calendar(s).days().stream().filter(x -> d.year.contains(x) && x.isBefore(start)).sorted().toList();
            LocalDate first = before.isEmpty() ? start : before.get(Math.max(0, before.size() - WINDOW_DAYS));
            if (!coversAll(f.decision, field, s, first, d.today)) {
                return Optional.of("your grant does not cover this student's records at " + s.value() + " from " + first + " to "
                        + d.today + ", the days these figures come from");
            }
        }
        return Optional.empty();
    }

    /** Whether a grant of {@code field} covers every day of {@code [first, last]} at {@code school}. */
    static boolean coversAll(Decision decision, FieldPath field, SchoolId school, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return decision.covers(field, school, first, first);
        }
        return decision.coveredDays(field, school, first, last).stream().anyMatch(r -> !r.start().isAfter(first)
                && r.lastDay().map(x -> !x.isBefore(last)).orElse(true));
    }

    /** The per-owner table of the steps shown: on time ÷ counted, each owner's cell protected as a published table's. */
    private void owners(StringBuilder b, List<Row> rows) {
        List<OwnerTimeliness> owners = OwnerTimeliness.tally(rows.stream().map(Row::outcome).toList()).stream()
                .filter(x -> x.counted() > 0).toList();
        b.append("<h2>Steps done on time, by owner</h2><p class=\"note\">Of the steps shown above: done on or before the due date, of "
                + "those done, done late or open past their due date.</p><table id=\"on-time\"><tr><th>owner</th><th>steps counted</th>"
                + "<th>on time</th><th>share</th></tr>");
        if (owners.isEmpty()) {
            b.append("<tr class=\"none\"><td colspan=\"4\">No step counted yet.</td></tr></table>");
            return;
        }
        CountTable.Builder table = CountTable.builder(Dimension.flat("owner", ALL_OWNERS, owners.stream().map(x -> x.ownerId().value()).toList()));
        owners.forEach(x -> table.cell(x.ownerId().value(), x.onTime(), x.counted()));
        Optional<ProtectedTable> p = Optional.of(TableProtector.protect(table.fillTotals().build(), d.live.rules));
        for (OwnerTimeliness o : owners) {
            Optional<ProtectedCell> cell = cellOf(p, o.ownerId().value());
            b.append("<tr class=\"owner-row\" data-owner=\"").append(Html.esc(o.ownerId().value())).append("\"><td>")
                    .append(Html.esc(meetings.person(o.ownerId().value()))).append("</td>");
            if (cell.isPresent() && Published.shown(cell.get())) {
                b.append("<td class=\"num counted\">").append(o.counted()).append("</td><td class=\"num on-time-count\">").append(o.onTime())
                        .append("</td><td class=\"num share\">").append(Published.text(cell.get())).append("</td></tr>");
            } else {
                b.append("<td class=\"num suppressed-row\" colspan=\"3\">").append(marker(cell)).append("</td></tr>");
            }
        }
        b.append("</table>");
    }

    /**
     * A flat table of the rows' steps with students (as many as {@code size} says) under their total, count and group
     * both that number: a step's group figures are shown when its cell is published. Empty without such a step.
     */
    private Optional<ProtectedTable> table(String name, String root, List<Row> rows, Function<Row, Integer> size) {
        List<Row> counted = rows.stream().filter(x -> size.apply(x) > 0).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        CountTable.Builder table = CountTable.builder(Dimension.flat(name, root, counted.stream().map(x -> x.outcome().stepId().value()).toList()));
        counted.forEach(x -> table.cell(x.outcome().stepId().value(), size.apply(x), size.apply(x)));
        return Optional.of(TableProtector.protect(table.fillTotals().build(), d.live.rules));
    }

    /** The step's cell, when the table was released (the audit protected every small group) and has the step. */
    private static Optional<ProtectedCell> cellOf(Optional<ProtectedTable> table, String step) {
        return table.filter(t -> t.status() != ProtectedTable.Status.REFUSED && t.rows().indexOf(step) >= 0).map(t -> t.cell(step));
    }

    /** The marker of a cell not shown, or of a table the audit refused, as HTML. */
    private static String marker(Optional<ProtectedCell> cell) {
        return cell.map(Published::marker).orElse("<span class=\"suppressed\" title=\"the audit could not protect every small group\">s</span>");
    }

    static String timeliness(ActionStepTimeliness t) {
        return switch (t) {
            case ON_TIME -> "on time";
            case LATE -> "late";
            case OVERDUE -> "overdue (not on time)";
            case NOT_YET_DUE -> "not yet due";
            case DROPPED -> "dropped";
        };
    }

    static String attendance(FollowUpFigures f) {
        return percent(f.attendance().before()) + " → " + percent(f.attendance().after());
    }

    static String incidents(FollowUpFigures f) {
        return per100(f.incidentRateBefore()) + " → " + per100(f.incidentRateAfter());
    }

    static String marks(FollowUpFigures f) {
        return f.meanMarkBefore().map(x -> x.toDecimalString(1)).orElse("–") + " → "
                + f.meanMarkAfter().map(x -> x.toDecimalString(1)).orElse("–");
    }

    private static String percent(Optional<Ratio> r) {
        return r.map(x -> x.toPercentString(1) + "%").orElse("–");
    }

    private static String per100(Optional<Ratio> r) {
        return r.map(x -> x.toPercentString(1)).orElse("–");
    }

    static String signed(BigDecimal x) {
        return (x.signum() > 0 ? "+" : "") + x.toPlainString();
    }
}
