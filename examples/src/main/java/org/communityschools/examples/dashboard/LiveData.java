package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.VersionListener;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.EarlyWarningDefinition;
import org.communityschools.metrics.LiveChronicAbsence;
import org.communityschools.metrics.LiveEarlyWarning;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;

/**
 * The district's data as the dashboard serves it: a {@link LiveDistrict} (journaled when the host gave it a journal),
 * the {@link LivePolicyEngine} that follows it, and the current school year's figures that follow the same changes
 * ({@link LiveChronicAbsence} as of any day, {@link LiveEarlyWarning} lists as of the dashboard's date). Attendance
 * recorded in the dashboard is a {@link ChangeBatch} applied to the live district like any other change (validated
 * with the data directory's rules, journaled, then visible to every page and figure); a watched delta folder applies
 * its batches to the same district.
 *
 * <p>A page reads one {@link At}: a version of the data and the policy engine of exactly that version, taken with the
 * live engine's consistency token ({@code atLeastVersion}), so a page rendered after a change returned never reflects
 * an older version. Thread-safe.
 */
final class LiveData implements AutoCloseable {
    /** The source of the changes recorded in the dashboard, in the journal and in located errors. */
    static final String ORIGIN = "dashboard";

    final LiveDistrict district;
    final LivePolicyEngine engine;
    final LiveChronicAbsence figures;
    final LiveEarlyWarning warnings;
    final SchoolYear year;
    final SuppressionRules rules;
    private final AtomicLong recorded = new AtomicLong();
    private final Map<Object, Versioned> cache = new ConcurrentHashMap<>();
    /** The last version that changed anything but this year's attendance: what earlier years' figures depend on. */
    private volatile long pastChangedAt;
    private final VersionListener pastListener = this::applied;

    private record Versioned(long version, Object value) {}

    LiveData(LiveDistrict district, Policy policy, ZoneId zone, LocalDate today, SuppressionRules rules) {
        this.district = Objects.requireNonNull(district, "district");
        this.year = SchoolYear.containing(today);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.engine = LivePolicyEngine.builder().policy(policy).zone(zone).district(district).build();
        this.figures = LiveChronicAbsence.follow(district, year, ChronicAbsenceDefinition.FEDERAL);
        this.warnings = LiveEarlyWarning.follow(district, year, EarlyWarningDefinition.EVERYONE_GRADUATES, today);
        this.pastChangedAt = district.current().number();
        district.addListener(pastListener);
    }

    private void applied(DistrictVersion previous, DistrictVersion current, ChangeBatch batch) {
        for (Change c : batch.changes()) {
            if (!(c.key().file() == DataFile.ATTENDANCE && year.contains(LocalDate.parse(c.key().values().get(2))))) {
                pastChangedAt = current.number();
                return;
            }
        }
    }

    /**
     * One page's consistent view: a version of the data and the policy engine of that same version (its
     * {@link PolicyEngine#dataVersion()} is the version's number).
     */
    record At(DistrictVersion version, PolicyEngine engine) {
        DistrictData data() {
            return version.data();
        }

        Decision decide(Sessions.Viewer viewer, StudentId student, Instant at) {
            return engine.decide(viewer.staff(), student, viewer.purpose(), at);
        }
    }

    /** The current version with its engine, at least as fresh as every version applied before this call returned. */
    At at() {
        return at(0);
    }

    /**
     * The current version with its engine, at least as fresh as {@code atLeastVersion} (a version a change returned).
     * The engine is asked for with the token of the version read; a batch applied between the two reads is caught by
     * reading again, so the data and the decisions of a page are always of one version.
     */
    At at(long atLeastVersion) {
        while (true) {
            DistrictVersion v = district.current();
            PolicyEngine e = engine.engine(Math.max(atLeastVersion, v.number()));
            if (e.dataVersion() == v.number()) {
                return new At(v, e);
            }
        }
    }

    /**
     * Records an attendance event as a batch of one change from the dashboard (replacing the record of the same
     * student, school and day): validated against the current version, journaled, applied; the figures follow before
     * this returns. Returns the new version.
     *
     * @throws org.communityschools.core.live.BatchRejectedException when the record breaks a rule of the data directory
     */
    DistrictVersion record(AttendanceRecord record, StaffId by) {
        Objects.requireNonNull(by, "by");
        ChangeOrigin origin = new ChangeOrigin(ORIGIN, recorded.incrementAndGet());
        return district.apply(ChangeBatch.builder().upsert(record, origin).build());
    }

    /**
     * Records the records that {@code make} computes from the current version (new ids and agenda numbers are taken
     * from it) as one batch of upserts from the dashboard: validated against that version with every cross-record
     * rule, journaled, applied, or rejected whole. One at a time, so that two people adding a step or an agenda item at
     * once never compute the same new key (an upsert of a taken key would replace the record). Returns the new version.
     *
     * @throws org.communityschools.core.live.BatchRejectedException when a record breaks a rule of the data directory
     */
    synchronized DistrictVersion record(java.util.function.Function<DistrictData, List<?>> make, StaffId by) {
        Objects.requireNonNull(by, "by");
        List<?> records = make.apply(district.current().data());
        ChangeBatch.Builder batch = ChangeBatch.builder();
        for (Object r : records) {
            batch.upsert(r, new ChangeOrigin(ORIGIN, recorded.incrementAndGet()));
        }
        return district.apply(batch.build());
    }

    /**
     * A value computed from the current year's data, kept until a batch changes the data ({@code version} is the
     * version it is computed on).
     */
    @SuppressWarnings("unchecked")
    <T> T cached(Object key, long version, Supplier<T> compute) {
        Versioned v = cache.get(key);
        if (v == null || v.version() != version) {
            v = new Versioned(version, compute.get());
            cache.put(key, v);
        }
        return (T) v.value();
    }

    /** A value computed from earlier years' data, kept until a batch changes something other than this year's attendance. */
    <T> T cachedPast(Object key, Supplier<T> compute) {
        return cached(List.of("past", key), pastChangedAt, compute);
    }

    /**
     * This year's chronic absence by school as of {@code asOf}, protected ({@link Published#schools}); kept until the
     * figures follow a new version.
     */
    ProtectedTable schools(DistrictData data, LocalDate asOf) {
        return cached(List.of("schools", asOf), figures.version(),
                () -> Published.schools(figures.schools(asOf), id -> data.isCommunitySchool(id, year), rules));
    }

    @Override
    public void close() {
        district.removeListener(pastListener);
        figures.close();
        warnings.close();
    }
}
