package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgendaReason;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.EarlyWarning;
import org.communityschools.metrics.EarlyWarningDefinition;
import org.communityschools.metrics.EarlyWarningEntry;
import org.communityschools.metrics.EarlyWarningFlag;
import org.communityschools.metrics.EarlyWarningList;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;

/**
 * The school team's meetings: the list of the viewer's meetings with the form to open one, and the meeting page (the
 * agenda proposed from the early-warning list, the students whose flags changed since the team's last meeting, the
 * agenda recorded, the steps due and the meeting's own steps, and the forms that record items and steps). What is
 * shown of a student goes through the policy's decision and the disclosure log ({@link MeetingContent},
 * {@link WarningRows}); who may record what is {@link MeetingRecorder}'s.
 */
final class MeetingPages {
    private final Dashboard d;
    private final Pages pages;
    private final DistrictData data;
    private final MeetingRecorder recorder;

    MeetingPages(Pages pages) {
        this.d = pages.d;
        this.pages = pages;
        this.data = pages.data;
        this.recorder = new MeetingRecorder(pages);
    }

    /** The meeting with this id in the address, if the viewer may open it (404 for none, 403 with the reason otherwise). */
    Meeting meeting(Sessions.Viewer v, String id) {
        MeetingId mid;
        try {
            mid = MeetingId.of(id);
        } catch (IllegalArgumentException e) {
            throw new Dashboard.Refused(404, "no such meeting");
        }
        Meeting m = data.meetings().meeting(mid).orElseThrow(() -> new Dashboard.Refused(404, "no such meeting"));
        MeetingRecorder.accessRefusal(v, m).ifPresent(x -> {
            throw new Dashboard.Refused(403, x);
        });
        return m;
    }

    // ---- the list ----

    String list(Dashboard.Request r, Sessions.Viewer v) {
        List<Meeting> mine = data.meetings().meetings().stream()
                .filter(m -> MeetingRecorder.accessRefusal(v, m).isEmpty())
                .sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::id).reversed()).toList();
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"note\">The meetings of your schools' teams and those you take part in, newest first.</p>");
        b.append("<table id=\"meetings\"><tr><th>date</th><th>school</th><th>purpose</th><th>participants</th></tr>");
        for (Meeting m : mine) {
            b.append("<tr class=\"meeting-row\"><td><a class=\"meeting-link\" href=\"/meetings/").append(Html.esc(m.id().value())).append("\">")
                    .append(m.date()).append("</a></td><td>").append(Html.esc(school(m.schoolId()))).append("</td><td>")
                    .append(Html.esc(m.purpose())).append("</td><td>").append(Html.esc(people(m.participants()))).append("</td></tr>");
        }
        b.append("</table>");
        if (mine.isEmpty()) {
            b.append("<p id=\"no-meetings\">No meeting yet.</p>");
        }
        List<SchoolId> schools = v.schools().stream().filter(s -> MeetingRecorder.openRefusal(v, s).isEmpty()).toList();
        if (schools.isEmpty()) {
            b.append("<p class=\"note\" id=\"open-refused\">Opening a meeting: ").append(Html.esc(v.schools().isEmpty()
                    ? "you hold no role at a school" : MeetingRecorder.openRefusal(v, v.schools().get(0)).orElse(""))).append("</p>");
        } else {
            b.append("<h2>Open a meeting</h2><form method=\"post\" action=\"/meetings\" id=\"open-meeting\">").append(Html.csrf(r))
                    .append("<p><label for=\"school\">School</label> <select name=\"school\" id=\"school\">");
            for (SchoolId s : schools) {
                b.append("<option value=\"").append(Html.esc(s.value())).append("\">").append(Html.esc(school(s))).append("</option>");
            }
            b.append("</select> <label for=\"date\">Date</label> <input type=\"date\" name=\"date\" id=\"date\" value=\"").append(d.today)
                    .append("\"></p><p><label for=\"purpose\">Purpose</label> <input name=\"purpose\" id=\"purpose\" maxlength=\"200\" size=\"50\" "
                            + "value=\"Attendance and early-warning review\"></p><p><label for=\"participants\">Participants</label> "
                            + "<input name=\"participants\" id=\"participants\" size=\"50\" value=\"").append(Html.esc(v.staff().value()))
                    .append("\"> <span class=\"note\">staff ids, separated by commas; you take part</span></p>")
                    .append("<p><button type=\"submit\" id=\"open-button\">Open the meeting</button></p></form>");
        }
        return Html.page(d, r, "Meetings", b.toString());
    }

    // ---- one meeting ----

    String page(Dashboard.Request r, Sessions.Viewer v, Meeting m, List<String> rejected) {
        Instant at = d.now();
        MeetingContent content = new MeetingContent(pages, v, m, at);
        List<WarningRows.Row> proposed = WarningRows.visible(pages, v, d.live.warnings.school(m.schoolId()).flagged(), at);
        List<Changed> changed = changed(v, m, at);
        List<Pages.Facts> all = new ArrayList<>(content.facts());
        proposed.forEach(x -> all.add(x.facts()));
        changed.forEach(x -> all.add(x.facts()));
        pages.disclose(all);

        StringBuilder b = new StringBuilder();
        if (!rejected.isEmpty()) {
            b.append("<div class=\"refused\" id=\"rejected\"><h2>Not recorded</h2><p>The change breaks a rule of the district's data, so "
                    + "nothing was changed:</p><ul>");
            rejected.forEach(x -> b.append("<li class=\"violation\">").append(Html.esc(x)).append("</li>"));
            b.append("</ul></div>");
        }
        b.append(header(m, content));
        b.append("<p class=\"links\"><a id=\"summary-link\" href=\"/meetings/").append(Html.esc(m.id().value()))
                .append("/summary\">Printable summary</a> · <a id=\"follow-up-link\" href=\"/follow-up?meeting=").append(Html.esc(m.id().value()))
                .append("\">Follow-up of the steps</a></p>");

        // (a) the agenda proposed from the early-warning list
        b.append("<h2>Proposed agenda: the early-warning list</h2><p class=\"note\">Everyone Graduates Center indicators as of ").append(d.today)
                .append(", only the students and flags you may see (as on School trends).</p><table id=\"proposed\"><tr><th>student</th>"
                        + "<th>flags</th><th></th></tr>");
        for (WarningRows.Row row : proposed) {
            Pages.Facts f = row.facts();
            b.append("<tr class=\"proposed-row\"><td>").append(link(r, f)).append("</td><td>")
                    .append(Html.esc(String.join("; ", row.flags().stream().map(WarningRows::text).toList()))).append("</td><td>");
            if (recorder.itemRefusal(v, m, Optional.of(f.id), at).isEmpty()) {
                b.append("<form method=\"post\" action=\"").append(action(m)).append("\">").append(Html.csrf(r))
                        .append("<input type=\"hidden\" name=\"action\" value=\"agenda\"><input type=\"hidden\" name=\"reason\" value=\"")
                        .append(AgendaReason.EARLY_WARNING_FLAG.name()).append("\"><input type=\"hidden\" name=\"student\" value=\"")
                        .append(r.session.handle(f.id)).append("\"><button type=\"submit\" class=\"add-proposed\">Put on the agenda</button></form>");
            }
            b.append("</td></tr>");
        }
        b.append(proposed.isEmpty() ? none(3) : "").append("</table>");

        // (b) the students whose flags changed since the last meeting
        Optional<Meeting> last = lastMeeting(m);
        b.append("<h2>Flags changed since the last meeting</h2><p class=\"note\" id=\"last-meeting\">")
                .append(last.map(x -> "The team's last meeting before this one was on " + x.date() + ". Each indicator you may see, as "
                        + "of that day against as of " + d.today + " (both computed from the data as they are now): a new flag, a cleared "
                        + "flag, or a changed level.")
                        .orElse("No earlier meeting of this team this school year (up to today): every flag you may see counts as new."))
                .append("</p>")
                .append("<table id=\"changed\"><tr><th>student</th><th>changes</th></tr>");
        for (Changed c : changed) {
            b.append("<tr class=\"changed-row\"><td>").append(link(r, c.facts())).append("</td><td>")
                    .append(Html.esc(String.join("; ", c.changes().stream().filter(x -> c.facts().visible(x.field())).map(Change::text).toList())))
                    .append("</td></tr>");
        }
        b.append(changed.isEmpty() ? none(2) : "").append("</table>");

        // the agenda recorded
        b.append("<h2>Agenda</h2><table id=\"agenda\"><tr><th>#</th><th>about</th><th>reason</th><th>notes</th></tr>");
        for (MeetingContent.ItemRow i : content.agenda()) {
            b.append("<tr class=\"agenda-row\" data-item=\"").append(i.item().number()).append("\"><td class=\"num\">")
                    .append(i.item().number()).append("</td><td>")
                    .append(i.student().map(f -> link(r, f)).orElseGet(() -> Html.esc(i.item().group().orElse("")))).append("</td><td>")
                    .append(Html.esc(i.reason().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))).append("</td><td>")
                    .append(i.notes().map(Html::esc).orElse("")).append("</td></tr>");
        }
        b.append(content.agenda().isEmpty() ? none(4) : "").append("</table>");

        // (c) the steps due and the meeting's own steps
        b.append("<h2>Steps due by ").append(m.date()).append("</h2><p class=\"note\">Open steps of the team's earlier meetings due on or "
                + "before this meeting's day (overdue included).</p>");
        steps(b, r, v, m, content.dueSteps(), "due-steps", at);
        b.append("<h2>This meeting's steps</h2>");
        steps(b, r, v, m, content.ownSteps(), "steps", at);
        if (content.withholds()) {
            b.append("<p class=\"note\" id=\"withheld-count\">").append(withheldText(content)).append("</p>");
        }

        // (d) the forms
        b.append(forms(r, v, m));
        return Html.page(d, r, "Meeting " + m.date() + ", " + school(m.schoolId()), b.toString());
    }

    static String withheldText(MeetingContent c) {
        return c.withheldSteps() + (c.withheldSteps() == 1 ? " step" : " steps") + " and " + c.withheldItems()
                + (c.withheldItems() == 1 ? " agenda item are" : " agenda items are") + " not shown to you: they concern students "
                + "or notes outside what the policy lets you see.";
    }

    String header(Meeting m, MeetingContent content) {
        return "<p id=\"meeting\" class=\"card\"><b>" + Html.esc(school(m.schoolId())) + "</b> · <span id=\"meeting-date\">" + m.date()
                + "</span> · " + Html.esc(m.purpose()) + "<br>Participants: <span id=\"participants-list\">" + Html.esc(people(m.participants()))
                + "</span>" + (content.participant ? " (you take part)" : "") + "</p>";
    }

    private void steps(StringBuilder b, Dashboard.Request r, Sessions.Viewer v, Meeting m, List<MeetingContent.StepRow> rows, String id,
                       Instant at) {
        b.append("<table id=\"").append(id).append("\"><tr><th>step</th><th>about</th><th>what</th><th>owner</th><th>due</th>"
                + "<th>intervention</th><th>status</th><th></th></tr>");
        for (MeetingContent.StepRow s : rows) {
            b.append("<tr class=\"step-row\" data-step=\"").append(Html.esc(s.step().id().value())).append("\"><td>")
                    .append(Html.esc(s.step().id().value())).append("</td><td>")
                    .append(s.student().map(f -> link(r, f)).orElseGet(() -> Html.esc(s.step().group().orElse("")))).append("</td><td>")
                    .append(Html.esc(s.what())).append("</td><td>").append(Html.esc(person(s.owner()))).append("</td><td>")
                    .append(Html.esc(s.due())).append("</td><td>").append(Html.esc(s.intervention().orElse(""))).append("</td><td class=\"status\">")
                    .append(Html.esc(s.status())).append(s.completed().map(x -> " " + Html.esc(x)).orElse("")).append("</td><td>");
            if (s.status().equals("OPEN") && recorder.stepRefusal(v, m, s.step().studentId(), at).isEmpty()) {
                b.append("<form method=\"post\" action=\"").append(action(m)).append("\" class=\"close-step\">").append(Html.csrf(r))
                        .append("<input type=\"hidden\" name=\"step\" value=\"").append(Html.esc(s.step().id().value())).append("\">")
                        .append("<input type=\"date\" name=\"completion_date\" value=\"").append(d.today).append("\" aria-label=\"on\"> ")
                        .append("<button type=\"submit\" name=\"action\" value=\"complete\" class=\"complete\">Done</button> ")
                        .append("<button type=\"submit\" name=\"action\" value=\"drop\" class=\"drop\">Drop</button></form>");
            }
            b.append("</td></tr>");
        }
        b.append(rows.isEmpty() ? none(8) : "").append("</table>");
    }

    private static String none(int columns) {
        return "<tr class=\"none\"><td colspan=\"" + columns + "\">None that you may see.</td></tr>";
    }

    private String forms(Dashboard.Request r, Sessions.Viewer v, Meeting m) {
        StringBuilder b = new StringBuilder("<div class=\"grid\">");
        b.append("<form method=\"post\" action=\"").append(action(m)).append("\" id=\"add-step\" class=\"card\"><h3>Add a step</h3>")
                .append(Html.csrf(r)).append("<input type=\"hidden\" name=\"action\" value=\"step\">")
                .append(subject("step"))
                .append("<p><label for=\"step-what\">What</label><br><textarea name=\"what\" id=\"step-what\" maxlength=\"1000\" rows=\"2\" cols=\"40\">"
                        + "</textarea></p><p><label for=\"step-owner\">Owner</label> <select name=\"owner\" id=\"step-owner\">");
        for (StaffId s : recorder.owners(m)) {
            b.append("<option value=\"").append(Html.esc(s.value())).append('"').append(s.equals(v.staff()) ? " selected" : "").append('>')
                    .append(Html.esc(person(s.value()))).append("</option>");
        }
        b.append("</select> <label for=\"step-due\">due</label> <input type=\"date\" name=\"due_date\" id=\"step-due\" value=\"")
                .append(m.date().plusDays(14)).append("\"></p><p><label for=\"step-intervention\">Intervention it starts or changes</label> "
                        + "<select name=\"intervention\" id=\"step-intervention\"><option value=\"\">none</option>");
        for (Intervention i : data.interventions()) {
            if (i.schoolId().equals(m.schoolId())) {
                b.append("<option value=\"").append(Html.esc(i.id().value())).append("\">").append(Html.esc(i.id().value() + " " + i.type().name()
                        + " by " + i.providerId().value())).append("</option>");
            }
        }
        b.append("</select></p><p><button type=\"submit\" id=\"add-step-button\">Add the step</button></p></form>");
        b.append("<form method=\"post\" action=\"").append(action(m)).append("\" id=\"add-item\" class=\"card\"><h3>Add an agenda item</h3>")
                .append(Html.csrf(r)).append("<input type=\"hidden\" name=\"action\" value=\"agenda\">").append(subject("item"))
                .append("<p><label for=\"item-reason\">Reason</label> <select name=\"reason\" id=\"item-reason\">");
        for (AgendaReason a : AgendaReason.values()) {
            b.append("<option value=\"").append(a.name()).append("\">").append(a.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append("</option>");
        }
        b.append("</select></p><p><label for=\"item-notes\">Notes</label> <span class=\"note\">(seen only by the meeting's participants)"
                + "</span><br><textarea name=\"notes\" id=\"item-notes\" maxlength=\"2000\" rows=\"2\" cols=\"40\"></textarea></p>"
                + "<p><button type=\"submit\" id=\"add-item-button\">Add the item</button></p></form></div>");
        b.append("<p class=\"note\">Who may record: a step about a student, whoever the policy lets see that student's action steps at "
                + "this meeting (a Success Mentor for the caseload, a teacher for the class); an agenda item about a student, a participant "
                + "who may see that student's meeting notes; a step or item about a group, the team's leads. Each change is checked with "
                + "the data directory's rules and journaled.</p>");
        return b.toString();
    }

    private static String subject(String prefix) {
        return "<p><label for=\"" + prefix + "-student\">Student id</label> <input name=\"student_id\" id=\"" + prefix + "-student\" "
                + "autocomplete=\"off\" maxlength=\"32\" size=\"12\"> or <label for=\"" + prefix + "-group\">group</label> <input name=\"group\" id=\""
                + prefix + "-group\" maxlength=\"100\" size=\"20\"></p>";
    }

    private static String action(Meeting m) {
        return "/meetings/" + Html.esc(m.id().value());
    }

    private static String link(Dashboard.Request r, Pages.Facts f) {
        return "<a href=\"/student/" + r.session.handle(f.id) + "\">" + Html.esc(f.label()) + "</a>" + f.idAfterName();
    }

    String school(SchoolId s) {
        return s.value() + data.school(s).map(x -> " " + x.name()).orElse("");
    }

    String person(String staff) {
        try {
            return data.staff(StaffId.of(staff)).map(x -> x.firstName() + " " + x.lastName() + " (" + staff + ")").orElse(staff);
        } catch (IllegalArgumentException e) {
            return staff;
        }
    }

    String people(Set<StaffId> staff) {
        return String.join(", ", staff.stream().map(s -> person(s.value())).toList());
    }

    // ---- flags changed since the last meeting ----

    /** One indicator's change: its field, the level as of the last meeting and now (empty: no flag). */
    record Change(FieldPath field, EarlyWarningFlag.Indicator indicator, Optional<EarlyWarningFlag.Level> then,
                  Optional<EarlyWarningFlag.Level> now) {
        String text() {
            String name = indicator.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (then.isEmpty()) {
                return name + ": new, " + WarningRows.level(now.orElseThrow());
            }
            if (now.isEmpty()) {
                return name + ": cleared (was " + WarningRows.level(then.get()) + ")";
            }
            return name + ": " + WarningRows.level(now.get()) + " (was " + WarningRows.level(then.get()) + ")";
        }
    }

    /** The team's last meeting before {@code m} in this school year up to today: the flags as of then are comparable. */
    private Optional<Meeting> lastMeeting(Meeting m) {
        return data.meetings().lastMeetingBefore(m.schoolId(), m.date()).filter(x -> d.year.contains(x.date()) && !x.date().isAfter(d.today));
    }

    /** A student whose visible flags changed, with the view of exactly what the row shows. */
    record Changed(Pages.Facts facts, List<Change> changes) {}

    /**
     * The students at the meeting's school whose flags changed between the team's last meeting before this one and
     * today: each indicator the viewer may see ({@link WarningRows#indicatorVisible}), its level as of the last meeting's
     * day against as of today, both computed year to date from the data as they are now (a record entered late counts on
     * its own day). With no earlier meeting in this school year, every flag of today is new.
     */
    private List<Changed> changed(Sessions.Viewer v, Meeting m, Instant at) {
        EarlyWarningList now = d.live.warnings.school(m.schoolId());
        Optional<Meeting> last = lastMeeting(m);
        Map<StudentId, EarlyWarningEntry> then = new TreeMap<>();
        last.ifPresent(x -> d.live.cached(List.of("early-warning-then", m.schoolId(), x.date()), pages.version.version().number(),
                () -> EarlyWarning.evaluate(data, m.schoolId(), d.year, EarlyWarningDefinition.EVERYONE_GRADUATES, x.date()))
                .entries().forEach(e -> then.put(e.studentId(), e)));
        List<Changed> out = new ArrayList<>();
        for (EarlyWarningEntry e : now.entries()) {
            EarlyWarningEntry before = then.get(e.studentId());
            List<EarlyWarningFlag.Indicator> differ = new ArrayList<>();
            for (EarlyWarningFlag.Indicator i : EarlyWarningFlag.Indicator.values()) {
                Optional<EarlyWarningFlag.Level> a = before == null ? Optional.empty() : before.flag(i).map(EarlyWarningFlag::level);
                if (!a.equals(e.flag(i).map(EarlyWarningFlag::level))) {
                    differ.add(i);
                }
            }
            if (differ.isEmpty()) {
                continue;
            }
            Decision decision = pages.version.decide(v, e.studentId(), at);
            if (!decision.permitsAny()) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            Set<FieldPath> fields = new TreeSet<>(List.of(Pages.NAME, Pages.STUDENT_ID));
            for (EarlyWarningFlag.Indicator i : differ) {
                FieldPath field = WarningRows.fieldOf(i);
                if (WarningRows.indicatorVisible(pages, decision, field)) {
                    fields.add(field);
                    changes.add(new Change(field, i, before == null ? Optional.empty() : before.flag(i).map(EarlyWarningFlag::level),
                            e.flag(i).map(EarlyWarningFlag::level)));
                }
            }
            if (!changes.isEmpty()) {
                Pages.Facts f = pages.new Facts(e.studentId(), decision, Pages.catalog(fields));
                if (changes.stream().anyMatch(c -> f.visible(c.field()))) {
                    out.add(new Changed(f, changes));
                }
            }
        }
        return out;
    }
}
