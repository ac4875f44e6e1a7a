package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityschools.privacy.policy.Fixtures.COMMUNITY_SCHOOL;
import static org.communityschools.privacy.policy.Fixtures.CSD;
import static org.communityschools.privacy.policy.Fixtures.DAY;
import static org.communityschools.privacy.policy.Fixtures.enrolledAt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/**
 * A live policy engine follows its district: a revocation is effective from the version that applies it; a cache
 * flushes exactly the decisions whose access facts changed; two districts never share entries.
 */
class LivePolicyEngineTest {
    private static final Purpose SUPPORT = Purpose.of("student-support");
    private static final String FIELD = "programs.homeless";
    private static final Instant NOON = TinyCity.noon(DAY);
    /** Two students of the community school with a consent in force on DAY. */
    private static final List<StudentId> CONSENTING = TinyCity.DATA.enrollments().stream()
            .filter(e -> e.schoolId().equals(COMMUNITY_SCHOOL) && e.isEnrolledOn(DAY))
            .map(e -> e.studentId()).distinct()
            .filter(s -> TinyCity.DATA.consentsOf(s).stream().anyMatch(c -> c.isInForceOn(DAY) && c.revokedDate().isEmpty()))
            .limit(2).toList();
    private static final StudentId STUDENT = CONSENTING.get(0);

    private static LivePolicyEngine engine(LiveDistrict live) {
        return LivePolicyEngine.builder().policy(Policies.defaultPolicy()).zone(TinyCity.ZONE).district(live).build();
    }

    private static ChangeBatch revoke(StudentId student) {
        ChangeBatch.Builder b = ChangeBatch.builder();
        for (Consent c : TinyCity.DATA.consentsOf(student)) {
            if (c.isInForceOn(DAY)) {
                b.upsert(new Consent(c.id(), c.studentId(), c.grantor(), c.recipientId(), c.purpose(), c.categories(),
                        c.signedDate(), c.authentication(), Optional.of(DAY)));
            }
        }
        return b.build();
    }

    /** A new attendance row for the student on an instructional day inside their enrollment, or a changed one. */
    private static ChangeBatch attendance(StudentId student) {
        var e = TinyCity.DATA.enrollmentsOn(student, DAY).get(0);
        var calendar = TinyCity.DATA.calendar(e.schoolId());
        var day = calendar.days().stream().filter(d -> e.isEnrolledOn(d)).findFirst().orElseThrow();
        return ChangeBatch.builder().upsert(new AttendanceRecord(student, e.schoolId(), day,
                AttendanceCategory.UNEXCUSED_ABSENCE, DayShare.ofTenThousandths(10_000), Optional.of("live"))).build();
    }

    @Test
    void aRevocationDeniesFromTheVersionThatAppliesItAndTheDecisionSaysSo() {
        LiveDistrict live = LiveDistrict.of(TinyCity.DATA);
        LivePolicyEngine engine = engine(live);
        Decision before = engine.decide(CSD, STUDENT, SUPPORT, NOON);

        DistrictVersion revoked = live.apply(revoke(STUDENT));
        Decision after = engine.decide(CSD, STUDENT, SUPPORT, NOON, revoked.number());

        assertThat(before.permits(FIELD)).isTrue();
        assertThat(before.dataVersion()).isZero();
        assertThat(after.permits(FIELD)).isFalse();
        assertThat(after.dataVersion()).isEqualTo(revoked.number());
    }

    @Test
    void attendanceFlushesNoCachedDecisionAndARevocationFlushesOnlyItsStudents() {
        LiveDistrict live = LiveDistrict.of(TinyCity.DATA);
        LivePolicyEngine engine = engine(live);
        DecisionCache cache = DecisionCache.builder().build();
        StudentId other = CONSENTING.get(1);
        engine.decide(cache, CSD, STUDENT, SUPPORT, NOON, 0);
        engine.decide(cache, CSD, other, SUPPORT, NOON, 0);

        DistrictVersion v1 = live.apply(attendance(STUDENT));
        Decision afterAttendance = engine.decide(cache, CSD, STUDENT, SUPPORT, NOON, v1.number());
        assertThat(cache.size()).as("served from the cache").isEqualTo(2);
        assertThat(afterAttendance.dataVersion()).isEqualTo(v1.number());
        assertThat(afterAttendance.permits(FIELD)).isTrue();

        DistrictVersion v2 = live.apply(revoke(STUDENT));
        Decision revoked = engine.decide(cache, CSD, STUDENT, SUPPORT, NOON, v2.number());
        Decision untouched = engine.decide(cache, CSD, other, SUPPORT, NOON, v2.number());
        assertThat(revoked.permits(FIELD)).isFalse();
        assertThat(untouched.permits(FIELD)).isTrue();
        assertThat(cache.size()).as("one new entry: the revoked student's").isEqualTo(3);
    }

    @Test
    void twoLiveDistrictsSharingACacheNeverMix() {
        LiveDistrict a = LiveDistrict.of(TinyCity.DATA);
        LiveDistrict b = LiveDistrict.of(TinyCity.DATA);
        b.apply(revoke(STUDENT));
        DecisionCache cache = DecisionCache.builder().build();

        assertThat(engine(a).decide(cache, CSD, STUDENT, SUPPORT, NOON, 0).permits(FIELD)).isTrue();
        assertThat(engine(b).decide(cache, CSD, STUDENT, SUPPORT, NOON, 1).permits(FIELD)).isFalse();
        assertThat(engine(a).decide(cache, CSD, STUDENT, SUPPORT, NOON, 0).permits(FIELD)).isTrue();
    }

    @Test
    void aVersionNotYetAppliedIsRefused() {
        LivePolicyEngine engine = engine(LiveDistrict.of(TinyCity.DATA));

        assertThatThrownBy(() -> engine.decide(CSD, STUDENT, SUPPORT, NOON, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not been applied");
    }

    @Test
    void noDecisionAtAVersionAfterTheRevocationPermitsWhileReadersDecideConcurrently() throws Exception {
        LiveDistrict live = LiveDistrict.of(TinyCity.DATA);
        LivePolicyEngine engine = engine(live);
        DecisionCache cache = DecisionCache.builder().maximumSize(1000).build();
        AtomicLong revokedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger permitsBefore = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger afterRevocation = new AtomicInteger();
        int readers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < readers; t++) {
                boolean cached = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    while (afterRevocation.get() < 300) {
                        Decision d = cached ? engine.decide(cache, CSD, STUDENT, SUPPORT, NOON, 0)
                                : engine.decide(CSD, STUDENT, SUPPORT, NOON);
                        if (d.dataVersion() >= revokedAt.get()) {
                            afterRevocation.incrementAndGet();
                            if (d.permits(FIELD)) {
                                stale.incrementAndGet();
                            }
                        } else if (d.permits(FIELD)) {
                            permitsBefore.incrementAndGet();
                        }
                    }
                }));
            }
            futures.add(pool.submit(() -> {
                while (permitsBefore.get() < 100) {
                    Thread.onSpinWait();
                }
                for (int i = 0; i < 5; i++) {
                    live.apply(attendance(STUDENT));
                }
                ChangeBatch revocation = revoke(STUDENT);
                synchronized (live) {
                    revokedAt.set(live.current().number() + 1);
                    live.apply(revocation);
                }
                for (int i = 0; i < 5; i++) {
                    live.apply(attendance(CONSENTING.get(1)));
                }
            }));
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(permitsBefore.get()).isGreaterThanOrEqualTo(100);
        assertThat(afterRevocation.get()).isGreaterThanOrEqualTo(300);
        assertThat(stale.get()).isZero();
    }
}
