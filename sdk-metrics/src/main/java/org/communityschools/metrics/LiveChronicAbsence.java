package org.communityschools.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.VersionListener;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;

/**
 * An {@link AttendanceAccumulator} that follows a {@link LiveDistrict}: built from the district's current version,
 * then fed, as a {@link VersionListener}, with the events of every batch applied after (attendance rows set and
 * removed, enrollments set and removed, instructional days added and removed, school types), each O(1). Its figures
 * are those of the batch {@link ChronicAbsence#calculate} over the version it has followed to
 * ({@link #version()}), as of any date (a property checks it at every step of random change sequences).
 *
 * <p>Thread-safe: the listener and the readers take one lock, so a reading sees the figures of one version.
 * {@link #close()} stops following.
 */
public final class LiveChronicAbsence implements AutoCloseable {
    private final LiveDistrict district;
    private final SchoolYear year;
    private final ChronicAbsenceDefinition definition;
    private final VersionListener listener = this::applied;
    private @org.jspecify.annotations.Nullable AttendanceAccumulator accumulator;
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
        accumulator = AttendanceAccumulator.of(year, definition).addAll(v.data());
        version = v.number();
    }

    private synchronized void applied(DistrictVersion previous, DistrictVersion current, ChangeBatch batch) {
        if (accumulator == null || current.number() <= version) {
            // not yet built: the build reads a version at least as new as this one
            return;
        }
        if (previous.number() != version) {
            resync(current);
            return;
        }
        for (Change c : batch.changes()) {
            feed(c);
        }
        version = current.number();
    }

    private void feed(Change c) {
        List<String> k = c.key().values();
        Object record = c instanceof Change.Upsert u ? u.record() : null;
        switch (c.key().file()) {
            case ATTENDANCE -> {
                if (record != null) {
                    accumulator.attendance((AttendanceRecord) record);
                } else {
                    accumulator.removeAttendance(StudentId.of(k.get(0)), SchoolId.of(k.get(1)), LocalDate.parse(k.get(2)));
                }
            }
            case ENROLLMENTS -> {
                if (record != null) {
                    accumulator.enrollment((Enrollment) record);
                } else {
                    accumulator.removeEnrollment(StudentId.of(k.get(0)), SchoolId.of(k.get(1)), LocalDate.parse(k.get(2)));
                }
            }
            case CALENDAR -> {
                if (record != null) {
                    InstructionalDay d = (InstructionalDay) record;
                    accumulator.instructionalDay(d.schoolId(), d.date());
                } else {
                    accumulator.removeInstructionalDay(SchoolId.of(k.get(0)), LocalDate.parse(k.get(1)));
                }
            }
            case SCHOOLS -> {
                if (record != null) {
                    School s = (School) record;
                    accumulator.schoolType(s.id(), s.schoolType());
                }
            }
            default -> { }
        }
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
        return accumulator.school(school, asOf);
    }

    /**
     * {@return the students' figures year to date as of {@code asOf}, aggregated}
     *
     * @param students the students
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceAggregate students(Collection<StudentId> students, LocalDate asOf) {
        return accumulator.students(students, asOf);
    }

    /**
     * {@return the district's figures year to date as of {@code asOf}}
     *
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceAggregate district(LocalDate asOf) {
        return accumulator.district(asOf);
    }

    /**
     * {@return an immutable snapshot of every student-enrollment's figures as of {@code asOf}}
     *
     * @param asOf the last day counted (inclusive)
     */
    public synchronized AttendanceSnapshot snapshot(LocalDate asOf) {
        return accumulator.snapshot(asOf);
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
