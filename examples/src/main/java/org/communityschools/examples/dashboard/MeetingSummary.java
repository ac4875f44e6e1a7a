package org.communityschools.examples.dashboard;

import java.util.List;
import org.communityschools.core.model.Meeting;

/**
 * The printable summary of a meeting for the signed-in recipient: a page of its own without navigation, forms or
 * scripts, styled for paper by the dashboard's stylesheet ({@code @media print}). It holds only what that recipient may
 * see ({@link MeetingContent}, recorded in the disclosure log before the page is sent): a Success Mentor's copy lists
 * the caseload's steps only, and says how many steps and items were withheld, never what they are.
 */
final class MeetingSummary {
    private final Dashboard d;
    private final Pages pages;
    private final MeetingPages meetings;

    MeetingSummary(Pages pages) {
        this.d = pages.d;
        this.pages = pages;
        this.meetings = new MeetingPages(pages);
    }

    String page(Dashboard.Request r, Sessions.Viewer v, Meeting m) {
        MeetingContent c = new MeetingContent(pages, v, m, d.now());
        pages.disclose(c.facts());
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Meeting summary ").append(m.date())
                .append(" · Community Schools dashboard</title>\n<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n</head>\n")
                .append("<body class=\"summary\">\n<main>\n<h1>Meeting summary</h1>\n");
        b.append(meetings.header(m, c));
        b.append("<p class=\"note\" id=\"recipient\">Copy for ").append(Html.esc(v.displayName())).append(" (").append(Html.esc(v.staff().value()))
                .append(", ").append(Html.esc(v.roleLabel())).append("), printed from the dashboard on ").append(d.today)
                .append(". It holds only what you may see; do not pass it on.</p>\n");
        b.append("<h2>Agenda</h2>");
        List<MeetingContent.ItemRow> agenda = c.agenda();
        if (agenda.isEmpty()) {
            b.append("<p>None that you may see.</p>");
        } else {
            b.append("<ol id=\"summary-agenda\">");
            for (MeetingContent.ItemRow i : agenda) {
                b.append("<li value=\"").append(i.item().number()).append("\">")
                        .append(Html.esc(i.student().map(Pages.Facts::label).orElseGet(() -> i.item().group().orElse(""))))
                        .append(" (").append(Html.esc(i.reason().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))).append(")")
                        .append(i.notes().map(n -> ": " + Html.esc(n)).orElse("")).append("</li>");
            }
            b.append("</ol>");
        }
        steps(b, "This meeting's steps", "summary-steps", c.ownSteps());
        steps(b, "Steps due by " + m.date(), "summary-due", c.dueSteps());
        b.append("<p id=\"summary-withheld\">").append(c.withholds() ? Html.esc(MeetingPages.withheldText(c))
                : "Nothing of this meeting is withheld from you.").append("</p>\n");
        b.append("<p class=\"note\">Every student record in this summary was decided by the access policy for you and written to the record "
                + "of disclosures (34 CFR 99.32) before it was sent.</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private void steps(StringBuilder b, String title, String id, List<MeetingContent.StepRow> rows) {
        b.append("<h2>").append(Html.esc(title)).append("</h2>");
        if (rows.isEmpty()) {
            b.append("<p>None that you may see.</p>");
            return;
        }
        b.append("<table id=\"").append(id).append("\"><tr><th>step</th><th>about</th><th>what</th><th>owner</th><th>due</th><th>status</th></tr>");
        for (MeetingContent.StepRow s : rows) {
            b.append("<tr class=\"summary-step\" data-step=\"").append(Html.esc(s.step().id().value())).append("\"><td>")
                    .append(Html.esc(s.step().id().value())).append("</td><td>")
                    .append(Html.esc(s.student().map(Pages.Facts::label).orElseGet(() -> s.step().group().orElse("")))).append("</td><td>")
                    .append(Html.esc(s.what())).append("</td><td>").append(Html.esc(meetings.person(s.owner()))).append("</td><td>")
                    .append(Html.esc(s.due())).append("</td><td class=\"status\">").append(Html.esc(s.status()))
                    .append(s.completed().map(x -> " " + Html.esc(x)).orElse("")).append("</td></tr>");
        }
        b.append("</table>");
    }
}
