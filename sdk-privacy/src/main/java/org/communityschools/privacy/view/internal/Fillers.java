package org.communityschools.privacy.view.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.AgendaItem;
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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * The fillers of the default catalog's fields: for each path, how its value is built from one student's district
 * data. A path without a filler is never written (fail closed). Stateless and thread-safe.
 */
public final class Fillers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * The data of one student, gathered once, and the meeting rows the caller asks for (all by default): a step or an
     * agenda item is written only when its predicate accepts it, and then still only in the scope of a grant.
     */
    public record StudentData(DistrictData data, Student student, Predicate<ActionStep> steps, Predicate<AgendaItem> items) {
        /** The data of one student, every meeting row asked for. */
        public StudentData(DistrictData data, Student student) {
            this(data, student, x -> true, x -> true);
        }
    }

    /** Fills a top-level field: empty when the student has no value for it. */
    public interface TopFiller {
        /** The field's value for this student, offering each record to {@code children}; empty when there is none. */
        Optional<JsonNode> fill(StudentData s, ChildWriter children);
    }

    /**
     * Gives the permitted child fields of one record of a parent field; given by the view builder, which knows the
     * decision and the masks.
     */
    public interface ChildWriter {
        /**
         * Whether a record of the field being filled, lying at {@code place}, may be written: in the scope of one of
         * the field's grants. The child fields offered next belong to that record.
         */
        boolean admit(ScopeGate.Place place);

        /**
         * Whether a record of one day of the field being filled, at {@code school} on {@code epochDay}
         * ({@link java.time.LocalDate#toEpochDay()}), is in the scope of one of the field's grants, asked before the
         * record is read: when it is not, it is counted as withheld exactly as {@link #admit}
         * would count it, and it must not be offered to {@link #admit}; when it is, it must be offered next.
         */
        boolean inScope(org.communityschools.core.model.SchoolId school, long epochDay);

        /**
         * Whether the day {@code day} at {@code school} (null: at a school where the student has been enrolled) is in the scope of
         * the field being filled: the start or end of a period record is written only then.
         */
        boolean showsDay(org.communityschools.core.model.@Nullable SchoolId school, java.time.LocalDate day);

        /**
         * The value to write for the child field {@code childSegment} of {@code record}, if permitted, known, present
         * and not masked away; empty otherwise. {@code taken} says whether the record already holds that key (the
         * field is then left out).
         */
        Optional<JsonNode> value(String childSegment, Object record, boolean taken);
    }

    /** Fills a child field from one record of its parent: empty when the record has no value. */
    public interface ChildFiller {
        /** The child field's value in this record of its parent; empty when the record has none. */
        Optional<JsonNode> fill(Object record);
    }

    private static final Map<String, TopFiller> TOP = new HashMap<>();
    private static final Map<String, ChildFiller> CHILD = new HashMap<>();

    private Fillers() {}

    private static final Attributes<InterventionParticipant> PARTICIPATION = (sd, p, o, scope) -> {
        o.put("intervention_id", p.interventionId().value());
        // the intervention's own description is free text the catalog does not list: never written
        sd.data().intervention(p.interventionId()).ifPresent(i -> {
            o.put("type", i.type());
            o.put("provider_id", text(i.providerId()));
            o.put("school_id", i.schoolId().value());
        });
        p.staffId().ifPresent(id -> o.put("staff_id", id.value()));
        // the start and end are written only when that day is in scope (a participation may begin before it)
        var school = sd.data().intervention(p.interventionId()).map(i -> i.schoolId()).orElse(null);
        if (school != null && scope.showsDay(school, p.period().start())) {
            o.put("start", p.period().start());
        }
        p.period().lastDay().filter(d -> school != null && scope.showsDay(school, d))
                .ifPresent(d -> o.put("end", d));
        o.put("status", p.status());
    };

    /**
     * The filler of a field of two segments showing only the rows that pass {@code filter} for {@code requester}, if
     * the view supports that filter on that field; empty otherwise (the caller then leaves the field out).
     */
    public static Optional<TopFiller> restricted(String path, RowFilter filter, StaffId requester) {
        if (path.equals("interventions.participation") && filter == RowFilter.DELIVERED_BY_REQUESTER
                && filter.field().value().equals(path)) {
            return Optional.of(records("interventions.participation", s -> delivered(s, requester), PARTICIPATION));
        }
        if (path.equals("meetings.notes") && filter == RowFilter.MEETING_PARTICIPANT) {
            return Optional.of(records("meetings.notes", s -> s.data().meetings().agendaItemsAbout(s.student().id()).stream()
                    .filter(s.items())
                    .filter(a -> s.data().meetings().meeting(a.meetingId())
                            .filter(m -> m.participants().contains(requester)).isPresent())
                    .toList(), MeetingFillers.NOTE));
        }
        return Optional.empty();
    }

    /** The student's participations whose staff member is {@code requester}, in their order. */
    private static List<InterventionParticipant> delivered(StudentData s, StaffId requester) {
        List<InterventionParticipant> all = s.data().participantsOf(s.student().id());
        List<InterventionParticipant> out = new ArrayList<>(all.size());
        for (int i = 0, n = all.size(); i < n; i++) {
            InterventionParticipant p = all.get(i);
            if (p.staffId().isPresent() && p.staffId().get().equals(requester)) {
                out.add(p);
            }
        }
        return out;
    }

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
        return records(path, (s, children) -> source.apply(s), attributes);
    }

    /** As above, for a source that sorts out the records outside the scope itself ({@link ChildWriter#inScope}). */
    private static <T> TopFiller records(String path, BiFunction<StudentData, ChildWriter, List<T>> source,
                                         Attributes<T> attributes) {
        return (s, children) -> {
            List<T> rows = source.apply(s, children);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            String[] segments = Segments.of(path);
            // made on the first record admitted: most record fields of a view have none in scope
            Rows out = null;
            for (int r = 0, n = rows.size(); r < n; r++) {
                T row = rows.get(r);
                ScopeGate.Place place = ScopeGate.placeOrNull(s.data(), row);
                if (place == null || !children.admit(place)) {
                    continue;
                }
                if (out == null) {
                    out = new Rows(n - r);
                }
                out.startRow();
                attributes.write(s, row, out, children);
                for (String seg : segments) {
                    Optional<JsonNode> v = children.value(seg, row, out.has(seg));
                    if (v.isPresent()) {
                        out.put(seg, v.get());
                    }
                }
            }
            return out == null ? Optional.empty() : Optional.of(new POJONode(out.end()));
        };
    }

    /** Where the attributes of one record go. */
    interface Out {
        void put(String key, @Nullable String value);

        void put(String key, @Nullable BigDecimal value);

        /** A date, written as {@link LocalDate#toString()} writes it (ISO 8601, {@code 2018-03-01}). */
        void put(String key, LocalDate value);

        /** An enum constant, written as its {@link Enum#name()}. */
        void put(String key, Enum<?> value);

        /** A day share, written as the number {@link org.communityschools.core.model.DayShare#toBigDecimal()}. */
        void put(String key, org.communityschools.core.model.DayShare value);
    }

    interface Attributes<T> {
        void write(StudentData s, T row, Out o, ChildWriter scope);
    }

    /** A copy of {@code node} with every {@link Rows} in it turned into its array: a plain tree. */
    public static JsonNode plain(JsonNode node) {
        if (node instanceof POJONode p && p.getPojo() instanceof Rows rows) {
            return rows.toTree();
        }
        if (node instanceof ObjectNode o) {
            ObjectNode out = F.objectNode();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                out.set(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = F.arrayNode();
            for (JsonNode e : a) {
                out.add(plain(e));
            }
            return out;
        }
        return node.deepCopy();
    }

    private static final Map<String, Set<String>> CHILD_SEGMENTS = new HashMap<>();

    /**
     * The child segments of each record field as arrays (no iterator per record, no array per view), made once the
     * children are all registered: on the first fill, after this class is initialized.
     */
    private static final class Segments {
        private static final Map<String, String[]> ARRAYS = new HashMap<>();

        static {
            CHILD_SEGMENTS.forEach((parent, segments) -> ARRAYS.put(parent, segments.toArray(new String[0])));
        }

        static String[] of(String parent) {
            return ARRAYS.getOrDefault(parent, new String[0]);
        }
    }

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
                    ScopeGate.Place place = ScopeGate.placeOf(s.data(), c).orElseThrow();
                    if (children.admit(place)) {
                        out.add(period(c.period(), null, children, F.objectNode()));
                    }
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        };
    }

    /** A period's start and end, each written only when that day is in scope (a period may begin before it). */
    private static ObjectNode period(DateRange r, org.communityschools.core.model.@Nullable SchoolId school,
                                     ChildWriter children, ObjectNode o) {
        if (children.showsDay(school, r.start())) {
            o.put("start", r.start().toString());
        }
        r.lastDay().filter(d -> children.showsDay(school, d)).ifPresent(d -> o.put("end", d.toString()));
        return o;
    }

    /** The student's enrollments in scope of the field being filled, by entry date. */
    private static List<Enrollment> enrollmentsInScope(StudentData s, ChildWriter children) {
        List<Enrollment> out = new ArrayList<>();
        for (Enrollment e : enrollments(s)) {
            if (children.admit(ScopeGate.placeOf(s.data(), e).orElseThrow())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Enrollment> enrollments(StudentData s) {
        List<Enrollment> out = new ArrayList<>(s.data().enrollmentsOf(s.student().id()));
        out.sort(Comparator.comparing(Enrollment::entryDate));
        return out;
    }

    private static String text(Object o) {
        return String.valueOf(o);
    }

    /** {@code share.toBigDecimal()}, made once per value and shared by every view. */
    static BigDecimal decimal(org.communityschools.core.model.DayShare share) {
        return EncodedValues.share(share).decimal();
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
            enrollmentsInScope(s, c).forEach(e -> seen.add(e.schoolId().value()));
            seen.forEach(out::add);
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
        TOP.put("directory.gradeLevel", (s, c) -> {
            List<Enrollment> es = enrollmentsInScope(s, c);
            return es.isEmpty() ? Optional.empty()
                    : Optional.of(F.stringNode(es.get(es.size() - 1).entryGrade().toString()));
        });
        TOP.put("directory.enrollmentDates", (s, c) -> {
            ArrayNode out = F.arrayNode();
            for (Enrollment e : enrollments(s)) {
                // admitted one by one: its dates are shown under the grant it is disclosed under
                if (!c.admit(ScopeGate.placeOf(s.data(), e).orElseThrow())) {
                    continue;
                }
                ObjectNode o = F.objectNode();
                if (c.showsDay(e.schoolId(), e.entryDate())) {
                    o.put("entry_date", e.entryDate().toString());
                }
                e.exitWithdrawDate().filter(d -> c.showsDay(e.schoolId(), d)).ifPresent(d -> o.put("exit_date", d.toString()));
                out.add(o);
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
        TOP.put("directory.exitWithdrawType", (s, c) -> {
            ArrayNode out = F.arrayNode();
            for (Enrollment e : enrollments(s)) {
                // the exit is an event of its day at the school
                if (e.exitWithdrawType().isPresent() && e.exitWithdrawDate().isPresent()
                        && c.admit(ScopeGate.Place.on(e.schoolId(), e.exitWithdrawDate().get()))) {
                    ObjectNode o = F.objectNode();
                    e.exitWithdrawDate().ifPresent(d -> o.put("exit_date", d.toString()));
                    o.put("exit_type", e.exitWithdrawType().get().name());
                    o.put("documented", e.exitDocumented());
                    out.add(o);
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
        // most of a student's attendance days may lie outside the scope: only the days in it are materialized
        TOP.put("attendance.records", records("attendance.records",
                (StudentData s, ChildWriter c) -> s.data().attendance().recordsOf(s.student().id(),
                        c::inScope),
                (StudentData sd, AttendanceRecord r, Out o, ChildWriter scope) -> {
                    o.put("date", r.date());
                    o.put("school_id", r.schoolId().value());
                    o.put("category", r.category());
                    o.put("duration", r.duration());
                }));
        child("attendance.records", "reason",
                r -> ((AttendanceRecord) r).reason().map(F::stringNode));
        TOP.put("behavior.incidents", records("behavior.incidents",
                s -> s.data().incidentsOf(s.student().id()), (StudentData sd, BehaviorIncident r, Out o, ChildWriter scope) -> {
                    o.put("incident_id", r.incidentId().value());
                    o.put("date", r.date());
                    o.put("school_id", r.schoolId().value());
                    o.put("behavior", r.behavior());
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
                s -> s.data().courseMarksOf(s.student().id()), (StudentData sd, CourseMark m, Out o, ChildWriter scope) -> {
                    o.put("school_id", m.schoolId().value());
                    o.put("school_year", m.schoolYear().label());
                    o.put("term", m.term());
                    o.put("course_code", m.courseCode());
                    o.put("course_title", m.courseTitle());
                    o.put("subject", m.subject());
                    m.numericMark().ifPresent(v -> o.put("numeric_mark", v));
                    m.letterMark().ifPresent(v -> o.put("letter_mark", v));
                    o.put("result", m.result());
                    o.put("credits_attempted", m.creditsAttempted());
                    o.put("credits_earned", m.creditsEarned());
                }));
        TOP.put("coursework.cohort", (s, c) -> s.student().ninthGradeCohort().map(y -> F.stringNode(y.label())));
        TOP.put("coursework.diplomas", records("coursework.diplomas",
                s -> s.data().diplomasOf(s.student().id()), (StudentData sd, Diploma d, Out o, ChildWriter scope) -> {
                    o.put("school_id", d.schoolId().value());
                    o.put("award_date", d.awardDate());
                    o.put("diploma_type", d.diplomaType());
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
                s -> s.data().meetings().stepsOfStudent(s.student().id()).stream().filter(s.steps()).toList(),
                MeetingFillers.STEP));
        TOP.put("meetings.notes", records("meetings.notes", s -> s.data().meetings().agendaItemsAbout(s.student().id()).stream()
                .filter(s.items()).toList(),
                MeetingFillers.NOTE));
    }
}
