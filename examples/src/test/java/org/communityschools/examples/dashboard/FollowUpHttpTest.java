package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.examples.dashboard.MeetingsHttpTest.between;
import static org.communityschools.examples.dashboard.MeetingsHttpTest.stepRow;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.metrics.ActionStepFollowUp;
import org.communityschools.metrics.ActionStepOutcome;
import org.communityschools.metrics.ActionStepTimeliness;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.InterventionOutcomes;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The follow-up page at the HTTP level: a step recorded and completed in a meeting appears with the figures the
 * sdk-metrics calculator gives and its on-time status; the per-owner share is published only as the publication rules
 * allow; a Success Mentor sees only the caseload's steps, a teacher only the class's, a viewer outside the school none
 * (and is told why); every student shown is in the disclosure log.
 */
class FollowUpHttpTest {
    private static TestCity city;
    private static LiveDistrict district;
    private static Dashboard dashboard;
    /** Students of the school on the dashboard's date, none of them the mentee: not in the mentor's caseload. */
    private static List<StudentId> others;
    /** A teacher of the mentee on the dashboard's date. */
    private static StaffId teacher;
    /** A student of the school not in the teacher's class nor the mentor's caseload. */
    private static StudentId notInClass;

    @BeforeAll
    static void start() {
        city = TestCity.get();
        district = LiveDistrict.of(city.data);
        dashboard = Dashboard.builder().district(district).today(TestCity.TODAY).port(0).disclosureLog(TestCity.freshLog("follow-up-http"))
                .demoSignIn().start();
        List<StudentId> caseload = city.caseload(city.mentor);
        others = city.data.enrollmentsAt(city.school).stream().filter(e -> e.isEnrolledOn(LocalDate.of(2018, 1, 16))
                && e.isEnrolledOn(TestCity.TODAY)).map(Enrollment::studentId).filter(s -> !caseload.contains(s)).distinct().sorted().toList();
        teacher = city.data.relationshipsOfStudent(city.mentee).stream()
                .filter(x -> x.relationship() == RelationshipType.TEACHER_OF && x.period().contains(TestCity.TODAY))
                .map(StudentStaffRelationship::staffId).sorted().findFirst().orElseThrow();
        Set<StudentId> taught = new TreeSet<>();
        city.data.relationshipsOn(teacher, TestCity.TODAY).forEach(x -> taught.add(x.studentId()));
        notInClass = others.stream().filter(s -> !taught.contains(s)).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        district.close();
    }

    private static Client signIn(StaffId staff) {
        return new Client(dashboard.uri()).signIn(staff.value());
    }

    private static String open(Client c, LocalDate date) {
        c.get("/meetings");
        HttpResponse<String> r = c.post("/meetings", c.form("school", city.school.value(), "date", date.toString(), "purpose",
                "Follow-up review", "participants", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("location").orElseThrow().substring("/meetings/".length());
    }

    /** Adds a step about {@code student} owned by {@code owner}; returns it. */
    private static ActionStep step(Client c, String meeting, StudentId student, String what, StaffId owner, LocalDate due) {
        c.get("/meetings/" + meeting);
        HttpResponse<String> r = c.post("/meetings/" + meeting, c.form("action", "step", "student_id", student.value(), "what", what,
                "owner", owner.value(), "due_date", due.toString()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return district.current().data().meetings().actionSteps().stream().filter(s -> s.what().equals(what)).findFirst().orElseThrow();
    }

    private static void complete(Client c, String meeting, ActionStep s, LocalDate on) {
        c.get("/meetings/" + meeting);
        assertThat(c.post("/meetings/" + meeting, c.form("action", "complete", "step", s.id().value(), "completion_date", on.toString()))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void aPrincipalSeesTheFollowUpOfAStepWithTheCalculatorsFiguresAndTheOnTimeShare() {
        Client principal = signIn(city.principal);
        LocalDate meetingDay = LocalDate.of(2018, 1, 16);
        String id = open(principal, meetingDay);
        List<StudentId> students = new ArrayList<>(List.of(city.mentee));
        students.addAll(others.subList(0, 4));
        List<ActionStep> steps = new ArrayList<>();
        for (StudentId s : students) {
            ActionStep step = step(principal, id, s, "Attendance plan " + s.value(), city.principal, LocalDate.of(2018, 2, 1));
            complete(principal, id, step, LocalDate.of(2018, 1, 30));
            steps.add(step);
        }
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        String page = principal.get("/follow-up?meeting=" + id).body();

        // the oracle: the calculator on the data as they are now, with the page's settings
        ActionStepOutcome o = ActionStepFollowUp.evaluate(district.current().data(), SchoolYear.containing(TestCity.TODAY), TestCity.TODAY,
                FollowUpPages.WINDOW_DAYS, ChronicAbsenceDefinition.FEDERAL, InterventionOutcomes.DEFAULT_BAND, FollowUpPages.MATCHES)
                .step(steps.get(0).id()).orElseThrow();
        assertThat(o.timeliness()).isEqualTo(ActionStepTimeliness.ON_TIME);
        assertThat(o.starts()).containsEntry(city.mentee, meetingDay);
        assertThat(o.measured()).isEqualTo(1);
        String row = stepRow(page, "follow-up", steps.get(0).id().value());
        assertThat(row).contains("Attendance plan " + city.mentee.value()).contains("DONE 2018-01-30").contains("<td class=\"on-time\">on time</td>");
        assertThat(between(row, "<td class=\"attendance\">", "</td>")).isEqualTo(FollowUpPages.attendance(o.figures()));
        assertThat(between(row, "<td class=\"incidents\">", "</td>")).isEqualTo(FollowUpPages.incidents(o.figures()));
        assertThat(between(row, "<td class=\"marks\">", "</td>")).isEqualTo(FollowUpPages.marks(o.figures()));
        assertThat(o.comparisonStudents()).as("the synthetic school has enough similar students").isGreaterThanOrEqualTo(5);
        assertThat(between(row, "<td class=\"attendance-comparison\">", " <span")).isEqualTo(FollowUpPages.attendance(o.comparisonFigures()));
        assertThat(between(row, "<td class=\"attendance-difference\">", "</td>"))
                .isEqualTo(FollowUpPages.signed(o.attendanceDifferenceInPoints(1).orElseThrow()));
        assertThat(between(row, "<td class=\"incidents-comparison\">", " <span")).isEqualTo(FollowUpPages.incidents(o.comparisonFigures()));

        // the owner's share: 5 of 5 on time, a group the publication rules let through
        String owner = stepRow(page.replace("data-owner", "data-step"), "on-time", city.principal.value());
        assertThat(owner).contains("<td class=\"num counted\">5</td>").contains("100.0% (5 of 5)");
        assertThat(page).contains("href=\"/follow-up\"").as("in the navigation");

        // every student shown is in the log, with the fields behind the figures
        List<JsonNode> added = DashboardHttpTest.entries(dashboard.disclosureLog());
        Set<String> logged = new TreeSet<>();
        for (JsonNode e : added.subList((int) before, added.size())) {
            assertThat(e.path("requester").asString()).isEqualTo(city.principal.value());
            Set<String> fields = new TreeSet<>();
            e.path("fields").values().forEach(f -> fields.add(f.asString()));
            if (fields.contains("meetings.actionSteps") && fields.contains("attendance.records")) {
                logged.add(e.path("student").asString());
            }
        }
        assertThat(logged).containsAll(students.stream().map(StudentId::value).toList());
        assertThat(DisclosureLogs.verify(dashboard.disclosureLog()).isIntact()).isTrue();
    }

    @Test
    void aStepNotYetDueIsNotCountedAndASmallGroupOfStepsIsSuppressed() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        ActionStep s = step(principal, id, city.mentee, "Check in next month", city.mentor, TestCity.TODAY.plusDays(30));
        String page = principal.get("/follow-up?meeting=" + id).body();
        assertThat(stepRow(page, "follow-up", s.id().value())).contains("<td class=\"on-time\">not yet due</td>");
        assertThat(between(page, "<table id=\"on-time\">", "</table>")).contains("No step counted yet.");

        complete(principal, id, s, TestCity.TODAY);
        String after = principal.get("/follow-up?meeting=" + id).body();
        String owner = stepRow(after.replace("data-owner", "data-step"), "on-time", city.mentor.value());
        assertThat(owner).as("one step is a group under the minimum size").contains("class=\"suppressed\"").doesNotContain("100.0%");
    }

    @Test
    void aMentorSeesOnlyTheCaseloadsStepsAndATeacherOnlyTheClasss() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        ActionStep mine = step(principal, id, city.mentee, "Mentor check-in " + id, city.mentor, TestCity.TODAY.plusDays(7));
        ActionStep theirs = step(principal, id, notInClass, "Counselor referral " + id, city.principal, TestCity.TODAY.plusDays(7));

        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        for (Client c : List.of(signIn(city.mentor), signIn(teacher))) {
            String page = c.get("/follow-up?meeting=" + id).body();
            assertThat(stepRow(page, "follow-up", mine.id().value())).contains("Mentor check-in " + id);
            assertThat(page).doesNotContain("Counselor referral").doesNotContain("data-step=\"" + theirs.id().value() + "\"")
                    .doesNotContain(">" + notInClass.value() + "<");
            assertThat(between(page, "id=\"follow-up-withheld\">", "</p>")).startsWith("1 step is not shown to you");
            // the whole follow-up (no filter) holds no step about a student outside the viewer's scope either
            assertThat(c.get("/follow-up").body()).doesNotContain("Counselor referral");
        }
        List<JsonNode> added = DashboardHttpTest.entries(dashboard.disclosureLog());
        for (JsonNode e : added.subList((int) before, added.size())) {
            assertThat(e.path("student").asString()).as("nobody outside the mentor's and teacher's scope is disclosed")
                    .isNotEqualTo(notInClass.value());
        }
        assertThat(added.subList((int) before, added.size())).anyMatch(e -> e.path("requester").asString().equals(city.mentor.value())
                && e.path("student").asString().equals(city.mentee.value()));
    }

    /**
     * The mentee has a step in meeting A and one in meeting B, both in the mentor's scope; the follow-up of A lists A's
     * step only, and the mentor's disclosure entries for the mentee count exactly that one step, not every step of the
     * mentee the mentor may see (a page logs what it shows).
     */
    @Test
    void theFollowUpOfOneMeetingLogsExactlyTheStepsItLists() {
        Client principal = signIn(city.principal);
        String a = open(principal, TestCity.TODAY);
        String b = open(principal, TestCity.TODAY);
        ActionStep shown = step(principal, a, city.mentee, "Listed on A " + a, city.mentor, TestCity.TODAY.plusDays(7));
        ActionStep other = step(principal, b, city.mentee, "Only on B " + b, city.mentor, TestCity.TODAY.plusDays(7));

        Client mentor = signIn(city.mentor);
        assertThat(stepRow(mentor.get("/follow-up?meeting=" + b).body(), "follow-up", other.id().value())).as("B's step is in scope")
                .contains("Only on B");
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        String page = mentor.get("/follow-up?meeting=" + a).body();
        assertThat(stepRow(page, "follow-up", shown.id().value())).contains("Listed on A");
        assertThat(page).doesNotContain(other.id().value()).doesNotContain("Only on B");

        List<JsonNode> added = DashboardHttpTest.entries(dashboard.disclosureLog());
        long logged = 0;
        for (JsonNode e : added.subList((int) before, added.size())) {
            if (e.path("student").asString().equals(city.mentee.value())) {
                logged += e.path("record_counts").path("meetings.actionSteps").asLong(0);
            }
        }
        assertThat(logged).as("the steps logged for the mentee are the one step listed").isEqualTo(1);
    }

    /**
     * A group step that names an intervention concerns the intervention's participants: their figures are a group's,
     * shown only when the group's cell is published (at least the minimum size of measured students), and the step is
     * shown to the team only (not to a mentor who is neither a participant nor a lead).
     */
    @Test
    void aGroupStepsFiguresArePublishedOnlyForAGroupOfTheMinimumSizeAndOnlyTheTeamSeesIt() {
        org.communityschools.core.model.Intervention program = city.data.interventions().stream().filter(i -> i.schoolId().equals(city.school))
                .max(java.util.Comparator.comparingLong(i -> city.data.interventionParticipants().stream()
                        .filter(p -> p.interventionId().equals(i.id()) && SchoolYear.containing(TestCity.TODAY).contains(p.period().start())).count()))
                .orElseThrow();
        Client principal = signIn(city.principal);
        String id = open(principal, LocalDate.of(2018, 1, 16));
        principal.get("/meetings/" + id);
        HttpResponse<String> r = principal.post("/meetings/" + id, principal.form("action", "step", "group", "program group", "what",
                "Review the program's attendance", "owner", city.principal.value(), "due_date", "2018-02-01", "intervention",
                program.id().value()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        ActionStep s = district.current().data().meetings().actionSteps().stream().filter(x -> x.what().equals("Review the program's attendance"))
                .findFirst().orElseThrow();
        ActionStepOutcome o = ActionStepFollowUp.evaluate(district.current().data(), SchoolYear.containing(TestCity.TODAY), TestCity.TODAY,
                FollowUpPages.WINDOW_DAYS, ChronicAbsenceDefinition.FEDERAL, InterventionOutcomes.DEFAULT_BAND, FollowUpPages.MATCHES)
                .step(s.id()).orElseThrow();
        assertThat(o.starts()).isNotEmpty();

        String row = stepRow(principal.get("/follow-up?meeting=" + id).body(), "follow-up", s.id().value());
        String attendance = between(row, "<td class=\"attendance\">", "</td>");
        if (o.measured() >= dashboard.live.rules.minimumGroupSize()) {
            assertThat(attendance).isEqualTo(FollowUpPages.attendance(o.figures()) + " <span class=\"note\">(" + o.measured() + " students)</span>");
        } else {
            assertThat(attendance).contains("class=\"suppressed\"").doesNotContain("%");
        }
        assertThat(signIn(city.mentor).get("/follow-up?meeting=" + id).body()).doesNotContain("data-step=\"" + s.id().value() + "\"");
    }

    @Test
    void aViewerOutsideTheSchoolSeesNoStepAndIsToldWhy() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        step(principal, id, city.mentee, "Not for other schools " + id, city.principal, TestCity.TODAY.plusDays(7));

        Client elsewhere = signIn(city.otherPrincipal);
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        HttpResponse<String> one = elsewhere.get("/follow-up?meeting=" + id);
        assertThat(one.statusCode()).isEqualTo(403);
        assertThat(one.body()).contains("open to its participants and to the staff of that school").doesNotContain("Not for other schools");
        String all = elsewhere.get("/follow-up").body();
        assertThat(all).doesNotContain("Not for other schools").contains("id=\"no-steps\"");
        assertThat(between(all, "id=\"follow-up-scope\">", "</p>")).contains("meetings you may open");
        assertThat(DashboardHttpTest.entries(dashboard.disclosureLog())).hasSize((int) before);
    }
}
