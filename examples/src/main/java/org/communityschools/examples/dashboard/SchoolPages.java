package org.communityschools.examples.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.examples.cli.HtmlReport;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.Comparison;
import org.communityschools.metrics.EarlyWarningList;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.metrics.InterventionOutcomes;
import org.communityschools.metrics.SchoolAttendance;
import org.communityschools.metrics.WindowRates;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.VerificationReport;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import tools.jackson.databind.JsonNode;

/** The school pages: trends with the early-warning list, interventions alongside outcomes, and the disclosure log. */
final class SchoolPages {
    /** The fields a participant row shows: who, the participations, the attendance before and after. */
    private static final org.communityschools.privacy.FieldCatalog PARTICIPANT_CATALOG = Pages.catalog(
            Set.of(Pages.NAME, Pages.STUDENT_ID, Pages.PARTICIPATION, Pages.ATTENDANCE));
    private final Dashboard d;
    private final Pages pages;
    private final DistrictData data;

    /** The school pages of one request, on the version of the data {@code pages} read. */
    SchoolPages(Pages pages) {
        this.d = pages.d;
        this.pages = pages;
        this.data = pages.data;
    }

    private List<SchoolYear> years() {
        // Years with instruction (a directory may name earlier years through enrollments or cohorts).
        return data.schoolYears().stream().filter(y -> !y.firstDay().isAfter(d.today))
                .filter(y -> data.calendars().values().stream().anyMatch(c -> c.days().stream().anyMatch(y::contains))).toList();
    }

    private ChronicAbsenceReport report(SchoolYear y) {
        // Past years change only when a batch changes more than this year's attendance; this year comes from the live figures.
        return d.live.cachedPast(List.of("report", y), () -> ChronicAbsence.calculate(data, y, ChronicAbsenceDefinition.FEDERAL));
    }

    /** An earlier year's chronic absence by school, protected ({@link Published#schools}). */
    private ProtectedTable pastSchools(SchoolYear y) {
        return d.live.cachedPast(List.of("schools", y), () -> Published.schools(report(y).schools().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().enrollments())),
                id -> data.isCommunitySchool(id, y), d.live.rules));
    }

    private SchoolId school(Dashboard.Request r, Sessions.Viewer v) {
        return pages.selectedSchool(r, v).orElseThrow(() -> new Dashboard.Refused(403,
                "you hold no role at a school on " + d.today + ", so no school's figures are yours to see"));
    }

    // ---- trends ----

    String trends(Dashboard.Request r, Sessions.Viewer v) {
        SchoolId s = school(r, v);
        StringBuilder b = new StringBuilder();
        b.append(pages.schoolPicker(r, v, Optional.of(s), "/trends"));
        b.append(pages.schoolFigures(s));

        // By year: this school, the community schools, the district (past years final, this year to date).
        List<SchoolYear> years = years();
        // the chart's points are the table's figures: past years final, this year as of today (one as-of date)
        List<Comparison.YearPoint> points = new ArrayList<>();
        b.append("<h2>Chronic absence and attendance by school year</h2><table id=\"by-year\"><tr><th>school year</th>"
                + "<th>this school: chronically absent</th><th>attendance rate</th><th>community schools: chronically absent</th>"
                + "<th>district: chronically absent</th><th>attendance rate</th></tr>");
        for (SchoolYear y : years) {
            // counts and rates of groups as a published table shows them: a small group's cell, and the cells that would
            // let it be recovered, are suppressed, and then no figure of the group is shown
            boolean current = y.equals(d.year);
            ProtectedTable t = current ? d.live.schools(data, d.today) : pastSchools(y);
            Optional<ProtectedCell> school = Published.school(t, s);
            ProtectedCell district = t.cell(Published.DISTRICT);
            ProtectedCell community = t.cell(Published.COMMUNITY);
            points.add(new Comparison.YearPoint(y, Published.rate(community), Published.rate(t.cell(Published.OTHER))));
            AttendanceAggregate schoolDays = current ? d.live.figures.school(s, d.today)
                    : Optional.ofNullable(report(y).schools().get(s)).map(SchoolAttendance::enrollments).orElse(null);
            AttendanceAggregate districtDays = current ? d.live.figures.district(d.today) : report(y).district();
            b.append("<tr><td>").append(y.label()).append(current ? " (to " + d.today + ")" : "").append("</td>");
            b.append("<td class=\"num\">").append(school.map(Published::text).orElse("–")).append("</td>");
            b.append("<td class=\"num\">").append(school.filter(Published::shown).isPresent() && schoolDays != null
                    ? Html.pct(schoolDays.attendanceRate()) : school.map(Published::marker).orElse("–")).append("</td>");
            b.append("<td class=\"num\">").append(Published.text(community)).append("</td>");
            b.append("<td class=\"num\">").append(Published.text(district)).append("</td><td class=\"num\">")
                    .append(Published.shown(district) ? Html.pct(districtDays.attendanceRate()) : Published.marker(district)).append("</td>");
            b.append("</tr>");
        }
        b.append("</table>");
        Comparison comparison = new Comparison("chronic absence (" + ChronicAbsenceDefinition.FEDERAL.name() + ")", points);
        b.append("<p class=\"note\">Community schools (a lead community-based organization that year) against the other schools, "
                + "EDFacts FS195 per school enrollment:</p>");
        b.append(HtmlReport.lineChart("chart-years", comparison.metric(), comparison.points()));

        // By month of this year: year to date chronic absence, and each month's attendance rate.
        List<String> labels = new ArrayList<>();
        List<Optional<Ratio>> schoolChronic = new ArrayList<>();
        List<Optional<Ratio>> districtChronic = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        AttendanceAggregate prevSchool = d.live.figures.school(s, d.year.firstDay().minusDays(1));
        AttendanceAggregate prevDistrict = d.live.figures.district(d.year.firstDay().minusDays(1));
        for (YearMonth m = YearMonth.from(d.year.firstDay()); !m.atDay(1).isAfter(d.today); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth().isAfter(d.today) ? d.today : m.atEndOfMonth();
            AttendanceAggregate sc = d.live.figures.school(s, end);
            AttendanceAggregate di = d.live.figures.district(end);
            if (sc.daysEnrolled() == prevSchool.daysEnrolled() && di.daysEnrolled() == prevDistrict.daysEnrolled()) {
                continue;
            }
            // year to date as of the month's end: that day's protected table
            ProtectedTable t = d.live.schools(data, end);
            Optional<ProtectedCell> schoolCell = Published.school(t, s).filter(Published::shown);
            ProtectedCell districtCell = t.cell(Published.DISTRICT);
            String label = m.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + m.getYear();
            labels.add(label);
            schoolChronic.add(schoolCell.flatMap(Published::rate));
            districtChronic.add(Published.rate(districtCell));
            rows.append("<tr><td>").append(label).append("</td><td class=\"num\">")
                    .append(Published.school(t, s).map(Published::text).orElse("–")).append("</td><td class=\"num\">")
                    .append(schoolCell.isPresent() ? month(sc, prevSchool) : "–").append("</td><td class=\"num\">")
                    .append(Published.text(districtCell)).append("</td><td class=\"num\">")
                    .append(Published.shown(districtCell) ? month(di, prevDistrict) : "–").append("</td></tr>");
            prevSchool = sc;
            prevDistrict = di;
        }
        b.append("<h2>").append(d.year.label()).append(" by month</h2>");
        b.append(Charts.lines("chart-months", "Chronically absent, year to date", labels, schoolChronic, s.value(), districtChronic, "district"));
        b.append("<table id=\"by-month\"><tr><th>month</th><th>this school: chronically absent (year to date)</th><th>attendance that month</th>"
                + "<th>district: chronically absent (year to date)</th><th>attendance that month</th></tr>").append(rows).append("</table>");

        // The early-warning list for the team's meeting, as far as this viewer may see each student.
        EarlyWarningList list = d.live.warnings.school(s);
        // Each row goes through the decision and a view of exactly what the row shows (WarningRows).
        Instant at = d.now();
        List<WarningRows.Row> warned = WarningRows.visible(pages, v, list.flagged(), at);
        pages.disclose(warned.stream().map(WarningRows.Row::facts).toList());
        StringBuilder ew = new StringBuilder();
        for (WarningRows.Row row : warned) {
            Pages.Facts f = row.facts();
            List<String> flags = row.flags().stream().map(WarningRows::text).toList();
            ew.append("<tr class=\"ew-row\"><td><a href=\"/student/").append(r.session.handle(row.entry().studentId())).append("\">")
                    .append(Html.esc(f.label())).append("</a>").append(f.idAfterName()).append("</td><td class=\"grade\">")
                    .append(f.grade().map(Html::esc).orElseGet(() -> Html.withheld(f.reason(Pages.GRADE)))).append("</td><td>")
                    .append(Html.esc(String.join("; ", flags))).append("</td></tr>");
        }
        b.append("<h2>Early-warning list for the team meeting</h2><p class=\"note\">Everyone Graduates Center indicators (attendance, behavior, "
                + "course performance) as of ").append(d.today).append(", from the data directory; only the indicators you may see.")
                .append(" A flagged student is listed only when the policy lets you see what flagged them, and a flag only when every "
                        + "record it is computed from is in your scope; how many are not listed is not said (a count of students you may "
                        + "not see is itself a disclosure).")
                .append("</p><table id=\"early-warning\"><tr><th>student</th><th>grade</th><th>flags</th></tr>").append(ew).append("</table>");
        return Html.page(d, r, "School trends", b.toString());
    }

    private static String month(AttendanceAggregate now, AttendanceAggregate before) {
        long enrolled = now.daysEnrolled() - before.daysEnrolled();
        if (enrolled <= 0) {
            return "–";
        }
        BigDecimal present = now.daysPresent().subtract(before.daysPresent());
        return Ratio.of(present, BigDecimal.valueOf(enrolled)).toPercentString(1) + "%";
    }

    // ---- interventions ----

    String interventions(Dashboard.Request r, Sessions.Viewer v) {
        SchoolId s = school(r, v);
        // Only the programs at this school that the viewer may see: all of them for a role at the school (or district-wide);
        // for a partner organization's staff, the programs their organization provides (their caseload's programs).
        boolean wholeSchool = v.districtWide() || v.organizations().contains(s.value());
        Set<String> providers = Set.copyOf(v.organizations());
        List<InterventionOutcome> outcomes = d.live.cached(List.of("outcomes", s, wholeSchool ? Set.of() : providers),
                pages.version.version().number(), () -> InterventionOutcomes.evaluate(Published.interventionsAt(data, s,
                        i -> wholeSchool || providers.contains(i.providerId().value())), d.year, 30, ChronicAbsenceDefinition.FEDERAL).outcomes());
        Optional<ProtectedTable> table = Published.programs(outcomes, d.live.rules);
        StringBuilder b = new StringBuilder();
        b.append(pages.schoolPicker(r, v, Optional.of(s), "/interventions"));
        b.append("<h2>Outcomes by intervention and provider at ").append(Html.esc(s.value())).append(", ").append(d.year.label())
                .append("</h2><p class=\"note\">The programs at this school ").append(wholeSchool ? "" : "that your organization provides ")
                .append("(participants of this school's programs only). Attendance in the 30 instructional days before and after each "
                        + "participant's start, against non-participants at the same school who were similarly at risk before (within 5 "
                        + "points, up to 3 each). Descriptive, not causal (docs/metrics.md). A program with a group under the minimum size ")
                .append(d.live.rules.minimumGroupSize()).append(" is suppressed, with the cells that would reveal it (")
                .append(Html.esc(d.live.rules.name())).append(" rules, as for a published table).</p>");
        b.append("<table id=\"outcomes\"><tr><th>intervention</th><th>provider</th><th>participants</th><th>measured</th><th>before</th>"
                + "<th>after</th><th>change</th><th>comparison before</th><th>after</th><th>change</th><th>difference</th></tr>");
        if (table.isEmpty() || table.get().status() == ProtectedTable.Status.REFUSED) {
            b.append("<tr><td colspan=\"11\">").append(table.isEmpty() ? "No program at this school that you may see."
                    : "The outcomes cannot be shown: the audit could not protect every small group.").append("</td></tr>");
        } else {
            WindowRates participants = WindowRates.EMPTY;
            WindowRates comparison = WindowRates.EMPTY;
            for (InterventionOutcome o : outcomes) {
                participants = participants.plus(o.participantRates());
                comparison = comparison.plus(o.comparisonRates());
                ProtectedCell cell = table.get().cell(Published.label(o));
                b.append("<tr class=\"outcome\"><td>").append(Html.esc(o.type().name())).append("</td><td>").append(Html.esc(o.providerId().value()))
                        .append("</td>");
                if (!Published.shown(cell)) {
                    b.append("<td class=\"num suppressed-row\" colspan=\"9\">").append(Published.marker(cell)).append("</td></tr>");
                    continue;
                }
                b.append("<td class=\"num\">").append(o.participants()).append("</td><td class=\"num\">").append(o.measured()).append("</td>");
                rates(b, o.participantRates(), o.comparisonRates(), o.differenceInPoints(1));
            }
            ProtectedCell all = table.get().cell(Published.ALL_PROGRAMS);
            b.append("<tr class=\"outcome-total\"><td colspan=\"2\">").append(Published.ALL_PROGRAMS).append("</td>");
            if (Published.shown(all)) {
                b.append("<td class=\"num\">").append(all.groupSize().orElseThrow()).append("</td><td class=\"num\">")
                        .append(all.count().orElseThrow()).append("</td>");
                rates(b, participants, comparison, Optional.empty());
            } else {
                b.append("<td class=\"num suppressed-row\" colspan=\"9\">").append(Published.marker(all)).append("</td></tr>");
            }
        }
        b.append("</table>");

        // Participants at this school this year, as far as this viewer may see each participation.
        Instant at = d.now();
        List<Pages.Facts> facts = new ArrayList<>();
        Set<StudentId> seen = new TreeSet<>((x, y) -> x.value().compareTo(y.value()));
        for (Intervention i : data.interventions()) {
            if (!i.schoolId().equals(s)) {
                continue;
            }
            for (InterventionParticipant p : data.interventionParticipants()) {
                if (p.interventionId().equals(i.id()) && d.year.contains(p.period().start()) && seen.add(p.studentId())) {
                    Decision decision = pages.version.decide(v, p.studentId(), at);
                    if (decision.permitsAny() && decision.permits(Pages.PARTICIPATION)) {
                        Pages.Facts f = pages.new Facts(p.studentId(), decision, PARTICIPANT_CATALOG);
                        if (f.shows(Pages.PARTICIPATION)) {
                            facts.add(f);
                        }
                    }
                }
            }
        }
        pages.disclose(facts);
        StringBuilder rows = new StringBuilder();
        for (Pages.Facts f : facts) {
            for (JsonNode n : f.list(Pages.PARTICIPATION)) {
                String startText = n.path("start").asString("");
                rows.append("<tr class=\"participant-row\"><td><a href=\"/student/").append(r.session.handle(f.id)).append("\">")
                        .append(Html.esc(f.label())).append("</a>").append(f.idAfterName()).append("</td><td>").append(Html.esc(n.path("type").asString()))
                        .append("</td><td>").append(Html.esc(startText)).append("</td><td>").append(Html.esc(n.path("end").asString("")))
                        .append("</td><td>").append(Html.esc(n.path("status").asString())).append("</td>");
                if (f.visible(Pages.ATTENDANCE) && !startText.isEmpty() && n.path("school_id").asString("").equals(s.value())) {
                    Ratio[] ba = beforeAfter(f, s, LocalDate.parse(startText));
                    rows.append("<td class=\"num\">").append(ba[0] == null ? "–" : ba[0].toPercentString(1) + "%").append("</td><td class=\"num\">")
                            .append(ba[1] == null ? "–" : ba[1].toPercentString(1) + "%").append("</td>");
                } else {
                    rows.append("<td>").append(Html.withheld(f.reason(Pages.ATTENDANCE))).append("</td><td>")
                            .append(Html.withheld(f.reason(Pages.ATTENDANCE))).append("</td>");
                }
                rows.append("</tr>");
            }
        }
        b.append("<h2>Participants at ").append(Html.esc(s.value())).append(", ").append(d.year.label()).append("</h2><p class=\"note\">"
                + "The participations you may see, with attendance in the 30 instructional days before and after the start (to today).</p>"
                + "<table id=\"participants\"><tr><th>student</th><th>intervention</th><th>from</th><th>to</th><th>status</th>"
                + "<th>attendance before</th><th>after</th></tr>").append(rows).append("</table>");
        return Html.page(d, r, "Interventions", b.toString());
    }

    /**
     * Attendance in the 30 instructional days of {@code school} before and from {@code start} (to today), from the days
     * and records in the scope of the viewer's attendance grants only.
     */
    private Ratio[] beforeAfter(Pages.Facts student, SchoolId school, LocalDate start) {
        List<LocalDate> days = data.calendar(school).days().stream().filter(d.year::contains).toList();
        int idx = 0;
        while (idx < days.size() && days.get(idx).isBefore(start)) {
            idx++;
        }
        Ratio[] out = new Ratio[2];
        if (idx > 0) {
            LocalDate from = days.get(Math.max(0, idx - 30)).minusDays(1);
            LocalDate to = days.get(idx - 1);
            out[0] = window(student, from, to);
        }
        if (idx < days.size() && !days.get(idx).isAfter(d.today)) {
            LocalDate last = days.get(Math.min(days.size() - 1, idx + 29));
            out[1] = window(student, days.get(idx).minusDays(1), last.isAfter(d.today) ? d.today : last);
        }
        return out;
    }

    private Ratio window(Pages.Facts student, LocalDate exclusiveFrom, LocalDate to) {
        AttendanceAggregate a = student.attendance(exclusiveFrom).orElseThrow();
        AttendanceAggregate b = student.attendance(to).orElseThrow();
        long enrolled = b.daysEnrolled() - a.daysEnrolled();
        return enrolled <= 0 ? null : Ratio.of(b.daysPresent().subtract(a.daysPresent()), BigDecimal.valueOf(enrolled));
    }

    private static void rates(StringBuilder b, WindowRates participants, WindowRates comparison, Optional<BigDecimal> difference) {
        b.append("<td class=\"num\">").append(Html.pct(participants.before())).append("</td><td class=\"num\">").append(Html.pct(participants.after()))
                .append("</td><td class=\"num\">").append(points(participants.changeInPoints(1))).append("</td><td class=\"num\">")
                .append(Html.pct(comparison.before())).append("</td><td class=\"num\">").append(Html.pct(comparison.after()))
                .append("</td><td class=\"num\">").append(points(comparison.changeInPoints(1))).append("</td><td class=\"num\">")
                .append(points(difference)).append("</td></tr>");
    }

    private static String points(Optional<BigDecimal> p) {
        return p.map(x -> (x.signum() > 0 ? "+" : "") + x.toPlainString()).orElse("–");
    }

    // ---- the disclosure log ----

    String log(Dashboard.Request r, Sessions.Viewer v) {
        if (!v.roles().contains(StaffRole.DISTRICT_ADMIN)) {
            throw new Dashboard.Refused(403, "the record of disclosures is for district administrators; your role (" + v.roleLabel()
                    + ") may not read it");
        }
        Optional<Checkpoint> head = d.sink.checkpoint();
        VerificationReport report = head.isPresent() ? DisclosureLogs.verify(d.logFile, head.get()) : DisclosureLogs.verify(d.logFile);
        StringBuilder b = new StringBuilder();
        b.append("<p id=\"verification\" class=\"card ").append(report.isIntact() ? "ok" : "bad").append("\">")
                .append(report.isIntact() ? "Verified: the hash chain of all " + report.intactLines() + " entries is intact"
                        + head.map(h -> " up to the head checkpoint " + h).orElse("") + "."
                        : "NOT intact: " + Html.esc(report.toString()))
                .append("</p>");
        Deque<JsonNode> last = new ArrayDeque<>();
        try (BufferedReader in = Files.newBufferedReader(d.logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                last.addLast(Json.MAPPER.readTree(line));
                if (last.size() > 200) {
                    last.removeFirst();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b.append("<p class=\"note\">The latest ").append(last.size()).append(" entries, newest first. Entries hold identifiers and field paths, "
                + "never values (docs/privacy-disclosure-log.md).</p><table id=\"log\"><tr><th>#</th><th>at</th><th>requester</th><th>organization</th>"
                + "<th>student</th><th>fields</th><th>purpose</th><th>legal basis</th><th>99.32 record</th></tr>");
        List<JsonNode> rows = new ArrayList<>(last);
        java.util.Collections.reverse(rows);
        for (JsonNode n : rows) {
            List<String> fields = new ArrayList<>();
            n.path("fields").values().forEach(x -> fields.add(x.asString()));
            b.append("<tr class=\"log-row\"><td class=\"num\">").append(n.path("seq").asString()).append("</td><td>").append(Html.esc(n.path("at").asString("")))
                    .append("</td><td>").append(Html.esc(n.path("requester").asString(""))).append("</td><td>")
                    .append(Html.esc(n.path("requester_organization").asString(""))).append("</td><td>").append(Html.esc(n.path("student").asString("")))
                    .append("</td><td>").append(Html.esc(String.join(", ", fields))).append("</td><td>").append(Html.esc(n.path("purpose").asString("")))
                    .append("</td><td>").append(Html.esc(n.path("legal_basis").asString(n.path("kind").asString("")))).append("</td><td>")
                    .append(n.path("ferpa_record").asBoolean(false) ? "yes" : "exempt").append("</td></tr>");
        }
        b.append("</table>");
        return Html.page(d, r, "Disclosure log", b.toString());
    }
}
