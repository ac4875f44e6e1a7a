package org.communityschools.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.RecordViews;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * One policy decision for one requester and one student under the shipped default policy: uncached
 * ({@code sdk_decide}) against a hand-written {@code if} chain that checks the same relationship for the same
 * requests ({@code peer_decide}: the floor, with no reasons, no agreement or consent checks, no obligations), cached
 * through {@link DecisionCache} ({@code sdk_decideCached}, against the same floor), and a decision plus the redacted
 * JSON view of the record, its records checked against the grants' scopes and its exact entries appended to an
 * in-memory log before the text is returned ({@code sdk_redact}), against Jackson writing the student's full record
 * with no filtering ({@code peer_redact}: the overhead of privacy). jCasbin enforcing the same caseload rule ({@link CasbinPeer}, one
 * enforce call per data category, uncached) is compared with both the uncached and the cached decision
 * ({@code casbin_decide}, {@code casbin_decideCached}); its permitted categories are checked equal to the engine's
 * for every request before anything is timed. The requests are Success Mentors asking about their mentees on a
 * school day, cycled so that every call asks about another student.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PolicyBenchmark {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate DAY = LocalDate.of(2018, 3, 1);
    static final Purpose SUPPORT = Purpose.of("student-support");

    private DistrictData data;
    /** The staff the district employs: their mentor row also grants the meeting steps (default policy v3). */
    private final Set<StaffId> districtStaff = new java.util.HashSet<>();
    private PolicyEngine engine;
    private DecisionCache cache;
    private CasbinPeer casbin;
    private JsonMapper mapper;
    private DisclosureSink log;
    private StaffId[] requesters;
    private StudentId[] students;
    private Instant at;
    private int next;

    /** Loads the city, builds the engine and picks the requests. */
    @Setup(Level.Trial)
    public void setUp(CityState city) {
        data = city.data;
        engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(ZONE).build();
        cache = DecisionCache.builder().maximumSize(100_000).build();
        mapper = CommunitySchoolsJson.mapper();
        log = DisclosureLogs.inMemory();
        at = DAY.atTime(10, 0).atZone(ZONE).toInstant();
        List<StudentStaffRelationship> caseloads = new ArrayList<>();
        for (StudentStaffRelationship r : data.studentStaffRelationships()) {
            if (r.relationship() == RelationshipType.MENTOR_OF && r.period().contains(DAY)) {
                caseloads.add(r);
            }
        }
        if (caseloads.isEmpty()) {
            throw new IllegalStateException("the city has no mentoring caseload on " + DAY);
        }
        int n = Math.min(caseloads.size(), 4096);
        requesters = new StaffId[n];
        students = new StudentId[n];
        for (int i = 0; i < n; i++) {
            requesters[i] = caseloads.get(i).staffId();
            students[i] = caseloads.get(i).studentId();
        }
        casbin = new CasbinPeer(data, DAY);
        for (org.communityschools.core.model.Staff st : data.staff()) {
            data.organization(st.employerId()).filter(o -> o.type() == org.communityschools.core.model.OrganizationType.DISTRICT)
                    .ifPresent(o -> districtStaff.add(st.id()));
        }
        // Every side must agree on what a mentor reaches before their times mean anything.
        for (int i = 0; i < n; i++) {
            Set<DataCategory> sdk = engine.decide(requesters[i], students[i], SUPPORT, at).permittedCategories();
            if (!sdk.equals(peerCategories(requesters[i], students[i]))) {
                throw new IllegalStateException("the if chain and the engine disagree for " + requesters[i] + " and " + students[i]
                        + ": " + peerCategories(requesters[i], students[i]) + " vs " + sdk);
            }
            Set<DataCategory> viaCasbin = casbin.permittedCategories(requesters[i], students[i], SUPPORT.code());
            if (!sdk.equals(viaCasbin)) {
                throw new IllegalStateException("jCasbin and the engine disagree for " + requesters[i] + " and " + students[i]
                        + ": " + viaCasbin + " vs " + sdk);
            }
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == requesters.length ? 0 : i + 1;
        return i;
    }

    /**
     * The default policy's mentor row, written by hand: mentees on the day get identity, attendance, interventions, and
     * for a mentor the district employs the meeting steps (a partner's mentor only as far as its agreement names them,
     * which the synthetic cities' agreements do not).
     */
    Set<DataCategory> peerCategories(StaffId requester, StudentId student) {
        for (StudentStaffRelationship r : data.relationshipsOn(requester, DAY)) {
            if (r.relationship() == RelationshipType.MENTOR_OF && r.studentId().equals(student)) {
                return districtStaff.contains(requester)
                        ? EnumSet.of(DataCategory.IDENTITY, DataCategory.ATTENDANCE, DataCategory.INTERVENTIONS, DataCategory.MEETINGS)
                        : EnumSet.of(DataCategory.IDENTITY, DataCategory.ATTENDANCE, DataCategory.INTERVENTIONS);
            }
        }
        return EnumSet.noneOf(DataCategory.class);
    }

    @Benchmark
    public Decision sdk_decide() {
        int i = nextIndex();
        return engine.decide(requesters[i], students[i], SUPPORT, at);
    }

    @Benchmark
    public Set<DataCategory> peer_decide() {
        int i = nextIndex();
        return peerCategories(requesters[i], students[i]);
    }

    /** jCasbin: one enforce call per data category, as a vendor would ask "may I read X". */
    @Benchmark
    public Set<DataCategory> casbin_decide() {
        int i = nextIndex();
        return casbin.permittedCategories(requesters[i], students[i], SUPPORT.code());
    }

    @Benchmark
    public Decision sdk_decideCached() {
        int i = nextIndex();
        return cache.decide(engine, requesters[i], students[i], SUPPORT, at);
    }

    @Benchmark
    public Set<DataCategory> peer_decideCached() {
        int i = nextIndex();
        return peerCategories(requesters[i], students[i]);
    }

    /** The same as {@link #casbin_decide()}, paired with the SDK's cached decision in the report. */
    @Benchmark
    public Set<DataCategory> casbin_decideCached() {
        int i = nextIndex();
        return casbin.permittedCategories(requesters[i], students[i], SUPPORT.code());
    }

    /**
     * Decide, then disclose the view: the records in scope only, the exact entries appended to an in-memory log (hash
     * chained) before the text exists. The log is replaced after each cycle of requests so that it does not grow
     * without bound; that costs one allocation per 4,096 calls.
     */
    @Benchmark
    public String sdk_redact() {
        int i = nextIndex();
        if (i == 0) {
            log.close();
            log = DisclosureLogs.inMemory();
        }
        return RecordViews.disclose(data, engine.decide(requesters[i], students[i], SUPPORT, at), log).json();
    }

    @Benchmark
    public String peer_redact() {
        int i = nextIndex();
        StudentId student = students[i];
        List<Object> record = new ArrayList<>();
        record.add(data.student(student).orElseThrow());
        List<AttendanceRecord> attendance = data.attendance().recordsOf(student);
        record.add(attendance);
        record.add(data.participantsOf(student));
        return mapper.writeValueAsString(record);
    }
}
