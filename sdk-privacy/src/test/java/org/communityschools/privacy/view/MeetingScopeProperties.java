package org.communityschools.privacy.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AgendaReason;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.TinyCity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No action step or meeting note about a student reaches a viewer outside its scope (issue 21; FERPA 34 CFR 99.3,
 * 99.31(a)(1)(ii)): on the tiny city with generated meetings at every school, under the default policy, for any staff
 * member, student, purpose and day, (1) every step and note in the view is about that student, (2) every note comes
 * from a meeting the viewer took part in, and (3) a viewer with no reach to the student that day (not their teacher
 * or mentor, not principal or counselor at a school where the student is enrolled, not a Community School Director
 * of a partner of that school, not district-wide) sees no step and no note. The reach is computed from the data,
 * apart from the policy engine, and is wider than the policy (a superset), so the property is sound.
 */
class MeetingScopeProperties {
    private static final LocalDate DAY = Decisions.DAY;
    private static final List<String> PURPOSES = List.of("instruction", "student-support", "school-administration",
            "district-administration");
    private static final DistrictData data = withMeetings(new Random(21));
    private static final PolicyEngine engine = PolicyEngine.builder()
            .policy(org.communityschools.privacy.policy.Policies.defaultPolicy()).districtData(data).zone(TinyCity.ZONE).build();
    /** The students some step is about. */
    private static final List<StudentId> students = List.copyOf(data.meetings().actionSteps().stream()
            .flatMap(x -> x.studentId().stream()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));

    /**
     * The tiny city with two meetings at each school (20 and 3 days before {@link Decisions#DAY}), whose participants
     * are a random half of the school's staff, with agenda items and steps about random students enrolled there and a
     * few about students enrolled elsewhere.
     */
    static DistrictData withMeetings(Random random) {
        return TinyCity.withChanges(a -> false, b -> {
            int n = 0;
            for (School school : TinyCity.DATA.schools()) {
                List<StaffId> staff = TinyCity.DATA.staffAssignments().stream()
                        .filter(a -> a.organizationId().equals(school.id()) && a.period().contains(DAY))
                        .map(StaffAssignment::staffId).distinct().toList();
                List<StudentId> enrolled = TinyCity.DATA.enrollmentsAt(school.id()).stream()
                        .filter(e -> e.isEnrolledOn(DAY)).map(Enrollment::studentId).toList();
                if (staff.isEmpty() || enrolled.isEmpty()) {
                    continue;
                }
                for (int k = 0; k < 2; k++) {
                    LocalDate date = DAY.minusDays(k == 0 ? 20 : 3);
                    Set<StaffId> participants = new TreeSet<>();
                    for (StaffId id : staff) {
                        if (random.nextBoolean()) {
                            participants.add(id);
                        }
                    }
                    participants.add(staff.get(random.nextInt(staff.size())));
                    MeetingId id = MeetingId.of("MT" + (n++));
                    b.add(new Meeting(id, school.id(), date, "Attendance review", participants));
                    List<StaffId> owners = List.copyOf(participants);
                    for (int i = 0; i < 6; i++) {
                        StudentId student = random.nextInt(6) == 0
                                ? TinyCity.DATA.students().get(random.nextInt(TinyCity.DATA.students().size())).id()
                                : enrolled.get(random.nextInt(enrolled.size()));
                        b.add(new AgendaItem(id, i + 1, Optional.of(student), Optional.empty(), AgendaReason.EARLY_WARNING_FLAG,
                                Optional.of("note " + id + "/" + (i + 1) + " about " + student)));
                        boolean done = random.nextBoolean();
                        b.add(new ActionStep(ActionStepId.of(id + "-" + i), id, "step " + id + "-" + i,
                                owners.get(random.nextInt(owners.size())), date.plusDays(14), Optional.of(student),
                                Optional.empty(), Optional.empty(), done ? ActionStepStatus.DONE : ActionStepStatus.OPEN,
                                done ? Optional.of(date.plusDays(2)) : Optional.empty(), owners.get(0),
                                Instant.parse("2016-09-01T12:00:00Z")));
                    }
                }
            }
        });
    }

    @Provide
    Arbitrary<StaffId> viewers() {
        return Arbitraries.of(data.staff().stream().map(Staff::id).toList());
    }

    @Provide
    Arbitrary<StudentId> students() {
        return Arbitraries.of(students);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(-25, 20).map(DAY::plusDays);
    }

    @Property(tries = 600)
    void noStepOrNoteReachesAViewerOutsideItsScope(@ForAll("viewers") StaffId viewer, @ForAll("students") StudentId student,
                                                   @ForAll("days") LocalDate day) {
        for (String purpose : PURPOSES) {
            Decision d = engine.decide(viewer, student, Purpose.of(purpose), TinyCity.noon(day));
            ObjectNode tree = ViewText.tree(StudentRecordView.of(data, d));
            List<String> steps = values(tree.at("/meetings/actionSteps"), "action_step_id");
            List<String> notes = values(tree.at("/meetings/notes"), "notes");
            Set<String> ofStudent = new HashSet<>();
            data.meetings().stepsOfStudent(student).forEach(s -> ofStudent.add(s.id().value()));
            assertThat(ofStudent).as("steps are about the student").containsAll(steps);
            for (JsonNode note : iterable(tree.at("/meetings/notes"))) {
                Meeting m = data.meetings().meeting(MeetingId.of(note.get("meeting_id").asString())).orElseThrow();
                assertThat(m.participants()).as("a note reaches only a participant").contains(viewer);
                assertThat(note.get("notes").asString()).endsWith("about " + student);
            }
            if (!reaches(viewer, student, day)) {
                assertThat(steps).as(viewer + " has no reach to " + student + " on " + day).isEmpty();
                assertThat(notes).as(viewer + " has no reach to " + student + " on " + day).isEmpty();
            }
        }
    }

    /**
     * A view narrowed to some of the student's meeting rows (as a meeting page narrows it to the rows it shows) writes
     * exactly the accepted rows of the full view, in its order, and every other field as the full view does; its
     * disclosure entries count exactly the steps and items written, not the student's others in the viewer's scope.
     */
    @Property(tries = 400)
    void aViewNarrowedToSomeMeetingRowsWritesAndLogsExactlyTheAcceptedRowsInScope(@ForAll("viewers") StaffId viewer,
            @ForAll("students") StudentId student, @ForAll("days") LocalDate day, @ForAll long salt) {
        for (String purpose : PURPOSES) {
            Decision d = engine.decide(viewer, student, Purpose.of(purpose), TinyCity.noon(day));
            Random pick = new Random(salt);
            Set<String> acceptedSteps = new HashSet<>();
            data.meetings().stepsOfStudent(student).forEach(s -> {
                if (pick.nextBoolean()) {
                    acceptedSteps.add(s.id().value());
                }
            });
            Set<MeetingId> acceptedMeetings = new HashSet<>();
            data.meetings().meetings().forEach(m -> {
                if (pick.nextBoolean()) {
                    acceptedMeetings.add(m.id());
                }
            });
            StudentRecordView full = StudentRecordView.of(data, d);
            StudentRecordView narrow = StudentRecordView.ofMeetingRows(data, d, org.communityschools.privacy.FieldCatalog.defaultCatalog(),
                    s -> acceptedSteps.contains(s.id().value()), i -> acceptedMeetings.contains(i.meetingId()));
            ObjectNode fullTree = ViewText.tree(full);
            ObjectNode narrowTree = ViewText.tree(narrow);

            List<String> steps = values(narrowTree.at("/meetings/actionSteps"), "action_step_id");
            assertThat(steps).containsExactlyElementsOf(values(fullTree.at("/meetings/actionSteps"), "action_step_id").stream()
                    .filter(acceptedSteps::contains).toList());
            List<String> notes = values(narrowTree.at("/meetings/notes"), "meeting_id");
            assertThat(notes).containsExactlyElementsOf(values(fullTree.at("/meetings/notes"), "meeting_id").stream()
                    .filter(m -> acceptedMeetings.contains(MeetingId.of(m))).toList());
            fullTree.remove("meetings");
            narrowTree.remove("meetings");
            assertThat(narrowTree).as("every other field as in the full view").isEqualTo(fullTree);

            int loggedSteps = 0;
            int loggedNotes = 0;
            for (var e : narrow.disclosures("sha256:" + "0".repeat(64))) {
                loggedSteps += e.recordCounts().getOrDefault(org.communityschools.privacy.FieldPath.of("meetings.actionSteps"), 0);
                loggedNotes += e.recordCounts().getOrDefault(org.communityschools.privacy.FieldPath.of("meetings.notes"), 0);
            }
            assertThat(loggedSteps).as("the steps logged are the steps written").isEqualTo(steps.size());
            assertThat(loggedNotes).as("the items logged are the items written").isEqualTo(notes.size());
        }
    }

    /** Examples that keep the property from holding vacuously: each kind of viewer sees what the policy says. */
    @Test
    void teachersMentorsAndPrincipalsSeeStepsAndOnlyParticipantsSeeNotes() {
        int stepsSeen = 0;
        int notesSeen = 0;
        int stepsWithoutNotes = 0;
        for (StudentId student : students) {
            for (StudentStaffRelationship r : data.relationshipsOfStudent(student)) {
                if (!r.period().contains(DAY)) {
                    continue;
                }
                String purpose = r.relationship() == RelationshipType.TEACHER_OF ? "instruction" : "student-support";
                Decision d = engine.decide(r.staffId(), student, Purpose.of(purpose), TinyCity.noon(DAY));
                ObjectNode tree = ViewText.tree(StudentRecordView.of(data, d));
                int steps = values(tree.at("/meetings/actionSteps"), "action_step_id").size();
                int notes = values(tree.at("/meetings/notes"), "notes").size();
                stepsSeen += steps;
                notesSeen += notes;
                boolean participant = data.meetings().agendaItems().stream()
                        .filter(a -> a.studentId().filter(student::equals).isPresent())
                        .anyMatch(a -> data.meetings().meeting(a.meetingId()).orElseThrow().participants().contains(r.staffId()));
                if (steps > 0 && !participant) {
                    stepsWithoutNotes++;
                    assertThat(notes).isZero();
                }
            }
        }
        assertThat(stepsSeen).as("teachers and mentors see their students' steps").isPositive();
        assertThat(notesSeen).as("participating teachers and mentors see notes").isPositive();
        assertThat(stepsWithoutNotes).as("a non-participant sees the steps but not the notes").isPositive();
    }

    /** The reach of {@code viewer} to {@code student} on {@code day}, from the data alone: a superset of the policy. */
    private static boolean reaches(StaffId viewer, StudentId student, LocalDate day) {
        for (StudentStaffRelationship r : data.relationshipsOfStudent(student)) {
            if (r.staffId().equals(viewer) && r.period().contains(day)) {
                return true;
            }
        }
        Set<SchoolId> enrolledAt = new HashSet<>();
        data.enrollmentsOn(student, day).forEach(e -> enrolledAt.add(e.schoolId()));
        Set<Object> partners = new HashSet<>();
        for (SchoolId s : enrolledAt) {
            data.partnershipsOf(s, SchoolYear.containing(day)).forEach(p -> partners.add(p.organizationId()));
        }
        for (StaffAssignment a : data.assignmentsOn(viewer, day)) {
            if (a.role() == StaffRole.DISTRICT_ADMIN) {
                return true;
            }
            if (enrolledAt.contains(a.organizationId()) || partners.contains(a.organizationId())) {
                return true;
            }
        }
        Optional<OrganizationId> employer = data.staff(viewer).map(Staff::employerId);
        return employer.isPresent() && partners.contains(employer.get());
    }

    private static List<String> values(JsonNode array, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : iterable(array)) {
            JsonNode v = row.get(key);
            if (v != null) {
                out.add(v.asString());
            }
        }
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node : List.of();
    }
}
