package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.DistrictVersion;
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
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;

/**
 * Who may record what at a school team's meeting, and the recording itself (docs/dashboard.md, "Meetings"). Every
 * form is one batch of upserts through {@link LiveData#record(java.util.function.Function, StaffId)}: validated with
 * the data directory's rules, journaled, applied whole or not at all. The rules:
 * <ul>
 *   <li>a meeting is opened by a team lead (principal, counselor, Community School Director, district administrator)
 *       for a school whose figures they may see;</li>
 *   <li>a meeting is open to its participants and to the staff whose schools include the meeting's school;</li>
 *   <li>a step about a student may be added, completed or dropped by whoever the policy lets see that student's
 *       {@code meetings.actionSteps} at the meeting's school on its day (so a Success Mentor only for the caseload, a
 *       teacher only for the class);</li>
 *   <li>an agenda item about a student, with its notes, only by a participant whom the policy lets see that student's
 *       {@code meetings.notes} there (notes go to participants only: the row filter {@code MEETING_PARTICIPANT});</li>
 *   <li>a step or item about a group (it names no student) only by a team lead.</li>
 * </ul>
 * Stateless apart from the request's version.
 */
final class MeetingRecorder {
    static final FieldPath STEPS = FieldPath.of("meetings.actionSteps");
    static final FieldPath NOTES = FieldPath.of("meetings.notes");
    /** The roles that lead a school's team: open meetings, record steps and items about groups. */
    static final Set<StaffRole> TEAM_LEADS = EnumSet.of(StaffRole.PRINCIPAL, StaffRole.COUNSELOR, StaffRole.COMMUNITY_SCHOOL_DIRECTOR,
            StaffRole.DISTRICT_ADMIN);

    private final Pages pages;
    private final Dashboard d;
    private final DistrictData data;

    MeetingRecorder(Pages pages) {
        this.pages = pages;
        this.d = pages.d;
        this.data = pages.data;
    }

    // ---- who may ----

    static boolean participant(Sessions.Viewer v, Meeting m) {
        return m.participants().contains(v.staff());
    }

    /** Whether the viewer leads a team at the meeting's school: a team-lead role, and the school among theirs. */
    static boolean leads(Sessions.Viewer v, SchoolId school) {
        return v.schools().contains(school) && v.roles().stream().anyMatch(TEAM_LEADS::contains);
    }

    /** Why the viewer may not open the meeting's page, or empty when they may. */
    static Optional<String> accessRefusal(Sessions.Viewer v, Meeting m) {
        if (participant(v, m) || v.schools().contains(m.schoolId())) {
            return Optional.empty();
        }
        return Optional.of("this meeting of " + m.schoolId().value() + "'s team is open to its participants and to the staff of that "
                + "school; you are neither");
    }

    /** Why the viewer may not open a meeting at {@code school}, or empty when they may. */
    static Optional<String> openRefusal(Sessions.Viewer v, SchoolId school) {
        if (!v.schools().contains(school)) {
            return Optional.of(school.value() + " is not one of your schools");
        }
        if (v.roles().stream().noneMatch(TEAM_LEADS::contains)) {
            return Optional.of("meetings are opened by the team's leads (principal, counselor, Community School Director, district "
                    + "administrator); your role (" + v.roleLabel() + ") takes part in them");
        }
        return Optional.empty();
    }

    /** Why the viewer may not add, complete or drop a step of meeting {@code m} about {@code student} (empty: a group). */
    Optional<String> stepRefusal(Sessions.Viewer v, Meeting m, Optional<StudentId> student, Instant at) {
        Optional<String> access = accessRefusal(v, m);
        if (access.isPresent()) {
            return access;
        }
        if (student.isEmpty()) {
            return leads(v, m.schoolId()) ? Optional.empty() : Optional.of("a step about a group is recorded by the team's leads "
                    + "(principal, counselor, Community School Director, district administrator); your role (" + v.roleLabel()
                    + ") records steps only for the students the policy lets you see");
        }
        return covered(pages.version.decide(v, student.get(), at), STEPS, m, "action steps");
    }

    /** Why the viewer may not add an agenda item of meeting {@code m} about {@code student} (empty: a group). */
    Optional<String> itemRefusal(Sessions.Viewer v, Meeting m, Optional<StudentId> student, Instant at) {
        Optional<String> access = accessRefusal(v, m);
        if (access.isPresent()) {
            return access;
        }
        if (student.isEmpty()) {
            return leads(v, m.schoolId()) ? Optional.empty() : Optional.of("an agenda item about a group is recorded by the team's leads");
        }
        if (!participant(v, m)) {
            return Optional.of("agenda notes about a student go only to the meeting's participants (MEETING_PARTICIPANT), and you are "
                    + "not one");
        }
        return covered(pages.version.decide(v, student.get(), at), NOTES, m, "agenda notes");
    }

    /** Empty when a grant of {@code field} covers the meeting's school on its day. */
    private static Optional<String> covered(Decision decision, FieldPath field, Meeting m, String what) {
        if (!decision.permits(field)) {
            return Optional.of("the policy does not let you see this student's " + what + " ("
                    + decision.denialReason(field).orElse("default deny") + "), so you may not record them");
        }
        if (!decision.covers(field, m.schoolId(), m.date(), m.date())) {
            return Optional.of("the policy lets you see this student's " + what + " only outside this meeting (its school and day "
                    + "are not in the scope of your grant)");
        }
        return Optional.empty();
    }

    // ---- recording ----

    /** A batch the data directory's rules refused: the located errors, shown on the meeting page; nothing changed. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<String> located;

        Rejected(List<String> located) {
            super("the change breaks a rule of the district's data and was not recorded", null, false, false);
            this.located = List.copyOf(located);
        }
    }

    DistrictVersion apply(Sessions.Viewer v, java.util.function.Function<DistrictData, List<?>> make) {
        try {
            return d.live.record(make, v.staff());
        } catch (BatchRejectedException e) {
            throw new Rejected(e.violations().stream().map(Object::toString).distinct().toList());
        }
    }

    /** Opens a meeting from the form (school, date, purpose, participants); returns its id. */
    MeetingId open(Dashboard.Request r, Sessions.Viewer v) {
        SchoolId school = v.schools().stream().filter(s -> s.value().equals(r.param("school"))).findFirst()
                .orElseThrow(() -> new Dashboard.Refused(403, "that school is not one of yours"));
        openRefusal(v, school).ifPresent(x -> {
            throw new Dashboard.Refused(403, "you may not open a meeting: " + x);
        });
        LocalDate date = date(r.param("date"), "date");
        String purpose = text(r.param("purpose"), "purpose", 200);
        Set<StaffId> participants = new TreeSet<>();
        participants.add(v.staff());
        for (String s : r.param("participants").split("[,;\\s]+")) {
            if (!s.isBlank()) {
                participants.add(staff(s));
            }
        }
        MeetingId[] id = new MeetingId[1];
        apply(v, now -> {
            id[0] = fresh("MT", now.meetings().meetings().size(), x -> now.meetings().meeting(MeetingId.of(x)).isPresent(), MeetingId::of);
            return List.of(new Meeting(id[0], school, date, purpose, participants));
        });
        return id[0];
    }

    /** Records the meeting form {@code action} ({@code agenda}, {@code step}, {@code complete}, {@code drop}); returns the message. */
    String act(Dashboard.Request r, Sessions.Viewer v, Meeting m) {
        Instant at = d.now();
        return switch (r.param("action")) {
            case "agenda" -> addItem(r, v, m, at);
            case "step" -> addStep(r, v, m, at);
            case "complete", "drop" -> close(r, v, m, at, r.param("action").equals("complete"));
            default -> throw new Dashboard.Refused(400, "unknown action; one of agenda, step, complete, drop");
        };
    }

    private String addItem(Dashboard.Request r, Sessions.Viewer v, Meeting m, Instant at) {
        Optional<StudentId> student = student(r, v, at);
        Optional<String> group = group(r, student);
        itemRefusal(v, m, student, at).ifPresent(x -> {
            throw new Dashboard.Refused(403, "you may not add this agenda item: " + x);
        });
        AgendaReason reason = choice(AgendaReason.class, r.param("reason"), "reason");
        Optional<String> notes = r.param("notes").isBlank() ? Optional.empty() : Optional.of(text(r.param("notes"), "notes", 2000));
        int[] number = new int[1];
        DistrictVersion applied = apply(v, now -> {
            number[0] = now.meetings().agendaOf(m.id()).stream().mapToInt(AgendaItem::number).max().orElse(0) + 1;
            return List.of(new AgendaItem(m.id(), number[0], student, group, reason, notes));
        });
        return "Agenda item " + number[0] + " added (data version " + applied.number() + ").";
    }

    private String addStep(Dashboard.Request r, Sessions.Viewer v, Meeting m, Instant at) {
        Optional<StudentId> student = student(r, v, at);
        Optional<String> group = group(r, student);
        stepRefusal(v, m, student, at).ifPresent(x -> {
            throw new Dashboard.Refused(403, "you may not add this step: " + x);
        });
        String what = text(r.param("what"), "what", 1000);
        StaffId owner = r.param("owner").isBlank() ? v.staff() : staff(r.param("owner"));
        LocalDate due = date(r.param("due_date"), "due date");
        Optional<InterventionId> intervention = Optional.empty();
        if (!r.param("intervention").isBlank()) {
            InterventionId i = id(r.param("intervention"), InterventionId::of, "intervention");
            if (data.intervention(i).filter(x -> x.schoolId().equals(m.schoolId())).isEmpty()) {
                throw new Dashboard.Refused(400, "no intervention " + i.value() + " at " + m.schoolId().value());
            }
            intervention = Optional.of(i);
        }
        Optional<InterventionId> startsOrChanges = intervention;
        ActionStepId[] id = new ActionStepId[1];
        DistrictVersion applied = apply(v, now -> {
            id[0] = fresh("AS", now.meetings().actionSteps().size(), x -> now.meetings().actionStep(ActionStepId.of(x)).isPresent(),
                    ActionStepId::of);
            return List.of(new ActionStep(id[0], m.id(), what, owner, due, student, group, startsOrChanges, ActionStepStatus.OPEN,
                    Optional.empty(), v.staff(), at));
        });
        return "Step " + id[0].value() + " added (data version " + applied.number() + ").";
    }

    private String close(Dashboard.Request r, Sessions.Viewer v, Meeting m, Instant at, boolean done) {
        ActionStepId id = id(r.param("step"), ActionStepId::of, "step");
        ActionStep step = data.meetings().actionStep(id).orElseThrow(() -> new Dashboard.Refused(404, "no such step"));
        Meeting of = data.meetings().meeting(step.meetingId()).orElseThrow();
        if (!of.schoolId().equals(m.schoolId())) {
            throw new Dashboard.Refused(400, "that step is not one of this school's team");
        }
        stepRefusal(v, of, step.studentId(), at).ifPresent(x -> {
            throw new Dashboard.Refused(403, "you may not change this step: " + x);
        });
        if (step.status() != ActionStepStatus.OPEN) {
            throw new Dashboard.Refused(409, "the step is no longer open (" + step.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        LocalDate on = date(r.param("completion_date"), "completion date");
        ActionStep changed = done ? step.complete(on, v.staff(), at)
                : new ActionStep(step.id(), step.meetingId(), step.what(), step.ownerId(), step.dueDate(), step.studentId(), step.group(),
                        step.interventionId(), ActionStepStatus.DROPPED, Optional.of(on), v.staff(), at);
        DistrictVersion applied = apply(v, now -> List.of(changed));
        return "Step " + id.value() + (done ? " completed on " : " dropped on ") + on + " (data version " + applied.number() + ").";
    }

    // ---- the form's values ----

    /**
     * The student of the form: a handle of this session ({@code student}) or a typed id ({@code student_id}, in the body,
     * never in an address); a missing and a forbidden id get the same answer. Empty when neither is given.
     */
    Optional<StudentId> student(Dashboard.Request r, Sessions.Viewer v, Instant at) {
        if (!r.param("student").isBlank()) {
            return Optional.of(r.session.student(r.param("student")).orElseThrow(() -> new Dashboard.Refused(403,
                    "this student handle was not issued to you in this session")));
        }
        String typed = r.param("student_id").strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        StudentId s;
        try {
            s = StudentId.of(typed);
        } catch (IllegalArgumentException e) {
            throw new Dashboard.Refused(400, "not a well-formed student id");
        }
        if (data.student(s).isEmpty() || !pages.version.decide(v, s, at).permitsAny()) {
            throw new Dashboard.Refused(403, Pages.NOT_FOUND_OR_FORBIDDEN);
        }
        return Optional.of(s);
    }

    private static Optional<String> group(Dashboard.Request r, Optional<StudentId> student) {
        String g = r.param("group").strip();
        if (student.isPresent() == !g.isEmpty()) {
            throw new Dashboard.Refused(400, "name exactly one of a student and a group");
        }
        return g.isEmpty() ? Optional.empty() : Optional.of(text(g, "group", 100));
    }

    StaffId staff(String text) {
        StaffId s = id(text.strip(), StaffId::of, "staff id");
        if (data.staff(s).isEmpty()) {
            throw new Dashboard.Refused(400, "no staff member " + s.value() + " in this district's data");
        }
        return s;
    }

    static <T> T id(String text, java.util.function.Function<String, T> of, String what) {
        try {
            return of.apply(text);
        } catch (IllegalArgumentException e) {
            throw new Dashboard.Refused(400, "not a well-formed " + what);
        }
    }

    static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Dashboard.Refused(400, "the " + what + " must be YYYY-MM-DD");
        }
    }

    static String text(String text, String what, int max) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new Dashboard.Refused(400, "the " + what + " must have 1 to " + max + " characters");
        }
        return t;
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new Dashboard.Refused(400, "the " + what + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A new identifier {@code prefix + n} not yet taken, counting up from the number of records. */
    private static <T> T fresh(String prefix, int count, java.util.function.Predicate<String> taken, java.util.function.Function<String, T> of) {
        int n = count + 1;
        while (taken.test(prefix + n)) {
            n++;
        }
        return of.apply(prefix + n);
    }

    /** The staff who may own a step at the meeting: its participants and the staff with a role at its school today. */
    List<StaffId> owners(Meeting m) {
        Set<StaffId> out = new TreeSet<>(m.participants());
        data.staffAssignments().stream().filter(a -> a.organizationId().equals(m.schoolId()) && a.period().contains(d.today))
                .forEach(a -> out.add(a.staffId()));
        return new ArrayList<>(out);
    }
}
