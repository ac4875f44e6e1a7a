package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The school team's meeting at the HTTP level: opening a meeting, recording agenda items and steps as journaled change
 * batches (CSRF-protected; a change the data directory's rules refuse shows its located error and changes nothing), who
 * may record what, and what each viewer sees of the same meeting (a Success Mentor only the caseload's steps; agenda notes
 * only the participants), on the page, in the printable summary and in the disclosure log. The test city leaves out the
 * synthetic city's generated meetings: every meeting here is opened through the dashboard.
 */
class MeetingsHttpTest {
    private static TestCity city;
    private static LiveDistrict district;
    private static Dashboard dashboard;
    /** A student of the school on the dashboard's date whom the mentor does not mentor. */
    private static StudentId other;

    @BeforeAll
    static void start() {
        city = TestCity.get();
        district = LiveDistrict.of(city.data);
        dashboard = Dashboard.builder().district(district).today(TestCity.TODAY).port(0).disclosureLog(TestCity.freshLog("meetings-http"))
                .demoSignIn().start();
        List<StudentId> caseload = city.caseload(city.mentor);
        other = city.data.enrollmentsAt(city.school).stream().filter(e -> e.isEnrolledOn(TestCity.TODAY)).map(Enrollment::studentId)
                .filter(s -> !caseload.contains(s)).sorted().findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        district.close();
    }

    private static Client signIn(StaffId staff) {
        return new Client(dashboard.uri()).signIn(staff.value());
    }

    /** Opens a meeting of the school's team on {@code date}; returns its id. */
    static String open(Client c, LocalDate date, StaffId... others) {
        c.get("/meetings");
        HttpResponse<String> r = c.post("/meetings", c.form("school", city.school.value(), "date", date.toString(), "purpose",
                "Monthly attendance review", "participants", String.join(",", java.util.Arrays.stream(others).map(StaffId::value).toList())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("/meetings/");
        return location.substring("/meetings/".length());
    }

    static HttpResponse<String> addStep(Client c, String meeting, StudentId student, String what, StaffId owner, LocalDate due) {
        c.get("/meetings/" + meeting);
        return c.post("/meetings/" + meeting, c.form("action", "step", "student_id", student.value(), "what", what, "owner",
                owner.value(), "due_date", due.toString()));
    }

    private static ActionStep step(String what) {
        return district.current().data().meetings().actionSteps().stream().filter(s -> s.what().equals(what)).findFirst().orElseThrow();
    }

    @Test
    void aPrincipalOpensAMeetingAndRecordsAStepAsOneChangeWithWhoAndWhen() {
        Client principal = signIn(city.principal);
        long version = district.current().number();
        String id = open(principal, TestCity.TODAY, city.director);
        Meeting m = district.current().data().meetings().meeting(MeetingId.of(id)).orElseThrow();
        assertThat(m.participants()).containsExactlyInAnyOrder(city.principal, city.director);
        assertThat(m.schoolId()).isEqualTo(city.school);

        HttpResponse<String> added = addStep(principal, id, city.mentee, "Call home about the absences", city.mentor, TestCity.TODAY.plusDays(14));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(district.current().number()).as("one version for the meeting, one for the step").isEqualTo(version + 2);
        ActionStep s = step("Call home about the absences");
        assertThat(s.recordedBy()).isEqualTo(city.principal);
        assertThat(s.recordedAt().atZone(dashboard.zone).toLocalDate()).isEqualTo(TestCity.TODAY);
        assertThat(s.status()).isEqualTo(ActionStepStatus.OPEN);
        assertThat(s.studentId()).contains(city.mentee);

        String page = principal.get("/meetings/" + id).body();
        assertThat(page).contains("id=\"flash\"").contains("Step " + s.id().value() + " added");
        assertThat(stepRow(page, "steps", s.id().value())).contains("Call home about the absences").contains("OPEN");
        assertThat(page).contains("href=\"/follow-up?meeting=" + id + "\"").contains("id=\"proposed\"");
        assertThat(principal.get("/meetings").body()).contains("href=\"/meetings/" + id + "\"");

        // the first student of the proposed agenda, put on the agenda with its button (a handle of this session)
        String proposed = between(page, "<table id=\"proposed\">", "</table>");
        Matcher handle = Pattern.compile("name=\"student\" value=\"([^\"]+)\"").matcher(proposed);
        assertThat(handle.find()).as("the principal may put a flagged student on the agenda").isTrue();
        assertThat(principal.post("/meetings/" + id, principal.form("action", "agenda", "reason", "EARLY_WARNING_FLAG", "student",
                handle.group(1))).statusCode()).isEqualTo(303);
        var item = district.current().data().meetings().agendaOf(MeetingId.of(id));
        assertThat(item).hasSize(1);
        assertThat(item.get(0).reason()).isEqualTo(org.communityschools.core.model.AgendaReason.EARLY_WARNING_FLAG);
        assertThat(between(principal.get("/meetings/" + id).body(), "<table id=\"agenda\">", "</table>")).contains("early warning flag")
                .contains("data-item=\"1\"");
        Client again = signIn(city.principal);
        again.get("/meetings/" + id);
        HttpResponse<String> foreign = again.post("/meetings/" + id, again.form("action", "agenda", "reason", "TREND", "student",
                handle.group(1)));
        assertThat(foreign.statusCode()).as("a handle of another session").isEqualTo(403);
        assertThat(foreign.body()).contains("not issued to you");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenOrFromAnotherSiteIsRefusedAndChangesNothing() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        long version = district.current().number();
        principal.get("/meetings/" + id);
        java.util.Map<String, String> form = principal.form("action", "step", "student_id", city.mentee.value(), "what", "Forged step",
                "owner", city.principal.value(), "due_date", TestCity.TODAY.toString());
        form.put("csrf", "not-the-token");
        HttpResponse<String> forged = principal.post("/meetings/" + id, form);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF token");
        HttpResponse<String> crossSite = principal.post("/meetings/" + id, principal.form("action", "step", "student_id", city.mentee.value(),
                "what", "Forged step", "owner", city.principal.value(), "due_date", TestCity.TODAY.toString()), "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> noToken = principal.post("/meetings", java.util.Map.of("school", city.school.value(), "date",
                TestCity.TODAY.toString(), "purpose", "x", "participants", ""));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(district.current().number()).isEqualTo(version);
        assertThat(district.current().data().meetings().actionSteps()).noneMatch(s -> s.what().equals("Forged step"));
    }

    @Test
    void aCompletionBeforeTheMeetingIsRejectedWithItsLocatedErrorAndLeavesTheDataUnchanged() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        addStep(principal, id, city.mentee, "Attendance contract", city.principal, TestCity.TODAY.plusDays(7));
        ActionStep s = step("Attendance contract");
        long version = district.current().number();
        principal.get("/meetings/" + id);
        // the meeting is on 2018-03-01: a step cannot have been completed the day before (step.completion-before-meeting)
        HttpResponse<String> r = principal.post("/meetings/" + id, principal.form("action", "complete", "step", s.id().value(),
                "completion_date", TestCity.TODAY.minusDays(1).toString()));
        assertThat(r.statusCode()).isEqualTo(400);
        String rejected = between(r.body(), "<div class=\"refused\" id=\"rejected\">", "</div>");
        assertThat(rejected).contains("[step.completion-before-meeting]").contains("completion_date").contains(LiveData.ORIGIN);
        assertThat(district.current().number()).as("nothing applied").isEqualTo(version);
        assertThat(step("Attendance contract")).isEqualTo(s);
        assertThat(stepRow(r.body(), "steps", s.id().value())).contains("OPEN");

        HttpResponse<String> done = principal.post("/meetings/" + id, principal.form("action", "complete", "step", s.id().value(),
                "completion_date", TestCity.TODAY.toString()));
        assertThat(done.statusCode()).isEqualTo(303);
        ActionStep completed = step("Attendance contract");
        assertThat(completed.status()).isEqualTo(ActionStepStatus.DONE);
        assertThat(completed.completionDate()).contains(TestCity.TODAY);
        assertThat(completed.doneOnTime()).isTrue();
        assertThat(stepRow(principal.get("/meetings/" + id).body(), "steps", s.id().value())).contains("DONE " + TestCity.TODAY);
        assertThat(principal.post("/meetings/" + id, principal.form("action", "drop", "step", s.id().value(), "completion_date",
                TestCity.TODAY.toString())).statusCode()).as("a closed step stays closed").isEqualTo(409);
    }

    @Test
    void aMentorSeesOnlyTheCaseloadsStepsOnThePageInTheSummaryAndInTheLog() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        addStep(principal, id, city.mentee, "Mentor check-in twice a week", city.mentor, TestCity.TODAY.plusDays(14));
        addStep(principal, id, other, "Refer to the counselor", city.principal, TestCity.TODAY.plusDays(14));
        String mine = step("Mentor check-in twice a week").id().value();
        String theirs = step("Refer to the counselor").id().value();
        assertThat(stepRow(principal.get("/meetings/" + id).body(), "steps", theirs)).contains("Refer to the counselor");

        Client mentor = signIn(city.mentor);
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        String page = mentor.get("/meetings/" + id).body();
        assertThat(stepRow(page, "steps", mine)).contains("Mentor check-in twice a week");
        assertThat(page).doesNotContain("Refer to the counselor").doesNotContain("data-step=\"" + theirs + "\"")
                .doesNotContain(">" + other.value() + "<");
        assertThat(between(page, "id=\"withheld-count\">", "</p>")).startsWith("1 step and 0 agenda items are not shown to you");

        String summary = mentor.get("/meetings/" + id + "/summary").body();
        assertThat(summary).contains("Mentor check-in twice a week").doesNotContain("Refer to the counselor").doesNotContain(theirs)
                .doesNotContain("<script").doesNotContain("<form").contains("href=\"/static/dashboard.css\"");
        assertThat(between(summary, "id=\"summary-withheld\">", "</p>")).startsWith("1 step and 0 agenda items are not shown to you");

        List<JsonNode> added = DashboardHttpTest.entries(dashboard.disclosureLog());
        Set<String> students = new TreeSet<>();
        boolean stepsLogged = false;
        for (JsonNode e : added.subList((int) before, added.size())) {
            assertThat(e.path("requester").asString()).isEqualTo(city.mentor.value());
            students.add(e.path("student").asString());
            for (JsonNode f : e.path("fields").values()) {
                stepsLogged |= f.asString().equals("meetings.actionSteps") && e.path("student").asString().equals(city.mentee.value());
            }
        }
        assertThat(students).as("only the caseload reaches the mentor").isSubsetOf(city.caseload(city.mentor).stream().map(StudentId::value).toList())
                .contains(city.mentee.value());
        assertThat(stepsLogged).as("the mentee's steps shown are recorded as disclosed").isTrue();
        assertThat(DisclosureLogs.verify(dashboard.disclosureLog()).isIntact()).isTrue();

        // the mentor records for the caseload only
        assertThat(addStep(mentor, id, city.mentee, "Weekly attendance goal", city.mentor, TestCity.TODAY.plusDays(7)).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = addStep(mentor, id, other, "Not mine to record", city.mentor, TestCity.TODAY.plusDays(7));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(district.current().data().meetings().actionSteps()).noneMatch(s -> s.what().equals("Not mine to record"));
        HttpResponse<String> group = mentor.post("/meetings/" + id, mentor.form("action", "step", "group", "grade 9", "what", "Group step",
                "owner", city.mentor.value(), "due_date", TestCity.TODAY.toString()));
        assertThat(group.statusCode()).isEqualTo(403);
        assertThat(group.body()).contains("team&#39;s leads");
        HttpResponse<String> completeOther = mentor.post("/meetings/" + id, mentor.form("action", "complete", "step", theirs,
                "completion_date", TestCity.TODAY.toString()));
        assertThat(completeOther.statusCode()).isEqualTo(403);
    }

    /**
     * The mentee has a step in meeting A and another in meeting B, both in the mentor's scope; A's page shows the
     * first only (B's step is neither A's nor due by A's day). The mentor's disclosure entries for the mentee count
     * exactly the step rows A's page shows about the mentee, not every step of the mentee the mentor may see.
     */
    @Test
    void theLogOfAMeetingPageCountsExactlyTheStepsItShowsNotEveryStepOfTheStudentInScope() {
        Client principal = signIn(city.principal);
        String a = open(principal, TestCity.TODAY);
        String b = open(principal, TestCity.TODAY);
        addStep(principal, a, city.mentee, "Shown on A: morning check-in", city.mentor, TestCity.TODAY.plusDays(14));
        addStep(principal, b, city.mentee, "Only on B: weekly attendance goal", city.mentor, TestCity.TODAY.plusDays(21));
        String shownId = step("Shown on A: morning check-in").id().value();
        String otherId = step("Only on B: weekly attendance goal").id().value();

        Client mentor = signIn(city.mentor);
        assertThat(stepRow(mentor.get("/meetings/" + b).body(), "steps", otherId)).as("B's step is in the mentor's scope")
                .contains("Only on B");
        long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
        String page = mentor.get("/meetings/" + a).body();
        assertThat(stepRow(page, "steps", shownId)).contains("Shown on A");
        assertThat(page).doesNotContain(otherId).doesNotContain("Only on B");
        // The step rows of A's page about the mentee, in both tables (this meeting's steps, steps due).
        long shownRows = district.current().data().meetings().stepsOfStudent(city.mentee).stream()
                .filter(s -> !stepRow(page, "steps", s.id().value()).isEmpty() || !stepRow(page, "due", s.id().value()).isEmpty())
                .count();
        assertThat(shownRows).isPositive();

        List<JsonNode> added = DashboardHttpTest.entries(dashboard.disclosureLog());
        long logged = 0;
        for (JsonNode e : added.subList((int) before, added.size())) {
            if (e.path("student").asString().equals(city.mentee.value())) {
                logged += e.path("record_counts").path("meetings.actionSteps").asLong(0);
            }
        }
        assertThat(logged).as("the steps logged for the mentee are the steps shown").isEqualTo(shownRows);
        assertThat(DisclosureLogs.verify(dashboard.disclosureLog()).isIntact()).isTrue();
    }

    @Test
    void agendaNotesAboutAStudentGoOnlyToTheMeetingsParticipants() {
        Client principal = signIn(city.principal);
        String closed = open(principal, TestCity.TODAY);
        String withMentor = open(principal, TestCity.TODAY, city.mentor);
        for (String id : List.of(closed, withMentor)) {
            principal.get("/meetings/" + id);
            HttpResponse<String> r = principal.post("/meetings/" + id, principal.form("action", "agenda", "student_id", city.mentee.value(),
                    "reason", "EARLY_WARNING_FLAG", "notes", "Family moved in January " + id));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }
        assertThat(between(principal.get("/meetings/" + closed).body(), "<table id=\"agenda\">", "</table>")).contains("Family moved in January " + closed);

        Client mentor = signIn(city.mentor);
        String notTakingPart = mentor.get("/meetings/" + closed).body();
        assertThat(notTakingPart).doesNotContain("Family moved in January");
        assertThat(between(notTakingPart, "id=\"withheld-count\">", "</p>")).startsWith("0 steps and 1 agenda item are not shown to you");
        assertThat(mentor.post("/meetings/" + closed, mentor.form("action", "agenda", "student_id", city.mentee.value(), "reason", "TREND",
                "notes", "x")).statusCode()).as("no notes from a non-participant").isEqualTo(403);
        assertThat(between(mentor.get("/meetings/" + withMentor).body(), "<table id=\"agenda\">", "</table>"))
                .contains("Family moved in January " + withMentor);
    }

    @Test
    void whoMayOpenAndSeeAMeeting() {
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY);
        HttpResponse<String> elsewhere = signIn(city.otherPrincipal).get("/meetings/" + id);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("open to its participants and to the staff of that school");
        assertThat(signIn(city.otherPrincipal).get("/meetings").body()).doesNotContain("href=\"/meetings/" + id + "\"");
        Client mentor = signIn(city.mentor);
        assertThat(mentor.get("/meetings").body()).contains("id=\"open-refused\"").doesNotContain("id=\"open-meeting\"");
        HttpResponse<String> opened = mentor.post("/meetings", mentor.form("school", city.school.value(), "date", TestCity.TODAY.toString(),
                "purpose", "x", "participants", ""));
        assertThat(opened.statusCode()).isEqualTo(403);
        assertThat(principal.get("/meetings/NOPE").statusCode()).isEqualTo(404);
    }

    @Test
    void theStudentsWhoseFlagsChangedSinceTheLastMeetingAreThoseWhoseVisibleLevelsDiffer() {
        Client principal = signIn(city.principal);
        LocalDate earlier = LocalDate.of(2017, 11, 1);
        open(principal, earlier);
        String id = open(principal, TestCity.TODAY);
        String page = principal.get("/meetings/" + id).body();
        // The last meeting before this one is the latest one opened before today at the school (other tests open meetings
        // today, which are not before it).
        LocalDate last = district.current().data().meetings().lastMeetingBefore(city.school, TestCity.TODAY).orElseThrow().date();
        assertThat(page).contains("last meeting before this one was on " + last);
        // The oracle: the school's lists as of that day and as of today, straight from sdk-metrics.
        var then = org.communityschools.metrics.EarlyWarning.evaluate(city.data, city.school, org.communityschools.core.model.SchoolYear
                .containing(TestCity.TODAY), org.communityschools.metrics.EarlyWarningDefinition.EVERYONE_GRADUATES, last);
        var now = org.communityschools.metrics.EarlyWarning.evaluate(city.data, city.school, org.communityschools.core.model.SchoolYear
                .containing(TestCity.TODAY), org.communityschools.metrics.EarlyWarningDefinition.EVERYONE_GRADUATES, TestCity.TODAY);
        Set<String> differ = new TreeSet<>();
        for (var e : now.entries()) {
            var b = then.entries().stream().filter(x -> x.studentId().equals(e.studentId())).findFirst();
            for (var i : org.communityschools.metrics.EarlyWarningFlag.Indicator.values()) {
                if (!b.flatMap(x -> x.flag(i)).map(f -> f.level()).equals(e.flag(i).map(f -> f.level()))) {
                    differ.add(e.studentId().value());
                }
            }
        }
        Set<String> shown = new TreeSet<>();
        Matcher m = Pattern.compile("<tr class=\"changed-row\"><td>.*?<span class=\"note student-id\">([^<]+)</span>")
                .matcher(between(page, "<table id=\"changed\">", "</table>"));
        while (m.find()) {
            shown.add(m.group(1));
        }
        assertThat(differ).as("some flags changed since " + last).isNotEmpty();
        assertThat(shown).isNotEmpty().isSubsetOf(differ);
    }

    /**
     * For each viewer, the steps and agenda items on the page are exactly those the policy engine's own decision lets
     * through: a step about a student when the decision permits {@code meetings.actionSteps} and its grant covers the
     * meeting's school on its day; an item about a student only for a participant, under the same rule for
     * {@code meetings.notes}. The engine is built here from the test city, independently of the dashboard.
     */
    @Test
    void everyViewerSeesExactlyTheStepsAndNotesTheEnginesDecisionCovers() {
        StaffId teacher = city.data.relationshipsOfStudent(city.mentee).stream()
                .filter(x -> x.relationship() == org.communityschools.core.model.RelationshipType.TEACHER_OF && x.period().contains(TestCity.TODAY))
                .map(org.communityschools.core.model.StudentStaffRelationship::staffId).sorted().findFirst().orElseThrow();
        List<StudentId> students = new java.util.ArrayList<>(List.of(city.mentee, other));
        city.data.relationshipsOn(teacher, TestCity.TODAY).stream().map(org.communityschools.core.model.StudentStaffRelationship::studentId)
                .filter(s -> !students.contains(s)).sorted().limit(2).forEach(students::add);
        city.caseload(city.mentor).stream().filter(s -> !students.contains(s)).sorted().limit(1).forEach(students::add);
        Client principal = signIn(city.principal);
        String id = open(principal, TestCity.TODAY, city.mentor);
        for (StudentId s : students) {
            assertThat(addStep(principal, id, s, "Scope check " + s.value(), city.principal, TestCity.TODAY.plusDays(3)).statusCode()).isEqualTo(303);
            assertThat(principal.post("/meetings/" + id, principal.form("action", "agenda", "student_id", s.value(), "reason", "TREND",
                    "notes", "Scope note " + s.value())).statusCode()).isEqualTo(303);
        }
        Meeting m = district.current().data().meetings().meeting(MeetingId.of(id)).orElseThrow();
        var engine = org.communityschools.privacy.policy.PolicyEngine.builder().policy(org.communityschools.privacy.policy.Policies.defaultPolicy())
                .districtData(city.data).zone(dashboard.zone).build();
        for (StaffId viewer : List.of(city.principal, city.director, city.mentor, city.districtAdmin, teacher)) {
            var purpose = org.communityschools.privacy.policy.Purpose.of(org.communityschools.examples.cli.ViewCommand.defaultPurpose(city.data,
                    viewer, TestCity.TODAY));
            Set<String> expectedSteps = new TreeSet<>();
            Set<String> expectedItems = new TreeSet<>();
            for (ActionStep s : district.current().data().meetings().stepsOf(m.id())) {
                var d = engine.decide(viewer, s.studentId().orElseThrow(), purpose, dashboard.now());
                if (d.permits(MeetingRecorder.STEPS) && d.covers(MeetingRecorder.STEPS, m.schoolId(), m.date(), m.date())) {
                    expectedSteps.add(s.id().value());
                }
            }
            for (var i : district.current().data().meetings().agendaOf(m.id())) {
                var d = engine.decide(viewer, i.studentId().orElseThrow(), purpose, dashboard.now());
                if (m.participants().contains(viewer) && d.permits(MeetingRecorder.NOTES)
                        && d.covers(MeetingRecorder.NOTES, m.schoolId(), m.date(), m.date())) {
                    expectedItems.add(String.valueOf(i.number()));
                }
            }
            String page = signIn(viewer).get("/meetings/" + id).body();
            assertThat(attributes(between(page, "<table id=\"steps\">", "</table>"), "data-step")).as(viewer + "'s steps").isEqualTo(expectedSteps);
            assertThat(attributes(between(page, "<table id=\"agenda\">", "</table>"), "data-item")).as(viewer + "'s agenda").isEqualTo(expectedItems);
            for (StudentId s : students) {
                boolean stepShown = expectedSteps.stream().anyMatch(x -> step("Scope check " + s.value()).id().value().equals(x));
                assertThat(page.contains("Scope check " + s.value())).as(viewer + " step text of " + s).isEqualTo(stepShown);
            }
            if (viewer.equals(teacher)) {
                assertThat(expectedSteps).as("the teacher: the class's steps, the mentee's among them")
                        .contains(step("Scope check " + city.mentee.value()).id().value());
                assertThat(expectedItems).as("the teacher took no part: no notes").isEmpty();
            }
            if (viewer.equals(city.mentor)) {
                assertThat(expectedItems).as("the mentor took part: the caseload's notes").isNotEmpty();
                assertThat(expectedSteps).as("the mentor: the caseload's steps only").hasSize((int) students.stream()
                        .filter(city.caseload(city.mentor)::contains).count());
            }
            if (viewer.equals(city.principal) || viewer.equals(city.districtAdmin)) {
                assertThat(expectedSteps).as(viewer + " sees every step").hasSize(students.size());
            }
        }
    }

    private static Set<String> attributes(String html, String name) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aStepRecordedInTheDashboardIsJournaledAndSurvivesARestart(@TempDir Path tmp) {
        Path journal = tmp.resolve("journal");
        ActionStep recorded;
        try (LiveDistrict live = LiveDistrict.builder().journal(journal).data(city.data).build();
             Dashboard d = Dashboard.builder().district(live).today(TestCity.TODAY).port(0)
                     .disclosureLog(TestCity.freshLog("meetings-journal")).demoSignIn().start()) {
            Client c = new Client(d.uri()).signIn(city.principal.value());
            c.get("/meetings");
            String id = c.post("/meetings", c.form("school", city.school.value(), "date", TestCity.TODAY.toString(), "purpose", "Review",
                    "participants", "")).headers().firstValue("location").orElseThrow().substring("/meetings/".length());
            c.get("/meetings/" + id);
            assertThat(c.post("/meetings/" + id, c.form("action", "step", "student_id", city.mentee.value(), "what", "Journaled step",
                    "owner", city.principal.value(), "due_date", TestCity.TODAY.toString())).statusCode()).isEqualTo(303);
            recorded = live.current().data().meetings().actionSteps().get(0);
        }
        try (LiveDistrict reopened = LiveDistrict.builder().journal(journal).build()) {
            assertThat(reopened.current().number()).isEqualTo(2);
            assertThat(reopened.current().data().meetings().actionSteps()).containsExactly(recorded);
        }
    }

    /** The row of step {@code step} in the table {@code table} of a page, or "" when it is not there. */
    static String stepRow(String page, String table, String step) {
        String t = between(page, "<table id=\"" + table + "\">", "</table>");
        int at = t.indexOf("data-step=\"" + step + "\"");
        return at < 0 ? "" : t.substring(at, t.indexOf("</tr>", at));
    }

    static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        if (a < 0) {
            return "";
        }
        int b = text.indexOf(to, a + from.length());
        return text.substring(a + from.length(), b < 0 ? text.length() : b);
    }
}
