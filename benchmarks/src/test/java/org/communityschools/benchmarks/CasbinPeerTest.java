package org.communityschools.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.Test;

/** jCasbin must grant exactly what the SDK's default policy grants for the benchmarked requests, or its timings mean nothing. */
class CasbinPeerTest {
    private final DistrictData data = TinyCity.data();
    private final PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(PolicyBenchmark.ZONE).build();
    private final CasbinPeer casbin = new CasbinPeer(data, PolicyBenchmark.DAY);
    private final Instant at = PolicyBenchmark.DAY.atTime(10, 0).atZone(PolicyBenchmark.ZONE).toInstant();

    private List<StudentStaffRelationship> inForce(RelationshipType type) {
        List<StudentStaffRelationship> out = new ArrayList<>();
        for (StudentStaffRelationship r : data.studentStaffRelationships()) {
            if (r.relationship() == type && r.period().contains(PolicyBenchmark.DAY)) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void casbinGrantsWhatTheEngineGrantsAMentorForEveryMenteeAndForAnotherMentorsMentee() {
        List<StudentStaffRelationship> caseloads = inForce(RelationshipType.MENTOR_OF);
        assertThat(caseloads).hasSizeGreaterThan(1);
        for (int i = 0; i < caseloads.size(); i++) {
            StudentStaffRelationship r = caseloads.get(i);
            StudentStaffRelationship other = caseloads.get((i + 1) % caseloads.size());
            for (var student : List.of(r.studentId(), other.studentId())) {
                var sdk = engine.decide(r.staffId(), student, PolicyBenchmark.SUPPORT, at).permittedCategories();
                assertThat(casbin.permittedCategories(r.staffId(), student, PolicyBenchmark.SUPPORT.code()))
                        .as("%s asking about %s", r.staffId(), student).isEqualTo(sdk);
            }
        }
        var mentor = caseloads.get(0);
        assertThat(casbin.permittedCategories(mentor.staffId(), mentor.studentId(), PolicyBenchmark.SUPPORT.code()))
                .contains(DataCategory.ATTENDANCE).doesNotContain(DataCategory.HEALTH);
    }

    @Test
    void casbinGrantsWhatTheEngineGrantsATeacherForInstructionAndNothingForStudentSupport() {
        List<StudentStaffRelationship> rosters = inForce(RelationshipType.TEACHER_OF);
        assertThat(rosters).isNotEmpty();
        for (StudentStaffRelationship r : rosters.subList(0, Math.min(200, rosters.size()))) {
            for (Purpose purpose : List.of(Purpose.of("instruction"), PolicyBenchmark.SUPPORT)) {
                var sdk = engine.decide(r.staffId(), r.studentId(), purpose, at).permittedCategories();
                assertThat(casbin.permittedCategories(r.staffId(), r.studentId(), purpose.code()))
                        .as("%s asking about %s for %s", r.staffId(), r.studentId(), purpose).isEqualTo(sdk);
            }
        }
    }

    /** The benchmark's set-up checks that its hand-written peer, jCasbin and the engine agree on every caseload request. */
    @Test
    void thePolicyBenchmarksPeersAgreeWithTheEngine() {
        CityState city = new CityState();
        city.data = data;
        new PolicyBenchmark().setUp(city);
    }
}
