package org.communityschools.examples.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.examples.cli.HtmlReport;

/** The dashboard's page layout and small HTML pieces. Every text from the data goes through {@link #esc}. */
final class Html {
    private Html() {}

    static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#1b4f72;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
            header a{color:#fff;text-decoration:none;font-weight:600}header a.current{text-decoration:underline}
            header .who{margin-left:auto;font-size:.9rem}header form{display:inline}
            main{max-width:72rem;margin:1rem auto;padding:0 1rem}
            table{border-collapse:collapse;margin:.6rem 0;background:#fff}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}
            th a{color:#1b4f72}.num{text-align:right}.withheld{color:#888;font-style:italic}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem}
            .card h3{margin:.2rem 0 .5rem}.refused{background:#fff3f3;border:1px solid #d73027;border-radius:6px;padding:1rem}
            .flash{background:#eef7ee;border:1px solid #1a9850;padding:.5rem 1rem;border-radius:6px}
            .tier-satisfactory{color:#1a9850}.tier-at-risk{color:#b8860b}.tier-moderate-chronic{color:#e66101}.tier-severe-chronic{color:#d73027;font-weight:600}
            .note{color:#555;font-size:.85rem}.ok{color:#1a9850;font-weight:600}.bad{color:#d73027;font-weight:600}
            button{cursor:pointer}.demo{background:#fff4ce;border-bottom:2px solid #b8860b;margin:0;padding:.4rem 1.2rem;font-weight:600}
            td form{display:inline}body.summary{background:#fff}body.summary main{max-width:48rem}
            @media print{header,form,.demo,.links{display:none}body,body.summary{background:#fff;color:#000;font-size:11pt}
            main{max-width:none;margin:0}table{page-break-inside:auto}tr{page-break-inside:avoid}a{color:#000;text-decoration:none}}
            """;

    static String esc(String text) {
        return HtmlReport.escape(text);
    }

    /** A hidden input with the session's CSRF token. */
    static String csrf(Dashboard.Request r) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(r.csrf()) + "\">";
    }

    /** A whole page: the header with the navigation and who is signed in, then {@code body}. */
    static String page(Dashboard d, Dashboard.Request r, String title, String body) {
        StringBuilder b = new StringBuilder(8192 + body.length());
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append(" · Community Schools dashboard</title>\n<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n</head>\n<body>\n<header>");
        b.append("<span>Community Schools</span>");
        if (r.viewer().isPresent()) {
            Sessions.Viewer v = r.viewer().get();
            nav(b, r, "/students", "My students");
            nav(b, r, "/trends", "School trends");
            nav(b, r, "/interventions", "Interventions");
            nav(b, r, "/meetings", "Meetings");
            nav(b, r, "/follow-up", "Follow-up");
            if (v.roles().contains(org.communityschools.core.model.StaffRole.DISTRICT_ADMIN)) {
                nav(b, r, "/log", "Disclosure log");
            }
            b.append("<span class=\"who\" id=\"who\">").append(esc(v.displayName())).append(" (").append(esc(v.staff().value()))
                    .append(", ").append(esc(v.roleLabel())).append(") · purpose ").append(esc(v.purpose().code())).append(" · ")
                    .append(d.today).append(" <form method=\"post\" action=\"/signout\">").append(csrf(r))
                    .append("<button type=\"submit\" id=\"signout\">Sign out</button></form></span>");
        }
        b.append("</header>\n");
        if (d.demo) {
            b.append("<p class=\"demo\" id=\"demo-sign-in\">Demo sign-in: anyone may pick any staff member here; nobody is "
                    + "authenticated. For synthetic data on this machine only.</p>\n");
        }
        b.append("<main>\n<h1>").append(esc(title)).append("</h1>\n");
        String flash = r.takeFlash();
        if (flash != null) {
            b.append("<p class=\"flash\" id=\"flash\">").append(esc(flash)).append("</p>\n");
        }
        b.append(body);
        b.append("\n<p class=\"note\">Every student record on these pages is decided by the access policy for you and written to the "
                + "record of disclosures (34 CFR 99.32) before the page is sent.</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void nav(StringBuilder b, Dashboard.Request r, String href, String label) {
        b.append("<a href=\"").append(href).append('"').append(r.path.equals(href) ? " class=\"current\"" : "").append('>')
                .append(esc(label)).append("</a>");
    }

    /**
     * The sign-in page: the demo picker's choices grouped by organization, or a single button (to the OpenID Connect
     * provider, or for a form identity provider).
     */
    static String signIn(Dashboard d, Dashboard.Request r) {
        StringBuilder b = new StringBuilder();
        b.append("<form method=\"post\" action=\"/signin\" id=\"signin\">").append(csrf(r));
        List<Staff> choices = d.identity.choices();
        if (choices.isEmpty()) {
            b.append("<p>Sign in with your district account.</p>");
        } else {
            b.append("<p>Demo sign-in: pick a staff member of the data directory. (A district plugs in its own identity provider; "
                    + "see docs/dashboard.md.)</p><p><label for=\"staff_id\">Staff member</label> <select name=\"staff_id\" id=\"staff_id\">");
            Map<String, StringBuilder> groups = new TreeMap<>();
            for (Staff s : choices) {
                String role = d.data().assignmentsOn(s.id(), d.today).stream().map(StaffAssignment::role)
                        .map(x -> x.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted(Comparator.naturalOrder())
                        .reduce((x, y) -> x + ", " + y).orElse("no role today");
                String org = d.data().assignmentsOn(s.id(), d.today).stream().map(a -> a.organizationId().value()).findFirst()
                        .orElse(s.employerId().value());
                groups.computeIfAbsent(org, k -> new StringBuilder()).append("<option value=\"").append(esc(s.id().value())).append("\">")
                        .append(esc(s.firstName() + " " + s.lastName())).append(" — ").append(esc(role)).append(" (")
                        .append(esc(s.id().value())).append(")</option>");
            }
            groups.forEach((org, options) -> b.append("<optgroup label=\"").append(esc(org)).append("\">").append(options).append("</optgroup>"));
            b.append("</select></p>");
        }
        b.append("<p><button type=\"submit\" id=\"signin-button\">Sign in</button></p></form>");
        return page(d, r, "Sign in", b.toString());
    }

    /** A percentage with one decimal and its counts, or a dash. */
    static String pct(java.util.Optional<org.communityschools.core.model.Ratio> rate) {
        return rate.map(x -> x.toPercentString(1) + "%").orElse("–");
    }

    static String withheld(String reason) {
        return "<span class=\"withheld\" title=\"" + esc(reason) + "\">withheld</span>";
    }
}
