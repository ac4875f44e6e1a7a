package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.VersionListener;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;

/**
 * Early-warning lists that follow a {@link LiveDistrict}: a school's list ({@link EarlyWarning#evaluate}) is computed
 * on the version current when it is asked for and kept until a batch changes a record of one of the school's students
 * (or the school, its calendar, partnerships or agreements), which drops only the lists of the schools concerned. A
 * list states nothing about versions itself; {@link #version(SchoolId)} gives the version a cached list was made on.
 *
 * <p>Thread-safe. {@link #close()} stops following.
 */
public final class LiveEarlyWarning implements AutoCloseable {
    private record Entry(long version, EarlyWarningList list) {}

    private final LiveDistrict district;
    private final SchoolYear year;
    private final EarlyWarningDefinition definition;
    private final LocalDate asOf;
    private final Map<SchoolId, Entry> lists = new ConcurrentHashMap<>();
    /** The last version that concerned each school, and the last that concerned every school. */
    private final Map<SchoolId, Long> changedAt = new ConcurrentHashMap<>();
    private volatile long allChangedAt;
    private final VersionListener listener = this::applied;

    private LiveEarlyWarning(LiveDistrict district, SchoolYear year, EarlyWarningDefinition definition, LocalDate asOf) {
        this.district = district;
        this.year = year;
        this.definition = definition;
        this.asOf = asOf;
    }

    /**
     * Follows {@code district} for {@code year} under {@code definition}: the lists of the whole school year.
     *
     * @param district the live district to follow
     * @param year the school year
     * @param definition the early-warning definition
     * @return the lists, kept current by every batch the district applies from now on
     */
    public static LiveEarlyWarning follow(LiveDistrict district, SchoolYear year, EarlyWarningDefinition definition) {
        return follow(district, year, definition, Objects.requireNonNull(year, "year").lastDay());
    }

    /**
     * Follows {@code district} for {@code year} under {@code definition}, the lists year to date as of {@code asOf}
     * ({@link EarlyWarning#evaluate(DistrictData, SchoolId, SchoolYear, EarlyWarningDefinition, LocalDate)}).
     *
     * @param district the live district to follow
     * @param year the school year
     * @param definition the indicators and their cut points
     * @param asOf the last day counted (inclusive, year to date)
     * @return the lists as of that day, kept current by every batch the district applies from now on
     * @throws IllegalArgumentException when {@code asOf} is not in {@code year}
     */
    public static LiveEarlyWarning follow(LiveDistrict district, SchoolYear year, EarlyWarningDefinition definition,
                                          LocalDate asOf) {
        Objects.requireNonNull(year, "year");
        if (!year.contains(Objects.requireNonNull(asOf, "asOf"))) {
            throw new IllegalArgumentException("the as-of date must be in the school year " + year + ", was " + asOf);
        }
        LiveEarlyWarning live = new LiveEarlyWarning(Objects.requireNonNull(district, "district"), year,
                Objects.requireNonNull(definition, "definition"), asOf);
        district.addListener(live.listener);
        return live;
    }

    /**
     * {@return the school's list on the current version (from the cache unless a batch since concerned the school)}
     *
     * @param school the school
     */
    public EarlyWarningList school(SchoolId school) {
        Objects.requireNonNull(school, "school");
        DistrictVersion v = district.current();
        Entry e = lists.get(school);
        if (e == null || e.version() < Math.max(allChangedAt, changedAt.getOrDefault(school, 0L))) {
            e = new Entry(v.number(), EarlyWarning.evaluate(v.data(), school, year, definition, asOf));
            lists.put(school, e);
        }
        return e.list();
    }

    /**
     * {@return the version the school's cached list was made on, or -1 when none is cached}
     *
     * @param school the school
     */
    public long version(SchoolId school) {
        Entry e = lists.get(Objects.requireNonNull(school, "school"));
        return e == null || e.version() < Math.max(allChangedAt, changedAt.getOrDefault(school, 0L)) ? -1 : e.version();
    }

    private void applied(DistrictVersion previous, DistrictVersion current, ChangeBatch batch) {
        Set<SchoolId> concerned = new HashSet<>();
        for (Change c : batch.changes()) {
            switch (c.key().file()) {
                case ORGANIZATIONS, SCHOOLS, PARTNERSHIPS, CALENDAR, AGREEMENTS, INTERVENTIONS, STAFF,
                     STAFF_ASSIGNMENTS -> {
                    allChangedAt = current.number();
                    lists.clear();
                    return;
                }
                default -> {
                    Set<StudentId> students = new HashSet<>();
                    String key = studentKey(c);
                    if (key != null) {
                        students.add(StudentId.of(key));
                    }
                    if (c instanceof Change.Upsert u && u.record() instanceof BehaviorIncident b) {
                        students.add(b.studentId());
                    } else if (c instanceof Change.Upsert u && u.record() instanceof Consent x) {
                        students.add(x.studentId());
                    } else if (key == null) {
                        allChangedAt = current.number();
                        lists.clear();
                        return;
                    }
                    for (StudentId s : students) {
                        concerned.addAll(schoolsOf(previous.data(), s));
                        concerned.addAll(schoolsOf(current.data(), s));
                    }
                }
            }
        }
        for (SchoolId s : concerned) {
            changedAt.put(s, current.number());
            lists.remove(s);
        }
    }

    private static Set<SchoolId> schoolsOf(DistrictData data, StudentId student) {
        Set<SchoolId> out = new HashSet<>();
        for (Enrollment e : data.enrollmentsOf(student)) {
            out.add(e.schoolId());
        }
        return out;
    }

    /** The student key column of a change, for the files keyed by student; null for behavior and consents. */
    private static String studentKey(Change c) {
        return switch (c.key().file()) {
            case STUDENTS, STUDENT_CHARACTERISTICS, ENROLLMENTS, DIPLOMAS, ATTENDANCE, COURSE_MARKS, STUDENT_STAFF ->
                    c.key().values().get(0);
            case INTERVENTION_PARTICIPANTS -> c.key().values().get(1);
            default -> null;
        };
    }

    /** Stops following the district. */
    @Override
    public void close() {
        district.removeListener(listener);
    }
}
