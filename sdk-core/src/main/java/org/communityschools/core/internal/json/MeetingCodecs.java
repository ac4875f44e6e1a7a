package org.communityschools.core.internal.json;

import java.util.Comparator;
import java.util.TreeSet;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.ActionStepStatus;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AgendaReason;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.StaffId;

/**
 * The JSON of the meeting records (docs/json.md, docs/meetings.md): the same keys as the columns of
 * {@code meetings.csv}, {@code agenda_items.csv} and {@code action_steps.csv}; a meeting's participants are an array
 * of staff ids; {@code recorded_at} is an ISO-8601 UTC instant. Free text (notes, what) is personal data and never
 * repeated in an error. Stateless and thread-safe.
 */
public final class MeetingCodecs {
    private MeetingCodecs() {}

    public static final Codec<MeetingId> MEETING_ID = Codecs.string("an identifier (1-32 characters, no whitespace)",
            MeetingId::of, MeetingId::value);
    public static final Codec<ActionStepId> ACTION_STEP_ID = Codecs.string("an identifier (1-32 characters, no whitespace)",
            ActionStepId::of, ActionStepId::value);
    public static final Codec<java.time.Instant> INSTANT = DomainCodecs.INSTANT;

    /** {@code meetings.csv}. */
    public static final RecordCodec<Meeting> MEETING = meeting();
    /** {@code agenda_items.csv}. */
    public static final RecordCodec<AgendaItem> AGENDA_ITEM = agendaItem();
    /** {@code action_steps.csv}. */
    public static final RecordCodec<ActionStep> ACTION_STEP = actionStep();

    private static RecordCodec<Meeting> meeting() {
        var b = RecordCodec.builder(Meeting.class, DataFile.MEETINGS::isPersonal);
        var id = b.required("meeting_id", MEETING_ID, Meeting::id);
        var school = b.required("school_id", DomainCodecs.SCHOOL_ID, Meeting::schoolId);
        var date = b.required("date", Codecs.DATE, Meeting::date);
        var purpose = b.required("purpose", Codecs.STRING, Meeting::purpose);
        var participants = b.required("participants", Codecs.setOf(DomainCodecs.STAFF_ID, Comparator.<StaffId>naturalOrder()),
                m -> m.participants());
        return b.build(g -> new Meeting(g.get(id), g.get(school), g.get(date), g.get(purpose), new TreeSet<>(g.get(participants))));
    }

    private static RecordCodec<AgendaItem> agendaItem() {
        var b = RecordCodec.builder(AgendaItem.class, DataFile.AGENDA_ITEMS::isPersonal);
        var meeting = b.required("meeting_id", MEETING_ID, AgendaItem::meetingId);
        var number = b.required("number", Codecs.INT, AgendaItem::number);
        var student = b.optional("student_id", DomainCodecs.STUDENT_ID, AgendaItem::studentId);
        var group = b.optional("group", Codecs.STRING, AgendaItem::group);
        var reason = b.required("reason", Codecs.code(AgendaReason.class), AgendaItem::reason);
        var notes = b.optional("notes", Codecs.STRING, AgendaItem::notes);
        return b.build(g -> new AgendaItem(g.get(meeting), g.get(number), g.opt(student), g.opt(group), g.get(reason), g.opt(notes)));
    }

    private static RecordCodec<ActionStep> actionStep() {
        var b = RecordCodec.builder(ActionStep.class, DataFile.ACTION_STEPS::isPersonal);
        var id = b.required("action_step_id", ACTION_STEP_ID, ActionStep::id);
        var meeting = b.required("meeting_id", MEETING_ID, ActionStep::meetingId);
        var what = b.required("what", Codecs.STRING, ActionStep::what);
        var owner = b.required("owner_id", DomainCodecs.STAFF_ID, ActionStep::ownerId);
        var due = b.required("due_date", Codecs.DATE, ActionStep::dueDate);
        var student = b.optional("student_id", DomainCodecs.STUDENT_ID, ActionStep::studentId);
        var group = b.optional("group", Codecs.STRING, ActionStep::group);
        var intervention = b.optional("intervention_id", DomainCodecs.INTERVENTION_ID, ActionStep::interventionId);
        var status = b.required("status", Codecs.code(ActionStepStatus.class), ActionStep::status);
        var completed = b.optional("completion_date", Codecs.DATE, ActionStep::completionDate);
        var by = b.required("recorded_by", DomainCodecs.STAFF_ID, ActionStep::recordedBy);
        var at = b.required("recorded_at", INSTANT, ActionStep::recordedAt);
        return b.build(g -> new ActionStep(g.get(id), g.get(meeting), g.get(what), g.get(owner), g.get(due), g.opt(student),
                g.opt(group), g.opt(intervention), g.get(status), g.opt(completed), g.get(by), g.get(at)));
    }
}
