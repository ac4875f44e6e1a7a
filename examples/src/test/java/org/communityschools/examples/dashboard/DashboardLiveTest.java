package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DeltaFolderWatcher;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.examples.cli.ViewCommand;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard on live data, at the HTTP level: a delta directory dropped into the watched folder shows on the next
 * page, a revoked consent applied live denies at once, a rejected delta changes nothing and its errors file locates
 * every error, attendance recorded in the dashboard is a journaled change. Each test has its own dashboard on its own
 * live district (the test city's data are shared and immutable); the watcher is polled by the test, not by a timer.
 */
class DashboardLiveTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path tmp;

    private TestCity city;
    private LiveDistrict district;
    private Dashboard dashboard;
    private DeltaFolderWatcher watcher;

    @BeforeEach
    void start() {
        city = TestCity.get();
        open(Policies.defaultPolicy());
    }

    private void open(Policy policy) {
        if (dashboard != null) {
            stop();
        }
        district = LiveDistrict.of(city.data);
        dashboard = Dashboard.builder().district(district).policy(policy).today(TestCity.TODAY).port(0)
                .disclosureLog(TestCity.freshLog("live-test")).demoSignIn().start();
        watcher = DeltaFolderWatcher.of(district, tmp.resolve("watched"), o -> { });
    }

    @AfterEach
    void stop() {
        watcher.close();
        dashboard.close();
        district.close();
    }

    private static Policy consentOnly() {
        try {
            return Policies.load(Path.of(DashboardLiveTest.class.getResource("/org/communityschools/examples/policies/consent-only.yaml").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Client client() {
        return new Client(dashboard.uri());
    }

    /** Writes a delta directory {@code name} with one file and, last, its READY marker (the completion protocol). */
    private Path drop(String name, DataFile file, List<String> rows, boolean ready) throws IOException {
        Path dir = Files.createDirectories(watcher.folder().resolve(name));
        String header = Files.readAllLines(city.dir.resolve(file.fileName())).get(0) + ",op";
        Files.write(dir.resolve(file.fileName()), concat(header, rows));
        if (ready) {
            Files.createFile(dir.resolve(DeltaFolderWatcher.READY));
        }
        return dir;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** The mentee's instructional day at the school, on or before today, that has no attendance record yet. */
    private LocalDate dayWithoutRecord() {
        List<LocalDate> recorded = city.data.attendance().recordsOf(city.mentee).stream().map(AttendanceRecord::date).toList();
        return city.data.calendar(city.school).days().stream().filter(d -> !d.isAfter(TestCity.TODAY))
                .filter(d -> city.data.enrollmentsOn(city.mentee, d).stream().anyMatch(e -> e.schoolId().equals(city.school)))
                .filter(d -> !recorded.contains(d)).reduce((a, b) -> b).orElseThrow();
    }

    private static String handleOf(Client c, StudentId student) {
        return c.post("/students/find", c.form("student_id", student.value())).headers().firstValue("location").orElseThrow()
                .substring("/student/".length());
    }

    @Test
    void aDeltaDroppedInTheWatchedFolderShowsOnTheNextPageOnlyOnceItIsReady() throws IOException {
        Client principal = client().signIn(city.principal.value());
        String handle = handleOf(principal, city.mentee);
        LocalDate day = dayWithoutRecord();
        String before = principal.get("/student/" + handle).body();
        assertThat(before).doesNotContain("<td>" + day + "</td><td>UNEXCUSED_ABSENCE</td>");
        String row = city.mentee.value() + "," + city.school.value() + "," + day + ",UNEXCUSED_ABSENCE,,,upsert";

        drop("0001-absence", DataFile.ATTENDANCE, List.of(row), false);
        assertThat(watcher.poll()).as("no READY marker: still being written, left alone").isEmpty();
        Files.createFile(watcher.folder().resolve("0001-absence").resolve(DeltaFolderWatcher.READY));
        List<DeltaFolderWatcher.Outcome> outcomes = watcher.poll();

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.applied()).isTrue();
            assertThat(o.version()).hasValue(1);
            assertThat(o.movedTo()).isEqualTo(watcher.folder().resolve(DeltaFolderWatcher.APPLIED).resolve("0001-absence"));
        });
        assertThat(watcher.folder().resolve("0001-absence")).doesNotExist();
        String after = principal.get("/student/" + handle).body();
        assertThat(after).contains("<td>" + day + "</td><td>UNEXCUSED_ABSENCE</td>");
        // one more record in the view: the summary's count goes up by exactly one
        assertThat(recordCount(after)).isEqualTo(recordCount(before) + 1);
    }

    private static int recordCount(String page) {
        Matcher m = Pattern.compile("<summary id=\"attendance-records\">([0-9]+) attendance records").matcher(page);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A Community School Director who sees a student's attendance under a parent's consent, and no longer without it. */
    private record ConsentCase(StaffId staff, Consent consent) {}

    private ConsentCase consentCase(Policy policy) {
        Instant at = TestCity.TODAY.atTime(LocalTime.NOON).atZone(ZONE).toInstant();
        for (Consent c : city.data.consents()) {
            if (c.revokedDate().isPresent() || !c.signedDate().isBefore(TestCity.TODAY)) {
                continue;
            }
            for (var a : city.data.staffAssignments()) {
                // a partner organization's employee working today (their assignment may be at a school)
                if (!city.data.staff(a.staffId()).orElseThrow().employerId().equals(c.recipientId()) || !a.period().contains(TestCity.TODAY)) {
                    continue;
                }
                Purpose purpose = Purpose.of(ViewCommand.defaultPurpose(city.data, a.staffId(), TestCity.TODAY));
                PolicyEngine before = PolicyEngine.builder().policy(policy).districtData(city.data).zone(ZONE).build();
                if (!before.decide(a.staffId(), c.studentId(), purpose, at).permits(Pages.ATTENDANCE)) {
                    continue;
                }
                try (LiveDistrict copy = LiveDistrict.of(city.data)) {
                    copy.apply(ChangeBatch.builder().upsert(revoked(c)).build());
                    PolicyEngine after = PolicyEngine.builder().policy(policy).districtData(copy.current().data())
                            .zone(ZONE).build();
                    if (!after.decide(a.staffId(), c.studentId(), purpose, at).permits(Pages.ATTENDANCE)) {
                        return new ConsentCase(a.staffId(), c);
                    }
                }
            }
        }
        throw new IllegalStateException("the test city has a partner staff member who sees attendance only under a consent");
    }

    private static Consent revoked(Consent c) {
        return new Consent(c.id(), c.studentId(), c.grantor(), c.recipientId(), c.purpose(), c.categories(), c.signedDate(),
                c.authentication(), Optional.of(TestCity.TODAY.minusDays(1)));
    }

    @Test
    void aConsentRevokedThroughTheWatchedFolderDeniesOnTheVeryNextRequest() throws IOException {
        Policy policy = consentOnly();
        open(policy);
        ConsentCase k = consentCase(policy);
        Client partner = client().signIn(k.staff().value());
        String handle = handleOf(partner, k.consent().studentId());
        HttpResponse<String> shown = partner.get("/student/" + handle);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"student-attendance-rate\"");

        // the consent's row as the directory has it, with the revocation date filled in (the last column)
        String row = Files.readAllLines(city.dir.resolve("consents.csv")).stream()
                .filter(l -> l.startsWith(k.consent().id().value() + ",")).findFirst().orElseThrow();
        assertThat(row).endsWith(",");
        drop("0001-revocation", DataFile.CONSENTS, List.of(row + TestCity.TODAY.minusDays(1) + ",upsert"), true);
        assertThat(watcher.poll()).singleElement().satisfies(o -> assertThat(o.applied()).isTrue());

        // no restart, no cache to wait for: the next page is decided on the version with the revocation
        HttpResponse<String> denied = partner.get("/student/" + handle);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("student-attendance-rate").contains("Forbidden");
        assertThat(dashboard.district().current().data().consentsOf(k.consent().studentId()))
                .filteredOn(c -> c.id().equals(k.consent().id())).singleElement()
                .satisfies(c -> assertThat(c.revokedDate()).hasValue(TestCity.TODAY.minusDays(1)));
    }

    @Test
    void aRejectedDeltaChangesNothingAndItsErrorsFileLocatesEachErrorAtFileLineColumnAndRule() throws IOException {
        Client principal = client().signIn(city.principal.value());
        String figures = principal.get("/students").body();
        LocalDate day = dayWithoutRecord();
        // line 2 is valid, line 3 has a category that does not exist (column 4): the whole batch is refused
        drop("0001-bad", DataFile.ATTENDANCE, List.of(
                city.mentee.value() + "," + city.school.value() + "," + day + ",UNEXCUSED_ABSENCE,,,upsert",
                city.mentee.value() + "," + city.school.value() + "," + day.minusDays(1) + ",SKIPPED_CLASS,,,upsert"), true);

        List<DeltaFolderWatcher.Outcome> outcomes = watcher.poll();

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.applied()).isFalse());
        assertThat(district.current().number()).as("nothing applied").isZero();
        Path moved = watcher.folder().resolve(DeltaFolderWatcher.REJECTED).resolve("0001-bad");
        assertThat(moved.resolve("attendance.csv")).exists();
        List<String> errors = Files.readAllLines(moved.resolveSibling("0001-bad" + DeltaFolderWatcher.ERRORS_SUFFIX));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e)
                .startsWith("attendance.csv:3:4: ERROR [field.format] ").contains("category"));
        assertThat(principal.get("/students").body()).as("the dashboard keeps serving the same data").isEqualTo(figures);

        // a later, valid batch is applied: a rejected one does not block the folder
        drop("0002-good", DataFile.ATTENDANCE,
                List.of(city.mentee.value() + "," + city.school.value() + "," + day + ",TARDY,,,upsert"), true);
        assertThat(watcher.poll()).singleElement().satisfies(o -> assertThat(o.version()).hasValue(1));
    }

    @Test
    void aCrossRecordRuleBrokenByTheBatchIsLocatedAtTheRowThatBrokeIt() throws IOException {
        // an absence on a Sunday: the field rules pass, the batch's rule that attendance is on an instructional day does not
        LocalDate sunday = TestCity.TODAY.with(java.time.DayOfWeek.SUNDAY).minusWeeks(1);
        drop("0001-sunday", DataFile.ATTENDANCE,
                List.of(city.mentee.value() + "," + city.school.value() + "," + sunday + ",UNEXCUSED_ABSENCE,,,upsert"), true);

        assertThat(watcher.poll()).singleElement().satisfies(o -> assertThat(o.applied()).isFalse());

        List<String> errors = Files.readAllLines(watcher.folder().resolve(DeltaFolderWatcher.REJECTED)
                .resolve("0001-sunday" + DeltaFolderWatcher.ERRORS_SUFFIX));
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("attendance.csv:2").contains("ERROR [attendance."));
        assertThat(district.current().number()).isZero();
    }

    @Test
    void attendanceRecordedInTheDashboardIsAJournaledChangeThatSurvivesARestart() {
        Path journal = tmp.resolve("journal");
        AttendanceRecord recorded;
        try (LiveDistrict live = LiveDistrict.builder().journal(journal).data(city.data).build();
             Dashboard d = Dashboard.builder().district(live).today(TestCity.TODAY).port(0)
                     .disclosureLog(TestCity.freshLog("live-journal")).demoSignIn().start()) {
            Client principal = new Client(d.uri()).signIn(city.principal.value());
            String handle = handleOf(principal, city.mentee);
            HttpResponse<String> ok = principal.postJson("/api/attendance", "{\"student\":\"" + handle + "\",\"date\":\""
                    + TestCity.TODAY + "\",\"category\":\"EXCUSED_ABSENCE\"}", Optional.of(principal.csrf));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"data_version\":1");
            recorded = live.current().data().attendance().recordsOf(city.mentee).stream()
                    .filter(r -> r.date().equals(TestCity.TODAY)).findFirst().orElseThrow();
            assertThat(recorded.category()).isEqualTo(AttendanceCategory.EXCUSED_ABSENCE);
        }
        try (LiveDistrict reopened = LiveDistrict.builder().journal(journal).build()) {
            assertThat(reopened.current().number()).isEqualTo(1);
            assertThat(reopened.current().data().attendance().recordsOf(city.mentee)).contains(recorded);
            assertThat(RecordKey.of(recorded).file()).isEqualTo(DataFile.ATTENDANCE);
        }
    }

    @Test
    void theEarlyWarningNoteNeverCountsTheStudentsAViewerMayNotSee() {
        // a Success Mentor sees only a caseload, so most flagged students of the school are not theirs to see
        String page = client().signIn(city.mentor.value()).get("/trends").body();
        Matcher note = Pattern.compile("<p class=\"note\">Everyone Graduates Center indicators(.*?)</p>").matcher(page);
        assertThat(note.find()).isTrue();
        assertThat(note.group(1)).doesNotContainPattern("[0-9]+ (flagged )?students").doesNotContain("of them")
                .contains("how many are not listed is not said");
    }
}
