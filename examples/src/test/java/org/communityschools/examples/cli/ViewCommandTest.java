package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code view} per role on a generated {@code tiny} city. */
class ViewCommandTest {
    static final LocalDate DAY = LocalDate.of(2018, 3, 1);
    @TempDir
    static Path dir;
    static DistrictData data;
    static StudentStaffRelationship mentoring;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.TINY).seed(4).build().writeTo(dir);
        data = DistrictDataReader.builder().build().read(dir).data();
        mentoring = data.studentStaffRelationships().stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF && r.period().contains(DAY)).findFirst().orElseThrow();
    }

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    static List<String> topLevelKeys(String json) {
        List<String> keys = new ArrayList<>();
        JsonMapper.builder().build().readTree(json).propertyNames().forEach(keys::add);
        return keys;
    }

    @Test
    void aMentorSeesIdentityAttendanceAndInterventionsOfAMenteeAndTheDisclosureIsLogged(@TempDir Path logs) {
        Path log = logs.resolve("disclosures.jsonl");
        Cli.Run run = run("view", "--data", dir.toString(), "--as", mentoring.staffId().value(), "--student",
                mentoring.studentId().value(), "--at", DAY.toString(), "--log", log.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(topLevelKeys(run.out())).containsExactly("identity", "attendance", "interventions");
        assertThat(run.out()).doesNotContain("birth", "race_ethnicity", "\"reason\"");
        assertThat(DisclosureLogs.verify(log).isIntact()).isTrue();
        assertThat(DisclosureLogs.verify(log).intactLines()).isPositive();
    }

    @Test
    void aPrincipalOfAnotherSchoolSeesNothingAndExitsThree() {
        String school = data.enrollmentsOn(mentoring.studentId(), DAY).get(0).schoolId().value();
        StaffAssignment other = data.staffAssignments().stream()
                .filter(a -> a.role() == StaffRole.PRINCIPAL && !a.organizationId().value().equals(school) && a.period().contains(DAY))
                .findFirst().orElseThrow();
        Cli.Run run = run("view", "--data", dir.toString(), "--as", other.staffId().value(), "--student",
                mentoring.studentId().value(), "--at", DAY.toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(topLevelKeys(run.out())).isEmpty();
    }

    @Test
    void explainAddsTheDecisionWithBasesRulesAndReasons() {
        Cli.Run run = run("view", "--data", dir.toString(), "--as", mentoring.staffId().value(), "--student",
                mentoring.studentId().value(), "--at", DAY.toString(), "--explain");

        assertThat(run.code()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        assertThat(topLevelKeys(run.out())).containsExactly("view", "decision", "recorded");
        assertThat(root.get("decision").get("permitted").get(0).get("rule").asString()).isEqualTo("mentor-caseload");
        assertThat(root.get("decision").get("permitted").get(0).get("legal_basis").asString()).isEqualTo("SCHOOL_OFFICIAL");
        List<String> deniedCategories = new ArrayList<>();
        root.get("decision").get("denied").forEach(d -> deniedCategories.add(d.get("category").asString()));
        assertThat(deniedCategories).contains("special_education", "health");
        for (String category : topLevelKeys(root.get("view").toString())) {
            assertThat(deniedCategories).doesNotContain(category.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void explainForACommunitySchoolDirectorNamesTheRecordsWithheldOutsideTheAgreementsSchools(@TempDir Path logs) {
        // A director of a community school and a student there with attendance on record at another school.
        for (StaffAssignment csd : data.staffAssignments().stream()
                .filter(a -> a.role() == StaffRole.COMMUNITY_SCHOOL_DIRECTOR && a.period().contains(DAY)).toList()) {
            for (var e : data.enrollmentsAt((org.communityschools.core.model.SchoolId) csd.organizationId())) {
                if (!e.isEnrolledOn(DAY) || data.attendance().recordsOf(e.studentId()).stream()
                        .noneMatch(r -> !r.schoolId().equals(e.schoolId()) && r.date().isBefore(DAY))) {
                    continue;
                }
                Path log = logs.resolve("csd.jsonl");
                Cli.Run run = run("view", "--data", dir.toString(), "--as", csd.staffId().value(), "--student",
                        e.studentId().value(), "--at", DAY.toString(), "--explain", "--log", log.toString());
                JsonNode root = JsonMapper.builder().build().readTree(run.out());
                if (run.code() != 0 || !root.path("view").has("attendance")) {
                    continue;
                }
                String agreement = root.get("decision").get("permitted").get(0).path("agreement").asString("");
                assertThat(agreement).isNotEmpty();
                assertThat(root.get("decision").get("explanation").asString())
                        .containsPattern("\\d+ attendance records at SCH\\d+ withheld: outside agreement " + agreement + "'s schools");
                assertThat(root.get("decision").get("withheld").toString()).contains("outside agreement " + agreement + "'s schools");
                for (JsonNode r : root.get("view").get("attendance").get("records")) {
                    assertThat(r.get("school_id").asString()).isEqualTo(e.schoolId().value());
                }
                JsonNode entry = root.get("recorded").get("entries").get(0);
                assertThat(entry.get("record_counts").get("attendance.records").asInt())
                        .isEqualTo(root.get("view").get("attendance").get("records").size());
                assertThat(DisclosureLogs.verify(log).intactLines()).isEqualTo(root.get("recorded").get("entries").size());
                return;
            }
        }
        throw new AssertionError("no director's student with attendance at another school in the generated city");
    }

    @Test
    void withoutALogTheViewIsAPreviewAndSaysSo() {
        Cli.Run run = run("view", "--data", dir.toString(), "--as", mentoring.staffId().value(), "--student",
                mentoring.studentId().value(), "--at", DAY.toString());

        assertThat(run.code()).isZero();
        assertThat(topLevelKeys(run.out())).containsExactly("identity", "attendance", "interventions");
        assertThat(run.err()).contains("not recorded in a disclosure log", "--log FILE");
    }

    @Test
    void unknownStudentIsAnError() {
        Cli.Run run = run("view", "--data", dir.toString(), "--as", mentoring.staffId().value(), "--student", "NOBODY");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("error: unknown student: NOBODY");
    }
}
