package org.communityschools.core.internal.read;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AgendaReason;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * The field rules of {@code meetings.csv}, {@code agenda_items.csv} and {@code action_steps.csv} (docs/meetings.md):
 * each row parses to a record or is rejected with a located violation. One instance per loader; not thread-safe.
 */
final class MeetingRows {
    private final Function<String, StudentId> student;
    private final Function<String, StaffId> staff;
    private final Function<String, SchoolId> school;
    private final Function<String, InterventionId> intervention;

    MeetingRows(Function<String, StudentId> student, Function<String, StaffId> staff, Function<String, SchoolId> school,
                Function<String, InterventionId> intervention) {
        this.student = student;
        this.staff = staff;
        this.school = school;
        this.intervention = intervention;
    }

    /** Parses the current row of {@code file} (one of the three) and hands the record to {@code add}. */
    boolean parse(DataFile file, Cells c, BiPredicate<Object, Where> add) {
        return switch (file) {
            case MEETINGS -> {
                MeetingId id = c.required("meeting_id", MeetingId::of);
                SchoolId at = c.required("school_id", school);
                LocalDate date = c.required("date", Values::parseDate);
                String purpose = c.required("purpose", t -> t);
                SortedSet<StaffId> participants = c.required("participants", this::participants);
                yield c.accept(() -> new Meeting(id, at, date, purpose, participants), add::test);
            }
            case AGENDA_ITEMS -> {
                MeetingId meeting = c.required("meeting_id", MeetingId::of);
                Integer number = c.required("number", Values::parseInt);
                Optional<StudentId> who = c.optional("student_id", student);
                Optional<String> group = c.optional("group", t -> t);
                AgendaReason reason = c.required("reason", t -> Values.parseEnum(AgendaReason.class, t));
                Optional<String> notes = c.optional("notes", t -> t);
                subject(c, who, group);
                yield c.accept(() -> new AgendaItem(meeting, number, who, group, reason, notes), add::test);
            }
            case ACTION_STEPS -> {
                ActionStepId id = c.required("action_step_id", ActionStepId::of);
                MeetingId meeting = c.required("meeting_id", MeetingId::of);
                String what = c.required("what", t -> t);
                StaffId owner = c.required("owner_id", staff);
                LocalDate due = c.required("due_date", Values::parseDate);
                Optional<StudentId> who = c.optional("student_id", student);
                Optional<String> group = c.optional("group", t -> t);
                Optional<InterventionId> starts = c.optional("intervention_id", intervention);
                ActionStepStatus status = c.required("status", t -> Values.parseEnum(ActionStepStatus.class, t));
                Optional<LocalDate> completed = c.optional("completion_date", Values::parseDate);
                StaffId by = c.required("recorded_by", staff);
                Instant at = c.required("recorded_at", Values::parseInstant);
                subject(c, who, group);
                if (!c.failed() && status == ActionStepStatus.DONE && completed.isEmpty()) {
                    c.fail("completion_date", null, "step.done-needs-completion",
                            "a DONE action step needs a completion_date");
                } else if (!c.failed() && status == ActionStepStatus.OPEN && completed.isPresent()) {
                    c.fail("completion_date", completed.get().toString(), "step.open-completed",
                            "an OPEN action step must not have a completion_date");
                }
                yield c.accept(() -> new ActionStep(id, meeting, what, owner, due, who, group, starts, status, completed,
                        by, at), add::test);
            }
            default -> throw new IllegalStateException("not a meeting file: " + file);
        };
    }

    /** {@code meeting.student-or-group}: an agenda item or step names exactly one of a student and a group. */
    private static void subject(Cells c, Optional<StudentId> who, Optional<String> group) {
        if (!c.failed() && who.isPresent() == group.isPresent()) {
            c.fail(who.isPresent() ? "group" : "student_id", null, "meeting.student-or-group",
                    "exactly one of student_id and group must be given");
        }
    }

    /** {@code |}-separated staff ids, at least one, none repeated. */
    private SortedSet<StaffId> participants(String text) {
        SortedSet<StaffId> out = new TreeSet<>();
        for (String part : text.split("\\|", -1)) {
            if (!out.add(staff.apply(part))) {
                throw new IllegalArgumentException("must not repeat a staff id: " + part);
            }
        }
        return out;
    }
}
