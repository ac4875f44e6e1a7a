package org.communityschools.privacy.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.TinyCity;
import org.communityschools.privacy.scope.ScopeRequests.Request;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.RecordFilter;
import org.communityschools.privacy.view.StudentRecordView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of disclosures lists exactly what was written (34 CFR 99.32; issue 14): for a student record view and for
 * {@link RecordFilter#disclose}, the fields of the entries are the fields present in the returned JSON, the record
 * counts add up to the records in it, the masks are those applied to present fields, and the digest is the SHA-256
 * of the returned text. The JSON is read back independently of the view ({@link ViewContent}, the column mapping of
 * docs/privacy-view.md).
 */
class DisclosureLogContentProperties {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int REQUESTS_PER_CITY = 60;

    @Property(tries = 40, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void theEntriesOfAViewListExactlyItsContent(@ForAll @IntRange(min = 0, max = 1) int base, @ForAll long citySeed,
                                                 @ForAll long policySeed, @ForAll long requestSeed) {
        List<String> changes = new ArrayList<>();
        DistrictData data = ScopeCities.mutate(ScopeCities.base(base), citySeed, changes);
        Policy policy = ScopeCities.policy(policySeed, changes);
        PolicyEngine engine = PolicyEngine.builder().policy(policy).districtData(data).zone(TinyCity.ZONE).build();
        int shown = 0;
        for (Request q : ScopeRequests.draw(data, policy, requestSeed, REQUESTS_PER_CITY)) {
            Decision d = engine.decide(q.requester(), q.student(), q.purpose(), TinyCity.noon(q.date()));
            DisclosedView v = StudentRecordView.of(data, d).disclose(DisclosureLogs.inMemory());
            ViewContent content = ViewContent.of(v.json());
            String what = q + " " + changes;
            assertThat(fields(v.entries())).as("fields logged, %s", what).isEqualTo(content.fields());
            assertThat(v.entries().isEmpty()).as("nothing shown, nothing logged: %s", what).isEqualTo(v.json().equals("{}"));
            Map<String, Integer> logged = counts(v.entries());
            for (Map.Entry<String, List<String>> f : content.records().entrySet()) {
                int written = f.getValue().size();
                if (f.getKey().equals("directory.school")) {
                    // the distinct schools of the enrollments in scope: each comes from one enrollment or more
                    assertThat(logged.get(f.getKey())).as("enrollments logged for directory.school, %s", what)
                            .isGreaterThanOrEqualTo(written);
                } else if (!f.getKey().equals("directory.gradeLevel")) {
                    assertThat(logged.get(f.getKey())).as("records of %s logged, %s", f.getKey(), what).isEqualTo(written);
                }
            }
            childCount(content, logged, "attendance.records", "reason", what);
            childCount(content, logged, "behavior.incidents", "action", what);
            childCount(content, logged, "behavior.incidents", "description", what);
            childCount(content, logged, "interventions.participation", "goal", what);
            assertThat(masks(v.entries())).as("masks logged, %s", what).isEqualTo(masksApplied(d, content.fields()));
            assertThat(v.entries()).allSatisfy(e -> {
                assertThat(e.disclosure().contentDigest()).as("digest, %s", what).contains(sha256(v.json()));
                assertThat(e.disclosure().fields()).allSatisfy(f -> assertThat(d.grantsOf(f)).as("%s granted", f)
                        .anySatisfy(g -> {
                            assertThat(g.basis()).isEqualTo(e.disclosure().legalBasis());
                            assertThat(g.agreement()).isEqualTo(e.disclosure().agreementId());
                            assertThat(g.consent()).isEqualTo(e.disclosure().consentId());
                        }));
            });
            shown += content.fields().isEmpty() ? 0 : 1;
        }
        // a random policy may deny all sixty requests of one city; the guard against a vacuous property is over the run
        Statistics.label("some view shows something").collect(shown > 0);
        Statistics.label("some view shows something").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    @Property(tries = 30, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void theEntriesOfFilteredDomainRecordsListExactlyTheirContent(@ForAll @IntRange(min = 0, max = 1) int base,
                                                                  @ForAll long citySeed, @ForAll long policySeed,
                                                                  @ForAll long requestSeed) {
        List<String> changes = new ArrayList<>();
        DistrictData data = ScopeCities.mutate(ScopeCities.base(base), citySeed, changes);
        Policy policy = ScopeCities.policy(policySeed, changes);
        PolicyEngine engine = PolicyEngine.builder().policy(policy).districtData(data).zone(TinyCity.ZONE).build();
        int written = 0;
        for (Request q : ScopeRequests.draw(data, policy, requestSeed, 30)) {
            Decision d = engine.decide(q.requester(), q.student(), q.purpose(), TinyCity.noon(q.date()));
            RecordFilter filter = RecordFilter.of(data, d);
            StudentId s = q.student();
            Map<String, List<?>> lists = new TreeMap<>(Map.of(
                    "students", data.student(s).stream().toList(), "enrollments", data.enrollmentsOf(s),
                    "student_characteristics", data.characteristicsOf(s), "attendance", data.attendance().recordsOf(s),
                    "behavior", data.incidentsOf(s), "course_marks", data.courseMarksOf(s), "diplomas", data.diplomasOf(s),
                    "intervention_participants", data.participantsOf(s)));
            for (Map.Entry<String, List<?>> l : lists.entrySet()) {
                DisclosedView v = filter.disclose(l.getValue(), DisclosureLogs.inMemory());
                JsonNode rows = MAPPER.readTree(v.json());
                Map<String, Integer> present = new TreeMap<>();
                for (JsonNode row : rows) {
                    Set<String> fields = new TreeSet<>();
                    for (String column : row.propertyNames()) {
                        fields.add(field(l.getKey(), column, row));
                    }
                    fields.forEach(f -> present.merge(f, 1, Integer::sum));
                }
                String what = l.getKey() + " for " + q + " " + changes;
                assertThat(fields(v.entries())).as("fields logged, %s", what).isEqualTo(present.keySet());
                if (!l.getKey().equals("students")) {
                    assertThat(counts(v.entries())).as("records of each field logged, %s", what).isEqualTo(present);
                }
                assertThat(masks(v.entries())).as("masks logged, %s", what).isEqualTo(masksApplied(d, present.keySet()));
                assertThat(v.entries()).allSatisfy(e -> assertThat(e.disclosure().contentDigest()).contains(sha256(v.json())));
                written += rows.size();
            }
        }
        // a random policy may deny all thirty requests of one city (CI saw it once); the guard against a vacuous
        // property is over the run: most cities write records
        Statistics.label("some record is written").collect(written > 0);
        Statistics.label("some record is written").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    /**
     * A teacher of the tiny city is permitted ten fields under the default policy (identity, attendance, behavior,
     * coursework, {@code programs.englishLearner}, the directory information); sixty days into a roster period, a student
     * with no incident, no mark yet and no reason given shows only three of them (the id, the name and the attendance
     * records of the roster period). The log lists exactly those three, not the ten permitted.
     */
    @Test
    void aViewShowingThreeFieldsLogsExactlyThoseThree() {
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(TinyCity.DATA)
                .zone(TinyCity.ZONE).build();
        int found = 0;
        for (StudentStaffRelationship r : TinyCity.DATA.studentStaffRelationships()) {
            if (r.relationship() != RelationshipType.TEACHER_OF) {
                continue;
            }
            LocalDate day = r.period().start().plusDays(60);
            Decision d = engine.decide(r.staffId(), r.studentId(), Purpose.of("instruction"), TinyCity.noon(day));
            DisclosedView v = StudentRecordView.of(TinyCity.DATA, d).disclose(DisclosureLogs.inMemory());
            Set<String> shown = ViewContent.of(v.json()).fields();
            if (!shown.equals(Set.of("identity.studentId", "identity.name", "attendance.records"))) {
                continue;
            }
            found++;
            assertThat(d.permittedFields()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(fields(v.entries())).containsExactlyInAnyOrder("identity.studentId", "identity.name",
                    "attendance.records");
            assertThat(counts(v.entries())).containsOnlyKeys("attendance.records")
                    .containsEntry("attendance.records", ViewContent.of(v.json()).records().get("attendance.records").size());
            assertThat(masks(v.entries())).isEmpty();
        }
        assertThat(found).as("roster students whose view shows three of the teacher's fields").isPositive();
    }

    private static void childCount(ViewContent content, Map<String, Integer> logged, String parent, String child,
                                   String what) {
        long n = content.records().getOrDefault(parent, List.of()).stream().filter(k -> k.contains("|" + child)).count();
        assertThat(logged.getOrDefault(parent + "." + child, 0)).as("records with %s.%s logged, %s", parent, child, what)
                .isEqualTo((int) n);
    }

    private static Set<String> fields(List<DisclosureEntry> entries) {
        Set<String> out = new TreeSet<>();
        entries.forEach(e -> e.disclosure().fields().forEach(f -> out.add(f.value())));
        return out;
    }

    private static Map<String, Integer> counts(List<DisclosureEntry> entries) {
        Map<String, Integer> out = new TreeMap<>();
        entries.forEach(e -> e.disclosure().recordCounts().forEach((f, n) -> out.merge(f.value(), n, Integer::sum)));
        return out;
    }

    private static Map<String, String> masks(List<DisclosureEntry> entries) {
        Map<String, String> out = new TreeMap<>();
        for (DisclosureEntry e : entries) {
            Disclosure x = e.disclosure();
            x.masks().forEach((f, t) -> out.put(f.value(), t));
        }
        return out;
    }

    /** The decision's masks of the fields present: a REMOVE mask leaves its field out, so it is never among them. */
    private static Map<String, String> masksApplied(Decision d, Set<String> present) {
        Map<String, String> out = new TreeMap<>();
        for (Obligation o : d.obligations()) {
            if (o instanceof Obligation.MaskField m && present.contains(m.field().value())) {
                out.put(m.field().value(), m.transform().name());
            }
        }
        return out;
    }

    /** The catalog field a column of a filtered record discloses (docs/privacy-view.md, "Domain records"). */
    private static String field(String file, String column, JsonNode row) {
        switch (column) {
            case "student_id":
                return "identity.studentId";
            case "first_name", "last_name":
                return "identity.name";
            case "birth_date":
                return "demographics.birthDate";
            case "sex":
                return "demographics.sex";
            case "race_ethnicity":
                return "demographics.raceEthnicity";
            case "ninth_grade_cohort":
                return "coursework.cohort";
            default:
                break;
        }
        return switch (file) {
            case "enrollments" -> switch (column) {
                case "school_id" -> "directory.school";
                case "entry_grade" -> "directory.gradeLevel";
                case "entry_date", "exit_date" -> "directory.enrollmentDates";
                case "exit_type", "exit_documented" -> "directory.exitWithdrawType";
                default -> throw new AssertionError("unmapped enrollment column " + column);
            };
            case "student_characteristics" -> characteristicField(row.path("characteristic").asString());
            case "attendance" -> column.equals("reason") ? "attendance.records.reason" : "attendance.records";
            case "behavior" -> column.equals("description") ? "behavior.incidents.description"
                    : column.startsWith("action") ? "behavior.incidents.action" : "behavior.incidents";
            case "course_marks" -> "coursework.marks";
            case "diplomas" -> "coursework.diplomas";
            case "intervention_participants" -> column.equals("goal") ? "interventions.participation.goal"
                    : "interventions.participation";
            default -> throw new AssertionError("unmapped column " + file + "." + column);
        };
    }

    private static String characteristicField(String code) {
        for (Map.Entry<String, org.communityschools.core.model.StudentCharacteristicType> e
                : ExpectedView.CHARACTERISTICS.entrySet()) {
            if (e.getValue().name().equals(code)) {
                return e.getKey();
            }
        }
        throw new AssertionError("unknown characteristic " + code);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
