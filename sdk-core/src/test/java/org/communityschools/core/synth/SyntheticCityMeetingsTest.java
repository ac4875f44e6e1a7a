package org.communityschools.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.internal.synth.CityGenerator;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.testing.SimpleCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The school-team meetings of the synthetic city: strictly valid, leaving every other file byte for byte as it was,
 * agendas that a naive recount from the written attendance confirms, and steps owned by the team.
 */
class SyntheticCityMeetingsTest {
    private static final Set<String> MEETING_FILES = Set.of("meetings.csv", "agenda_items.csv", "action_steps.csv");
    private static final Set<String> ABSENT = Set.of("EXCUSED_ABSENCE", "UNEXCUSED_ABSENCE", "OUT_OF_SCHOOL_SUSPENSION",
            "PARTIAL");

    @TempDir
    static Path root;

    static Path tiny;
    static DistrictData data;

    @BeforeAll
    static void generate() {
        tiny = root.resolve("tiny");
        SyntheticCity.builder().preset(Preset.TINY).seed(42).build().writeTo(tiny);
        ReadResult read = DistrictDataReader.builder().build().read(tiny);   // strict: throws on any error
        assertThat(read.report().violations()).isEmpty();
        data = read.data();
    }

    static List<Map<String, String>> rows(String file) {
        return SimpleCsv.rows(tiny.resolve(file));
    }

    @Test
    void readsStrictlyWithEveryMeetingAgendaItemAndStep() {
        assertThat(data.meetings().meetings()).hasSize(rows("meetings.csv").size()).isNotEmpty();
        assertThat(data.meetings().agendaItems()).hasSize(rows("agenda_items.csv").size()).isNotEmpty();
        assertThat(data.meetings().actionSteps()).hasSize(rows("action_steps.csv").size()).isNotEmpty();
    }

    @Test
    void everyOtherFileIsByteForByteTheSameWithoutMeetings() throws IOException {
        for (long seed : new long[] {42, 7}) {
            Path with = seed == 42 ? tiny : root.resolve("with-" + seed);
            if (seed != 42) {
                SyntheticCity.builder().preset(Preset.TINY).seed(seed).build().writeTo(with);
            }
            Path without = root.resolve("without-" + seed);
            new CityGenerator(Preset.TINY, seed, SchoolYear.of(2015), SchoolYear.of(2018), 1.0, false).writeTo(without);
            List<String> others = fileNames(without);
            assertThat(others).doesNotContainAnyElementsOf(MEETING_FILES);
            List<String> all = new ArrayList<>(others);
            all.addAll(MEETING_FILES);
            assertThat(fileNames(with)).containsExactlyInAnyOrderElementsOf(all);
            for (String name : others) {
                assertThat(Files.readAllBytes(with.resolve(name))).as(name).isEqualTo(Files.readAllBytes(without.resolve(name)));
            }
        }
    }

    @Test
    void everyCommunitySchoolMeetsEightTimesAYearEveryTwentyInstructionalDays() {
        Set<String> community = rows("partnerships.csv").stream().filter(r -> r.get("role").equals("LEAD"))
                .map(r -> r.get("school_id")).collect(Collectors.toSet());
        Map<String, List<LocalDate>> calendar = new HashMap<>();
        rows("calendar.csv").forEach(r -> calendar.computeIfAbsent(r.get("school_id") + "/"
                + SchoolYear.containing(LocalDate.parse(r.get("date"))).endYear(), k -> new ArrayList<>())
                .add(LocalDate.parse(r.get("date"))));
        Map<String, List<LocalDate>> meetings = new TreeMap<>();
        for (Meeting m : data.meetings().meetings()) {
            meetings.computeIfAbsent(m.schoolId().value() + "/" + SchoolYear.containing(m.date()).endYear(),
                    k -> new ArrayList<>()).add(m.date());
        }
        assertThat(meetings.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).collect(Collectors.toSet()))
                .isEqualTo(community);
        meetings.forEach((key, dates) -> {
            List<LocalDate> days = calendar.get(key).stream().sorted().toList();
            // Instructional day indexes 20, 40, ..., 160 (0-based): every four school weeks from the fifth week.
            assertThat(dates).as(key).containsExactly(days.get(20), days.get(40), days.get(60), days.get(80),
                    days.get(100), days.get(120), days.get(140), days.get(160));
        });
    }

    @Test
    void theTeamIsThePrincipalCounselorDirectorAMentorAndEveryStepOwner() {
        Map<String, String> assignedAt = new HashMap<>();
        rows("staff_assignments.csv").forEach(r -> assignedAt.put(r.get("staff_id"), r.get("organization_id")));
        for (Meeting m : data.meetings().meetings()) {
            String school = m.schoolId().value();
            Set<String> team = m.participants().stream().map(s -> s.value()).collect(Collectors.toSet());
            assertThat(team).contains(school + "-P1", school + "-C01", school + "-CSD", school + "-M01");
            assertThat(team).allMatch(s -> assignedAt.get(s).equals(school));
            for (ActionStep s : data.meetings().stepsOf(m.id())) {
                assertThat(team).contains(s.ownerId().value());
                assertThat(team).contains(s.recordedBy().value());
                assertThat(s.dueDate()).isAfter(m.date());
                assertThat(s.dueDate().getDayOfWeek().getValue()).as("due on a weekday").isLessThanOrEqualTo(5);
                s.completionDate().ifPresent(d -> assertThat(d.getDayOfWeek().getValue()).as("closed on a weekday")
                        .isLessThanOrEqualTo(5));
            }
        }
    }

    /**
     * The notes of an absence flag say "absent A of D school days so far": recounted here from enrollments, calendar
     * and attendance (absent days: excused, unexcused, out-of-school suspension, partial), from the stay's entry day up
     * to the day before the meeting; A is 10% or more of D and D at least 10.
     */
    @Test
    void absenceFlagsAgreeWithANaiveRecountOfTheWrittenAttendance() {
        Pattern note = Pattern.compile("absent (\\d+) of (\\d+) school days so far");
        Map<String, List<Map<String, String>>> enrollments = rows("enrollments.csv").stream()
                .collect(Collectors.groupingBy(r -> r.get("student_id")));
        Map<String, Set<LocalDate>> absentDays = new HashMap<>();
        rows("attendance.csv").stream().filter(r -> ABSENT.contains(r.get("category")))
                .forEach(r -> absentDays.computeIfAbsent(r.get("student_id") + "/" + r.get("school_id"), k -> new HashSet<>())
                        .add(LocalDate.parse(r.get("date"))));
        Map<String, List<LocalDate>> calendar = new HashMap<>();
        rows("calendar.csv").forEach(r -> calendar.computeIfAbsent(r.get("school_id"), k -> new ArrayList<>())
                .add(LocalDate.parse(r.get("date"))));
        int checked = 0;
        for (var item : data.meetings().agendaItems()) {
            Matcher matcher = note.matcher(item.notes().orElse(""));
            if (item.studentId().isEmpty() || !matcher.find()) {
                continue;
            }
            Meeting m = data.meetings().meeting(item.meetingId()).orElseThrow();
            String student = item.studentId().get().value();
            String school = m.schoolId().value();
            Map<String, String> stay = enrollments.get(student).stream()
                    .filter(e -> e.get("school_id").equals(school)
                            && !LocalDate.parse(e.get("entry_date")).isAfter(m.date())
                            && !LocalDate.parse(e.get("exit_date")).isBefore(m.date()))
                    .findFirst().orElseThrow();
            LocalDate entry = LocalDate.parse(stay.get("entry_date"));
            long days = calendar.get(school).stream().filter(d -> !d.isBefore(entry) && d.isBefore(m.date())).count();
            long absent = absentDays.getOrDefault(student + "/" + school, Set.of()).stream()
                    .filter(d -> !d.isBefore(entry) && d.isBefore(m.date())).count();
            assertThat(Long.parseLong(matcher.group(1))).as(item.toString()).isEqualTo(absent);
            assertThat(Long.parseLong(matcher.group(2))).as(item.toString()).isEqualTo(days);
            assertThat(days).isGreaterThanOrEqualTo(10);
            assertThat(absent * 10).isGreaterThanOrEqualTo(days);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aMentorsStepIsAboutAStudentOfTheCaseloadInTheInterventionItLinks() {
        Set<String> caseload = rows("intervention_participants.csv").stream()
                .map(r -> r.get("intervention_id") + "/" + r.get("student_id") + "/" + r.get("staff_id"))
                .collect(Collectors.toSet());
        List<ActionStep> linked = data.meetings().actionSteps().stream().filter(s -> s.interventionId().isPresent()).toList();
        assertThat(linked).isNotEmpty().allSatisfy(s -> assertThat(caseload)
                .contains(s.interventionId().get().value() + "/" + s.studentId().orElseThrow().value() + "/"
                        + s.ownerId().value()));
    }

    @Test
    void stepsAreDoneOnTimeDoneLateLeftOpenPastDueOpenNotYetDueAndDropped() {
        LocalDate last = rows("calendar.csv").stream().map(r -> LocalDate.parse(r.get("date"))).max(LocalDate::compareTo)
                .orElseThrow();
        List<ActionStep> steps = data.meetings().actionSteps();
        assertThat(steps).anyMatch(ActionStep::doneOnTime);
        assertThat(steps).anyMatch(s -> s.status() == ActionStepStatus.DONE && !s.doneOnTime());
        assertThat(steps).anyMatch(s -> s.isDueBy(last));
        assertThat(steps).anyMatch(s -> s.status() == ActionStepStatus.OPEN && s.dueDate().isAfter(last));
        assertThat(steps).anyMatch(s -> s.status() == ActionStepStatus.DROPPED);
        assertThat(steps).allMatch(s -> s.completionDate().map(d -> !d.isAfter(last)).orElse(true));
        assertThat(steps).anyMatch(s -> s.group().isPresent());
    }

    @Test
    void aStudentWithAStepDueIsFollowedUpAtTheNextMeetingWhileEnrolled() {
        long followUps = data.meetings().agendaItems().stream()
                .filter(i -> i.reason() == org.communityschools.core.model.AgendaReason.FOLLOW_UP_DUE).count();
        assertThat(followUps).isPositive();
        for (var item : data.meetings().agendaItems()) {
            if (item.reason() != org.communityschools.core.model.AgendaReason.FOLLOW_UP_DUE) {
                continue;
            }
            Meeting m = data.meetings().meeting(item.meetingId()).orElseThrow();
            // Each step the notes name was decided earlier in the school year for this student and is due by now.
            Matcher named = Pattern.compile("step (\\S+)").matcher(item.notes().orElseThrow());
            int n = 0;
            while (named.find()) {
                ActionStep s = data.meetings().actionStep(org.communityschools.core.model.ActionStepId.of(named.group(1)))
                        .orElseThrow();
                assertThat(s.studentId()).isEqualTo(item.studentId());
                assertThat(s.dueDate()).isBeforeOrEqualTo(m.date());
                Meeting decided = data.meetings().meeting(s.meetingId()).orElseThrow();
                assertThat(decided.date()).isBefore(m.date());
                assertThat(SchoolYear.containing(decided.date())).isEqualTo(SchoolYear.containing(m.date()));
                n++;
            }
            assertThat(n).isPositive();
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSummaryCountsTheMeetingFiles() {
        GenerationSummary summary = SyntheticCity.builder().preset(Preset.TINY).seed(42).build().writeTo(root.resolve("again"));
        assertThat(summary.rows(DataFile.MEETINGS)).isEqualTo(rows("meetings.csv").size());
        assertThat(summary.rows(DataFile.ACTION_STEPS)).isEqualTo(rows("action_steps.csv").size());
    }
}
