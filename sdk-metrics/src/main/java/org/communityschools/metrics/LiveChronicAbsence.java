package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.VersionListener;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.internal.Aggregator;
import org.communityschools.metrics.internal.AsOfTallies;
import org.communityschools.metrics.internal.BatchKeys;
import org.communityschools.metrics.internal.LiveColumns;
import org.communityschools.metrics.internal.StudentPatch;

/**
 * Chronic absence that follows a {@link LiveDistrict}: the columnar calculation of the batch report
 * ({@link ChronicAbsence#calculate}), kept current, as a {@link VersionListener}, by every batch the district applies.
 * Every figure equals the batch {@link ChronicAbsence#calculate} over the version followed to ({@link #version()}), as
 * of any date (properties check it at every step of random change sequences, many as-of dates interleaved, and the
 * live columns against columns built afresh). No {@link AttendanceAccumulator} is kept.
 *
 * <p>Two kinds of state are kept current, neither rebuilt whole by a batch:
 * <ul>
 *   <li>For each as-of date whose counts were read ({@link #school}, {@link #schools}, {@link #district},
 *       {@link #communitySchools}, {@link #students}), up to 64 dates (the least recently read dropped first): only the
 *       counts by school, grade, subgroup, community-school status and district, and the schools' calendars (a few
 *       kilobytes per school, nothing per student). They are built once from the version followed to (one batch
 *       calculation, its columns dropped); then each batch recomputes the touched students' old contributions from
 *       the version before it and their new ones from the version after it (their attendance rows up to that date,
 *       enrollments, characteristics, student record; for a change to a school's instructional days, record or
 *       community-school status, the students enrolled at that school) and moves the counts by the difference: time
 *       proportional to the records of the students it touches, for each date kept. So a page that reads the counts
 *       as of every month end of the year builds each date's counts once, not at every view. {@link #students} computes
 *       the group's students from the version followed to (time proportional to their records).</li>
 *   <li>For each as-of date whose records were read ({@link #report}, {@link #snapshot}), up to four
 *       dates: the columns of the batch report (some 100 bytes per student-enrollment) and the version they were
 *       first built from, each batch recomputing the columns of the students it touches (see
 *       {@code LiveColumns}).</li>
 * </ul>
 *
 * <p>Thread-safe: the listener and the readers take one lock, so a reading sees the figures of one version.
 * {@link #close()} stops following.
 */
public final class LiveChronicAbsence implements AutoCloseable {
    /** The number of as-of dates whose columns (per-student records) are kept current. */
    private static final int COLUMN_DATES = 4;
    /** The number of as-of dates whose counts are kept current. */
    private static final int TALLY_DATES = 64;

    private final LiveDistrict district;
    private final SchoolYear year;
    private final ChronicAbsenceDefinition definition;
    private final VersionListener listener = this::applied;
    private final Map<LocalDate, LiveColumns> columns = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<LocalDate, AsOfTallies> tallies = new LinkedHashMap<>(16, 0.75f, true);
    private @org.jspecify.annotations.Nullable DistrictData data;
    private long version;

    private LiveChronicAbsence(LiveDistrict district, SchoolYear year, ChronicAbsenceDefinition definition) {
        this.district = district;
        this.year = year;
        this.definition = definition;
    }

    /**
     * Follows {@code district} for {@code year} under {@code definition}, from its current version on.
     *
     * @param district the live district to follow
     * @param year the school year
     * @param definition the chronic-absence definition
     * @return the calculation, fed by every batch the district applies from now on
     */
    public static LiveChronicAbsence follow(LiveDistrict district, SchoolYear year, ChronicAbsenceDefinition definition) {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(definition, "definition");
        LiveChronicAbsence live = new LiveChronicAbsence(district, year, definition);
        district.addListener(live.listener);
        live.resync(district.current());
        return live;
    }

    private synchronized void resync(DistrictVersion v) {
        columns.clear();
        tallies.clear();
        data = v.data();
        version = v.number();
    }

    private synchronized void applied(DistrictVersion previous, DistrictVersion current, ChangeBatch batch) {
        if (data == null || current.number() <= version) {
            // not yet started: the start reads a version at least as new as this one
            return;
        }
        if (previous.number() != version) {
            resync(current);
            return;
        }
        for (Iterator<LiveColumns> it = columns.values().iterator(); it.hasNext(); ) {
            LiveColumns c = it.next();
            try {
                c.apply(previous.data(), current.data(), batch);
            } catch (RuntimeException e) {
                it.remove(); // built again from the current version when next read
                throw e;
            }
        }
        // the touched students' records are looked up once per version for every as-of date
        StudentPatch.Lookups before = new StudentPatch.Lookups(previous.data());
        StudentPatch.Lookups after = new StudentPatch.Lookups(current.data());
        BatchKeys keys = BatchKeys.of(batch);
        for (Iterator<AsOfTallies> it = tallies.values().iterator(); it.hasNext(); ) {
            AsOfTallies t = it.next();
            try {
                t.apply(previous.data(), current.data(), keys, before, after);
            } catch (RuntimeException e) {
                it.remove(); // built again from the current version when next read
                throw e;
            }
        }
        data = current.data();
        version = current.number();
    }

    /** The last day counted as of {@code asOf} (clamped to the year's last day), or null before the year's first day. */
    private @org.jspecify.annotations.Nullable LocalDate last(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        LocalDate last = asOf.isBefore(year.lastDay()) ? asOf : year.lastDay();
        return last.isBefore(year.firstDay()) ? null : last;
    }

    /** The columns up to {@code asOf} (clamped to the year's last day), or null before the year's first day. */
    private @org.jspecify.annotations.Nullable LiveColumns columns(LocalDate asOf) {
        return kept(columns, COLUMN_DATES, asOf,
                last -> LiveColumns.build(Objects.requireNonNull(data), year, definition, last, ForkJoinPool.commonPool()));
    }

    /** The counts up to {@code asOf} (clamped to the year's last day), or null before the year's first day. */
    private @org.jspecify.annotations.Nullable AsOfTallies tallies(LocalDate asOf) {
        return kept(tallies, TALLY_DATES, asOf,
                last -> AsOfTallies.build(Objects.requireNonNull(data), year, definition, last, ForkJoinPool.commonPool()));
    }

    /**
     * What {@code lru} (in access order) keeps for the last day counted as of {@code asOf}, built by {@code build} when
     * it keeps nothing for that day, the least recently read dropped beyond {@code keep}; null before the year's first day.
     */
    private <T> @org.jspecify.annotations.Nullable T kept(Map<LocalDate, T> lru, int keep, LocalDate asOf,
                                                        java.util.function.Function<LocalDate, T> build) {
        LocalDate last = last(asOf);
        if (last == null) {
            return null;
        }
        T t = lru.get(last);
        if (t == null) {
            t = build.apply(last);
            lru.put(last, t);
            if (lru.size() > keep) {
                Iterator<LocalDate> eldest = lru.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return t;
    }

    /** {@return the number of the district version the figures are of} */
    public synchronized long version() {
        return version;
    }

    /**
     * {@return the school's student-enrollments year to date as of {@code asOf}, aggregated}
     *
     * @param school the school
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceAggregate school(SchoolId school, LocalDate asOf) {
        Objects.requireNonNull(school, "school");
        AsOfTallies t = tallies(asOf);
        return t == null ? new Aggregator().result() : t.school(school);
    }

    /**
     * {@return the students' figures year to date as of {@code asOf}, aggregated}
     *
     * @param students the students
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceAggregate students(Collection<StudentId> students, LocalDate asOf) {
        List<StudentId> group = List.copyOf(students);
        AsOfTallies t = tallies(asOf);
        return t == null ? new Aggregator().result() : t.students(Objects.requireNonNull(data), group);
    }

    /**
     * {@return the district's figures year to date as of {@code asOf}}
     *
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceAggregate district(LocalDate asOf) {
        AsOfTallies t = tallies(asOf);
        return t == null ? new Aggregator().result() : t.district();
    }

    /**
     * {@return the student-enrollments year to date as of {@code asOf} at community schools and at the other schools
     * (each school on the side of its community-school status in the version followed to), from the counts only: equal
     * to the batch report's {@link ChronicAbsenceReport#byCommunitySchool()}}
     *
     * @param asOf the last day counted (inclusive)
     */
    public synchronized CommunitySchoolSplit communitySchools(LocalDate asOf) {
        AsOfTallies t = tallies(asOf);
        return t == null ? CommunitySchoolSplit.of(Map.of()) : t.communitySchools();
    }

    /**
     * {@return every school with a student-enrollment year to date as of {@code asOf}, its student-enrollments
     * aggregated: equal to {@code snapshot(asOf).schools()} and to the batch report's schools, from the counts only}
     *
     * @param asOf the last day counted (inclusive)
     */
    public synchronized Map<SchoolId, AttendanceAggregate> schools(LocalDate asOf) {
        AsOfTallies t = tallies(asOf);
        return t == null ? Map.of() : Collections.unmodifiableMap(t.schools());
    }

    /**
     * {@return an immutable snapshot of every student-enrollment's figures as of {@code asOf}}
     *
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceSnapshot snapshot(LocalDate asOf) {
        LiveColumns c = columns(asOf);
        DistrictData d = Objects.requireNonNull(data);
        return c == null ? LiveColumns.before(d, year, definition, asOf) : c.snapshot(d, asOf);
    }

    /**
     * The whole report as of {@code asOf}, equal to {@link ChronicAbsence#calculate(DistrictData, SchoolYear,
     * ChronicAbsenceDefinition, LocalDate)} over the version followed to: the counts are copied from the live columns
     * (time proportional to the schools and subgroup combinations, not to the students); the per-student-enrollment
     * and per-student records are built when first read, from the columns as they are at this call (later batches do
     * not change the report).
     *
     * @param asOf the last day counted (inclusive)
     * @return the report as of {@code asOf}
     */
    public synchronized ChronicAbsenceReport report(LocalDate asOf) {
        LiveColumns c = columns(asOf);
        DistrictData d = Objects.requireNonNull(data);
        return c == null ? ChronicAbsence.calculate(d, year, definition, asOf) : c.report(d, asOf);
    }

    /** Stops following the district; the figures stay readable. */
    @Override
    public void close() {
        district.removeListener(listener);
    }

    @Override
    public String toString() {
        return "LiveChronicAbsence[" + year + ", version " + version() + "]";
    }
}
