package org.communityschools.core.internal.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.MeetingRecords;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.StaffId;

/**
 * The cross-record rules of the meeting files (docs/data-directory-rules.md): a meeting's school and participants, an
 * agenda item's meeting and student, a step's meeting, owner, recorder, student and intervention exist; ids are
 * unique; a step is not completed before its meeting. Collects the accepted records. One per read; not thread-safe.
 */
final class MeetingChecks {
    private final References refs;
    private final IdTable<org.communityschools.core.model.MeetingId, Meeting> meetings = new IdTable<>(Meeting::id);
    private final List<AgendaItem> agenda = new ArrayList<>();
    private final java.util.Set<String> agendaKeys = new java.util.HashSet<>();
    private final Map<String, ActionStep> steps = new HashMap<>();
    private final List<ActionStep> stepList = new ArrayList<>();

    MeetingChecks(References refs) {
        this.refs = refs;
    }

    /** The tables the meeting files refer to. */
    record Tables(IdTable<?, ?> schools, IdTable<?, ?> students, IdTable<?, ?> staff, IdTable<?, ?> interventions) {}

    boolean add(Meeting m, Where w, Tables t) {
        DataFile f = DataFile.MEETINGS;
        boolean ok = refs.unique(meetings, m.id().value(), f, w, "meeting_id");
        ok &= refs.exists(t.schools(), DataFile.SCHOOLS, "school", m.schoolId().value(), f, w, "school_id");
        for (StaffId p : m.participants()) {
            ok &= refs.exists(t.staff(), DataFile.STAFF, "staff", p.value(), f, w, "participants");
        }
        if (ok) {
            meetings.add(m.id().value(), m);
        }
        return ok;
    }

    boolean add(AgendaItem a, Where w, Tables t) {
        DataFile f = DataFile.AGENDA_ITEMS;
        boolean ok = meeting(a.meetingId().value(), f, w) != null;
        String key = a.meetingId().value() + "#" + a.number();
        if (ok && !agendaKeys.add(key)) {
            ok = refs.error(f, w, "number", Integer.toString(a.number()), "unique.id",
                    "an agenda item's number must be unique within its meeting; " + a.meetingId() + " has item "
                            + a.number() + " on an earlier row");
        }
        if (a.studentId().isPresent()) {
            ok &= refs.exists(t.students(), DataFile.STUDENTS, "student", a.studentId().get().value(), f, w, "student_id");
        }
        if (ok) {
            agenda.add(a);
        }
        return ok;
    }

    boolean add(ActionStep s, Where w, Tables t) {
        DataFile f = DataFile.ACTION_STEPS;
        boolean ok = true;
        if (steps.containsKey(s.id().value())) {
            ok = refs.error(f, w, "action_step_id", s.id().value(), "unique.id",
                    "action_step_id must be unique within action_steps.csv; '" + s.id() + "' appears on an earlier row");
        }
        Meeting m = meeting(s.meetingId().value(), f, w);
        ok &= m != null;
        ok &= refs.exists(t.staff(), DataFile.STAFF, "staff", s.ownerId().value(), f, w, "owner_id");
        ok &= refs.exists(t.staff(), DataFile.STAFF, "staff", s.recordedBy().value(), f, w, "recorded_by");
        if (s.studentId().isPresent()) {
            ok &= refs.exists(t.students(), DataFile.STUDENTS, "student", s.studentId().get().value(), f, w, "student_id");
        }
        if (s.interventionId().isPresent()) {
            ok &= refs.exists(t.interventions(), DataFile.INTERVENTIONS, "intervention",
                    s.interventionId().get().value(), f, w, "intervention_id");
        }
        if (m != null && s.completionDate().isPresent() && s.completionDate().get().isBefore(m.date())) {
            ok = refs.error(f, w, "completion_date", s.completionDate().get().toString(), "step.completion-before-meeting",
                    "completion_date must not be before the date of meeting '" + m.id() + "', " + m.date());
        }
        if (ok) {
            steps.put(s.id().value(), s);
            stepList.add(s);
        }
        return ok;
    }

    private @org.jspecify.annotations.Nullable Meeting meeting(String id, DataFile f, Where w) {
        if (!refs.exists(meetings, DataFile.MEETINGS, "meeting", id, f, w, "meeting_id")) {
            return null;
        }
        return meetings.record(meetings.indexOf(id));
    }

    MeetingRecords finish() {
        return MeetingRecords.of(meetings.records(), agenda, stepList);
    }
}
