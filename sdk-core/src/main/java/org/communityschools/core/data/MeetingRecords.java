package org.communityschools.core.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.ActionStepId;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.MeetingId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * The school teams' meetings of a district with their agenda items and action steps ({@code meetings.csv},
 * {@code agenda_items.csv}, {@code action_steps.csv}; docs/meetings.md), indexed by meeting, school, student and
 * owner. Immutable and thread-safe; obtained from {@link DistrictData#meetings()}.
 */
public final class MeetingRecords {
    private static final MeetingRecords EMPTY = new MeetingRecords(List.of(), List.of(), List.of());
    private static final Comparator<Meeting> BY_DATE = Comparator.comparing(Meeting::date).thenComparing(Meeting::id);
    private static final Comparator<ActionStep> BY_DUE = Comparator.comparing(ActionStep::dueDate).thenComparing(ActionStep::id);

    private final List<Meeting> meetings;
    private final List<AgendaItem> agendaItems;
    private final List<ActionStep> actionSteps;
    private final Map<MeetingId, Meeting> byId;
    private final Map<ActionStepId, ActionStep> stepsById;
    private final Map<SchoolId, List<Meeting>> bySchool;
    private final Map<MeetingId, List<AgendaItem>> agendaByMeeting;
    private final Map<MeetingId, List<ActionStep>> stepsByMeeting;
    private final Map<StudentId, List<ActionStep>> stepsByStudent;
    private final Map<StudentId, List<AgendaItem>> agendaByStudent;
    private final Map<StaffId, List<ActionStep>> stepsByOwner;

    private MeetingRecords(List<Meeting> meetings, List<AgendaItem> agendaItems, List<ActionStep> actionSteps) {
        this.meetings = List.copyOf(meetings);
        this.agendaItems = List.copyOf(agendaItems);
        this.actionSteps = List.copyOf(actionSteps);
        this.byId = index(this.meetings, Meeting::id);
        this.stepsById = index(this.actionSteps, ActionStep::id);
        this.bySchool = group(this.meetings, Meeting::schoolId, BY_DATE);
        this.agendaByMeeting = group(this.agendaItems, AgendaItem::meetingId, Comparator.comparingInt(AgendaItem::number));
        this.stepsByMeeting = group(this.actionSteps, ActionStep::meetingId, BY_DUE);
        Map<StudentId, List<ActionStep>> students = new HashMap<>();
        for (ActionStep s : this.actionSteps) {
            s.studentId().ifPresent(id -> students.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
        }
        students.replaceAll((k, v) -> sorted(v, BY_DUE));
        this.stepsByStudent = students;
        Map<StudentId, List<AgendaItem>> items = new HashMap<>();
        for (AgendaItem a : this.agendaItems) {
            a.studentId().ifPresent(id -> items.computeIfAbsent(id, k -> new ArrayList<>()).add(a));
        }
        items.replaceAll((k, v) -> List.copyOf(v));
        this.agendaByStudent = items;
        this.stepsByOwner = group(this.actionSteps, ActionStep::ownerId, BY_DUE);
    }

    /**
     * The records, indexed. Whether they satisfy the cross-record rules is not checked here (the reader and
     * {@link DistrictDataBuilder} check them); identifiers of meetings and steps must be unique.
     *
     * @param meetings the meetings, in file order
     * @param agendaItems the agenda items, in file order
     * @param actionSteps the action steps, in file order
     * @return the records, indexed
     * @throws IllegalArgumentException when a meeting or step id repeats
     */
    public static MeetingRecords of(List<Meeting> meetings, List<AgendaItem> agendaItems, List<ActionStep> actionSteps) {
        if (meetings.isEmpty() && agendaItems.isEmpty() && actionSteps.isEmpty()) {
            return EMPTY;
        }
        return new MeetingRecords(meetings, agendaItems, actionSteps);
    }

    /** {@return no meetings} */
    public static MeetingRecords empty() {
        return EMPTY;
    }

    /** {@return the meetings, in file order} */
    public List<Meeting> meetings() {
        return meetings;
    }

    /** {@return the agenda items, in file order} */
    public List<AgendaItem> agendaItems() {
        return agendaItems;
    }

    /** {@return the action steps, in file order} */
    public List<ActionStep> actionSteps() {
        return actionSteps;
    }

    /**
     * {@return the meeting with this id}
     *
     * @param id the meeting's id
     */
    public Optional<Meeting> meeting(MeetingId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * {@return the action step with this id}
     *
     * @param id the step's id
     */
    public Optional<ActionStep> actionStep(ActionStepId id) {
        return Optional.ofNullable(stepsById.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * {@return the school's meetings, by date}
     *
     * @param school the school
     */
    public List<Meeting> meetingsAt(SchoolId school) {
        return bySchool.getOrDefault(Objects.requireNonNull(school, "school"), List.of());
    }

    /**
     * {@return the school's last meeting strictly before {@code date}, if any}
     *
     * @param school the school
     * @param date the day
     */
    public Optional<Meeting> lastMeetingBefore(SchoolId school, LocalDate date) {
        Objects.requireNonNull(date, "date");
        Meeting last = null;
        for (Meeting m : meetingsAt(school)) {
            if (m.date().isBefore(date)) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * {@return the meeting's agenda items, by number}
     *
     * @param meeting the meeting's id
     */
    public List<AgendaItem> agendaOf(MeetingId meeting) {
        return agendaByMeeting.getOrDefault(Objects.requireNonNull(meeting, "meeting"), List.of());
    }

    /**
     * {@return the action steps decided at the meeting, by due date}
     *
     * @param meeting the meeting's id
     */
    public List<ActionStep> stepsOf(MeetingId meeting) {
        return stepsByMeeting.getOrDefault(Objects.requireNonNull(meeting, "meeting"), List.of());
    }

    /**
     * {@return the action steps about the student, by due date}
     *
     * @param student the student
     */
    public List<ActionStep> stepsOfStudent(StudentId student) {
        return stepsByStudent.getOrDefault(Objects.requireNonNull(student, "student"), List.of());
    }

    /**
     * {@return the agenda items about the student, in file order} The same items, in the same order, as
     * {@link #agendaItems()} filtered by {@link AgendaItem#studentId()}, found without reading the others.
     *
     * @param student the student
     */
    public List<AgendaItem> agendaItemsAbout(StudentId student) {
        return agendaByStudent.getOrDefault(Objects.requireNonNull(student, "student"), List.of());
    }

    /**
     * {@return the action steps the staff member owns, by due date}
     *
     * @param owner the staff member
     */
    public List<ActionStep> stepsOwnedBy(StaffId owner) {
        return stepsByOwner.getOrDefault(Objects.requireNonNull(owner, "owner"), List.of());
    }

    /**
     * {@return the open steps of the school's meetings due on or before {@code date}, by due date}
     *
     * @param school the school
     * @param date the day
     */
    public List<ActionStep> stepsDue(SchoolId school, LocalDate date) {
        List<ActionStep> out = new ArrayList<>();
        for (Meeting m : meetingsAt(school)) {
            for (ActionStep s : stepsOf(m.id())) {
                if (s.isDueBy(date)) {
                    out.add(s);
                }
            }
        }
        return sorted(out, BY_DUE);
    }

    /** {@return whether there are no meetings, agenda items or steps} */
    public boolean isEmpty() {
        return meetings.isEmpty() && agendaItems.isEmpty() && actionSteps.isEmpty();
    }

    @Override
    public String toString() {
        return "MeetingRecords[" + meetings.size() + " meetings, " + agendaItems.size() + " agenda items, "
                + actionSteps.size() + " action steps]";
    }

    private static <K, T> Map<K, T> index(List<T> items, Function<T, K> key) {
        Map<K, T> out = new HashMap<>();
        for (T t : items) {
            if (out.put(key.apply(t), t) != null) {
                throw new IllegalArgumentException("identifier repeats: " + key.apply(t));
            }
        }
        return out;
    }

    private static <K, T> Map<K, List<T>> group(List<T> items, Function<T, K> key, Comparator<T> order) {
        Map<K, List<T>> out = new LinkedHashMap<>();
        for (T t : items) {
            out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        out.replaceAll((k, v) -> sorted(v, order));
        return out;
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        if (order != null) {
            items.sort(order);
        }
        return List.copyOf(items);
    }
}
