package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/privacy-policy.md, compiled, run, and quoted exactly. */
class PolicyExamplesTest {
    @Test
    void decide(@TempDir Path dir) throws IOException {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
        DistrictData data = DistrictDataReader.builder().build().read(dir).data();
        StudentId student = data.relationshipsOfStaff(StaffId.of("SCH0001-M01")).get(0).studentId();
        Instant when = data.relationshipsOfStaff(StaffId.of("SCH0001-M01")).get(0).period().start()
                .atTime(12, 0).atZone(ZoneId.of("America/New_York")).toInstant();
        // tag::decide[]
        Policy policy = Policies.defaultPolicy();                    // or Policies.load(Path.of("district-policy.yaml"))
        PolicyEngine engine = PolicyEngine.builder()
                .policy(policy).districtData(data).zone(ZoneId.of("America/New_York")).build();
        Decision d = engine.decide(StaffId.of("SCH0001-M01"), student, Purpose.of("student-support"), when);
        d.grants();        // permitted fields, each with its legal basis, rule id, agreement or consent and record scope
        d.denials();       // denied fields by category, with the reason
        d.obligations();   // RecordDisclosure (what is permitted; a view logs what it shows), MaskField, RestrictRows
        d.explanation();   // the same, in words
        // end::decide[]
        // tag::cache[]
        DecisionCache cache = DecisionCache.builder().maximumSize(100_000).build();
        PolicyEngine riverside = PolicyEngine.builder().policy(policy).districtData(data)
                .zone(ZoneId.of("America/New_York")).tenant("riverside").dataVersion(42).build();
        Decision cached = cache.decide(riverside, StaffId.of("SCH0001-M01"), student, Purpose.of("student-support"), when);
        // end::cache[]
        assertThat(d.permits("attendance.records")).isTrue();
        assertThat(cached.grants()).isEqualTo(d.grants());
        DocPages.assertQuoted("privacy-policy.md", PolicyExamplesTest.class, "decide");
        DocPages.assertQuoted("privacy-policy.md", PolicyExamplesTest.class, "cache");
    }
}
