package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording a participation at the HTTP level ({@code /interventions/{id}}): who may record it (the principal, a Community
 * School Director for the director's organization's programs, a Success Mentor for the caseload's check-ins), the
 * enrollment rule, and that the change is journaled with who recorded it and when. The live district here has a journal
 * directory and one more intervention, provided by the school itself (another organization than the director's).
 */
class ParticipationHttpTest {
    @TempDir
    static Path journal;
    private static TestCity city;
    private static LiveDistrict district;
    private static Dashboard dashboard;
    /** The school's Success Mentor intervention (provided by the lead partner, the director's employer). */
    private static InterventionId mentoring;
    /** A tutoring program the school provides itself. */
    private static final InterventionId TUTORING = InterventionId.of("TUTOR-SCHOOL");

    @BeforeAll
    static void start() {
        city = TestCity.get();
        district = LiveDistrict.builder().data(city.data).journal(journal).build();
        district.apply(ChangeBatch.builder().upsert(new Intervention(TUTORING, InterventionType.TUTORING, city.school, city.school,
                Optional.empty())).build());
        mentoring = city.data.interventions().stream().filter(i -> i.schoolId().equals(city.school) && i.type() == InterventionType.SUCCESS_MENTOR)
                .filter(i -> city.data.participantsOf(city.mentee).stream().anyMatch(p -> p.interventionId().equals(i.id())))
                .map(Intervention::id).findFirst().orElseThrow();
        dashboard = Dashboard.builder().district(district).today(TestCity.TODAY).port(0).disclosureLog(TestCity.freshLog("participation-http"))
                .demoSignIn().start();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        district.close();
    }

    private static HttpResponse<String> record(StaffId who, InterventionId i, StudentId student, LocalDate begin) {
        Client c = new Client(dashboard.uri()).signIn(who.value());
        assertThat(c.get("/interventions/" + i.value()).statusCode()).isEqualTo(200);
        return c.post("/interventions/" + i.value(), c.form("action", "record", "student_id", student.value(), "begin_date", begin.toString(),
                "goal", "Weekly check-in"));
    }

    private static Optional<InterventionParticipant> recorded(InterventionId i, StudentId s, LocalDate begin) {
        return district.current().data().participantsOf(s).stream()
                .filter(p -> p.interventionId().equals(i) && p.period().start().equals(begin)).findFirst();
    }

    private static String journalText() {
        try (Stream<Path> files = Files.list(journal)) {
            StringBuilder b = new StringBuilder();
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("journal-")).toList()) {
                b.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDirectorRecordsAParticipationInThePartnersProgramWithWhoAndWhenJournaled() {
        long version = district.current().number();
        HttpResponse<String> r = record(city.director, mentoring, city.mentee, TestCity.TODAY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(district.current().number()).as("one batch, one version").isEqualTo(version + 1);
        InterventionParticipant p = recorded(mentoring, city.mentee, TestCity.TODAY).orElseThrow();
        assertThat(p.recordedBy()).contains(city.director);
        assertThat(p.recordedAt()).hasValueSatisfying(at -> assertThat(at.atZone(dashboard.zone).toLocalDate()).isEqualTo(TestCity.TODAY));
        assertThat(p.status()).isEqualTo(ParticipationStatus.ACTIVE);
        assertThat(p.goal()).contains("Weekly check-in");
        assertThat(p.period().start()).isEqualTo(TestCity.TODAY);
        assertThat(journalText()).contains(mentoring.value()).as("the journal's record (a JSON string inside the batch)")
                .contains("\\\"recorded_by\\\":\\\"" + city.director.value() + "\\\"")
                .contains("recorded_at");

        // ending it: same key, closed period, status, and the recorder again
        Client c = new Client(dashboard.uri()).signIn(city.director.value());
        c.get("/interventions/" + mentoring.value());
        HttpResponse<String> ended = c.post("/interventions/" + mentoring.value(), c.form("action", "end", "student_id", city.mentee.value(),
                "begin_date", TestCity.TODAY.toString(), "end_date", TestCity.TODAY.plusDays(6).toString(), "status", "COMPLETED"));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(303);
        InterventionParticipant done = recorded(mentoring, city.mentee, TestCity.TODAY).orElseThrow();
        assertThat(done.status()).isEqualTo(ParticipationStatus.COMPLETED);
        assertThat(done.period().lastDay()).contains(TestCity.TODAY.plusDays(6));
        assertThat(done.goal()).contains("Weekly check-in");
    }

    @Test
    void aDirectorIsRefusedForAnotherOrganizationsProgram() {
        long version = district.current().number();
        HttpResponse<String> r = record(city.director, TUTORING, city.mentee, TestCity.TODAY);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("own organization");
        assertThat(district.current().number()).isEqualTo(version);
    }

    @Test
    void aMentorRecordsACheckInForAMenteeAndIsRefusedForAnotherStudent() {
        List<StudentId> caseload = city.caseload(city.mentor);
        StudentId mentee = caseload.get(caseload.size() - 1);
        LocalDate begin = TestCity.TODAY.minusDays(1);
        HttpResponse<String> r = record(city.mentor, mentoring, mentee, begin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        InterventionParticipant p = recorded(mentoring, mentee, begin).orElseThrow();
        assertThat(p.recordedBy()).contains(city.mentor);
        assertThat(p.staffId()).as("the mentor delivers the check-ins").contains(city.mentor);

        StudentId other = city.data.enrollmentsAt(city.school).stream().filter(e -> e.isEnrolledOn(TestCity.TODAY)).map(Enrollment::studentId)
                .filter(s -> !caseload.contains(s)).sorted().findFirst().orElseThrow();
        long version = district.current().number();
        assertThat(record(city.mentor, mentoring, other, begin).statusCode()).isEqualTo(403);
        assertThat(recorded(mentoring, other, begin)).isEmpty();
        assertThat(district.current().number()).isEqualTo(version);
    }

    @Test
    void aTeacherIsRefused() {
        StaffAssignment teacher = city.data.staffAssignments().stream().filter(a -> a.role() == StaffRole.TEACHER
                && a.organizationId().equals(city.school) && a.period().contains(TestCity.TODAY)).findFirst().orElseThrow();
        StudentId student = city.data.relationshipsOn(teacher.staffId(), TestCity.TODAY).get(0).studentId();
        long version = district.current().number();
        HttpResponse<String> r = record(teacher.staffId(), TUTORING, student, TestCity.TODAY);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(district.current().number()).isEqualTo(version);
    }

    @Test
    void aStudentNotEnrolledAtTheSchoolOnTheStartDateIsRefusedNamingTheRule() {
        // a student enrolled today who entered the school after the principal's assignment began: the day before the
        // entry the principal holds the role but the student is not enrolled there
        LocalDate principalSince = city.data.assignmentsOn(city.principal, TestCity.TODAY).stream()
                .filter(a -> a.organizationId().equals(city.school)).findFirst().orElseThrow().period().start();
        Enrollment late = city.data.enrollmentsAt(city.school).stream().filter(e -> e.isEnrolledOn(TestCity.TODAY))
                .filter(e -> e.entryDate().isAfter(principalSince.plusDays(1)))
                .filter(e -> city.data.enrollmentsOn(e.studentId(), e.entryDate().minusDays(1)).stream().noneMatch(x -> x.schoolId().equals(city.school)))
                .findFirst().orElseThrow();
        LocalDate before = late.entryDate().minusDays(1);
        long version = district.current().number();
        HttpResponse<String> r = record(city.principal, TUTORING, late.studentId(), before);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("participation.enrolled").contains("must be enrolled at the intervention");
        assertThat(district.current().number()).isEqualTo(version);
    }
}
