package org.communityschools.privacy.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.InterventionParticipant;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.Sensitivity;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Effect;
import org.communityschools.privacy.policy.Mask;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.TestDecisions;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.Rule;
import org.communityschools.privacy.view.internal.TreeViewOracle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance property of redaction (record views, and domain records through {@link RecordFilter}): over requesters (any staff member), students, instants and purposes of the
 * synthetic tiny city, under the default policy and random sub-policies (random rules dropped, random masks added), no
 * JSON written for a requester contains a field outside its decision, and a decision that permits nothing writes
 * {@code {}}.
 */
class RedactionProperties {
    private static final FieldCatalog CATALOG = FieldCatalog.defaultCatalog();
    private static final Policy DEFAULT = Policies.defaultPolicy();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<StaffId> STAFF = ViewCity.DATA.staff().stream().map(s -> s.id()).toList();
    private static final List<StudentId> STUDENTS = ViewCity.DATA.students().stream().map(s -> s.id()).toList();
    private static final List<Purpose> PURPOSES = List.copyOf(DEFAULT.purposes().keySet());
    /** Staff-student pairs that are likely to be related: mentors, teachers, and staff of the student's school. */
    private static final List<Pair> PAIRS = pairs();
    private static final LocalDate FIRST = ViewCity.DATA.schoolYears().first().firstDay();
    private static final int DAYS = (int) (ViewCity.DATA.schoolYears().last().lastDay().toEpochDay() - FIRST.toEpochDay());

    /** A staff member, a student, and the first day of a span of {@code days} days when they are likely related. */
    private record Pair(StaffId staff, StudentId student, LocalDate from, int days) {
        LocalDate day(int n) {
            return from.plusDays(n % Math.max(1, days));
        }
    }

    private static List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (StudentStaffRelationship r : ViewCity.DATA.studentStaffRelationships()) {
            out.add(new Pair(r.staffId(), r.studentId(), r.period().start(),
                    r.period().lengthInDays().map(Long::intValue).orElse(180)));
        }
        for (StaffAssignment a : ViewCity.DATA.staffAssignments()) {
            ViewCity.DATA.enrollments().stream().filter(e -> e.schoolId().equals(a.organizationId())).limit(5)
                    .forEach(e -> {
                        LocalDate from = e.entryDate().isAfter(a.period().start()) ? e.entryDate() : a.period().start();
                        int days = (int) (e.exitWithdrawDate().orElse(from.plusDays(180)).toEpochDay() - from.toEpochDay());
                        out.add(new Pair(a.staffId(), e.studentId(), from, days));
                    });
        }
        return List.copyOf(out);
    }

    /**
     * A decision for a random request: a related pair (on a day of their relationship) or any staff member and
     * student, under the default policy or a random sub-policy with masks; for a related pair, the first purpose from
     * a random one on that permits something (so permits are common).
     */
    private static Decision randomDecision(int who, boolean related, int day, int purpose, long ruleBits, boolean subPolicy,
                                           boolean addMasks) {
        Pair pair = related ? PAIRS.get(who % PAIRS.size())
                : new Pair(STAFF.get(who % STAFF.size()), STUDENTS.get((who / 7) % STUDENTS.size()), FIRST, DAYS + 1);
        LocalDate date = pair.day(day);
        Policy policy = subPolicy || addMasks ? subPolicy(subPolicy ? ruleBits : -1L, addMasks) : DEFAULT;
        var engine = ViewCity.engine(policy);
        Decision d = engine.decide(pair.staff(), pair.student(), PURPOSES.get(purpose % PURPOSES.size()),
                ViewCity.noon(date));
        for (int i = 1; related && !d.permitsAny() && i < PURPOSES.size(); i++) {
            d = engine.decide(pair.staff(), pair.student(), PURPOSES.get((purpose + i) % PURPOSES.size()),
                    ViewCity.noon(date));
        }
        return d;
    }

    @Property(tries = 300)
    void noWrittenJsonHoldsAFieldOutsideTheDecision(@ForAll @IntRange(min = 0, max = 1_000_000) int who,
                                                    @ForAll boolean related,
                                                    @ForAll @IntRange(min = 0, max = 100_000) int day,
                                                    @ForAll @IntRange(min = 0, max = 100) int purpose,
                                                    @ForAll long ruleBits, @ForAll boolean subPolicy,
                                                    @ForAll boolean addMasks) {
        Decision d = randomDecision(who, related, day, purpose, ruleBits, subPolicy, addMasks);
        Decision decision = d;

        String json = ViewText.json(StudentRecordView.of(ViewCity.DATA, d));
        JsonNode tree = MAPPER.readTree(json);

        Set<String> paths = ViewPaths.of(tree, CATALOG);
        Statistics.label("something written").collect(!tree.isEmpty());
        StudentRecordView view = StudentRecordView.of(ViewCity.DATA, d);
        Statistics.label("masked").collect(!view.maskedFields().isEmpty());
        assertThat(ViewText.json(view)).isEqualTo(json);
        assertThat(paths).as("the view's own account of what it shows").isEqualTo(
                view.shownFields().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()));
        Statistics.label("something written").coverage(c -> c.check(true).percentage(x -> x >= 15.0));
        assertThat(paths).as("every value maps to a catalog field the decision permits")
                .allSatisfy(p -> assertThat(decision.permits(p)).as(p).isTrue());
        if (!d.permitsAny()) {
            assertThat(json).isEqualTo("{}");
        }
        assertDomainRecordsRespect(decision);
        for (Obligation o : d.obligations()) {
            if (o instanceof Obligation.MaskField m) {
                switch (m.transform()) {
                    case REMOVE -> assertThat(paths).doesNotContain(m.field().value());
                    case INITIALS -> tree.path("identity").path("name").properties()
                            .forEach(e -> assertThat(e.getKey()).isEqualTo("initials"));
                    case BIRTH_YEAR_ONLY -> {
                        JsonNode b = tree.path("demographics").path("birthDate");
                        assertThat(b.isMissingNode() || b.isInt()).as("birth year only: " + b.getNodeType()).isTrue();
                    }
                }
            }
        }
    }

    /**
     * The view writes, byte for byte, what the tree-based assembler it replaced wrote ({@link TreeViewOracle}, kept in the
     * test sources as the oracle), and gives the same account of shown, absent and masked fields, for random decisions
     * (random requesters, students, days, purposes, sub-policies and masks) on the tiny city.
     */
    @Property(tries = 300)
    void theViewWritesExactlyWhatTheTreeOracleWrote(@ForAll @IntRange(min = 0, max = 1_000_000) int who,
                                                    @ForAll boolean related,
                                                    @ForAll @IntRange(min = 0, max = 100_000) int day,
                                                    @ForAll @IntRange(min = 0, max = 100) int purpose,
                                                    @ForAll long ruleBits, @ForAll boolean subPolicy,
                                                    @ForAll boolean addMasks) {
        // the oracle predates record scopes: compared on the decision with every scope widened to the whole record
        Decision d = TestDecisions.widened(randomDecision(who, related, day, purpose, ruleBits, subPolicy, addMasks));
        TreeViewOracle.Result oracle = TreeViewOracle.assemble(ViewCity.DATA, d, CATALOG);
        String expected = MAPPER.writeValueAsString(oracle.tree());
        Statistics.label("something written").collect(!oracle.tree().isEmpty());

        assertThat(ViewText.json(StudentRecordView.of(ViewCity.DATA, d))).isEqualTo(expected);
        StudentRecordView view = StudentRecordView.of(ViewCity.DATA, d);
        assertThat(ViewText.json(view)).isEqualTo(expected);
        try (var sink = org.communityschools.privacy.disclosure.DisclosureLogs.inMemory()) {
            assertThat(view.disclosePretty(sink).json())
                    .isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(oracle.tree()));
        }
        assertThat(view.shownFields()).isEqualTo(oracle.shown());
        assertThat(view.absentFields()).isEqualTo(oracle.absent());
        assertThat(view.maskedFields()).isEqualTo(oracle.masked());
        Statistics.label("something written").coverage(c -> c.check(true).percentage(x -> x >= 15.0));
    }

    /** Columns of the domain records that disclose a field on their own, restated from docs/privacy-view.md. */
    private static final Map<String, String> SENSITIVE_COLUMNS = Map.of("student_id", "identity.studentId",
            "first_name", "identity.name", "last_name", "identity.name", "birth_date", "demographics.birthDate",
            "reason", "attendance.records.reason", "description", "behavior.incidents.description",
            "goal", "interventions.participation.goal", "directory_opt_out", "no.suchField");
    /** The record field each domain record type discloses, restated from docs/privacy-view.md. */
    private static final Map<Class<?>, String> RECORD_FIELD = Map.of(AttendanceRecord.class, "attendance.records",
            BehaviorIncident.class, "behavior.incidents", CourseMark.class, "coursework.marks",
            Diploma.class, "coursework.diplomas", InterventionParticipant.class, "interventions.participation");

    private static void assertDomainRecordsRespect(Decision d) {
        StudentId s = d.student();
        List<Object> records = new ArrayList<>();
        ViewCity.DATA.student(s).ifPresent(records::add);
        records.addAll(ViewCity.DATA.enrollmentsOf(s));
        records.addAll(ViewCity.DATA.characteristicsOf(s));
        records.addAll(ViewCity.DATA.attendance().recordsOf(s).stream().limit(40).toList());
        records.addAll(ViewCity.DATA.incidentsOf(s));
        records.addAll(ViewCity.DATA.courseMarksOf(s));
        records.addAll(ViewCity.DATA.diplomasOf(s));
        records.addAll(ViewCity.DATA.participantsOf(s));
        RecordFilter filter = RecordFilter.of(ViewCity.DATA, d);
        for (Object r : records) {
            JsonNode o = ViewText.tree(filter, r);
            if (!d.permitsAny() || RECORD_FIELD.containsKey(r.getClass()) && !d.permits(RECORD_FIELD.get(r.getClass()))) {
                assertThat(o.isEmpty()).as("nothing of a " + r.getClass().getSimpleName()).isTrue();
            }
            for (String key : o.propertyNames()) {
                String field = SENSITIVE_COLUMNS.get(key);
                if (field != null) {
                    assertThat(d.permits(field)).as(r.getClass().getSimpleName() + "." + key).isTrue();
                }
            }
        }
    }

    /** The default policy with the rules whose bit in {@code bits} is clear dropped, and, if asked, masks added. */
    private static Policy subPolicy(long bits, boolean addMasks) {
        Policy.Builder b = Policy.builder().id(DEFAULT.id() + "-sub").version(DEFAULT.version())
                .description("a random sub-policy of the default policy");
        DEFAULT.purposes().forEach((p, text) -> b.purpose(p.code(), text));
        b.directoryFields(DEFAULT.directoryFields().stream().map(Object::toString).toArray(String[]::new));
        List<Rule> rules = DEFAULT.rules();
        for (int i = 0; i < rules.size(); i++) {
            if ((bits >>> (i % 64) & 1L) == 0) {
                continue;
            }
            Rule r = rules.get(i);
            b.rule(addMasks && r.effect() == Effect.PERMIT ? withMasks(r) : r);
        }
        return b.build();
    }

    private static Rule withMasks(Rule r) {
        Set<String> granted = new HashSet<>();
        CATALOG.resolve(r.fields()).forEach(f -> granted.add(f.path().value()));
        List<Mask> masks = new ArrayList<>(r.masks());
        Set<String> masked = new HashSet<>();
        r.masks().forEach(m -> masked.add(m.field().value()));
        if (granted.contains("identity.name") && masked.add("identity.name")) {
            masks.add(new Mask(org.communityschools.privacy.FieldPath.of("identity.name"), MaskTransform.INITIALS));
        }
        if (granted.contains("demographics.birthDate") && masked.add("demographics.birthDate")) {
            masks.add(new Mask(org.communityschools.privacy.FieldPath.of("demographics.birthDate"),
                    MaskTransform.BIRTH_YEAR_ONLY));
        }
        for (DataField f : CATALOG.fieldsTagged(Sensitivity.FREE_TEXT)) {
            if (granted.contains(f.path().value()) && masked.add(f.path().value())) {
                masks.add(new Mask(f.path(), MaskTransform.REMOVE));
            }
        }
        return new Rule(r.id(), r.effect(), r.description(), r.roles(), r.relationship(), r.relationshipTypes(),
                r.fields(), r.basis(), r.purposes(), r.authorizes(), masks, r.rows());
    }
}
