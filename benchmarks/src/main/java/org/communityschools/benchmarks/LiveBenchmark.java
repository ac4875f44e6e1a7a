package org.communityschools.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.LiveChronicAbsence;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Live district data. {@code sdk_revocation}: a parent's consent is revoked ({@code LiveDistrict.apply} of the consent
 * upsert) and a Community School Director's page is decided again through a {@link DecisionCache} shared across
 * versions ({@code LivePolicyEngine.decide(cache, ..., atLeastVersion)}) until the field the consent granted is
 * denied, while another thread keeps deciding for other requests through the same cache and engine (sampled: p50,
 * p99). {@code peer_revocation}: today's path, the directory read again and a new engine built before the same
 * decision. {@code sdk_applyAttendance}: one batch of 1,000 new attendance rows (absences on enrolled instructional
 * days, a thousand students) applied as a new version, validated by the directory's rules; {@code
 * peer_applyAttendance}: the same 1,000 records put into a {@code HashMap} keyed by student, school and day (the
 * floor: no rule, no version, no index); {@code duckdb_applyAttendance}: the same batch written to an in-memory
 * DuckDB holding the district's tables ({@link DuckDbLivePeer}: staged, then {@code DELETE ... USING} and
 * {@code INSERT ... SELECT} in one transaction). {@code sdk_applyMixed} and {@code duckdb_applyMixed}: batches of
 * 1,000 mixed changes (absences, course marks, new and deleted incidents, enrollments, staff assignments, consents:
 * {@link LiveChanges}) applied as a new version, and as {@code INSERT}, {@code UPDATE} and {@code DELETE} in DuckDB.
 * {@code sdk_applyAttendanceChronic}: the same attendance batches applied to a district that a
 * {@link LiveChronicAbsence} follows (its columns as of the year's last day built before timing), then the live
 * report's school and district counts read; {@code peer_applyAttendanceChronic}: the same batches applied to a
 * district nobody follows, then the batch {@link ChronicAbsence#calculate} of the new version (what a host without
 * the live columns does: a whole report per version). The heap figures are {@link LiveHeap}'s.
 */
@State(Scope.Benchmark)
public class LiveBenchmark {
    private static final LocalDate DAY = PolicyBenchmark.DAY;

    private String preset;
    private DistrictData data;
    private LiveDistrict live;
    private LivePolicyEngine engine;
    private DecisionCache cache;
    private StaffId requester;
    private StudentId student;
    private String field;
    private ChangeBatch revoke;
    private ChangeBatch restore;
    private Instant at;
    private boolean revoked;
    private List<StaffId> directors;
    private final List<ChangeBatch> attendance = new ArrayList<>();
    private final List<List<AttendanceRecord>> attendanceRecords = new ArrayList<>();
    private int nextBatch;
    private LiveChanges changes;
    private boolean mixedReady;
    private int nextMixed;

    /** Finds a consent that grants a director a field, starts the other reader, prepares the attendance batches. */
    @Setup(Level.Trial)
    public void setUp(CityState city) {
        preset = city.preset;
        data = city.data;
        live = LiveDistrict.of(data);
        engine = LivePolicyEngine.builder().policy(Policies.defaultPolicy()).zone(PolicyBenchmark.ZONE).district(live).build();
        cache = DecisionCache.builder().maximumSize(100_000).build();
        at = DAY.atTime(10, 0).atZone(PolicyBenchmark.ZONE).toInstant();
        PolicyEngine first = engine.engine();
        List<StaffId> directors = new ArrayList<>();
        for (StaffAssignment a : data.staffAssignments()) {
            if (a.role() == StaffRole.COMMUNITY_SCHOOL_DIRECTOR && a.period().contains(DAY)) {
                directors.add(a.staffId());
            }
        }
        search:
        for (Consent c : data.consents()) {
            if (!c.isInForceOn(DAY) || c.revokedDate().isPresent()) {
                continue;
            }
            for (StaffId d : directors) {
                Decision decision = first.decide(d, c.studentId(), PolicyBenchmark.SUPPORT, at);
                for (Grant g : decision.grants()) {
                    if (g.basis() == LegalBasis.CONSENT && decision.grants().stream()
                            .filter(x -> x.field().equals(g.field())).allMatch(x -> x.basis() == LegalBasis.CONSENT)) {
                        requester = d;
                        student = c.studentId();
                        field = g.field().toString();
                        revoke = ChangeBatch.builder().upsert(new Consent(c.id(), c.studentId(), c.grantor(),
                                c.recipientId(), c.purpose(), c.categories(), c.signedDate(), c.authentication(),
                                Optional.of(DAY.isBefore(c.signedDate()) ? c.signedDate() : DAY))).build();
                        restore = ChangeBatch.builder().upsert(c).build();
                        break search;
                    }
                }
            }
        }
        if (requester == null) {
            throw new IllegalStateException("no consent grants a director a field on " + DAY);
        }
        System.out.printf("%n[bench] LiveBenchmark: %s sees %s of %s under a consent%n", requester, field, student);
        this.directors = List.copyOf(directors);
        prepareAttendance();
    }

    /** The attendance and mixed batches (see {@link LiveChanges}), and the records of the attendance batches. */
    private void prepareAttendance() {
        changes = LiveChanges.of(data, 100);
        for (ChangeBatch b : changes.attendance) {
            attendance.add(b);
            attendanceRecords.add(b.changes().stream()
                    .map(c -> (AttendanceRecord) ((org.communityschools.core.live.Change.Upsert) c).record()).toList());
        }
        System.out.printf("[bench] LiveBenchmark: %d batches of %d attendance events, %d mixed batches of %d changes%n",
                attendance.size(), LiveChanges.BATCH, changes.mixed.size(), changes.mixed.get(0).size());
    }

    /**
     * The other thread of the revocation benchmark: decides without pause for other directors and students, and for
     * the benchmark's own request, through the same cache and engine. Only the revocation benchmarks run it (the
     * apply benchmarks measure one core).
     */
    @State(Scope.Benchmark)
    public static class Reader {
        private volatile boolean stop;
        private Thread background;

        @Setup(Level.Trial)
        public void start(LiveBenchmark b) {
            List<StudentId> students = b.data.students().stream().limit(4096).map(s -> s.id()).toList();
            background = new Thread(() -> {
                int i = 0;
                while (!stop) {
                    b.engine.decide(b.cache, b.directors.get(i % b.directors.size()), students.get(i % students.size()),
                            PolicyBenchmark.SUPPORT, b.at, 0);
                    b.engine.decide(b.cache, b.requester, b.student, PolicyBenchmark.SUPPORT, b.at, 0);
                    i++;
                }
            }, "live-benchmark-reader");
            background.setDaemon(true);
            background.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            stop = true;
            background.join();
        }
    }

    /** Per invocation of the revocation benchmark: puts the consent back first (untimed). */
    @State(Scope.Thread)
    public static class Restored {
        /** Puts the consent back, so that every revocation starts from a permitting decision in the cache. */
        @Setup(Level.Invocation)
        public void restoreConsent(LiveBenchmark b) {
            if (b.revoked) {
                b.live.apply(b.restore);
                b.revoked = false;
            }
            if (!b.engine.decide(b.cache, b.requester, b.student, PolicyBenchmark.SUPPORT, b.at, b.live.current().number())
                    .permits(b.field)) {
                throw new IllegalStateException("the restored consent does not permit " + b.field);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision sdk_revocation(Restored restored, Reader reader) {
        long v = live.apply(revoke).number();
        revoked = true;
        Decision d;
        do {
            d = engine.decide(cache, requester, student, PolicyBenchmark.SUPPORT, at, v);
        } while (d.permits(field));
        return d;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision peer_revocation(Reader reader) {
        DistrictData reloaded = City.read(City.directory(preset));
        PolicyEngine fresh = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(reloaded)
                .zone(PolicyBenchmark.ZONE).build();
        return fresh.decide(requester, student, PolicyBenchmark.SUPPORT, at);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long sdk_applyAttendance() {
        ChangeBatch b = attendance.get(nextBatch);
        nextBatch = (nextBatch + 1) % attendance.size();
        return live.apply(b).number();
    }

    private record Key(StudentId student, SchoolId school, LocalDate day) {}

    private final Map<Key, AttendanceRecord> peer = new HashMap<>();

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int peer_applyAttendance() {
        List<AttendanceRecord> b = attendanceRecords.get(nextBatch);
        nextBatch = (nextBatch + 1) % attendanceRecords.size();
        for (AttendanceRecord r : b) {
            peer.put(new Key(r.studentId(), r.schoolId(), r.date()), r);
        }
        return peer.size();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long sdk_applyMixed() {
        if (!mixedReady) {
            live.apply(changes.mixedSetup());
            mixedReady = true;
        }
        ChangeBatch b = changes.mixed.get(nextMixed);
        nextMixed = (nextMixed + 1) % changes.mixed.size();
        return live.apply(b).number();
    }

    /** A live district of its own, followed by the live chronic-absence columns (built before timing), and one not followed. */
    @State(Scope.Benchmark)
    public static class Chronic {
        LiveDistrict followed;
        LiveChronicAbsence chronic;
        LiveDistrict alone;
        int next;

        /** Builds the live columns as of the year's last day and checks them against the batch report. */
        @Setup(Level.Trial)
        public void follow(LiveBenchmark b) {
            followed = LiveDistrict.of(b.data);
            alone = LiveDistrict.of(b.data);
            chronic = LiveChronicAbsence.follow(followed, City.YEAR, ChronicAbsenceDefinition.FEDERAL);
            long t0 = System.nanoTime();
            ChronicAbsenceReport live = chronic.report(City.YEAR.lastDay());
            long t1 = System.nanoTime();
            if (!live.schools().equals(ChronicAbsence.calculate(b.data, City.YEAR, ChronicAbsenceDefinition.FEDERAL).schools())) {
                throw new IllegalStateException("the live chronic-absence columns and the batch report disagree");
            }
            System.out.printf("[bench] LiveBenchmark: live chronic-absence columns built in %.1f ms%n", (t1 - t0) / 1e6);
        }

        /** Stops following. */
        @TearDown(Level.Trial)
        public void close() {
            chronic.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int sdk_applyAttendanceChronic(Chronic c) {
        ChangeBatch b = attendance.get(c.next);
        c.next = (c.next + 1) % attendance.size();
        c.followed.apply(b);
        ChronicAbsenceReport r = c.chronic.report(City.YEAR.lastDay());
        return r.schools().size() + r.district().chronicallyAbsent();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int peer_applyAttendanceChronic(Chronic c) {
        ChangeBatch b = attendance.get(c.next);
        c.next = (c.next + 1) % attendance.size();
        DistrictData now = c.alone.apply(b).data();
        ChronicAbsenceReport r = ChronicAbsence.calculate(now, City.YEAR, ChronicAbsenceDefinition.FEDERAL);
        return r.schools().size() + r.district().chronicallyAbsent();
    }

    /** The DuckDB peer of the apply benchmarks: the same tables, loaded once per trial (untimed). */
    @State(Scope.Benchmark)
    public static class Duck {
        DuckDbLivePeer peer;
        int next;
        boolean mixedReady;

        @Setup(Level.Trial)
        public void load(LiveBenchmark b) {
            long t0 = System.nanoTime();
            peer = DuckDbLivePeer.load(b.data);
            System.out.printf("[bench] LiveBenchmark: DuckDB loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }

        @TearDown(Level.Trial)
        public void close() {
            peer.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long duckdb_applyAttendance(Duck duck) {
        ChangeBatch b = attendance.get(duck.next);
        duck.next = (duck.next + 1) % attendance.size();
        return duck.peer.apply(b);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long duckdb_applyMixed(Duck duck) {
        if (!duck.mixedReady) {
            duck.peer.apply(changes.mixedSetup());
            duck.mixedReady = true;
        }
        ChangeBatch b = changes.mixed.get(duck.next % changes.mixed.size());
        duck.next = (duck.next + 1) % changes.mixed.size();
        return duck.peer.apply(b);
    }
}
