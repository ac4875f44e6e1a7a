package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/** The engine agrees with the naive {@link ReferenceEvaluator} on random requests against the tiny city. */
class EngineMatchesReferenceTest {
    private static final DistrictData DATA = TinyCity.DATA;
    private static final Policy VARIETY = Policy.builder().id("variety").version(1)
            .purpose("support", "student support").purpose("other", "anything else")
            .directoryFields("identity.name", "directory.gradeLevel", "directory.school")
            .rule(Rule.permit("directory").roles(StaffRole.COUNSELOR, StaffRole.SUCCESS_MENTOR)
                    .relationship(Relationship.ASSIGNED_SCHOOL).basis(LegalBasis.DIRECTORY).purposes("support")
                    .fields("identity.name", "directory.gradeLevel").build())
            .rule(Rule.permit("teacher-directory").roles(StaffRole.TEACHER).studentStaff(RelationshipType.TEACHER_OF)
                    .basis(LegalBasis.DIRECTORY).purposes("support", "other").fields("identity.name", "directory.school")
                    .build())
            .rule(Rule.forbid("no-health-at-school").roles(StaffRole.SUCCESS_MENTOR)
                    .relationship(Relationship.ASSIGNED_SCHOOL).fields("HEALTH", "attendance.records.reason").build())
            .rule(Rule.permit("mentor-consent").roles(StaffRole.SUCCESS_MENTOR).studentStaff(RelationshipType.MENTOR_OF)
                    .basis(LegalBasis.CONSENT).purposes("support")
                    .fields("ATTENDANCE", "COURSEWORK", "PROGRAMS", "INTERVENTIONS", "HEALTH").build())
            .rule(Rule.permit("partner-all").roles(StaffRole.COMMUNITY_SCHOOL_DIRECTOR, StaffRole.SUCCESS_MENTOR)
                    .relationship(Relationship.PARTNER_SCHOOL).basis(LegalBasis.SCHOOL_OFFICIAL).purposes("support", "other")
                    .fields("ATTENDANCE", "BEHAVIOR", "specialEducation.disability")
                    .authorizes(org.communityschools.privacy.Sensitivity.SPECIAL_EDUCATION_IDEA).build())
            .rule(Rule.permit("research").roles(StaffRole.RESEARCHER, StaffRole.PRINCIPAL)
                    .relationship(Relationship.ASSIGNED_SCHOOL).basis(LegalBasis.STUDIES).purposes("other")
                    .fields("ATTENDANCE").build())
            .rule(Rule.permit("admin").roles(StaffRole.DISTRICT_ADMIN).relationship(Relationship.DISTRICT_WIDE)
                    .basis(LegalBasis.SCHOOL_OFFICIAL).purposes("other").fields("IDENTITY", "MEAL_ELIGIBILITY").build())
            .build();
    static final List<Policy> POLICIES = List.of(Policies.defaultPolicy(), VARIETY);
    private static final List<StaffId> STAFF = DATA.staff().stream().map(s -> s.id()).toList();
    private static final List<StaffId> NOT_TEACHERS = DATA.staffAssignments().stream()
            .filter(a -> a.role() != StaffRole.TEACHER).map(a -> a.staffId()).distinct().toList();
    private static final List<StudentId> STUDENTS = DATA.students().stream().map(s -> s.id()).toList();
    private static final List<StudentStaffRelationship> RELATIONSHIPS = DATA.studentStaffRelationships();
    private static final LocalDate FIRST = LocalDate.of(2014, 6, 1);
    private static final List<Purpose> PURPOSES = List.of(Purpose.of("instruction"), Purpose.of("student-support"),
            Purpose.of("school-administration"), Purpose.of("district-administration"), Purpose.of("support"),
            Purpose.of("other"), Purpose.of("undeclared"));

    record Request(int policy, StaffId staff, StudentId student, Purpose purpose, LocalDate date) {}

    /** Purposes served by the policy's rules for the staff member's roles; the declared ones when none. */
    private static List<Purpose> served(Policy policy, StaffId staff) {
        java.util.Set<Purpose> out = new java.util.TreeSet<>();
        for (var a : DATA.assignmentsOf(staff)) {
            for (Rule r : policy.rules()) {
                if (r.roles().contains(a.role())) {
                    out.addAll(r.purposes());
                }
            }
        }
        return out.isEmpty() ? List.copyOf(policy.purposes().keySet()) : List.copyOf(out);
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Integer> policy = Arbitraries.integers().between(0, POLICIES.size() - 1);
        Arbitrary<Request> anyone = Combinators.combine(policy, Arbitraries.of(STAFF), Arbitraries.of(STUDENTS),
                Arbitraries.integers().between(0, 1600)).as((p, st, s, day) -> new Request(p, st, s, PURPOSES.get(0),
                FIRST.plusDays(day)));
        Arbitrary<Request> related = Combinators.combine(policy, Arbitraries.of(RELATIONSHIPS),
                Arbitraries.integers().between(-3, 150)).as((p, r, day) -> new Request(p, r.staffId(), r.studentId(),
                PURPOSES.get(0), r.period().start().plusDays(day)));
        Arbitrary<Request> colleague = Combinators.combine(policy, Arbitraries.of(RELATIONSHIPS), Arbitraries.of(NOT_TEACHERS),
                Arbitraries.integers().between(0, 150)).as((p, r, st, day) -> new Request(p, st, r.studentId(),
                PURPOSES.get(0), r.period().start().plusDays(day)));
        return Arbitraries.frequencyOf(Tuple.of(1, anyone), Tuple.of(2, related), Tuple.of(3, colleague))
                .flatMap(q -> Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(served(POLICIES.get(q.policy()), q.staff()))),
                        Tuple.of(1, Arbitraries.of(PURPOSES)))
                        .map(pu -> new Request(q.policy(), q.staff(), q.student(), pu, q.date())));
    }

    @Property(tries = 600)
    @StatisticsReport(onFailureOnly = true)
    void engineGrantsExactlyWhatTheReferenceGrants(@ForAll("requests") Request q) {
        Policy policy = POLICIES.get(q.policy());
        PolicyEngine engine = PolicyEngine.builder().policy(policy).districtData(DATA).zone(TinyCity.ZONE).build();
        Decision d = engine.decide(q.staff(), q.student(), q.purpose(), TinyCity.noon(q.date()));
        // the reference names the first rule (in policy order) that grants each field; the engine lists every rule
        // that grants it, by precedence of basis
        Map<String, String> expected = new ReferenceEvaluator(policy, DATA).permitted(q.staff(), q.student(),
                q.purpose(), q.date());
        assertThat(d.permittedFields()).extracting(f -> f.value()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((field, rule) -> assertThat(d.grantsOf(org.communityschools.privacy.FieldPath.of(field)))
                .extracting(Grant::ruleId).as(field).contains(rule));
        assertThat(d.denials().stream().mapToInt(x -> x.fields().size()).sum() + d.permittedFields().size())
                .as("every field of the catalog is either granted or denied")
                .isEqualTo(policy.catalog().fields().size());
        assertThat(d.grants()).as("decide never grants basis EMERGENCY: break glass is a separate workflow")
                .noneMatch(g -> g.basis() == org.communityschools.core.model.LegalBasis.EMERGENCY);
        assertThat(d.obligations()).noneMatch(o -> o instanceof Obligation.RecordDisclosure r && r.disclosure().isEmergency());
        Statistics.label("permits some field").collect(d.permitsAny())
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("policy").collect(policy.id());
    }
}
