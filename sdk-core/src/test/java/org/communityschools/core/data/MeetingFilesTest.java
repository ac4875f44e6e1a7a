package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.live.SmallDistrict;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AgendaReason;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.testing.DomainArbitraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meeting files of the data directory (docs/meetings.md): meetings.csv, agenda_items.csv and action_steps.csv
 * round-trip through the writer, the reader and the JSON module; their field and cross-record rules give located
 * errors; a directory without them reads as before; an action step is a live change like any other.
 */
class MeetingFilesTest {
    private static final MeetingId M = MeetingId.of("MT1");
    private static final LocalDate MEETING_DAY = LocalDate.of(2017, 10, 2);
    private static final Instant AT = Instant.parse("2017-10-02T15:30:00Z");

    static Meeting meeting() {
        return new Meeting(M, SmallDistrict.K1, MEETING_DAY, "Monthly attendance review",
                new TreeSet<>(List.of(SmallDistrict.T1, SmallDistrict.M1)));
    }

    static ActionStep step(String id, ActionStepStatus status, Optional<LocalDate> completed) {
        return new ActionStep(ActionStepId.of(id), M, "Call home about absences, then check in daily", SmallDistrict.M1,
                MEETING_DAY.plusDays(14), Optional.of(SmallDistrict.student(0)), Optional.empty(), Optional.empty(),
                status, completed, SmallDistrict.T1, AT);
    }

    /** SmallDistrict with one meeting, two agenda items and two steps, built through DistrictDataBuilder. */
    static DistrictData withMeeting() {
        DistrictData base = SmallDistrict.build(3);
        DistrictDataBuilder b = DistrictData.builder();
        for (DataFile f : DataFile.values()) {
            org.communityschools.core.internal.live.Records.forEach(base, f, r -> addAny(b, r));
        }
        b.add(meeting());
        b.add(new AgendaItem(M, 1, Optional.of(SmallDistrict.student(0)), Optional.empty(), AgendaReason.EARLY_WARNING_FLAG,
                Optional.of("Missed 4 of the last 10 days; \"family\" says bus, route changed")));
        b.add(new AgendaItem(M, 2, Optional.empty(), Optional.of("grade 3 chronically absent"), AgendaReason.TREND, Optional.empty()));
        b.add(step("A1", ActionStepStatus.OPEN, Optional.empty()));
        b.add(step("A2", ActionStepStatus.DONE, Optional.of(MEETING_DAY.plusDays(3))));
        return b.build();
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void addAny(DistrictDataBuilder b, Object r) {
        try {
            DistrictDataBuilder.class.getMethod("add", r.getClass()).invoke(b, r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writingThenReadingGivesBackTheMeetings(@TempDir Path dir) throws IOException {
        DistrictData data = withMeeting();
        DistrictDataWriter.write(data, dir);
        assertThat(Files.readString(dir.resolve("meetings.csv")))
                .isEqualTo("meeting_id,school_id,date,purpose,participants\nMT1,K1,2017-10-02,Monthly attendance review,M1|T1\n");
        ReadResult read = DistrictDataReader.builder().build().read(dir);
        assertThat(read.report().violations()).isEmpty();
        assertThat(read.data().meetings().meetings()).isEqualTo(data.meetings().meetings());
        assertThat(read.data().meetings().agendaItems()).isEqualTo(data.meetings().agendaItems());
        assertThat(read.data().meetings().actionSteps()).isEqualTo(data.meetings().actionSteps());
        MeetingRecords m = read.data().meetings();
        assertThat(m.stepsOfStudent(SmallDistrict.student(0))).extracting(s -> s.id().value()).containsExactly("A1", "A2");
        assertThat(m.stepsDue(SmallDistrict.K1, MEETING_DAY.plusDays(14))).extracting(s -> s.id().value()).containsExactly("A1");
        assertThat(m.stepsDue(SmallDistrict.K1, MEETING_DAY.plusDays(13))).isEmpty();
        assertThat(m.lastMeetingBefore(SmallDistrict.K1, MEETING_DAY.plusDays(1))).contains(meeting());
        assertThat(m.lastMeetingBefore(SmallDistrict.K1, MEETING_DAY)).isEmpty();
    }

    @Test
    void aDirectoryWithoutMeetingFilesReadsWithNoMeetings(@TempDir Path dir) throws IOException {
        DistrictDataWriter.write(SmallDistrict.build(3), dir);
        assertThat(dir.resolve("meetings.csv")).doesNotExist();
        ReadResult read = DistrictDataReader.builder().build().read(dir);
        assertThat(read.report().violations()).isEmpty();
        assertThat(read.data().meetings().isEmpty()).isTrue();
    }

    @Test
    void everyMeetingRecordRoundTripsThroughJson() {
        JsonMapper mapper = CommunitySchoolsJson.mapper();
        DistrictData data = withMeeting();
        for (Object r : List.<Object>of(data.meetings().meetings().get(0), data.meetings().agendaItems().get(0),
                data.meetings().agendaItems().get(1), data.meetings().actionSteps().get(0), data.meetings().actionSteps().get(1))) {
            String json = mapper.writeValueAsString(r);
            assertThat(mapper.readValue(json, r.getClass())).isEqualTo(r);
        }
        assertThat(mapper.writeValueAsString(meeting())).contains("\"participants\":[\"M1\",\"T1\"]");
    }

    // ---------------------------------------------------------------- rules, each with its located error

    private static List<Violation> readWith(String file, String csv) throws IOException {
        Path dir = Files.createTempDirectory("meetings");
        DistrictDataWriter.write(withMeeting(), dir);
        Files.writeString(dir.resolve(file), csv);
        try {
            return DistrictDataReader.builder().build().read(dir).report().violations();
        } catch (DataValidationException e) {
            return e.violations();
        } finally {
            delete(dir);
        }
    }

    private static final String STEPS_HEADER = "action_step_id,meeting_id,what,owner_id,due_date,student_id,group,"
            + "intervention_id,status,completion_date,recorded_by,recorded_at\n";

    @Test
    void anAgendaItemForAnUnknownMeetingIsALocatedError() throws IOException {
        List<Violation> v = readWith("agenda_items.csv", "meeting_id,number,student_id,reason\nMT1,1,S0,TREND\nMT9,1,S1,TREND\n");
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("agenda_items.csv");
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.column()).isEqualTo(1); // meeting_id, the first column
            assertThat(x.rule()).isEqualTo("reference.unknown-meeting");
        });
    }

    @Test
    void aStepMarkedDoneNeedsACompletionDate() throws IOException {
        List<Violation> v = readWith("action_steps.csv", STEPS_HEADER
                + "A1,MT1,Call home,M1,2017-10-16,S0,,,DONE,,T1,2017-10-02T15:30:00Z\n");
        assertThat(v).extracting(Violation::rule, Violation::line, Violation::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("step.done-needs-completion", 2L, 10));
    }

    @Test
    void anOpenStepMustNotHaveACompletionDate() throws IOException {
        List<Violation> v = readWith("action_steps.csv", STEPS_HEADER
                + "A1,MT1,Call home,M1,2017-10-16,S0,,,OPEN,2017-10-05,T1,2017-10-02T15:30:00Z\n");
        assertThat(v).extracting(Violation::rule).containsExactly("step.open-completed");
    }

    @Test
    void aStepIsNotCompletedBeforeItsMeeting() throws IOException {
        // meeting MT1 is on 2017-10-02; completing on 2017-10-01 is a day before it
        List<Violation> v = readWith("action_steps.csv", STEPS_HEADER
                + "A1,MT1,Call home,M1,2017-10-16,S0,,,DONE,2017-10-01,T1,2017-10-02T15:30:00Z\n");
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("step.completion-before-meeting");
            assertThat(x.column()).isEqualTo(10);
        });
    }

    @Test
    void aStepNamesKnownStaffStudentsAndInterventions() throws IOException {
        List<Violation> v = readWith("action_steps.csv", STEPS_HEADER
                + "A1,MT1,Call home,X9,2017-10-16,S99,,I77,OPEN,,T1,2017-10-02T15:30:00Z\n");
        assertThat(v).extracting(Violation::rule, Violation::column).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("reference.unknown-staff", 4),
                org.assertj.core.groups.Tuple.tuple("reference.unknown-student", 6),
                org.assertj.core.groups.Tuple.tuple("reference.unknown-intervention", 8));
    }

    @Test
    void aStepIsAboutAStudentOrAGroupNotBoth() throws IOException {
        List<Violation> v = readWith("action_steps.csv", STEPS_HEADER
                + "A1,MT1,Call home,M1,2017-10-16,S0,grade 3,,OPEN,,T1,2017-10-02T15:30:00Z\n"
                + "A2,MT1,Call home,M1,2017-10-16,,,,OPEN,,T1,2017-10-02T15:30:00Z\n");
        assertThat(v).extracting(Violation::rule, Violation::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("meeting.student-or-group", 2L),
                org.assertj.core.groups.Tuple.tuple("meeting.student-or-group", 3L));
    }

    @Test
    void aMeetingsParticipantsAreKnownStaff() throws IOException {
        List<Violation> v = readWith("meetings.csv", "meeting_id,school_id,date,purpose,participants\n"
                + "MT1,K1,2017-10-02,Review,T1|Z9\nMT2,K1,2017-10-09,Review,T1|T1\n");
        assertThat(v).extracting(Violation::rule, Violation::line).contains(
                org.assertj.core.groups.Tuple.tuple("reference.unknown-staff", 2L),
                org.assertj.core.groups.Tuple.tuple("field.format", 3L));
    }

    @Test
    void theRecordsRefuseBrokenStatusRulesInCodeToo() {
        assertThatThrownBy(() -> step("A9", ActionStepStatus.DONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DONE");
        assertThatThrownBy(() -> new AgendaItem(M, 1, Optional.empty(), Optional.empty(), AgendaReason.TREND, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
        assertThat(step("A9", ActionStepStatus.OPEN, Optional.empty()).toString()).doesNotContain("Call home").doesNotContain("S0");
    }

    // ---------------------------------------------------------------- live

    @Test
    void addingAndCompletingAStepAreLiveChanges() {
        try (LiveDistrict live = LiveDistrict.of(withMeeting())) {
            ActionStep added = step("A3", ActionStepStatus.OPEN, Optional.empty());
            live.apply(ChangeBatch.builder().upsert(added).build());
            assertThat(live.current().data().meetings().actionStep(ActionStepId.of("A3"))).contains(added);
            ActionStep done = added.complete(MEETING_DAY.plusDays(5), SmallDistrict.M1, AT.plusSeconds(86_400));
            live.apply(ChangeBatch.builder().upsert(done).build());
            assertThat(live.current().data().meetings().actionStep(ActionStepId.of("A3"))).contains(done);
            assertThat(RecordKey.of(done)).isEqualTo(RecordKey.of(DataFile.ACTION_STEPS, "A3"));
            ActionStep early = added.complete(MEETING_DAY.minusDays(1), SmallDistrict.M1, AT);
            assertThatThrownBy(() -> live.apply(ChangeBatch.builder().upsert(early).build()))
                    .hasMessageContaining("step.completion-before-meeting");
            assertThat(live.current().data().meetings().actionStep(ActionStepId.of("A3"))).contains(done);
        }
    }

    @Test
    void aStepIsDroppedByDeletingItsKeyAndAMeetingCannotLoseItsSteps() {
        try (LiveDistrict live = LiveDistrict.of(withMeeting())) {
            live.apply(ChangeBatch.builder().delete(RecordKey.of(DataFile.ACTION_STEPS, "A1")).build());
            assertThat(live.current().data().meetings().actionSteps()).extracting(s -> s.id().value()).containsExactly("A2");
            // deleting the meeting would leave its agenda items and step A2 pointing nowhere: refused, nothing applied
            assertThatThrownBy(() -> live.apply(ChangeBatch.builder().delete(RecordKey.of(DataFile.MEETINGS, "MT1")).build()))
                    .hasMessageContaining("reference.unknown-meeting");
            assertThat(live.current().data().meetings().meetings()).containsExactly(meeting());
        }
    }

    @Test
    void aRecordedStepIsJournaledAndReplayed(@TempDir Path dir) {
        ActionStep added = step("A3", ActionStepStatus.OPEN, Optional.empty());
        try (LiveDistrict live = LiveDistrict.builder().data(withMeeting()).journal(dir).build()) {
            live.apply(ChangeBatch.builder().upsert(added).build());
        }
        try (LiveDistrict reopened = LiveDistrict.builder().journal(dir).build()) {
            assertThat(reopened.current().data().meetings().actionStep(ActionStepId.of("A3"))).contains(added);
            assertThat(reopened.current().data().meetings().meetings()).containsExactly(meeting());
        }
    }

    // ---------------------------------------------------------------- property

    @Property(tries = 40)
    void generatedMeetingsRoundTrip(@ForAll("meetingSets") List<Object> records) throws IOException {
        DistrictData base = SmallDistrict.build(3);
        DistrictDataBuilder b = DistrictData.builder();
        for (DataFile f : DataFile.values()) {
            org.communityschools.core.internal.live.Records.forEach(base, f, r -> addAny(b, r));
        }
        records.forEach(r -> addAny(b, r));
        DistrictData data = b.build();
        Path dir = Files.createTempDirectory("meetings");
        try {
            DistrictDataWriter.write(data, dir);
            ReadResult read = DistrictDataReader.builder().build().read(dir);
            assertThat(read.report().violations()).isEmpty();
            assertThat(read.data().meetings().meetings()).isEqualTo(data.meetings().meetings());
            assertThat(read.data().meetings().agendaItems()).isEqualTo(data.meetings().agendaItems());
            assertThat(read.data().meetings().actionSteps()).isEqualTo(data.meetings().actionSteps());
            // the per-student index gives each student's items as the whole list filtered, in file order
            for (DistrictData d : List.of(data, read.data())) {
                for (int k = 0; k < 4; k++) {
                    StudentId student = SmallDistrict.student(k);
                    assertThat(d.meetings().agendaItemsAbout(student)).isEqualTo(d.meetings().agendaItems().stream()
                            .filter(a -> a.studentId().equals(Optional.of(student))).toList());
                }
            }
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Object>> meetingSets() {
        Arbitrary<Integer> meetings = Arbitraries.integers().between(1, 3);
        return meetings.flatMap(n -> {
            List<Arbitrary<List<Object>>> perMeeting = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                perMeeting.add(oneMeeting(i));
            }
            return Combinators.combine(perMeeting).as(ls -> {
                List<Object> out = new ArrayList<>();
                ls.forEach(out::addAll);
                return out;
            });
        });
    }

    private Arbitrary<List<Object>> oneMeeting(int i) {
        MeetingId id = MeetingId.of("MT" + i);
        LocalDate day = MEETING_DAY.plusDays(7L * i);
        Arbitrary<Meeting> meeting = DomainArbitraries.text(80).map(p -> new Meeting(id, SmallDistrict.K1, day, p,
                new TreeSet<>(List.of(SmallDistrict.T1))));
        Arbitrary<Optional<StudentId>> student = Arbitraries.integers().between(0, 2).map(SmallDistrict::student)
                .optional();
        Arbitrary<Optional<String>> text = DomainArbitraries.text(200).optional();
        Arbitrary<AgendaItem> item = Combinators.combine(student, DomainArbitraries.text(40),
                        Arbitraries.of(AgendaReason.class), text)
                .as((s, g, r, n) -> new AgendaItem(id, 1, s, s.isPresent() ? Optional.empty() : Optional.of(g), r, n));
        Arbitrary<ActionStep> step = Combinators.combine(student, DomainArbitraries.text(100),
                        Arbitraries.of(ActionStepStatus.class), Arbitraries.integers().between(0, 30),
                        Arbitraries.of(SmallDistrict.T1, SmallDistrict.M1), Arbitraries.longs().between(0, 10_000_000))
                .as((s, what, st, d, owner, secs) -> new ActionStep(ActionStepId.of("X"), id, what, owner, day.plusDays(d), s,
                        s.isPresent() ? Optional.empty() : Optional.of("group " + d), Optional.empty(), st,
                        st == ActionStepStatus.OPEN ? Optional.empty() : Optional.of(day.plusDays(d)),
                        owner, AT.plusSeconds(secs)));
        // agenda items of a meeting are keyed by student or group: keep one per key
        return Combinators.combine(meeting, item.list().ofMaxSize(4),
                step.list().ofMaxSize(4)).as((m, items, steps) -> {
                    List<Object> out = new ArrayList<>();
                    out.add(m);
                    for (int k = 0; k < items.size(); k++) {
                        AgendaItem a = items.get(k);
                        out.add(new AgendaItem(id, k + 1, a.studentId(), a.group(), a.reason(), a.notes()));
                    }
                    for (int k = 0; k < steps.size(); k++) {
                        ActionStep s = steps.get(k);
                        out.add(new ActionStep(ActionStepId.of("A" + i + "-" + k), s.meetingId(), s.what(), s.ownerId(),
                                s.dueDate(), s.studentId(), s.group(), s.interventionId(), s.status(), s.completionDate(),
                                s.recordedBy(), s.recordedAt()));
                    }
                    return out;
                });
    }
}
