package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.policy.Access;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code access} and {@code audit verify} on a generated {@code tiny} city. */
class PrivacyCommandsTest {
    @TempDir
    static Path dir;
    static DistrictData data;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.TINY).seed(3).build().writeTo(dir);
        data = DistrictDataReader.builder().build().read(dir).data();
    }

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void accessListsWhatTheEngineSaysAMentorCanSee() {
        StudentStaffRelationship mentoring = data.studentStaffRelationships().stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF && r.period().contains(LocalDate.of(2018, 3, 1)))
                .findFirst().orElseThrow();
        StaffId mentor = mentoring.staffId();
        Cli.Run run = run("access", "--data", dir.toString(), "--as", mentor.value(), "--at", "2018-03-01");
        List<Access> expected = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data)
                .zone(ZoneId.of("America/New_York")).build()
                .whatCanISee(mentor, LocalDate.of(2018, 3, 1).atTime(12, 0).atZone(ZoneId.of("America/New_York")).toInstant());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("student_id,purpose,categories,rules,legal_bases");
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(run.out()).contains(mentoring.studentId().value() + ",student-support,identity|attendance|interventions,mentor-caseload,SCHOOL_OFFICIAL");
    }

    @Test
    void accessForAnUnknownStaffMemberIsAnError() {
        Cli.Run run = run("access", "--data", dir.toString(), "--as", "NOBODY");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("error: unknown staff member: NOBODY");
    }

    @Test
    void auditVerifyPassesAnIntactLogAndNamesTheFirstTamperedLine(@TempDir Path out) throws IOException {
        Cli.Run demo = run("demo", "--preset", "tiny", "--out", out.resolve("city").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        Path log = out.resolve("city").resolve("disclosures.jsonl");

        Cli.Run intact = run("audit", "verify", log.toString());
        assertThat(intact.code()).isZero();
        assertThat(intact.out()).contains(": intact, ");

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        Path reordered = out.resolve("reordered.jsonl");
        Files.write(reordered, List.of(lines.get(0), lines.get(2), lines.get(1)), StandardCharsets.UTF_8);
        Cli.Run bad = run("audit", "verify", reordered.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("NOT INTACT at line 2");

        Path altered = out.resolve("altered.jsonl");
        Files.write(altered, List.of(lines.get(0), lines.get(1).replace("student-support", "instruction")), StandardCharsets.UTF_8);
        Cli.Run changed = run("audit", "verify", altered.toString());
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.out()).contains("NOT INTACT at line 2: ALTERED");
    }
}
