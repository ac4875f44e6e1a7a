package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;

/**
 * Recording a student's participation in an intervention, and ending it, from the page {@code /interventions/{id}}
 * (docs/dashboard.md, "Recording participation"). Each form is one batch of one upsert of {@code intervention_participants.csv}
 * through {@link MeetingRecorder#apply} (so through {@link LiveData#record(java.util.function.Function, StaffId)}: validated
 * with the data directory's rules, journaled, whole or not at all), with {@code recorded_by} the signed-in staff member and
 * {@code recorded_at} the dashboard's clock. Who may record, decided from the data on the participation's start date:
 * <ul>
 *   <li>the principal of the intervention's school, for any of the school's programs;</li>
 *   <li>a Community School Director assigned to the intervention's school, for the programs of the director's own
 *       organization (the intervention's provider is the director's employer);</li>
 *   <li>a Success Mentor assigned to the intervention's school, for a Success Mentor (check-in) intervention and a
 *       student of the mentor's caseload ({@code MENTOR_OF}) that day; the mentor is recorded as the staff member
 *       delivering it.</li>
 * </ul>
 * The student is named by id in the form and must be one the policy lets the viewer see (else the same answer as a
 * missing student), and must be enrolled at the intervention's school on the start date (400 naming the rule).
 * Stateless apart from the request's version.
 */
final class ParticipationRecorder {
    /** The roles that may record a participation at all (each with its own scope, above). */
    static final Set<StaffRole> RECORDERS = EnumSet.of(StaffRole.PRINCIPAL, StaffRole.COMMUNITY_SCHOOL_DIRECTOR,
            StaffRole.SUCCESS_MENTOR);

    private final Pages pages;
    private final Dashboard d;
    private final DistrictData data;
    private final MeetingRecorder forms;

    ParticipationRecorder(Pages pages) {
        this.pages = pages;
        this.d = pages.d;
        this.data = pages.data;
        this.forms = new MeetingRecorder(pages);
    }

    /** The intervention of the address, when it is at one of the viewer's schools; a missing one gets the same 404. */
    Intervention intervention(Sessions.Viewer v, String id) {
        return data.intervention(MeetingRecorder.id(id, InterventionId::of, "intervention"))
                .filter(i -> v.schools().contains(i.schoolId()))
                .orElseThrow(() -> new Dashboard.Refused(404, "no intervention with this id at your schools"));
    }

    /**
     * Why the viewer may not record {@code student}'s participation in {@code i} that starts {@code on}, or empty when
     * they may.
     */
    Optional<String> refusal(Sessions.Viewer v, Intervention i, StudentId student, LocalDate on) {
        Set<StaffRole> roles = data.assignmentsOn(v.staff(), on).stream().filter(a -> a.organizationId().equals(i.schoolId()))
                .map(a -> a.role()).collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
        if (roles.contains(StaffRole.PRINCIPAL)) {
            return Optional.empty();
        }
        boolean ownProgram = data.staff(v.staff()).map(s -> s.employerId().equals(i.providerId())).orElse(false);
        if (roles.contains(StaffRole.COMMUNITY_SCHOOL_DIRECTOR)) {
            return ownProgram ? Optional.empty() : Optional.of("a Community School Director records participation only in the "
                    + "programs of the director's own organization, and " + i.id().value() + " is provided by " + i.providerId().value());
        }
        if (roles.contains(StaffRole.SUCCESS_MENTOR)) {
            if (i.type() != InterventionType.SUCCESS_MENTOR) {
                return Optional.of("a Success Mentor records only the mentoring check-ins (Success Mentor interventions), and "
                        + i.id().value() + " is " + i.type().name());
            }
            boolean mentee = data.relationshipsOn(v.staff(), on).stream()
                    .anyMatch(x -> x.studentId().equals(student) && x.relationship() == RelationshipType.MENTOR_OF);
            return mentee ? Optional.empty() : Optional.of("a Success Mentor records check-ins only for the students of the "
                    + "mentor's caseload on " + on + ", and this student is not one of them");
        }
        return Optional.of("participation at " + i.schoolId().value() + " is recorded by its principal, a Community School Director "
                + "(the director's organization's programs) or a Success Mentor (the caseload's check-ins); your role there on " + on
                + " (" + (roles.isEmpty() ? "none" : roles.toString()) + ") does not record it");
    }

    /** Records the form {@code action} ({@code record} or {@code end}) for intervention {@code i}; returns the message. */
    String act(Dashboard.Request r, Sessions.Viewer v, Intervention i) {
        Instant at = d.now();
        return switch (r.param("action")) {
            case "record" -> record(r, v, i, at);
            case "end" -> end(r, v, i, at);
            default -> throw new Dashboard.Refused(400, "unknown action; one of record, end");
        };
    }

    private StudentId student(Dashboard.Request r, Sessions.Viewer v, Instant at) {
        return forms.student(r, v, at).orElseThrow(() -> new Dashboard.Refused(400, "name the student (student_id)"));
    }

    private void check(Sessions.Viewer v, Intervention i, StudentId student, LocalDate on) {
        refusal(v, i, student, on).ifPresent(x -> {
            throw new Dashboard.Refused(403, "you may not record this participation: " + x);
        });
        boolean enrolled = data.enrollmentsOn(student, on).stream().anyMatch(e -> e.schoolId().equals(i.schoolId()));
        if (!enrolled) {
            throw new Dashboard.Refused(400, "rule participation.enrolled: the student must be enrolled at the intervention's school ("
                    + i.schoolId().value() + ") on the start date " + on);
        }
    }

    private String record(Dashboard.Request r, Sessions.Viewer v, Intervention i, Instant at) {
        StudentId student = student(r, v, at);
        LocalDate begin = MeetingRecorder.date(r.param("begin_date"), "start date");
        check(v, i, student, begin);
        boolean mentor = data.assignmentsOn(v.staff(), begin).stream().noneMatch(a -> a.organizationId().equals(i.schoolId())
                && a.role() != StaffRole.SUCCESS_MENTOR);
        Optional<StaffId> staff = mentor ? Optional.of(v.staff())
                : r.param("staff").isBlank() ? Optional.empty() : Optional.of(forms.staff(r.param("staff")));
        Optional<String> goal = r.param("goal").isBlank() ? Optional.empty() : Optional.of(MeetingRecorder.text(r.param("goal"), "goal", 500));
        InterventionParticipant p = new InterventionParticipant(i.id(), student, staff, DateRange.startingOn(begin), goal,
                ParticipationStatus.ACTIVE, Optional.of(v.staff()), Optional.of(at));
        DistrictVersion applied = forms.apply(v, now -> {
            if (find(now, i.id(), student, begin).isPresent()) {
                throw new Dashboard.Refused(409, "this participation (same student, intervention and start date) is already recorded; "
                        + "end it instead");
            }
            return java.util.List.of(p);
        });
        return "Participation in " + i.id().value() + " from " + begin + " recorded (data version " + applied.number() + ").";
    }

    private String end(Dashboard.Request r, Sessions.Viewer v, Intervention i, Instant at) {
        StudentId student = student(r, v, at);
        LocalDate begin = MeetingRecorder.date(r.param("begin_date"), "start date");
        InterventionParticipant p = find(data, i.id(), student, begin)
                .orElseThrow(() -> new Dashboard.Refused(404, "no participation of this student in " + i.id().value() + " from " + begin));
        check(v, i, student, begin);
        LocalDate last = MeetingRecorder.date(r.param("end_date"), "end date");
        if (last.isBefore(begin)) {
            throw new Dashboard.Refused(400, "the end date must not be before the start date " + begin);
        }
        ParticipationStatus status = MeetingRecorder.choice(ParticipationStatus.class, r.param("status"), "status");
        if (status == ParticipationStatus.ACTIVE) {
            throw new Dashboard.Refused(400, "an ended participation is COMPLETED or DISCONTINUED");
        }
        InterventionParticipant ended = new InterventionParticipant(p.interventionId(), p.studentId(), p.staffId(),
                DateRange.closed(begin, last), p.goal(), status, Optional.of(v.staff()), Optional.of(at));
        DistrictVersion applied = forms.apply(v, now -> java.util.List.of(ended));
        return "Participation in " + i.id().value() + " from " + begin + " ended on " + last + ", " + status.name()
                + " (data version " + applied.number() + ").";
    }

    private static Optional<InterventionParticipant> find(DistrictData data, InterventionId i, StudentId s, LocalDate begin) {
        return data.participantsOf(s).stream().filter(p -> p.interventionId().equals(i) && p.period().start().equals(begin)).findFirst();
    }

    /** The page of intervention {@code i}: what it is and the two forms (no participant is listed here). */
    String page(Dashboard.Request r, Sessions.Viewer v, Intervention i) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<h1>Intervention ").append(Html.esc(i.id().value())).append("</h1><p id=\"intervention\" class=\"card\">")
                .append(Html.esc(i.type().name())).append(" · provided by ").append(Html.esc(i.providerId().value())).append(" at ")
                .append(Html.esc(i.schoolId().value())).append("</p>");
        b.append("<p class=\"note\">Participation is recorded by the school's principal, a Community School Director for the programs "
                + "of the director's own organization, and a Success Mentor for the check-ins of the caseload; with who recorded it "
                + "and when.</p>");
        String action = "/interventions/" + Html.esc(java.net.URLEncoder.encode(i.id().value(), java.nio.charset.StandardCharsets.UTF_8));
        b.append("<form method=\"post\" action=\"").append(action).append("\" id=\"record-participation\" class=\"card\">")
                .append("<h2>Record a participation</h2>").append(Html.csrf(r)).append("<input type=\"hidden\" name=\"action\" value=\"record\">")
                .append("<label>Student id <input name=\"student_id\" required></label> ")
                .append("<label>Start date <input type=\"date\" name=\"begin_date\" value=\"").append(d.today).append("\" required></label> ")
                .append("<label>Staff id (delivering) <input name=\"staff\"></label> ")
                .append("<label>Goal <input name=\"goal\" size=\"40\" maxlength=\"500\"></label> <button>Record</button></form>");
        b.append("<form method=\"post\" action=\"").append(action).append("\" id=\"end-participation\" class=\"card\">")
                .append("<h2>End a participation</h2>").append(Html.csrf(r)).append("<input type=\"hidden\" name=\"action\" value=\"end\">")
                .append("<label>Student id <input name=\"student_id\" required></label> ")
                .append("<label>Start date <input type=\"date\" name=\"begin_date\" required></label> ")
                .append("<label>End date <input type=\"date\" name=\"end_date\" value=\"").append(d.today).append("\" required></label> ")
                .append("<label>Status <select name=\"status\"><option>COMPLETED</option><option>DISCONTINUED</option></select></label> ")
                .append("<button>End</button></form>");
        return Html.page(d, r, "Intervention " + i.id().value(), b.toString());
    }
}
