package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.MeetingRecords;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.policy.Decision;
import tools.jackson.databind.JsonNode;

/**
 * What one viewer may see of one meeting: its agenda items, its own action steps and the school's steps due by its
 * day, each about a student shown only as that student's record view shows it. A step or item about a student goes
 * through the policy's decision for that student ({@code meetings.actionSteps}, {@code meetings.notes}: the category
 * {@code MEETINGS}, the scope of the grant at the meeting's school and day, and the notes only to the meeting's
 * participants by the row filter {@code MEETING_PARTICIPANT}); the page renders it from the text of the view, which is
 * recorded in the disclosure log first. The view holds only this page's rows (its steps, the steps due, its agenda
 * items), so the log lists what the page shows and no other step or item of the student. A step or item about a group names no student: the team sees it (participants
 * and the team's leads; a group item's notes only participants). What is withheld is counted, never described.
 *
 * <p>Build it, disclose {@link #facts()} (with the page's other views), then read the rows. One request's; not
 * thread-safe.
 */
final class MeetingContent {
    /** The fields of a student the meeting's rows show: who, and the meeting fields. */
    static final FieldCatalog CATALOG = Pages.catalog(Set.of(Pages.NAME, Pages.STUDENT_ID, MeetingRecorder.STEPS, MeetingRecorder.NOTES));

    /** A step shown: the record (for its key and subject), its values as shown, and the student's view (empty: a group). */
    record StepRow(ActionStep step, Optional<Pages.Facts> student, String what, String owner, String due, String status,
                   Optional<String> completed, Optional<String> intervention) {}

    /** An item shown: the record, the student's view (empty: a group), the reason and the notes as shown. */
    record ItemRow(AgendaItem item, Optional<Pages.Facts> student, String reason, Optional<String> notes) {}

    final Meeting meeting;
    final boolean participant;
    /** Whether the viewer is of the team that sees what concerns groups: a participant or a lead of the school's team. */
    final boolean team;
    private final MeetingRecords records;
    private final Map<StudentId, Pages.Facts> facts = new LinkedHashMap<>();
    private final List<ActionStep> own;
    private final List<ActionStep> due;

    MeetingContent(Pages pages, Sessions.Viewer v, Meeting meeting, Instant at) {
        this.meeting = meeting;
        this.participant = MeetingRecorder.participant(v, meeting);
        this.team = participant || MeetingRecorder.leads(v, meeting.schoolId());
        DistrictData data = pages.data;
        this.records = data.meetings();
        this.own = records.stepsOf(meeting.id());
        this.due = records.stepsDue(meeting.schoolId(), meeting.date()).stream().filter(s -> !s.meetingId().equals(meeting.id())).toList();
        Set<StudentId> students = new LinkedHashSet<>();
        records.agendaOf(meeting.id()).forEach(i -> i.studentId().ifPresent(students::add));
        own.forEach(s -> s.studentId().ifPresent(students::add));
        due.forEach(s -> s.studentId().ifPresent(students::add));
        // The views hold only this page's rows (its own steps, the steps due, its agenda items), so that the disclosure
        // log records the steps and items shown, not every step of the student in the viewer's scope.
        Set<ActionStepId> onPage = new HashSet<>();
        own.forEach(s -> onPage.add(s.id()));
        due.forEach(s -> onPage.add(s.id()));
        for (StudentId s : students) {
            Decision decision = pages.version.decide(v, s, at);
            if (decision.permits(MeetingRecorder.STEPS) || decision.permits(MeetingRecorder.NOTES)) {
                facts.put(s, pages.new Facts(s, decision, CATALOG, step -> onPage.contains(step.id()),
                        item -> item.meetingId().equals(meeting.id())));
            }
        }
    }

    /** The views to disclose before any row is read. */
    List<Pages.Facts> facts() {
        return List.copyOf(facts.values());
    }

    /** The meeting's own steps shown to the viewer, by due date. */
    List<StepRow> ownSteps() {
        return shown(own);
    }

    /** The open steps of the school's earlier meetings due by this meeting's day (overdue included), shown to the viewer. */
    List<StepRow> dueSteps() {
        return shown(due);
    }

    /** How many steps (own and due) are not shown to the viewer. */
    int withheldSteps() {
        return own.size() + due.size() - ownSteps().size() - dueSteps().size();
    }

    /** The agenda items shown to the viewer, by number. */
    List<ItemRow> agenda() {
        List<ItemRow> out = new ArrayList<>();
        Map<StudentId, Integer> seen = new LinkedHashMap<>();
        for (AgendaItem i : records.agendaOf(meeting.id())) {
            if (i.studentId().isEmpty()) {
                if (team) {
                    out.add(new ItemRow(i, Optional.empty(), i.reason().name(), participant ? i.notes() : Optional.empty()));
                }
                continue;
            }
            Pages.Facts f = facts.get(i.studentId().get());
            if (f == null) {
                continue;
            }
            // The view writes the student's items in file order without their number; all items of one meeting share
            // its scope and participants, so the k-th item of this meeting in the view is the k-th in the file.
            List<JsonNode> nodes = f.list(MeetingRecorder.NOTES).stream()
                    .filter(n -> n.path("meeting_id").asString("").equals(meeting.id().value())).toList();
            int k = seen.merge(i.studentId().get(), 1, Integer::sum) - 1;
            if (k < nodes.size()) {
                JsonNode n = nodes.get(k);
                out.add(new ItemRow(i, Optional.of(f), n.path("reason").asString(),
                        n.has("notes") ? Optional.of(n.path("notes").asString()) : Optional.empty()));
            }
        }
        return out;
    }

    /** How many agenda items are not shown to the viewer. */
    int withheldItems() {
        return records.agendaOf(meeting.id()).size() - agenda().size();
    }

    /** Whether the meeting has any step or item the viewer does not see. */
    boolean withholds() {
        return withheldSteps() + withheldItems() > 0;
    }

    private List<StepRow> shown(List<ActionStep> steps) {
        List<StepRow> out = new ArrayList<>();
        for (ActionStep s : steps) {
            if (s.studentId().isEmpty()) {
                if (team) {
                    out.add(new StepRow(s, Optional.empty(), s.what(), s.ownerId().value(), s.dueDate().toString(), s.status().name(),
                            s.completionDate().map(Object::toString), s.interventionId().map(Object::toString)));
                }
                continue;
            }
            Pages.Facts f = facts.get(s.studentId().get());
            if (f == null) {
                continue;
            }
            for (JsonNode n : f.list(MeetingRecorder.STEPS)) {
                if (n.path("action_step_id").asString("").equals(s.id().value())) {
                    out.add(new StepRow(s, Optional.of(f), n.path("what").asString(), n.path("owner_id").asString(),
                            n.path("due_date").asString(), n.path("status").asString(), optional(n, "completion_date"),
                            optional(n, "intervention_id")));
                }
            }
        }
        return out;
    }

    private static Optional<String> optional(JsonNode n, String key) {
        return n.has(key) ? Optional.of(n.path(key).asString()) : Optional.empty();
    }
}
