package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.examples.cli.ViewCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven by Selenium through the system's chromedriver (the
 * driver path is set explicitly, so Selenium Manager never downloads anything). Every viewer signs in through the login
 * page of a real OpenID Connect provider started in-process (mock-oauth2-server with {@code interactiveLogin}: the
 * browser types the user and the {@code staff_id} claim into the provider's form). What each viewer sees and does not
 * see of the same student is checked against the policy engine's own decision for that viewer. Screenshots go to
 * target/screenshots. Without chromium or chromedriver the tests are skipped, except on CI ({@code CI=true}), where
 * they fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static TestCity city;
    private static Dashboard dashboard;
    private static Dashboard demo;
    private static MockOAuth2Server provider;
    private static WebDriver browser;
    private static ChromeDriverService service;
    private static Path profile;
    private static PolicyEngine engine;
    private static String missing;

    @BeforeEach
    void browserPresent() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: the browser tests may not be skipped)");
            }
            missing = message;
            System.err.println("SKIPPED DashboardBrowserTest: " + message);
            return;
        }
        city = TestCity.get();
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start(InetAddress.getLoopbackAddress(), 0);
        dashboard = Dashboard.builder().data(city.data).today(TestCity.TODAY).disclosureLog(TestCity.freshLog("browser-test"))
                .openIdConnect(OpenIdConnect.builder().issuer(URI.create(provider.issuerUrl("district").toString()))
                        .clientId("dashboard").build()).port(0).start();
        demo = city.start("browser-demo");
        engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(city.data).zone(dashboard.zone).build();
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("dashboard-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1200,900", "--no-first-run");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (demo != null) {
            demo.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Signs in through the provider's login page: the user name, and the staff id as a claim of the ID token. */
    private static void signIn(StaffId staff) {
        browser.get(dashboard.uri().resolve("/static/dashboard.css").toString()); // on the dashboard's site, showing no student
        browser.manage().deleteAllCookies();
        browser.get(dashboard.uri().toString());
        clickAndWait(By.id("signin-button"));
        assertThat(browser.getCurrentUrl()).as("the provider's login page").startsWith(provider.authorizationEndpointUrl("district").toString());
        browser.findElement(By.name("username")).sendKeys("user-" + staff.value());
        browser.findElement(By.name("claims")).sendKeys("{\"staff_id\": \"" + staff.value() + "\"}");
        browser.findElement(By.cssSelector("input[type=submit]")).click();
        WebElement who = new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "signed-in page; got: " + browser.getPageSource())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertThat(who.getText()).contains(staff.value());
    }

    /** Opens a student with the find form (the id goes in the request body, never in the address). */
    private static void open(StudentId student) {
        for (int attempt = 1; ; attempt++) {
            browser.get(dashboard.uri().resolve("/students").toString());
            browser.findElement(By.id("student_id")).sendKeys(student.value());
            try {
                clickAndWait(By.id("find-button"));
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                // the form's document was replaced under the click (a navigation still pending from the page before,
                // such as the signed-in page's refresh): the typed id went with it, so load the form and type again
                if (attempt == 3 || !replaced(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean replaced(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Clicks and waits until the browser has left the page (a form's answer or a link's page has loaded). */
    private static void clickAndWait(By by) {
        for (int attempt = 1; ; attempt++) {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
            WebElement page = browser.findElement(By.tagName("html"));
            try {
                browser.findElement(by).click();
            } catch (org.openqa.selenium.WebDriverException e) {
                // a stale element, or Chromium's "Node with given id does not belong to the document" for a click on a
                // document being replaced: the click did not happen; wait for the new document and find the element again
                if (attempt == 3 || !replaced(e)) {
                    throw e;
                }
                continue;
            }
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
            return;
        }
    }

    private static void screenshot(String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Decision decision(StaffId viewer, StudentId student) {
        Purpose purpose = Purpose.of(ViewCommand.defaultPurpose(city.data, viewer, TestCity.TODAY));
        return engine.decide(viewer, student, purpose, dashboard.now());
    }

    private static String section(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    @Order(1)
    void theDemoSignInPageListsTheDirectorysStaffAndSaysItIsADemo() {
        browser.get(demo.uri().toString());
        browser.manage().deleteAllCookies();
        browser.get(demo.uri().toString());
        screenshot("sign-in-demo");
        assertThat(new Select(browser.findElement(By.id("staff_id"))).getOptions()).hasSize(city.data.staff().size());
        assertThat(browser.findElement(By.id("demo-sign-in")).getText()).contains("nobody is authenticated");
        new Select(browser.findElement(By.id("staff_id"))).selectByValue(city.mentor.value());
        clickAndWait(By.id("signin-button"));
        assertThat(browser.findElement(By.id("who")).getText()).contains(city.mentor.value());
        assertThat(browser.findElement(By.id("demo-sign-in")).isDisplayed()).as("on every page").isTrue();
    }

    @Test
    @Order(2)
    void signInGoesThroughTheProvidersLoginPageAndSignOutEndsBothSessions() {
        browser.get(dashboard.uri().toString());
        browser.manage().deleteAllCookies();
        browser.get(dashboard.uri().toString());
        screenshot("sign-in");
        assertThat(browser.findElements(By.id("staff_id"))).as("no picker").isEmpty();
        assertThat(browser.findElements(By.id("demo-sign-in"))).isEmpty();
        clickAndWait(By.id("signin-button"));
        screenshot("sign-in-provider");
        signIn(city.principal);
        assertThat(browser.manage().getCookieNamed(Dashboard.COOKIE).isHttpOnly()).isTrue();
        clickAndWait(By.id("signout"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signin-button")));
        assertThat(browser.getCurrentUrl()).as("back at the dashboard after the provider's sign-out").startsWith(dashboard.uri().toString());
        assertThat(browser.manage().getCookieNamed(Dashboard.COOKIE)).isNull();
        browser.get(dashboard.uri().resolve("/students").toString());
        assertThat(browser.findElements(By.id("who"))).as("signed out").isEmpty();
    }

    @Test
    @Order(3)
    void principalCsdAndMentorEachSeeOfTheSameStudentExactlyWhatThePolicyGrantsThem() {
        Map<StaffId, String> shots = Map.of(city.principal, "student-principal", city.director, "student-csd", city.mentor, "student-mentor");
        Set<String> differences = new TreeSet<>();
        for (StaffId viewer : List.of(city.principal, city.director, city.mentor)) {
            signIn(viewer);
            open(city.mentee);
            Decision d = decision(viewer, city.mentee);
            assertThat(browser.getCurrentUrl()).doesNotContain(city.mentee.value());
            screenshot(shots.get(viewer));
            assertThat(browser.findElements(By.id("student-name")).isEmpty()).as(viewer + " name withheld").isEqualTo(!d.permits(Pages.NAME));
            assertThat(browser.findElements(By.id("student-id")).isEmpty()).as(viewer + " id withheld").isEqualTo(!d.permits(Pages.STUDENT_ID));
            for (Map.Entry<String, FieldPath> s : Map.of("attendance", Pages.ATTENDANCE, "behavior", Pages.INCIDENTS, "coursework",
                    Pages.MARKS, "interventions", Pages.PARTICIPATION).entrySet()) {
                boolean permitted = d.permits(s.getValue());
                String text = section(s.getKey());
                List<WebElement> sectionWithheld = browser.findElements(By.cssSelector("#" + s.getKey() + " > p > .withheld"));
                assertThat(sectionWithheld.isEmpty()).as(viewer + " sees " + s.getKey()).isEqualTo(permitted);
                if (!permitted) {
                    assertThat(text).as(viewer + " may not see " + s.getKey()).contains("withheld");
                    assertThat(text).contains(d.denialReason(s.getValue()).orElseThrow());
                    differences.add(viewer.value() + ":" + s.getKey());
                }
            }
            // The categories withheld are listed with the policy's reasons.
            List<WebElement> withheld = browser.findElements(By.cssSelector("#withheld li.withheld-category"));
            assertThat(withheld).hasSize(d.denials().size());
        }
        assertThat(differences).as("the mentor may not see behavior or coursework; the principal sees both")
                .contains(city.mentor.value() + ":behavior", city.mentor.value() + ":coursework")
                .noneMatch(x -> x.startsWith(city.principal.value()));
    }

    @Test
    @Order(4)
    void myStudentsListsExactlyThoseThePolicyLetsEachSeeAndEveryRowIsInTheDisclosureLog() {
        for (StaffId viewer : List.of(city.mentor, city.director, city.principal)) {
            long before = DashboardHttpTest.entries(dashboard.disclosureLog()).size();
            signIn(viewer);
            List<WebElement> rows = browser.findElements(By.cssSelector("#students tr.student-row"));
            List<JsonNode> all = DashboardHttpTest.entries(dashboard.disclosureLog());
            Set<String> logged = new TreeSet<>();
            for (JsonNode e : all.subList((int) before, all.size())) {
                assertThat(e.path("requester").asString()).isEqualTo(viewer.value());
                logged.add(e.path("student").asString());
            }
            assertThat(logged).as("one student in the log for every row shown to " + viewer).hasSize(rows.size());
            if (viewer.equals(city.mentor)) {
                assertThat(rows).as("the mentor's caseload").hasSize(city.caseload(city.mentor).size());
                screenshot("my-students-mentor");
            }
            if (viewer.equals(city.principal)) {
                screenshot("my-students-principal");
                clickAndWait(By.id("sort-rate"));
                assertThat(browser.getCurrentUrl()).contains("sort=rate").doesNotContain("S0");
            }
        }
        assertThat(DisclosureLogs.verify(dashboard.disclosureLog()).isIntact()).isTrue();
    }

    @Test
    @Order(5)
    void recordingAnAbsenceLowersTheStudentsAndTheSchoolsRateAtOnce() {
        signIn(city.principal);
        double schoolBefore = percent(browser.findElement(By.id("school-days-present")).getText());
        open(city.mentee);
        String before = browser.findElement(By.id("student-attendance-rate")).getText();
        LocalDate day = presentDay();
        WebElement date = browser.findElement(By.id("date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", date, day.toString());
        new Select(browser.findElement(By.id("category"))).selectByValue("UNEXCUSED_ABSENCE");
        clickAndWait(By.id("record-button"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("Recorded UNEXCUSED_ABSENCE on " + day);
        String after = browser.findElement(By.id("student-attendance-rate")).getText();
        screenshot("student-after-recording");
        assertThat(percent(after)).isLessThan(percent(before));
        browser.get(dashboard.uri().resolve("/students").toString());
        assertThat(percent(browser.findElement(By.id("school-days-present")).getText())).as("days present at the school")
                .isEqualTo(schoolBefore - 1);
    }

    @Test
    @Order(6)
    void aMentorMayNotRecordAttendance() {
        signIn(city.mentor);
        open(city.mentee);
        assertThat(browser.findElements(By.id("record"))).isEmpty();
        assertThat(browser.findElement(By.id("record-refused")).getText()).contains("attendance keepers");
    }

    @Test
    @Order(7)
    void anotherSchoolsPrincipalCannotReachTheStudentByEditingTheAddressOrById() {
        signIn(city.principal);
        open(city.mentee);
        String address = browser.getCurrentUrl();
        signIn(city.otherPrincipal);
        browser.get(address);
        assertThat(browser.findElement(By.cssSelector(".refused")).getText()).contains("403").contains("not issued to you");
        String edited = address.substring(0, address.lastIndexOf('/') + 1) + city.mentee.value();
        browser.get(edited);
        assertThat(browser.findElement(By.cssSelector(".refused")).getText()).contains("403");
        open(city.mentee);
        String refusal = browser.findElement(By.cssSelector(".refused")).getText();
        // by id, a forbidden student gets the same answer as a missing one (ids cannot be enumerated)
        assertThat(refusal).contains("403").contains(Pages.NOT_FOUND_OR_FORBIDDEN);
        screenshot("forbidden");
    }

    @Test
    @Order(8)
    void schoolTrendsInterventionsAndTheVerifiedLog() {
        signIn(city.principal);
        browser.get(dashboard.uri().resolve("/trends").toString());
        assertThat(browser.findElements(By.cssSelector("#by-year tr"))).hasSizeGreaterThan(1);
        assertThat(browser.findElement(By.id("chart-years")).isDisplayed()).isTrue();
        screenshot("trends");
        browser.get(dashboard.uri().resolve("/interventions").toString());
        assertThat(browser.findElements(By.cssSelector("#outcomes tr"))).hasSizeGreaterThan(1);
        screenshot("interventions");
        signIn(city.districtAdmin);
        browser.get(dashboard.uri().resolve("/log").toString());
        assertThat(browser.findElement(By.id("verification")).getText()).startsWith("Verified");
        screenshot("disclosure-log");
    }

    /** The meeting the whole-meeting test opens, for the mentor's turn. */
    private static String meetingAddress;

    @Test
    @Order(9)
    void aWholeMeetingOpenedAStepAddedForAStudentCompletedAndSeenCompletedOnThePageAndInTheSummary() {
        signIn(city.principal);
        browser.get(dashboard.uri().resolve("/meetings").toString());
        browser.findElement(By.id("purpose")).clear();
        browser.findElement(By.id("purpose")).sendKeys("March attendance review");
        clickAndWait(By.id("open-button"));
        meetingAddress = browser.getCurrentUrl();
        assertThat(meetingAddress).contains("/meetings/MT").doesNotContain("S0");
        assertThat(browser.findElement(By.id("meeting-date")).getText()).isEqualTo(TestCity.TODAY.toString());
        assertThat(browser.findElement(By.id("follow-up-link")).getAttribute("href")).endsWith("/follow-up?meeting="
                + meetingAddress.substring(meetingAddress.lastIndexOf('/') + 1));
        addStep(city.mentee, "Call home about the absences", city.mentor);
        assertThat(browser.findElement(By.id("flash")).getText()).contains("added");
        addStep(otherStudent(), "Refer to the counselor", city.principal);
        WebElement row = stepRow("Call home about the absences");
        String step = row.getAttribute("data-step");
        assertThat(row.findElement(By.className("status")).getText()).isEqualTo("OPEN");
        screenshot("meeting-step-added");
        clickAndWait(By.cssSelector("#steps tr[data-step='" + step + "'] button.complete"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("Step " + step + " completed on " + TestCity.TODAY);
        assertThat(stepRow("Call home about the absences").findElement(By.className("status")).getText())
                .isEqualTo("DONE " + TestCity.TODAY);
        screenshot("meeting-step-completed");
        clickAndWait(By.id("summary-link"));
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("form"))).as("nothing to submit on paper").isEmpty();
        WebElement printed = browser.findElement(By.cssSelector("#summary-steps tr[data-step='" + step + "']"));
        assertThat(printed.getText()).contains("Call home about the absences");
        assertThat(printed.findElement(By.className("status")).getText()).isEqualTo("DONE " + TestCity.TODAY);
        assertThat(browser.findElement(By.id("summary-steps")).getText()).contains("Refer to the counselor");
        screenshot("meeting-summary-principal");

        // the follow-up of the meeting: the completed step, done on time, with the figures the calculator gives
        browser.get(meetingAddress);
        clickAndWait(By.id("follow-up-link"));
        WebElement followed = browser.findElement(By.cssSelector("#follow-up tr[data-step='" + step + "']"));
        assertThat(followed.getText()).contains("Call home about the absences");
        assertThat(followed.findElement(By.className("status")).getText()).isEqualTo("DONE " + TestCity.TODAY);
        assertThat(followed.findElement(By.className("on-time")).getText()).isEqualTo("on time");
        org.communityschools.metrics.ActionStepOutcome o = org.communityschools.metrics.ActionStepFollowUp.evaluate(
                dashboard.live.district.current().data(), org.communityschools.core.model.SchoolYear.containing(TestCity.TODAY),
                TestCity.TODAY, FollowUpPages.WINDOW_DAYS, org.communityschools.metrics.ChronicAbsenceDefinition.FEDERAL,
                org.communityschools.metrics.InterventionOutcomes.DEFAULT_BAND, FollowUpPages.MATCHES)
                .step(org.communityschools.core.model.ActionStepId.of(step)).orElseThrow();
        assertThat(o.measured()).as("the meeting's day is an instructional day: one day after").isEqualTo(1);
        assertThat(followed.findElement(By.className("attendance")).getText()).isEqualTo(FollowUpPages.attendance(o.figures()));
        assertThat(followed.findElement(By.className("incidents")).getText()).isEqualTo(FollowUpPages.incidents(o.figures()));
        assertThat(followed.findElement(By.className("marks")).getText()).isEqualTo(FollowUpPages.marks(o.figures()));
        assertThat(browser.findElement(By.id("follow-up")).getText()).contains("Refer to the counselor");
        screenshot("follow-up-principal");
    }

    @Test
    @Order(10)
    void aMentorSignedInSeesOnlyTheCaseloadsStepsOfThatMeeting() {
        Assumptions.assumeTrue(meetingAddress != null, "the whole-meeting test ran first");
        signIn(city.mentor);
        browser.get(meetingAddress);
        List<String> shown = browser.findElements(By.cssSelector("#steps tr.step-row")).stream().map(WebElement::getText).toList();
        assertThat(shown).hasSize(1).allMatch(t -> t.contains("Call home about the absences"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Refer to the counselor")
                .doesNotContain(otherStudent().value());
        assertThat(browser.findElement(By.id("withheld-count")).getText()).startsWith("1 step and 0 agenda items are not shown to you");
        screenshot("meeting-mentor");
        clickAndWait(By.id("summary-link"));
        assertThat(browser.findElements(By.cssSelector("#summary-steps tr.summary-step"))).hasSize(1);
        assertThat(browser.findElement(By.id("summary-withheld")).getText()).startsWith("1 step and 0 agenda items are not shown to you");
        assertThat(browser.getPageSource()).doesNotContain("Refer to the counselor");
        screenshot("meeting-summary-mentor");

        // the follow-up: the caseload's step only, for this meeting and for all the mentor's meetings
        browser.get(meetingAddress);
        clickAndWait(By.id("follow-up-link"));
        List<String> followed = browser.findElements(By.cssSelector("#follow-up tr.follow-up-row")).stream().map(WebElement::getText).toList();
        assertThat(followed).hasSize(1).allMatch(t -> t.contains("Call home about the absences"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Refer to the counselor")
                .doesNotContain(otherStudent().value());
        assertThat(browser.findElement(By.id("follow-up-withheld")).getText()).startsWith("1 step is not shown to you");
        screenshot("follow-up-mentor");
        clickAndWait(By.linkText("Follow-up"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Call home about the absences")
                .doesNotContain("Refer to the counselor");
    }

    /** Fills the meeting page's step form for {@code student} (typed id, in the request body) and submits it. */
    private static void addStep(StudentId student, String what, StaffId owner) {
        browser.findElement(By.id("step-student")).sendKeys(student.value());
        browser.findElement(By.id("step-what")).sendKeys(what);
        new Select(browser.findElement(By.id("step-owner"))).selectByValue(owner.value());
        clickAndWait(By.id("add-step-button"));
        assertThat(browser.findElements(By.cssSelector(".refused"))).as("recorded: " + browser.getPageSource()).isEmpty();
    }

    private static WebElement stepRow(String what) {
        return browser.findElements(By.cssSelector("#steps tr.step-row")).stream().filter(r -> r.getText().contains(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no step row " + what + " in " + section("steps")));
    }

    /** A student of the school on the dashboard's date whom the mentor does not mentor. */
    private static StudentId otherStudent() {
        List<StudentId> caseload = city.caseload(city.mentor);
        return city.data.enrollmentsAt(city.school).stream().filter(e -> e.isEnrolledOn(TestCity.TODAY))
                .map(org.communityschools.core.model.Enrollment::studentId).filter(s -> !caseload.contains(s)).sorted().findFirst().orElseThrow();
    }

    /** The mentee's latest instructional day up to today with no attendance row: a present day to turn into an absence. */
    private static LocalDate presentDay() {
        var school = city.data.enrollmentsOn(city.mentee, TestCity.TODAY).get(0).schoolId();
        Set<LocalDate> recorded = new TreeSet<>();
        city.data.attendance().recordsOf(city.mentee, school).forEach(r -> recorded.add(r.date()));
        return city.data.calendar(school).days().stream().filter(d -> !d.isAfter(TestCity.TODAY) && !recorded.contains(d))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static double percent(String text) {
        return Double.parseDouble(text.replace("%", "").strip());
    }
}
