package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceTier;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Access;
import org.communityschools.privacy.policy.Decision;

/** "My students": the viewer's students decided one by one, with the figures of each from records in scope, sortable. */
final class StudentList {
    private final Pages p;
    private final Dashboard d;
    private final DistrictData data;

    StudentList(Pages pages) {
        this.p = pages;
        this.d = pages.d;
        this.data = pages.data;
    }

    /** The students on the page: this viewer's, decided one by one for the session's purpose. */
    private List<StudentId> candidates(Sessions.Viewer v, Instant at, Optional<SchoolId> school) {
        if (v.districtWide()) {
            SchoolId s = school.orElseThrow();
            return data.enrollmentsAt(s).stream().filter(e -> e.isEnrolledOn(d.today)).map(Enrollment::studentId).distinct()
                    .sorted(Comparator.comparing(StudentId::value)).toList();
        }
        // "What can I see and why" for this person, for the session's purpose; with a school shown, only that school's
        // students (enrolled there this year up to today), so that one school's figures never head another's students
        return p.version.engine().whatCanISee(v.staff(), at).stream().filter(a -> a.purpose().equals(v.purpose())).map(Access::student)
                .distinct().filter(student -> school.isEmpty() || enrolledThisYearAt(student, school.get())).toList();
    }

    /** Whether the student was enrolled at the school in the current school year up to today. */
    private boolean enrolledThisYearAt(StudentId student, SchoolId school) {
        org.communityschools.core.model.DateRange yearToDate = org.communityschools.core.model.DateRange.closed(d.year.firstDay(), d.today);
        return data.enrollmentsOf(student).stream().anyMatch(e -> e.schoolId().equals(school) && e.period().overlaps(yearToDate));
    }
    private record Row(Pages.Facts facts, String handle, Optional<Ratio> rate, Optional<AttendanceTier> tier, Optional<Integer> incidents,
                       Optional<Integer> failing, Optional<Integer> open) {}

    String page(Dashboard.Request r, Sessions.Viewer v) {
        Instant at = d.now();
        Optional<SchoolId> school = p.selectedSchool(r, v);
        List<Pages.Facts> facts = new ArrayList<>();
        if (!v.districtWide() || school.isPresent()) {
            for (StudentId s : candidates(v, at, school)) {
                Decision decision = p.version.decide(v, s, at);
                if (!decision.permitsAny()) {
                    continue;
                }
                Pages.Facts f = p.new Facts(s, decision, Pages.ROW_CATALOG);
                if (!f.shown.isEmpty()) {
                    facts.add(f);
                }
            }
        }
        p.disclose(facts);
        List<Row> rows = new ArrayList<>();
        for (Pages.Facts f : facts) {
            Optional<AttendanceAggregate> a = f.attendance();
            Optional<Ratio> rate = a.flatMap(AttendanceAggregate::attendanceRate);
            Optional<AttendanceTier> tier = a.flatMap(AttendanceAggregate::absenceRate).filter(x -> a.get().counted() > 0)
                    .map(AttendanceTier::of);
            rows.add(new Row(f, r.session.handle(f.id), rate, tier,
                    f.visible(Pages.INCIDENTS) ? Optional.of(f.incidentsThisYear().size()) : Optional.empty(),
                    f.visible(Pages.MARKS) ? Optional.of((int) f.marksThisYear().stream().filter(m -> "FAIL".equals(m.path("result").asString()))
                            .map(m -> m.path("course_code").asString()).distinct().count())
                            : Optional.empty(),
                    f.visible(Pages.PARTICIPATION) ? Optional.of(f.openParticipations().size()) : Optional.empty()));
        }
        String sort = r.param("sort").isEmpty() ? "rate" : r.param("sort");
        boolean desc = r.param("dir").equals("desc");
        Map<String, Comparator<Row>> by = new LinkedHashMap<>();
        by.put("name", nullsLast(x -> x.facts.name().orElse(null)));
        by.put("rate", nullsLast(x -> x.rate.orElse(null)));
        by.put("tier", nullsLast(x -> x.tier.orElse(null)));
        by.put("incidents", nullsLast(x -> x.incidents.orElse(null)));
        by.put("failing", nullsLast(x -> x.failing.orElse(null)));
        by.put("interventions", nullsLast(x -> x.open.orElse(null)));
        Comparator<Row> order = by.getOrDefault(sort, by.get("rate"));
        rows.sort(desc ? reversedKeepingNullsLast(order, sort) : order);

        StringBuilder b = new StringBuilder();
        b.append(p.schoolPicker(r, v, school, "/students"));
        school.ifPresent(s -> b.append(p.schoolFigures(s)));
        b.append("<form method=\"post\" action=\"/students/find\" id=\"find\">").append(Html.csrf(r))
                .append("<label for=\"student_id\">Open a student by id</label> <input name=\"student_id\" id=\"student_id\" "
                        + "autocomplete=\"off\" maxlength=\"32\"> <button type=\"submit\" id=\"find-button\">Open</button> "
                        + "<span class=\"note\">(sent in the request body, never in the address)</span></form>\n");
        b.append("<p id=\"count\">").append(rows.size()).append(rows.size() == 1 ? " student" : " students")
                .append(" you may see today, for the purpose <b>").append(Html.esc(v.purpose().code())).append("</b>.</p>\n");
        if (!rows.isEmpty()) {
            Pages.Facts first = rows.get(0).facts;
            List<String> hidden = new ArrayList<>();
            for (FieldPath f : List.of(Pages.NAME, Pages.ATTENDANCE, Pages.INCIDENTS, Pages.MARKS, Pages.PARTICIPATION)) {
                if (!first.visible(f)) {
                    hidden.add(f + ": " + first.reason(f));
                }
            }
            if (!hidden.isEmpty()) {
                b.append("<p class=\"note\" id=\"withheld-columns\">Withheld from you: ").append(Html.esc(String.join("; ", hidden))).append("</p>\n");
            }
        }
        b.append("<table id=\"students\"><tr>");
        header(b, r, school, "name", "student", sort, desc);
        b.append("<th>grade</th>");
        header(b, r, school, "rate", "attendance rate", sort, desc);
        header(b, r, school, "tier", "chronic-absence tier", sort, desc);
        header(b, r, school, "incidents", "incidents this year", sort, desc);
        header(b, r, school, "failing", "failing courses", sort, desc);
        header(b, r, school, "interventions", "open interventions", sort, desc);
        b.append("</tr>\n");
        for (Row row : rows) {
            Pages.Facts f = row.facts;
            b.append("<tr class=\"student-row\"><td><a class=\"student-link\" href=\"/student/").append(row.handle).append("\">")
                    .append(Html.esc(f.label())).append("</a>").append(f.idAfterName()).append("</td><td>")
                    .append(f.grade().map(Html::esc).orElseGet(() -> Html.withheld(f.reason(Pages.GRADE)))).append("</td>");
            cell(b, f, Pages.ATTENDANCE, row.rate.map(x -> x.toPercentString(1) + "%"), "rate");
            cell(b, f, Pages.ATTENDANCE, row.tier.map(Pages::tierLabel), "tier");
            cell(b, f, Pages.INCIDENTS, row.incidents.map(String::valueOf), "incidents");
            cell(b, f, Pages.MARKS, row.failing.map(String::valueOf), "failing");
            cell(b, f, Pages.PARTICIPATION, row.open.map(String::valueOf), "interventions");
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        return Html.page(d, r, "My students", b.toString());
    }

    private static void cell(StringBuilder b, Pages.Facts f, FieldPath field, Optional<String> value, String cls) {
        b.append("<td class=\"num ").append(cls).append("\">");
        if (!f.visible(field)) {
            b.append(Html.withheld(f.reason(field)));
        } else {
            b.append(Html.esc(value.orElse("–")));
        }
        b.append("</td>");
    }

    private static void header(StringBuilder b, Dashboard.Request r, Optional<SchoolId> school, String key, String label, String sort,
                               boolean desc) {
        boolean current = key.equals(sort);
        String dir = current && !desc ? "desc" : "asc";
        b.append("<th><a id=\"sort-").append(key).append("\" href=\"/students?sort=").append(key).append("&amp;dir=").append(dir);
        school.ifPresent(s -> b.append("&amp;school=").append(Html.esc(s.value())));
        b.append("\">").append(Html.esc(label)).append(current ? (desc ? " ▼" : " ▲") : "").append("</a></th>");
    }

    private static <T extends Comparable<? super T>> Comparator<Row> nullsLast(Function<Row, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static Comparator<Row> reversedKeepingNullsLast(Comparator<Row> order, String sort) {
        return (a, b) -> {
            boolean an = missing(a, sort);
            boolean bn = missing(b, sort);
            if (an != bn) {
                return an ? 1 : -1;
            }
            return order.compare(b, a);
        };
    }

    private static boolean missing(Row r, String sort) {
        return switch (sort) {
            case "name" -> r.facts.name().isEmpty();
            case "tier" -> r.tier.isEmpty();
            case "incidents" -> r.incidents.isEmpty();
            case "failing" -> r.failing.isEmpty();
            case "interventions" -> r.open.isEmpty();
            default -> r.rate.isEmpty();
        };
    }
}
