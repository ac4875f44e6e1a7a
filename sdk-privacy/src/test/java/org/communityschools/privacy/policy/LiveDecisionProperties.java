package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.privacy.policy.Fixtures.CBO_MENTOR;
import static org.communityschools.privacy.policy.Fixtures.COMMUNITY_SCHOOL;
import static org.communityschools.privacy.policy.Fixtures.COUNSELOR;
import static org.communityschools.privacy.policy.Fixtures.CSD;
import static org.communityschools.privacy.policy.Fixtures.DAY;
import static org.communityschools.privacy.policy.Fixtures.PRINCIPAL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * Acceptance: decisions of a live engine through a decision cache shared across versions equal the decisions of a
 * fresh engine over the same version, at every step of random changes to access facts and attendance.
 */
class LiveDecisionProperties {
    private static final Purpose SUPPORT = Purpose.of("student-support");
    private static final List<StaffId> STAFF = List.of(CSD, CBO_MENTOR, PRINCIPAL, COUNSELOR);
    private static final List<StudentId> STUDENTS = TinyCity.DATA.enrollments().stream()
            .filter(e -> e.schoolId().equals(COMMUNITY_SCHOOL) && e.isEnrolledOn(DAY)).map(e -> e.studentId())
            .distinct().filter(s -> !TinyCity.DATA.consentsOf(s).isEmpty()).limit(4).toList();
    private static final List<StudentStaffRelationship> MENTORING = TinyCity.DATA.relationshipsOfStaff(CBO_MENTOR)
            .stream().limit(3).toList();
    private static final List<Instant> WHEN = List.of(TinyCity.noon(DAY), TinyCity.noon(DAY.plusDays(20)));

    @Property(tries = 40)
    void cachedLiveDecisionsEqualFreshDecisionsAtEveryVersion(@ForAll("batches") List<ChangeBatch> batches) {
        LiveDistrict live = LiveDistrict.of(TinyCity.DATA);
        LivePolicyEngine engine = LivePolicyEngine.builder().policy(Policies.defaultPolicy()).zone(TinyCity.ZONE)
                .district(live).build();
        DecisionCache cache = DecisionCache.builder().build();
        check(live, engine, cache);
        for (ChangeBatch batch : batches) {
            try {
                live.apply(batch);
                net.jqwik.api.statistics.Statistics.collect("applied");
            } catch (BatchRejectedException e) {
                net.jqwik.api.statistics.Statistics.collect("rejected");
                continue;
            }
            check(live, engine, cache);
        }
    }

    private static void check(LiveDistrict live, LivePolicyEngine engine, DecisionCache cache) {
        long v = live.current().number();
        PolicyEngine fresh = PolicyEngine.builder().policy(Policies.defaultPolicy()).zone(TinyCity.ZONE)
                .districtData(live.current().data()).build();
        for (StaffId staff : STAFF) {
            for (StudentId student : STUDENTS) {
                for (Instant at : WHEN) {
                    Decision cached = engine.decide(cache, staff, student, SUPPORT, at, v);
                    assertThat(cached).isEqualTo(fresh.decide(staff, student, SUPPORT, at));
                    assertThat(cached.dataVersion()).isEqualTo(v);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<ChangeBatch>> batches() {
        List<Object> palette = new ArrayList<>();
        for (StudentId s : STUDENTS) {
            for (Consent c : TinyCity.DATA.consentsOf(s)) {
                palette.add(c);
                palette.add(new Consent(c.id(), c.studentId(), c.grantor(), c.recipientId(), c.purpose(), c.categories(),
                        c.signedDate(), c.authentication(), Optional.of(c.signedDate().isAfter(DAY) ? c.signedDate() : DAY)));
            }
            TinyCity.DATA.attendance().recordsOf(s).stream().limit(2).forEach(palette::add);
        }
        for (StudentStaffRelationship r : MENTORING) {
            palette.add(r);
            palette.add(new StudentStaffRelationship(r.studentId(), r.staffId(), r.relationship(),
                    DateRange.closed(r.period().start(), Optional.of(DAY.minusDays(1).isBefore(r.period().start())
                            ? r.period().start() : DAY.minusDays(1)))));
        }
        for (StaffAssignment a : TinyCity.DATA.assignmentsOf(CSD)) {
            palette.add(a);
            palette.add(new StaffAssignment(a.staffId(), a.organizationId(), a.role(),
                    DateRange.closed(a.period().start(), Optional.of(DAY.minusDays(1)))));
        }
        Arbitrary<Object[]> change = Arbitraries.of(palette).flatMap(r -> Arbitraries.integers().between(0, 5)
                .map(op -> new Object[] {r, op == 0}));
        return change.list().ofMinSize(1).ofMaxSize(3).map(cs -> {
            ChangeBatch.Builder b = ChangeBatch.builder();
            List<RecordKey> keys = new ArrayList<>();
            for (Object[] c : cs) {
                RecordKey k = RecordKey.of(c[0]);
                if (!keys.contains(k)) {
                    keys.add(k);
                    if ((Boolean) c[1]) {
                        b.delete(k);
                    } else {
                        b.upsert(c[0]);
                    }
                }
            }
            return b.build();
        }).list().ofMinSize(1).ofMaxSize(6);
    }
}
