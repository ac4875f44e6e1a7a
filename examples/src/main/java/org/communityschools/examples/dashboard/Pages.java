package org.communityschools.examples.dashboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceTier;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Denial;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.StudentRecordView;
import org.communityschools.privacy.view.Withheld;
import tools.jackson.databind.JsonNode;

/** The student pages: my students, one student side by side, finding a student, recording attendance. */
final class Pages {
    static final FieldPath STUDENT_ID = FieldPath.of("identity.studentId");
    static final FieldPath NAME = FieldPath.of("identity.name");
    static final FieldPath GRADE = FieldPath.of("directory.gradeLevel");
    static final FieldPath SCHOOL = FieldPath.of("directory.school");
    static final FieldPath ATTENDANCE = FieldPath.of("attendance.records");
    static final FieldPath INCIDENTS = FieldPath.of("behavior.incidents");
    static final FieldPath ACTION = FieldPath.of("behavior.incidents.action");
    static final FieldPath DESCRIPTION = FieldPath.of("behavior.incidents.description");
    static final FieldPath MARKS = FieldPath.of("coursework.marks");
    static final FieldPath PARTICIPATION = FieldPath.of("interventions.participation");
    static final FieldPath GOAL = FieldPath.of("interventions.participation.goal");

    /** The fields a row of "my students" shows (when the view shows them): its view holds nothing else. */
    static final Set<FieldPath> ROW_FIELDS = Set.of(STUDENT_ID, NAME, GRADE, ATTENDANCE, INCIDENTS, MARKS, PARTICIPATION);
    /** The fields the student page shows (when the view shows them): its view holds nothing else. */
    static final Set<FieldPath> PAGE_FIELDS = Set.of(STUDENT_ID, NAME, GRADE, SCHOOL, ATTENDANCE, INCIDENTS, ACTION, DESCRIPTION,
            MARKS, PARTICIPATION, GOAL);
    /** The field behind the student's rate in the answer to recording attendance. */
    static final Set<FieldPath> RATE_FIELDS = Set.of(ATTENDANCE);
    static final FieldCatalog ROW_CATALOG = catalog(ROW_FIELDS);
    static final FieldCatalog PAGE_CATALOG = catalog(PAGE_FIELDS);
    static final FieldCatalog RATE_CATALOG = catalog(RATE_FIELDS);

    /** The view's reason for a permitted field with nothing on record (docs/privacy-view.md). */
    private static final String NO_VALUE = "no value in this student's records";

    final Dashboard d;
    /** The version of the data this request's pages read, with the policy engine of that version. */
    final LiveData.At version;
    final DistrictData data;

    Pages(Dashboard d, LiveData.At version) {
        this.d = d;
        this.version = version;
        this.data = version.data();
    }

    /**
     * One student as this viewer may see them on one page: the decision, the record view of exactly the fields the
     * page renders ({@link #catalog}), its text once disclosed, and the figures derived from records in scope. The text
     * is readable only after {@link #disclose} recorded it: record first, then show.
     */
    final class Facts {
        final StudentId id;
        final Decision decision;
        final StudentRecordView view;
        final Set<FieldPath> shown;
        private JsonNode tree;
        private AttendanceAccumulator attendance;

        Facts(StudentId id, Decision decision, FieldCatalog catalog) {
            this(id, decision, StudentRecordView.of(data, decision, catalog));
        }

        /** A view whose meeting rows are only the steps and agenda items a page shows (and the viewer may see). */
        Facts(StudentId id, Decision decision, FieldCatalog catalog, java.util.function.Predicate<ActionStep> steps,
              java.util.function.Predicate<AgendaItem> items) {
            this(id, decision, StudentRecordView.ofMeetingRows(data, decision, catalog, steps, items));
        }

        private Facts(StudentId id, Decision decision, StudentRecordView view) {
            this.id = id;
            this.decision = decision;
            this.view = view;
            this.shown = view.shownFields();
        }

        boolean shows(FieldPath f) {
            return shown.contains(f);
        }

        /** Shown, or permitted with nothing on record (the view leaves such a field out: no value is no disclosure). */
        boolean visible(FieldPath f) {
            return shown.contains(f) || NO_VALUE.equals(view.absentFields().get(f));
        }

        /** Why a field is not shown: the policy's denial, or the view's reason for leaving a permitted field out. */
        String reason(FieldPath f) {
            return decision.denialReason(f).orElseGet(() -> view.absentFields().getOrDefault(f, "not shown to you"));
        }

        JsonNode field(FieldPath f) {
            if (tree == null) {
                throw new IllegalStateException("a view is read only after its disclosure was recorded");
            }
            List<String> s = f.segments();
            return tree.path(categoryKey(s.get(0))).path(s.get(1));
        }

        Optional<String> name() {
            if (!shows(NAME)) {
                return Optional.empty();
            }
            JsonNode n = field(NAME);
            if (n.has("initials")) {
                return Optional.of(n.path("initials").asString());
            }
            return Optional.of(n.path("first_name").asString() + " " + n.path("last_name").asString());
        }

        String label() {
            return name().orElse(shows(STUDENT_ID) ? field(STUDENT_ID).asString() : "Student (identity withheld)");
        }

        /** The student id after the name, when both are shown (the label shows the id alone otherwise), as HTML. */
        String idAfterName() {
            return name().isPresent() && shows(STUDENT_ID)
                    ? " <span class=\"note student-id\">" + Html.esc(field(STUDENT_ID).asString()) + "</span>" : "";
        }

        /** The grade level as the view shows it (the latest enrollment in scope). */
        Optional<String> grade() {
            return shows(GRADE) ? Optional.of(field(GRADE).asString()) : Optional.empty();
        }

        /** Year to date as of {@code asOf}, from the days and records in the scope of the attendance grants only. */
        Optional<AttendanceAggregate> attendance(LocalDate asOf) {
            if (!shows(ATTENDANCE) && !visible(ATTENDANCE)) {
                return Optional.empty();
            }
            if (attendance == null) {
                attendance = InScope.attendance(data, decision, d.year);
            }
            return Optional.of(attendance.students(List.of(id), asOf));
        }

        Optional<AttendanceAggregate> attendance() {
            return attendance(d.today);
        }

        List<JsonNode> list(FieldPath f) {
            List<JsonNode> out = new ArrayList<>();
            if (shows(f)) {
                field(f).values().forEach(out::add);
            }
            return out;
        }

        List<JsonNode> incidentsThisYear() {
            return list(INCIDENTS).stream().filter(n -> inYear(n.path("date").asString())).toList();
        }

        List<JsonNode> marksThisYear() {
            return list(MARKS).stream().filter(Pages.this::thisYear).toList();
        }

        List<JsonNode> openParticipations() {
            return list(PARTICIPATION).stream().filter(n -> {
                String start = n.path("start").asString("");
                String end = n.path("end").asString("");
                return !start.isEmpty() && !LocalDate.parse(start).isAfter(d.today)
                        && (end.isEmpty() || !LocalDate.parse(end).isBefore(d.today));
            }).toList();
        }
    }

    /** A catalog of exactly {@code fields} (as the default catalog defines them): a page's view writes nothing else. */
    static FieldCatalog catalog(Set<FieldPath> fields) {
        FieldCatalog all = FieldCatalog.defaultCatalog();
        FieldCatalog.Builder b = FieldCatalog.builder();
        new TreeSet<>(fields).forEach(f -> all.field(f).ifPresent(b::add));
        return b.build();
    }

    /**
     * Records the disclosure of the views of {@code facts} (those that show something), then makes their texts
     * readable; throws {@link Dashboard.Refused} when the log cannot record them, and then nothing is readable.
     */
    void disclose(List<Facts> facts) {
        List<Facts> showing = facts.stream().filter(f -> !f.view.isEmpty()).toList();
        List<DisclosedView> texts = d.disclose(showing.stream().map(f -> f.view).toList());
        for (int i = 0; i < showing.size(); i++) {
            showing.get(i).tree = Json.MAPPER.readTree(texts.get(i).json());
        }
        facts.stream().filter(f -> f.view.isEmpty()).forEach(f -> f.tree = Json.MAPPER.createObjectNode());
    }

    private boolean thisYear(JsonNode mark) {
        String y = mark.path("school_year").asString();
        return d.year.label().equals(y) || String.valueOf(d.year.endYear()).equals(y);
    }

    private boolean inYear(String date) {
        if (date.isEmpty()) {
            return false;
        }
        LocalDate x = LocalDate.parse(date);
        return d.year.contains(x) && !x.isAfter(d.today);
    }

    static String categoryKey(String root) {
        return switch (root) {
            case "specialEducation" -> "special_education";
            case "mealEligibility" -> "meal_eligibility";
            case "caseNotes" -> "case_notes";
            case "assessments" -> "assessment";
            default -> root;
        };
    }

    // ---- my students (StudentList) ----

    String students(Dashboard.Request r, Sessions.Viewer v) {
        return new StudentList(this).page(r, v);
    }

    Optional<SchoolId> selectedSchool(Dashboard.Request r, Sessions.Viewer v) {
        String p = r.param("school");
        if (!p.isEmpty()) {
            return Optional.of(v.schools().stream().filter(s -> s.value().equals(p)).findFirst()
                    .orElseThrow(() -> new Dashboard.Refused(403, "that school is not one whose figures you may see")));
        }
        return v.schools().stream().findFirst();
    }

    static String tierLabel(AttendanceTier t) {
        return t.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    String schoolPicker(Dashboard.Request r, Sessions.Viewer v, Optional<SchoolId> school, String action) {
        if (v.schools().size() <= 1) {
            return "";
        }
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"" + action + "\" id=\"school-picker\"><label for=\"school\">School</label> "
                + "<select name=\"school\" id=\"school\">");
        for (SchoolId s : v.schools()) {
            b.append("<option value=\"").append(Html.esc(s.value())).append('"').append(school.filter(s::equals).isPresent() ? " selected" : "")
                    .append('>').append(Html.esc(s.value() + " " + data.school(s).map(x -> x.name()).orElse(""))).append("</option>");
        }
        return b.append("</select> <button type=\"submit\">Show</button></form>\n").toString();
    }

    /**
     * The school's figures as of today from the live figures (what recording an event changes at once), shown only when
     * the school's cell of the protected schools table is published ({@link Published}).
     */
    String schoolFigures(SchoolId s) {
        String head = "<p id=\"school-figures\" class=\"card\">" + Html.esc(s.value() + " " + data.school(s).map(x -> x.name()).orElse(""))
                + (data.isCommunitySchool(s, d.year) ? " (community school)" : "") + ", " + d.year.label() + " to " + d.today + ": ";
        Optional<ProtectedCell> cell = Published.school(d.live.schools(data, d.today), s);
        if (cell.isEmpty() || !Published.shown(cell.get())) {
            String marker = cell.map(Published::marker).orElse("–");
            return head + "attendance rate <b id=\"school-attendance-rate\">" + marker + "</b>, chronically absent <b id=\"school-chronic-rate\">"
                    + marker + "</b> (" + cell.map(Published::why).orElse("no student counted") + ")</p>\n";
        }
        AttendanceAggregate a = d.live.figures.school(s, d.today);
        return head + "attendance rate <b id=\"school-attendance-rate\">" + Html.pct(a.attendanceRate()) + "</b> (<span id=\"school-days-present\">"
                + Html.esc(a.daysPresent().stripTrailingZeros().toPlainString()) + "</span> of " + a.daysEnrolled() + " days enrolled), "
                + "chronically absent <b id=\"school-chronic-rate\">" + Published.text(cell.get()) + "</b> (students counted, EDFacts FS195)</p>\n";
    }

    // ---- finding a student by id (POST: the id never appears in an address) ----

    /** The one answer for a missing and for a forbidden student id. */
    static final String NOT_FOUND_OR_FORBIDDEN = "no student with this id that you may see today";

    String find(Dashboard.Request r, Sessions.Viewer v, String id) {
        if (id.isEmpty() || id.length() > 32) {
            throw new Dashboard.Refused(400, "enter a student id");
        }
        Instant at = d.now();
        StudentId s;
        try {
            s = StudentId.of(id);
        } catch (IllegalArgumentException e) {
            throw new Dashboard.Refused(400, "not a well-formed student id");
        }
        // the same answer for a student who does not exist and one the viewer may not see: ids cannot be enumerated
        if (data.student(s).isEmpty() || !version.decide(v, s, at).permitsAny()) {
            throw new Dashboard.Refused(403, NOT_FOUND_OR_FORBIDDEN);
        }
        return r.session.handle(s);
    }

    static String denialSummary(Decision decision) {
        return decision.denials().stream().map(Denial::reason).distinct().limit(2).collect(Collectors.joining("; "));
    }

    // ---- one student side by side ----

    String student(Dashboard.Request r, Sessions.Viewer v, String handle) {
        StudentId s = r.session.student(handle).orElseThrow(() -> new Dashboard.Refused(403,
                "this student link was not issued to you in this session: student links are opaque handles valid only for the "
                        + "person they were shown to; open the student from your list"));
        Instant at = d.now();
        Decision decision = version.decide(v, s, at);
        if (!decision.permitsAny()) {
            throw new Dashboard.Refused(403, "you may not see this student's records today: " + denialSummary(decision));
        }
        Facts f = new Facts(s, decision, PAGE_CATALOG);
        disclose(List.of(f));

        StringBuilder b = new StringBuilder();
        b.append("<p id=\"identity\">");
        b.append(f.shows(NAME) ? "<b id=\"student-name\">" + Html.esc(f.name().orElse("")) + "</b>" : "Name " + Html.withheld(f.reason(NAME)));
        b.append(" · id ").append(f.shows(STUDENT_ID) ? "<span id=\"student-id\">" + Html.esc(f.field(STUDENT_ID).asString()) + "</span>"
                : Html.withheld(f.reason(STUDENT_ID)));
        b.append(" · grade ").append(f.grade().map(g -> "<span id=\"student-grade\">" + Html.esc(g) + "</span>")
                .orElseGet(() -> Html.withheld(f.reason(GRADE))));
        b.append(" · school ").append(f.shows(SCHOOL) ? "<span id=\"student-school\">" + Html.esc(String.join(", ",
                f.list(SCHOOL).stream().map(JsonNode::asString).toList())) + "</span>" : Html.withheld(f.reason(SCHOOL)));
        b.append("</p>\n<div class=\"grid\">\n");

        // Attendance: figures from the days and records in scope only; every record of the view is listed.
        b.append("<section class=\"card\" id=\"attendance\"><h3>Attendance</h3>");
        if (f.visible(ATTENDANCE)) {
            AttendanceAggregate a = f.attendance().orElseThrow();
            Optional<AttendanceTier> tier = a.absenceRate().filter(x -> a.counted() > 0).map(AttendanceTier::of);
            b.append("<p>Attendance rate <b id=\"student-attendance-rate\">").append(Html.pct(a.attendanceRate())).append("</b> (<span id=\"student-days-present\">")
                    .append(Html.esc(a.daysPresent().stripTrailingZeros().toPlainString())).append("</span> of <span id=\"student-days-enrolled\">")
                    .append(a.daysEnrolled()).append("</span> days enrolled that you may see, ").append(d.year.label()).append(" to ")
                    .append(d.today).append(")");
            tier.ifPresent(t -> b.append(" · <span class=\"tier-").append(tierLabel(t).replace(' ', '-')).append("\" id=\"student-tier\">")
                    .append(tierLabel(t)).append("</span>"));
            b.append("</p>");
            b.append(Charts.weekly(weekly(f)));
            // every record of the view, those recorded in the dashboard among them (a change like any other)
            List<String[]> listed = new ArrayList<>();
            for (JsonNode n : f.list(ATTENDANCE)) {
                listed.add(new String[] {n.path("date").asString(), n.path("category").asString(), n.path("duration").asString()});
            }
            listed.sort(Comparator.comparing((String[] x) -> x[0]).reversed());
            long thisYear = listed.stream().filter(x -> inYear(x[0])).count();
            b.append("<details><summary id=\"attendance-records\">").append(listed.size()).append(" attendance records you may see, ")
                    .append(thisYear).append(" this year</summary><table><tr><th>date</th><th>category</th><th>share of day</th></tr>");
            for (String[] x : listed) {
                b.append("<tr class=\"attendance-record\"><td>").append(Html.esc(x[0])).append("</td><td>").append(Html.esc(x[1]))
                        .append("</td><td class=\"num\">").append(Html.esc(x[2])).append("</td></tr>");
            }
            b.append("</table></details>");
            b.append(recordForm(r, v, f, handle));
        } else {
            b.append("<p>").append(Html.withheld(f.reason(ATTENDANCE))).append(" ").append(Html.esc(f.reason(ATTENDANCE))).append("</p>");
        }
        b.append("</section>\n");

        // Behavior
        b.append("<section class=\"card\" id=\"behavior\"><h3>Behavior incidents</h3>");
        if (f.visible(INCIDENTS)) {
            List<JsonNode> incidents = f.list(INCIDENTS);
            b.append(incidents.isEmpty() ? "<table hidden>" : "<table><tr><th>date</th><th>behavior</th><th>action</th><th>description</th></tr>");
            for (JsonNode n : incidents.stream().sorted(Comparator.comparing((JsonNode n) -> n.path("date").asString()).reversed()).toList()) {
                b.append("<tr class=\"incident\"><td>").append(Html.esc(n.path("date").asString())).append("</td><td>").append(Html.esc(n.path("behavior").asString()))
                        .append("</td><td>");
                b.append(f.shows(ACTION) ? Html.esc(n.path("action").path("type").asString("") + " " + n.path("action").path("days").asString(""))
                        : Html.withheld(f.reason(ACTION)));
                b.append("</td><td>").append(f.shows(DESCRIPTION) ? Html.esc(n.path("description").asString("")) : Html.withheld(f.reason(DESCRIPTION)))
                        .append("</td></tr>");
            }
            b.append("</table><p class=\"note\">").append(incidents.size()).append(" incidents you may see, ")
                    .append(f.incidentsThisYear().size()).append(" this year.</p>");
        } else {
            b.append("<p>").append(Html.withheld(f.reason(INCIDENTS))).append(" ").append(Html.esc(f.reason(INCIDENTS))).append("</p>");
        }
        b.append("</section>\n");

        // Coursework: this year's marks first, then the earlier ones the view holds.
        b.append("<section class=\"card\" id=\"coursework\"><h3>Course marks</h3>");
        if (f.visible(MARKS)) {
            List<JsonNode> marks = new ArrayList<>(f.list(MARKS));
            marks.sort(Comparator.comparing((JsonNode n) -> n.path("school_year").asString()).reversed());
            b.append(f.marksThisYear().isEmpty() ? "<p class=\"note\">None on record this year (" + d.year.label() + ") that you may see.</p>" : "");
            b.append(marks.isEmpty() ? "<table hidden>" : "<table>");
            b.append("<tr><th>school year</th><th>course</th><th>term</th><th>mark</th><th>result</th></tr>");
            for (JsonNode n : marks) {
                String result = n.path("result").asString();
                b.append("<tr class=\"mark").append(thisYear(n) ? " this-year" : "").append("\"><td>").append(Html.esc(n.path("school_year").asString()))
                        .append("</td><td>").append(Html.esc(n.path("course_title").asString())).append("</td><td>").append(Html.esc(n.path("term").asString()))
                        .append("</td><td class=\"num\">").append(Html.esc(n.path("numeric_mark").asString(n.path("letter_mark").asString(""))))
                        .append("</td><td class=\"").append("FAIL".equals(result) ? "bad" : "").append("\">").append(Html.esc(result)).append("</td></tr>");
            }
            b.append("</table>");
        } else {
            b.append("<p>").append(Html.withheld(f.reason(MARKS))).append(" ").append(Html.esc(f.reason(MARKS))).append("</p>");
        }
        b.append("</section>\n");

        // Interventions
        b.append("<section class=\"card\" id=\"interventions\"><h3>Interventions</h3>");
        if (f.visible(PARTICIPATION)) {
            b.append(f.list(PARTICIPATION).isEmpty() ? "<table hidden>" : "<table>");
            b.append("<tr><th>type</th><th>provider</th><th>from</th><th>to</th><th>status</th><th>goal</th></tr>");
            for (JsonNode n : f.list(PARTICIPATION)) {
                b.append("<tr class=\"participation\"><td>").append(Html.esc(n.path("type").asString())).append("</td><td>").append(Html.esc(n.path("provider_id").asString()))
                        .append("</td><td>").append(Html.esc(n.path("start").asString())).append("</td><td>").append(Html.esc(n.path("end").asString("")))
                        .append("</td><td>").append(Html.esc(n.path("status").asString())).append("</td><td>")
                        .append(f.shows(GOAL) ? Html.esc(n.path("goal").asString("")) : Html.withheld(f.reason(GOAL))).append("</td></tr>");
            }
            b.append("</table>");
            if (f.list(PARTICIPATION).isEmpty()) {
                b.append("<p class=\"note\">None that you may see.</p>");
            }
        } else {
            b.append("<p>").append(Html.withheld(f.reason(PARTICIPATION))).append(" ").append(Html.esc(f.reason(PARTICIPATION))).append("</p>");
        }
        b.append("</section>\n</div>\n");

        // What is withheld, and why
        b.append("<section class=\"card\" id=\"withheld\"><h3>Withheld from you, and why</h3><ul>");
        for (Denial den : decision.denials()) {
            b.append("<li class=\"withheld-category\" data-category=\"").append(den.category().name().toLowerCase(Locale.ROOT)).append("\"><b>")
                    .append(Html.esc(den.category().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</b>: ")
                    .append(Html.esc(den.reason())).append("</li>");
        }
        for (Withheld w : f.view.withheld()) {
            b.append("<li class=\"withheld-records\">").append(Html.esc(w.describe())).append("</li>");
        }
        f.view.maskedFields().forEach((field, mask) -> b.append("<li><b>").append(Html.esc(field.value())).append("</b>: masked (")
                .append(Html.esc(mask.name())).append(") by the granting rule</li>"));
        b.append("</ul><p class=\"note\">Granted: ").append(Html.esc(decision.permittedCategories().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))).append(", under ")
                .append(Html.esc(decision.grants().stream().map(g -> g.basis().name() + " (" + g.ruleId() + ")").distinct()
                        .collect(Collectors.joining(", ")))).append(".</p></section>\n");
        return Html.page(d, r, "Student", b.toString());
    }

    /** The weeks of this year to today, from the days and records in the scope of the attendance grants only. */
    private List<Charts.Week> weekly(Facts f) {
        List<Charts.Week> out = new ArrayList<>();
        LocalDate start = d.year.firstDay();
        LocalDate monday = start.with(DayOfWeek.MONDAY);
        AttendanceAggregate prev = f.attendance(monday.minusDays(1)).orElseThrow();
        for (LocalDate w = monday; !w.isAfter(d.today); w = w.plusWeeks(1)) {
            LocalDate end = w.plusDays(6).isAfter(d.today) ? d.today : w.plusDays(6);
            AttendanceAggregate now = f.attendance(end).orElseThrow();
            long enrolled = now.daysEnrolled() - prev.daysEnrolled();
            java.math.BigDecimal absent = now.daysAbsent().subtract(prev.daysAbsent());
            if (enrolled > 0) {
                out.add(new Charts.Week(w, enrolled, java.math.BigDecimal.valueOf(enrolled).subtract(absent)));
            }
            prev = now;
        }
        return out;
    }

    private String recordForm(Dashboard.Request r, Sessions.Viewer v, Facts f, String handle) {
        Optional<String> refusal = writeRefusal(v, f.decision);
        if (refusal.isPresent()) {
            return "<p class=\"note\" id=\"record-refused\">Recording attendance: " + Html.esc(refusal.get()) + "</p>";
        }
        StringBuilder b = new StringBuilder("<form method=\"post\" action=\"/attendance\" id=\"record\">").append(Html.csrf(r))
                .append("<input type=\"hidden\" name=\"student\" value=\"").append(Html.esc(handle)).append("\">")
                .append("<label for=\"date\">Record attendance on</label> <input type=\"date\" name=\"date\" id=\"date\" value=\"")
                .append(d.today).append("\" max=\"").append(d.today).append("\"> <select name=\"category\" id=\"category\">");
        for (AttendanceCategory c : AttendanceCategory.values()) {
            if (c != AttendanceCategory.PARTIAL) {
                b.append("<option value=\"").append(c.name()).append('"').append(c == AttendanceCategory.UNEXCUSED_ABSENCE ? " selected" : "")
                        .append('>').append(c.name()).append("</option>");
            }
        }
        return b.append("</select> <button type=\"submit\" id=\"record-button\">Record</button></form>").toString();
    }

    /** Why this viewer may not record this student's attendance, or empty when they may. */
    Optional<String> writeRefusal(Sessions.Viewer v, Decision decision) {
        if (!decision.permits(ATTENDANCE)) {
            return Optional.of("the policy does not let you see this student's attendance ("
                    + decision.denialReason(ATTENDANCE).orElse("default deny") + "), so you may not record it");
        }
        if (v.roles().stream().noneMatch(Dashboard.ATTENDANCE_WRITERS::contains)) {
            return Optional.of("only the school's attendance keepers (principal, teacher) record attendance; your role ("
                    + v.roleLabel() + ") may read it under " + decision.grant(ATTENDANCE).map(g -> g.ruleId()).orElse("the policy")
                    + " but not write it");
        }
        return Optional.empty();
    }

    /** The outcome of recording an attendance event: a message for the page and JSON for the API. */
    record Recorded(String message, String json) {}

    Recorded recordAttendance(Dashboard.Request r, Sessions.Viewer v, String handle, String dateText, String categoryText) {
        StudentId s = r.session.student(handle).orElseThrow(() -> new Dashboard.Refused(403,
                "this student handle was not issued to you in this session"));
        Instant at = d.now();
        Decision decision = version.decide(v, s, at);
        Optional<String> refusal = writeRefusal(v, decision);
        if (refusal.isPresent()) {
            throw new Dashboard.Refused(403, "you may not record attendance for this student: " + refusal.get());
        }
        LocalDate date;
        AttendanceCategory category;
        try {
            date = LocalDate.parse(dateText);
            category = AttendanceCategory.valueOf(categoryText);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new Dashboard.Refused(400, "date must be YYYY-MM-DD and category one of " + java.util.Arrays.toString(AttendanceCategory.values()));
        }
        if (category == AttendanceCategory.PARTIAL) {
            throw new Dashboard.Refused(400, "PARTIAL needs a duration; record it in the student information system");
        }
        if (!d.year.contains(date) || date.isAfter(d.today)) {
            throw new Dashboard.Refused(400, "the date must be in " + d.year.label() + " and not after " + d.today);
        }
        SchoolId school = data.enrollmentsOn(s, date).stream().map(Enrollment::schoolId).filter(v.schools()::contains).findFirst()
                .orElseThrow(() -> new Dashboard.Refused(403, "the student was not enrolled that day at a school where you keep attendance"));
        if (!data.calendar(school).isInstructionalDay(date)) {
            throw new Dashboard.Refused(400, date + " is not an instructional day at " + school.value());
        }
        Optional<AttendanceAggregate> before = shownFigures(school, data);
        org.communityschools.core.live.DistrictVersion applied;
        try {
            applied = d.live.record(AttendanceRecord.of(s, school, date, category, Optional.empty(), Optional.empty()), v.staff());
        } catch (org.communityschools.core.live.BatchRejectedException e) {
            throw new Dashboard.Refused(400, "the event breaks a rule of the district's data and was not recorded: "
                    + e.violations().stream().map(x -> x.rule() + " " + x.message()).distinct().collect(Collectors.joining("; ")));
        }
        // the answer reads the version the change made (or a later one), with the engine of that version
        Pages after = new Pages(d, d.live.at(applied.number()));
        Optional<AttendanceAggregate> now = after.shownFigures(school, after.data);
        // The JSON answer carries the student's new rate, from the days and records in scope only: a disclosure of
        // attendance.records, recorded (the view of that field) before it is sent.
        Facts f = after.new Facts(s, after.version.decide(v, s, at), RATE_CATALOG);
        after.disclose(List.of(f));
        Optional<Ratio> studentRate = f.attendance().flatMap(AttendanceAggregate::attendanceRate);
        System.getLogger(Pages.class.getName()).log(System.Logger.Level.INFO,
                "attendance event recorded by " + v.staff().value() + " at " + school.value());
        String message = "Recorded " + category.name() + " on " + date + " (data version " + applied.number() + "). " + school.value()
                + (now.isEmpty() ? " figures are suppressed (a small group)." : " attendance rate now "
                + Html.pct(now.get().attendanceRate()) + " (was " + Html.pct(before.flatMap(AttendanceAggregate::attendanceRate))
                + "), chronically absent " + Html.pct(now.get().chronicAbsenceRate()) + " (was "
                + Html.pct(before.flatMap(AttendanceAggregate::chronicAbsenceRate)) + ").");
        String json = "{\"school\":" + Json.quote(school.value()) + ",\"date\":" + Json.quote(date.toString()) + ",\"category\":"
                + Json.quote(category.name()) + ",\"data_version\":" + applied.number()
                + ",\"school_attendance_rate\":" + rate(now.flatMap(AttendanceAggregate::attendanceRate))
                + ",\"school_attendance_rate_before\":" + rate(before.flatMap(AttendanceAggregate::attendanceRate))
                + ",\"school_chronic_absence_rate\":" + rate(now.flatMap(AttendanceAggregate::chronicAbsenceRate))
                + ",\"school_chronic_absence_rate_before\":" + rate(before.flatMap(AttendanceAggregate::chronicAbsenceRate))
                + ",\"student_attendance_rate\":" + rate(studentRate) + "}";
        return new Recorded(message, json);
    }

    /** The school's figures as of today when its cell of the protected schools table is published; empty otherwise. */
    private Optional<AttendanceAggregate> shownFigures(SchoolId school, DistrictData on) {
        return Published.school(d.live.schools(on, d.today), school).filter(Published::shown).map(x -> d.live.figures.school(school, d.today));
    }

    private static String rate(Optional<Ratio> r) {
        return r.map(x -> "{\"numerator\":" + x.numerator() + ",\"denominator\":" + x.denominator() + ",\"rate\":\"" + x.toDecimalString(6) + "\"}")
                .orElse("null");
    }
}
