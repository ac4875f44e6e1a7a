package org.communityschools.privacy.view.internal;

import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.AgendaItem;

/**
 * How the record view writes the meeting fields (docs/meetings.md): {@code meetings.actionSteps}, one object per step
 * about the student, and {@code meetings.notes}, one object per agenda item about the student. Which rows are written
 * is decided by {@link Fillers} (the scope of the grant, at the meeting's school and date, and the row filter).
 * Stateless.
 */
final class MeetingFillers {
    private MeetingFillers() {}

    /** A step: its meeting and the meeting's date, what, owner, due date, intervention, status and completion date. */
    static final Fillers.Attributes<ActionStep> STEP = (sd, s, o, scope) -> {
        o.put("action_step_id", s.id().value());
        o.put("meeting_id", s.meetingId().value());
        sd.data().meetings().meeting(s.meetingId()).ifPresent(m -> o.put("meeting_date", m.date()));
        o.put("what", s.what());
        o.put("owner_id", s.ownerId().value());
        o.put("due_date", s.dueDate());
        s.interventionId().ifPresent(i -> o.put("intervention_id", i.value()));
        o.put("status", s.status());
        s.completionDate().ifPresent(d -> o.put("completion_date", d));
    };

    /** An agenda item: its meeting and the meeting's date, the reason and the notes. */
    static final Fillers.Attributes<AgendaItem> NOTE = (sd, a, o, scope) -> {
        o.put("meeting_id", a.meetingId().value());
        sd.data().meetings().meeting(a.meetingId()).ifPresent(m -> o.put("meeting_date", m.date()));
        o.put("reason", a.reason());
        a.notes().ifPresent(n -> o.put("notes", n));
    };
}
