package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.Student;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's security rules and disclosure logging at the HTTP level (java.net.http, no browser). */
class DashboardHttpTest {
    private static TestCity city;
    private static Dashboard dashboard;

    @BeforeAll
    static void start() {
        city = TestCity.get();
        dashboard = city.start("http-test");
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    private static Client client() {
        return new Client(dashboard.uri());
    }

    @Test
    void noSessionBeforeSignInThenAnHttpOnlySameSiteStrictCookieRenewedAtEverySignIn() {
        Client c = client();
        HttpResponse<String> first = c.get("/");
        assertThat(first.headers().allValues("set-cookie")).as("an anonymous visit leaves nothing on the server").isEmpty();
        assertThat(c.get("/students").headers().allValues("set-cookie")).isEmpty();
        HttpResponse<String> signedIn = c.post("/signin", c.form("staff_id", city.principal.value()));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("set-cookie").orElseThrow()).startsWith(Dashboard.COOKIE + "=")
                .contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/").doesNotContain("Secure");
        String first1 = c.cookie;
        c.get("/students");
        c.post("/signin", c.form("staff_id", city.mentor.value()));
        assertThat(c.cookie).as("a new session id at sign-in (no session fixation)").isNotEqualTo(first1);
        Client old = client();
        old.cookie = first1;
        assertThat(old.get("/students").statusCode()).as("the session replaced at sign-in is gone").isEqualTo(303);
    }

    @Test
    void anUnknownAddressGetsTheDashboardsOwn404WithItsHeaders() {
        HttpResponse<String> anonymous = client().get("/nowhere");
        assertThat(anonymous.statusCode()).as("signed out: to the sign-in page, as for any page").isEqualTo(303);
        assertThat(anonymous.headers().allValues("set-cookie")).isEmpty();
        HttpResponse<String> r = client().signIn(city.principal.value()).get("/nowhere");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no such page");
        assertThat(r.headers().firstValue("content-security-policy").orElseThrow()).contains("frame-ancestors 'none'");
    }

    @Test
    void everyPageOfTheDemoSignInSaysSo() {
        Client c = client();
        assertThat(c.get("/").body()).contains("id=\"demo-sign-in\"");
        c.signIn(city.principal.value());
        assertThat(c.get("/students").body()).contains("id=\"demo-sign-in\"");
        assertThat(c.get("/student/nothing").body()).contains("id=\"demo-sign-in\"");
    }

    @Test
    void theSignInFormsTokenIsSignedAndAFormFromAnotherSiteIsRefused() {
        Client c = client();
        c.get("/");
        assertThat(c.post("/signin", Map.of("csrf", "forged", "staff_id", city.principal.value())).statusCode()).isEqualTo(403);
        assertThat(c.post("/signin", c.form("staff_id", city.principal.value()), "Origin", "https://evil.example").statusCode())
                .as("cross-site form").isEqualTo(403);
        assertThat(c.post("/signin", c.form("staff_id", city.principal.value()), "Sec-Fetch-Site", "same-site").statusCode())
                .isEqualTo(403);
        assertThat(c.post("/signin", c.form("staff_id", city.principal.value())).statusCode()).isEqualTo(303);
    }

    @Test
    void signOutEndsTheSessionAndClearsTheCookie() {
        Client c = client().signIn(city.principal.value());
        String session = c.cookie;
        HttpResponse<String> out = c.post("/signout", c.form());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("location")).contains("/");
        assertThat(out.headers().firstValue("set-cookie").orElseThrow()).startsWith(Dashboard.COOKIE + "=;").contains("Max-Age=0");
        assertThat(c.cookie).isNull();
        Client replay = client();
        replay.cookie = session;
        assertThat(replay.get("/students").statusCode()).as("the old session id no longer signs anyone in").isEqualTo(303);
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndAreNotCached() {
        Client c = client().signIn(city.principal.value());
        HttpResponse<String> r = c.get("/students");
        assertThat(r.headers().firstValue("content-security-policy").orElseThrow()).contains("default-src 'none'").doesNotContain("script-src");
        assertThat(r.headers().firstValue("cache-control")).contains("no-store");
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedWith403() {
        Client c = client().signIn(city.principal.value());
        Map<String, String> noToken = Map.of("student_id", city.mentee.value());
        assertThat(c.post("/students/find", noToken).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = c.post("/students/find", Map.of("csrf", "not-the-token", "student_id", city.mentee.value()));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("CSRF token");
        assertThat(c.postJson("/api/attendance", "{}", Optional.empty()).statusCode()).isEqualTo(403);
        assertThat(c.post("/students/find", c.form("student_id", city.mentee.value())).statusCode()).as("with the token").isEqualTo(303);
    }

    @Test
    void myStudentsSortsByAttendanceRateBothWays() {
        Client c = client().signIn(city.principal.value());
        List<Double> ascending = rates(c.get("/students?sort=rate&dir=asc").body());
        List<Double> descending = rates(c.get("/students?sort=rate&dir=desc").body());
        assertThat(ascending).hasSizeGreaterThan(1).isSorted();
        List<Double> reversed = new ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
    }

    private static List<Double> rates(String html) {
        Matcher m = Pattern.compile("<td class=\"num rate\">([0-9.]+)%</td>").matcher(html);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    /**
     * The trend chart and its table use the same as-of date: the current year's row of the by-year table is "to
     * 2018-03-01" (the dashboard's today), and the chart's point for community schools in 2017-18 carries the same
     * "n of d" as the table's community-schools cell, not the whole year's figure.
     */
    @Test
    void theTrendChartAndItsTableUseTheSameAsOfDate() {
        String page = client().signIn(city.principal.value()).get("/trends").body();
        Matcher row = Pattern.compile("<tr><td>2017-18 \\(to " + TestCity.TODAY + "\\)</td>(.*?)</tr>").matcher(page);
        assertThat(row.find()).as("the current year's row, to today").isTrue();
        Matcher cells = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row.group(1));
        List<String> values = new ArrayList<>();
        while (cells.find()) {
            values.add(cells.group(1));
        }
        String community = values.get(2); // this school: chronic, attendance; then community schools
        assertThat(community).matches("[0-9.]+% \\([0-9]+ of [0-9]+\\)");
        assertThat(page).contains("community schools 2017-18: " + community + "</title>");
    }

    @Test
    void signInAsSomeoneNotInTheDataIsRefused() {
        Client c = client();
        c.get("/");
        assertThat(c.post("/signin", c.form("staff_id", "NOBODY")).statusCode()).isEqualTo(403);
        assertThat(c.get("/students").statusCode()).as("still signed out").isEqualTo(303);
    }

    @Test
    void noStudentIdAppearsInAnyAddressOfAPage() {
        Client c = client().signIn(city.principal.value());
        String page = c.get("/students").body();
        List<String> links = Client.studentLinks(page);
        assertThat(links).isNotEmpty();
        Set<String> ids = new TreeSet<>();
        city.data.students().forEach(s -> ids.add(s.id().value()));
        Matcher m = Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(page + c.get("/trends").body() + c.get("/interventions").body());
        while (m.find()) {
            String address = m.group(1);
            assertThat(ids).noneMatch(address::contains);
        }
    }

    @Test
    void anotherSchoolsStudentIsForbiddenWithTheReasonByIdAndByHandle() {
        Client owner = client().signIn(city.principal.value());
        String handle = Client.studentLinks(owner.get("/students").body()).get(0);
        Client other = client().signIn(city.otherPrincipal.value());

        HttpResponse<String> byHandle = other.get(handle);
        assertThat(byHandle.statusCode()).isEqualTo(403);
        assertThat(byHandle.body()).contains("was not issued to you in this session");

        HttpResponse<String> byId = other.post("/students/find", other.form("student_id", city.mentee.value()));
        assertThat(byId.statusCode()).isEqualTo(403);
        // a forbidden student and a missing one get the same answer, so ids cannot be enumerated
        HttpResponse<String> missing = other.post("/students/find", other.form("student_id", "S99999999"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(reason(byId.body())).isEqualTo(reason(missing.body()))
                .contains(org.communityschools.examples.dashboard.Pages.NOT_FOUND_OR_FORBIDDEN);

        HttpResponse<String> guessed = other.get("/student/" + city.mentee.value());
        assertThat(guessed.statusCode()).as("a student id is no handle").isEqualTo(403);
    }

    @Test
    void recordingAttendanceIsForAttendanceKeepersAndChangesTheSchoolsRateAtOnce() {
        Client mentor = client().signIn(city.mentor.value());
        String mentorHandle = Client.studentLinks(mentor.get("/students").body()).get(0).substring("/student/".length());
        HttpResponse<String> refused = mentor.postJson("/api/attendance", "{\"student\":\"" + mentorHandle + "\",\"date\":\""
                + TestCity.TODAY + "\",\"category\":\"UNEXCUSED_ABSENCE\"}", Optional.of(mentor.csrf));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("attendance keepers");

        Client principal = client().signIn(city.principal.value());
        String handle = principal.post("/students/find", principal.form("student_id", city.mentee.value())).headers()
                .firstValue("location").orElseThrow().substring("/student/".length());
        HttpResponse<String> ok = principal.postJson("/api/attendance", "{\"student\":\"" + handle + "\",\"date\":\"" + TestCity.TODAY
                + "\",\"category\":\"OUT_OF_SCHOOL_SUSPENSION\"}", Optional.of(principal.csrf));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(ok.body());
        long before = json.path("school_attendance_rate_before").path("numerator").asLong();
        long after = json.path("school_attendance_rate").path("numerator").asLong();
        assertThat(after).as("one more day absent at the school").isEqualTo(before - 1);
    }

    @Test
    void everyStudentRowShownIsInTheDisclosureLogWithOnlyTheFieldsShown() {
        Client c = client().signIn(city.director.value());
        long before = entries(dashboard.disclosureLog()).size();
        String page = c.get("/students").body();
        int rows = Client.studentLinks(page).size();
        List<JsonNode> added = entries(dashboard.disclosureLog()).subList((int) before, entries(dashboard.disclosureLog()).size());
        Set<String> students = new TreeSet<>();
        for (JsonNode e : added) {
            assertThat(e.path("requester").asString()).isEqualTo(city.director.value());
            students.add(e.path("student").asString());
            e.path("fields").values().forEach(f -> assertThat(Pages.ROW_FIELDS).extracting(Object::toString).contains(f.asString()));
        }
        assertThat(rows).isPositive();
        assertThat(students).hasSize(rows);
        assertThat(DisclosureLogs.verify(dashboard.disclosureLog()).isIntact()).isTrue();
    }

    @Test
    void theDisclosureLogPageIsForDistrictAdministratorsOnly() {
        assertThat(client().signIn(city.mentor.value()).get("/log").statusCode()).isEqualTo(403);
        HttpResponse<String> admin = client().signIn(city.districtAdmin.value()).get("/log");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Verified: the hash chain");
    }

    @Test
    void textFromTheDataIsEscapedInEveryPage() throws IOException {
        String attack = "<img src=x onerror=alert(1)>";
        Student victim = city.data.student(city.mentee).orElseThrow();
        Path copy = city.copyWithStudentName(victim.id(), attack);
        try (Dashboard d = Dashboard.builder().data(DistrictDataReader.builder().build().read(copy).data()).today(TestCity.TODAY).port(0)
                .disclosureLog(TestCity.freshLog("escaping")).demoSignIn().start()) {
            Client c = new Client(d.uri()).signIn(city.principal.value());
            String list = c.get("/students").body();
            String page = c.post("/students/find", c.form("student_id", victim.id().value())).headers().firstValue("location").orElseThrow();
            List<String> pages = new ArrayList<>(List.of(list, c.get("/trends").body(), c.get("/interventions").body(), c.get(page).body()));
            assertThat(String.join("", pages)).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(attack);
        }
    }

    static List<JsonNode> entries(Path log) {
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            return Files.readAllLines(log).stream().map(l -> mapper.readTree(l)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refusal's reason paragraph of a page. */
    private static String reason(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p class=\"reason\">(.*?)</p>").matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
