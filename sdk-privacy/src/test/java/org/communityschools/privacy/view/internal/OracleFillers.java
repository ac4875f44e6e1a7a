package org.communityschools.privacy.view.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.privacy.policy.RowFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test oracle: the fillers as they were before the view was made faster (sdk-privacy {@code Fillers}, unchanged but
 * for the name), used by {@link TreeViewOracle}. Original description: the fillers of the default catalog's fields: for each path, how its value is built from one student's district
 * data. A path without a filler is never written (fail closed). Stateless and thread-safe.
 */
public final class OracleFillers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The data of one student, gathered once. */
    public record StudentData(DistrictData data, Student student) {}

    /** Fills a top-level field: empty when the student has no value for it. */
    public interface TopFiller {
        /** The field's value for this student, offering each record to {@code children}; empty when there is none. */
        Optional<JsonNode> fill(StudentData s, ChildWriter children);
    }

    /**
     * Writes the permitted child fields of one record of a parent field into that record's object; given by the
     * view builder, which knows the decision and the masks.
     */
    public interface ChildWriter {
        /** Writes the child field {@code childSegment} of {@code record} into {@code into}, if permitted and known. */
        void write(String childSegment, Object record, ObjectNode into);
    }

    /** Fills a child field from one record of its parent: empty when the record has no value. */
    public interface ChildFiller {
        /** The child field's value in this record of its parent; empty when the record has none. */
        Optional<JsonNode> fill(Object record);
    }

    private static final Map<String, TopFiller> TOP = new HashMap<>();
    private static final Map<String, ChildFiller> CHILD = new HashMap<>();

    private OracleFillers() {}

    private static final Attributes<InterventionParticipant> PARTICIPATION = (sd, p, o) -> {
        o.put("intervention_id", p.interventionId().value());
        // the intervention's own description is free text the catalog does not list: never written
        sd.data().intervention(p.interventionId()).ifPresent(i -> {
            o.put("type", i.type().name());
            o.put("provider_id", text(i.providerId()));
            o.put("school_id", i.schoolId().value());
        });
        p.staffId().ifPresent(id -> o.put("staff_id", id.value()));
        period(p.period(), o);
        o.put("status", p.status().name());
    };

    /**
     * The filler of a field of two segments showing only the rows that pass {@code filter} for {@code requester}, if
     * the view supports that filter on that field; empty otherwise (the caller then leaves the field out).
     */
    public static Optional<TopFiller> restricted(String path, RowFilter filter, StaffId requester) {
        if (path.equals("interventions.participation") && filter == RowFilter.DELIVERED_BY_REQUESTER
                && filter.field().value().equals(path)) {
            return Optional.of(records("interventions.participation",
                    s -> s.data().participantsOf(s.student().id()).stream()
                            .filter(p -> p.staffId().filter(requester::equals).isPresent()).toList(),
                    PARTICIPATION));
        }
        if (path.equals("meetings.notes") && filter == RowFilter.MEETING_PARTICIPANT) {
            return Optional.of(records("meetings.notes", s -> notesOf(s).stream()
                    .filter(a -> s.data().meetings().meeting(a.meetingId()).orElseThrow().participants().contains(requester))
                    .toList(), NOTE));
        }
        return Optional.empty();
    }

    private static List<org.communityschools.core.model.AgendaItem> notesOf(StudentData s) {
        return s.data().meetings().agendaItems().stream()
                .filter(a -> a.studentId().filter(s.student().id()::equals).isPresent()).toList();
    }

    private static final Attributes<org.communityschools.core.model.ActionStep> STEP = (sd, st, o) -> {
        o.put("action_step_id", st.id().value());
        o.put("meeting_id", st.meetingId().value());
        sd.data().meetings().meeting(st.meetingId()).ifPresent(m -> o.put("meeting_date", m.date().toString()));
        o.put("what", st.what());
        o.put("owner_id", st.ownerId().value());
        o.put("due_date", st.dueDate().toString());
        st.interventionId().ifPresent(i -> o.put("intervention_id", i.value()));
        o.put("status", st.status().name());
        st.completionDate().ifPresent(d -> o.put("completion_date", d.toString()));
    };

    private static final Attributes<org.communityschools.core.model.AgendaItem> NOTE = (sd, a, o) -> {
        o.put("meeting_id", a.meetingId().value());
        sd.data().meetings().meeting(a.meetingId()).ifPresent(m -> o.put("meeting_date", m.date().toString()));
        o.put("reason", a.reason().name());
        a.notes().ifPresent(n -> o.put("notes", n));
    };

    /** The filler of a field of two segments, if the view knows how to fill it. */
    public static Optional<TopFiller> top(String path) {
        return Optional.ofNullable(TOP.get(path));
    }

    /** The filler of a field of three or more segments, if the view knows how to fill it. */
    public static Optional<ChildFiller> child(String path) {
        return Optional.ofNullable(CHILD.get(path));
    }

    private static <T> TopFiller records(String path, Function<StudentData, List<T>> source,
                                         Attributes<T> attributes) {
        return (s, children) -> {
            List<T> rows = source.apply(s);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            ArrayNode out = F.arrayNode();
            for (T row : rows) {
                ObjectNode o = F.objectNode();
                attributes.write(s, row, o);
                for (String seg : CHILD_SEGMENTS.getOrDefault(path, Set.of())) {
                    children.write(seg, row, o);
                }
                out.add(o);
            }
            return Optional.of(out);
        };
    }

    private interface Attributes<T> {
        void write(StudentData s, T row, ObjectNode o);
    }

    private static final Map<String, Set<String>> CHILD_SEGMENTS = new HashMap<>();

    private static void child(String parent, String segment, ChildFiller filler) {
        CHILD.put(parent + "." + segment, filler);
        CHILD_SEGMENTS.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(segment);
    }

    /** The segments of the children a record field's filler offers to its {@link ChildWriter}. */
    public static Set<String> childSegments(String parent) {
        return CHILD_SEGMENTS.getOrDefault(parent, Set.of());
    }

    private static TopFiller periods(StudentCharacteristicType type) {
        return (s, children) -> {
            ArrayNode out = F.arrayNode();
            for (StudentCharacteristic c : s.data().characteristicsOf(s.student().id())) {
                if (c.characteristic() == type) {
                    out.add(period(c.period(), F.objectNode()));
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        };
    }

    private static ObjectNode period(DateRange r, ObjectNode o) {
        o.put("start", r.start().toString());
        r.lastDay().ifPresent(d -> o.put("end", d.toString()));
        return o;
    }

    private static List<Enrollment> enrollments(StudentData s) {
        List<Enrollment> out = new ArrayList<>(s.data().enrollmentsOf(s.student().id()));
        out.sort(Comparator.comparing(Enrollment::entryDate));
        return out;
    }

    private static String text(Object o) {
        return String.valueOf(o);
    }

    static {
        TOP.put("identity.studentId", (s, c) -> Optional.of(F.stringNode(s.student().id().value())));
        TOP.put("identity.name", (s, c) -> {
            ObjectNode o = F.objectNode();
            o.put("first_name", s.student().firstName());
            o.put("last_name", s.student().lastName());
            return Optional.of(o);
        });
        TOP.put("demographics.birthDate", (s, c) -> Optional.of(F.stringNode(s.student().birthDate().toString())));
        TOP.put("demographics.sex", (s, c) -> Optional.of(F.stringNode(s.student().sex().name())));
        TOP.put("demographics.raceEthnicity", (s, c) -> Optional.of(F.stringNode(s.student().raceEthnicity().name())));
        TOP.put("directory.school", (s, c) -> {
            ArrayNode out = F.arrayNode();
            Set<String> seen = new LinkedHashSet<>();
            enrollments(s).forEach(e -> seen.add(e.schoolId().value()));
            seen.forEach(out::add);
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
        TOP.put("directory.gradeLevel", (s, c) -> {
            List<Enrollment> es = enrollments(s);
            return es.isEmpty() ? Optional.empty()
                    : Optional.of(F.stringNode(es.get(es.size() - 1).entryGrade().toString()));
        });
        TOP.put("directory.enrollmentDates", (s, c) -> {
            ArrayNode out = F.arrayNode();
            for (Enrollment e : enrollments(s)) {
                ObjectNode o = F.objectNode();
                o.put("entry_date", e.entryDate().toString());
                e.exitWithdrawDate().ifPresent(d -> o.put("exit_date", d.toString()));
                out.add(o);
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
        TOP.put("directory.exitWithdrawType", (s, c) -> {
            ArrayNode out = F.arrayNode();
            for (Enrollment e : enrollments(s)) {
                if (e.exitWithdrawType().isPresent()) {
                    ObjectNode o = F.objectNode();
                    e.exitWithdrawDate().ifPresent(d -> o.put("exit_date", d.toString()));
                    o.put("exit_type", e.exitWithdrawType().get().name());
                    o.put("documented", e.exitDocumented());
                    out.add(o);
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
        TOP.put("attendance.records", records("attendance.records",
                s -> s.data().attendance().recordsOf(s.student().id()), (StudentData sd, AttendanceRecord r, ObjectNode o) -> {
                    o.put("date", r.date().toString());
                    o.put("school_id", r.schoolId().value());
                    o.put("category", r.category().name());
                    o.put("duration", r.duration().toBigDecimal());
                }));
        child("attendance.records", "reason",
                r -> ((AttendanceRecord) r).reason().map(F::stringNode));
        TOP.put("behavior.incidents", records("behavior.incidents",
                s -> s.data().incidentsOf(s.student().id()), (StudentData sd, BehaviorIncident r, ObjectNode o) -> {
                    o.put("incident_id", r.incidentId().value());
                    o.put("date", r.date().toString());
                    o.put("school_id", r.schoolId().value());
                    o.put("behavior", r.behavior().name());
                }));
        child("behavior.incidents", "action", r -> {
            BehaviorIncident b = (BehaviorIncident) r;
            ObjectNode o = F.objectNode();
            o.put("type", b.action().name());
            o.put("days", b.actionDays());
            return Optional.of(o);
        });
        child("behavior.incidents", "description",
                r -> ((BehaviorIncident) r).description().map(F::stringNode));
        TOP.put("coursework.marks", records("coursework.marks",
                s -> s.data().courseMarksOf(s.student().id()), (StudentData sd, CourseMark m, ObjectNode o) -> {
                    o.put("school_id", m.schoolId().value());
                    o.put("school_year", m.schoolYear().label());
                    o.put("term", m.term());
                    o.put("course_code", m.courseCode());
                    o.put("course_title", m.courseTitle());
                    o.put("subject", m.subject().name());
                    m.numericMark().ifPresent(v -> o.put("numeric_mark", v));
                    m.letterMark().ifPresent(v -> o.put("letter_mark", v));
                    o.put("result", m.result().name());
                    o.put("credits_attempted", m.creditsAttempted());
                    o.put("credits_earned", m.creditsEarned());
                }));
        TOP.put("coursework.cohort", (s, c) -> s.student().ninthGradeCohort().map(y -> F.stringNode(y.label())));
        TOP.put("coursework.diplomas", records("coursework.diplomas",
                s -> s.data().diplomasOf(s.student().id()), (StudentData sd, Diploma d, ObjectNode o) -> {
                    o.put("school_id", d.schoolId().value());
                    o.put("award_date", d.awardDate().toString());
                    o.put("diploma_type", d.diplomaType().name());
                }));
        TOP.put("programs.englishLearner", periods(StudentCharacteristicType.ENGLISH_LEARNER));
        TOP.put("programs.homeless", periods(StudentCharacteristicType.HOMELESS));
        TOP.put("programs.fosterCare", periods(StudentCharacteristicType.FOSTER_CARE));
        TOP.put("programs.migrant", periods(StudentCharacteristicType.MIGRANT));
        TOP.put("specialEducation.disability", periods(StudentCharacteristicType.DISABILITY));
        TOP.put("specialEducation.section504", periods(StudentCharacteristicType.SECTION_504));
        TOP.put("mealEligibility.economicallyDisadvantaged", periods(StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED));
        TOP.put("interventions.participation", records("interventions.participation",
                s -> s.data().participantsOf(s.student().id()), PARTICIPATION));
        child("interventions.participation", "goal",
                r -> ((InterventionParticipant) r).goal().map(F::stringNode));
        TOP.put("meetings.actionSteps", records("meetings.actionSteps",
                s -> s.data().meetings().stepsOfStudent(s.student().id()), STEP));
        TOP.put("meetings.notes", records("meetings.notes", OracleFillers::notesOf, NOTE));
    }
}
