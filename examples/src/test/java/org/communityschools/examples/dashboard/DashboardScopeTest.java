package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every page of the dashboard goes through the decision and the record view: records outside the scope of a grant
 * are neither listed nor counted in a figure, and the log entries a page writes list exactly what it shows (issue 14).
 */
class DashboardScopeTest {
    private static final Pattern ATTENDANCE_ROW = Pattern.compile("<tr class=\"attendance-record\"><td>([0-9-]+)</td>");
    private static final Pattern EW_ROW = Pattern.compile(
            "<tr class=\"ew-row\"><td><a href=\"(/student/[^\"]+)\">.*?</a>(.*?)</td><td class=\"grade\">(.*?)</td>");
    private static final Pattern GRADE = Pattern.compile("· grade (<span id=\"student-grade\">[^<]*</span>|<span class=\"withheld\"[^>]*>withheld</span>)");
    private static final Pattern ID = Pattern.compile("<span class=\"note student-id\">([^<]+)</span>");

    private static TestCity city;
    private static Dashboard dashboard;

    @BeforeAll
    static void start() {
        city = TestCity.get();
        dashboard = city.start("scope-test");
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    private static Client signIn(StaffId staff) {
        return new Client(dashboard.uri()).signIn(staff.value());
    }

    private static String studentPage(Client c, StudentId student) {
        String location = c.post("/students/find", c.form("student_id", student.value())).headers().firstValue("location").orElseThrow();
        return c.get(location).body();
    }

    private static String text(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return m.group(1);
    }

    private static long count(String html, String fragment) {
        return html.split(Pattern.quote(fragment), -1).length - 1L;
    }

    @Test
    void aMentorWhoseCaseloadBeganMidYearSeesNoEarlierAttendanceAndFiguresFromRecordsInScopeOnly() {
        SchoolYear year = SchoolYear.containing(TestCity.TODAY);
        StudentStaffRelationship caseload = city.data.relationshipsOn(city.mentor, TestCity.TODAY).stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF && r.studentId().equals(city.mentee)).findFirst().orElseThrow();
        LocalDate began = caseload.period().start();
        assertThat(began).as("the generated caseloads begin in October").isAfter(year.firstDay());
        List<AttendanceRecord> all = city.data.attendance().recordsOf(city.mentee);
        assertThat(all).as("the mentee has attendance on record before the caseload began")
                .anyMatch(r -> year.contains(r.date()) && r.date().isBefore(began));

        String page = studentPage(signIn(city.mentor), city.mentee);

        List<LocalDate> listed = new ArrayList<>();
        Matcher m = ATTENDANCE_ROW.matcher(page);
        while (m.find()) {
            listed.add(LocalDate.parse(m.group(1)));
        }
        assertThat(listed).isNotEmpty().allMatch(d -> !d.isBefore(began) && !d.isAfter(TestCity.TODAY));
        assertThat(page).contains("withheld: outside");

        // Reference: the same year to date, from the caseload's days only, fed to a fresh accumulator by plain date clipping.
        AttendanceAccumulator reference = AttendanceAccumulator.of(year, ChronicAbsenceDefinition.FEDERAL);
        for (Enrollment e : city.data.enrollmentsOf(city.mentee)) {
            if (!e.schoolId().equals(city.school) || e.exitWithdrawDate().filter(x -> x.isBefore(began)).isPresent()) {
                continue;
            }
            LocalDate entry = e.entryDate().isBefore(began) ? began : e.entryDate();
            reference.enrollment(new Enrollment(e.studentId(), e.schoolId(), entry, e.entryGrade(), e.exitWithdrawDate(),
                    e.exitWithdrawType(), e.exitDocumented()));
        }
        city.data.calendar(city.school).days().stream().filter(year::contains).forEach(d -> reference.instructionalDay(city.school, d));
        city.data.school(city.school).ifPresent(s -> reference.schoolType(city.school, s.schoolType()));
        all.stream().filter(r -> r.schoolId().equals(city.school) && !r.date().isBefore(began)).forEach(reference::attendance);
        AttendanceAggregate expected = reference.students(List.of(city.mentee), TestCity.TODAY);

        assertThat(Long.parseLong(text(Pattern.compile("<span id=\"student-days-enrolled\">(\\d+)</span>"), page)))
                .isEqualTo(expected.daysEnrolled());
        assertThat(new BigDecimal(text(Pattern.compile("<span id=\"student-days-present\">([0-9.]+)</span>"), page)))
                .isEqualByComparingTo(expected.daysPresent());
    }

    @Test
    void theTrendsPageShowsAGradeLevelOnlyWhereTheStudentPageShowsIt() {
        int rows = 0;
        int withheld = 0;
        for (StaffId viewer : List.of(city.director, city.mentor, city.principal)) {
            Client c = signIn(viewer);
            Matcher m = EW_ROW.matcher(c.get("/trends").body());
            for (int seen = 0; seen < 40 && m.find(); seen++) {
                rows++;
                String onTrends = m.group(3);
                String onStudentPage = text(GRADE, c.get(m.group(1)).body());
                if (onStudentPage.contains("withheld")) {
                    withheld++;
                    assertThat(onTrends).as("grade on the trends page of a student whose page withholds it").contains("withheld");
                } else {
                    assertThat(onStudentPage).contains(">" + onTrends + "<");
                }
            }
        }
        assertThat(rows).isPositive();
        assertThat(withheld).as("the director's decisions withhold the directory").isPositive();
    }

    @Test
    void theLogEntriesOfTheStudentPageListExactlyWhatThePageShows() {
        Client principal = signIn(city.principal);
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        String page = studentPage(principal, city.mentee);
        List<JsonNode> added = added(before);

        Set<String> fields = new TreeSet<>();
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> digests = new TreeSet<>();
        for (JsonNode e : added) {
            assertThat(e.path("student").asString()).isEqualTo(city.mentee.value());
            e.path("fields").values().forEach(f -> fields.add(f.asString()));
            e.path("record_counts").properties().forEach(x -> counts.merge(x.getKey(), x.getValue().asInt(), Integer::sum));
            digests.add(e.path("content_digest").asString());
        }
        assertThat(digests).as("one view, one text").hasSize(1);
        assertThat(fields).allMatch(f -> Pages.PAGE_FIELDS.stream().anyMatch(p -> p.value().equals(f)));
        assertThat(fields.contains("identity.name")).isEqualTo(page.contains("id=\"student-name\""));
        assertThat(fields.contains("identity.studentId")).isEqualTo(page.contains("id=\"student-id\""));
        assertThat(fields.contains("directory.gradeLevel")).isEqualTo(page.contains("id=\"student-grade\""));
        assertThat(fields.contains("directory.school")).isEqualTo(page.contains("id=\"student-school\""));
        assertThat(counts.getOrDefault("attendance.records", 0)).isEqualTo(count(page, "<tr class=\"attendance-record\">"));
        assertThat(counts.getOrDefault("behavior.incidents", 0)).isEqualTo(count(page, "<tr class=\"incident\">"));
        assertThat(counts.getOrDefault("coursework.marks", 0)).isEqualTo(count(page, "<tr class=\"mark"));
        assertThat(counts.getOrDefault("interventions.participation", 0)).isEqualTo(count(page, "<tr class=\"participation\">"));
        assertThat(counts.getOrDefault("attendance.records", 0) + counts.getOrDefault("coursework.marks", 0)).isPositive();
    }

    @Test
    void theLogEntriesOfTheTrendsPageListTheGradeExactlyForTheRowsThatShowIt() {
        Client principal = signIn(city.principal);
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        String page = principal.get("/trends").body();
        List<JsonNode> added = added(before);
        Map<String, Set<String>> fieldsByStudent = new TreeMap<>();
        for (JsonNode e : added) {
            Set<String> f = fieldsByStudent.computeIfAbsent(e.path("student").asString(), k -> new TreeSet<>());
            e.path("fields").values().forEach(x -> f.add(x.asString()));
        }
        Matcher m = EW_ROW.matcher(page);
        int rows = 0;
        while (m.find()) {
            rows++;
            String student = text(ID, m.group(2));
            Set<String> logged = fieldsByStudent.getOrDefault(student, Set.of());
            assertThat(logged).as("row of " + student).isNotEmpty();
            assertThat(logged.contains("directory.gradeLevel")).as("grade of " + student).isEqualTo(!m.group(3).contains("withheld"));
        }
        assertThat(rows).isPositive();
        assertThat(fieldsByStudent).hasSize(rows);
    }

    private static List<JsonNode> added(long before) {
        List<JsonNode> all = DashboardHttpTest.entries(dashboard.disclosureLog());
        return all.subList((int) before, all.size()).stream().filter(e -> e.path("kind").asString().equals("disclosure")).toList();
    }
}
