package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.Subgroup;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AttendanceSource} over sdk-core's {@link DistrictData}, one per calculation. {@link #isInstructionalDay}
 * keeps the last calendar and is not thread-safe; {@link #forEachAttendance}, {@link #subgroups}, {@link #isCommunitySchool} and
 * {@link #instructionalDays} are (the shared subgroup sets are published with compare-and-set, one per combination).
 */
public final class DistrictAttendanceSource implements AttendanceSource {
    private final DistrictData data;
    private @Nullable SchoolId lastSchool;
    private @Nullable InstructionalCalendar lastCalendar;
    private static final int SEXES = Sex.values().length;
    private static final int CHARACTERISTICS = StudentCharacteristicType.values().length;
    /** One shared set per combination of sex, race/ethnicity and characteristics, indexed as in {@link #subgroups}. */
    private final AtomicReferenceArray<SubgroupSet> subgroupSets =
            new AtomicReferenceArray<>(((RaceEthnicity.values().length + 1) * (SEXES + 1)) << CHARACTERISTICS);

    /** The source reading {@code data}. */
    public DistrictAttendanceSource(DistrictData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public Iterable<Enrollment> enrollments() {
        return data.enrollments();
    }

    @Override
    public int instructionalDays(SchoolId school, DateRange range) {
        return data.calendar(school).daysIn(range);
    }

    @Override
    public boolean isInstructionalDay(SchoolId school, LocalDate date) {
        // consecutive rows are usually at one school: keep its calendar at hand (not thread-safe; one source per calculation)
        if (school != lastSchool) {
            lastSchool = school;
            lastCalendar = data.calendar(school);
        }
        return lastCalendar.isInstructionalDay(date);
    }

    @Override
    public void forEachAttendance(Visitor visitor) {
        data.attendance().forEach((student, school, day, category, duration) ->
                visitor.visit(data.studentAt(student), data.schoolAt(school), day, category, duration));
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public SchoolType schoolType(SchoolId school) {
        return data.school(school).map(School::schoolType).orElse(SchoolType.REGULAR);
    }

    @Override
    public boolean isCommunitySchool(SchoolId school, SchoolYear year) {
        return data.isCommunitySchool(school, year);
    }

    @Override
    public Set<Subgroup> subgroups(StudentId student, DateRange period) {
        // one shared immutable set per combination of sex, race/ethnicity and characteristics held
        // the index of the combination: (race + 1, sex + 1) or (0, 0) without a student record, then one bit per characteristic
        int person = 0;
        Optional<Student> s = data.student(student);
        if (s.isPresent()) {
            person = (s.get().raceEthnicity().ordinal() + 1) * (SEXES + 1) + s.get().sex().ordinal() + 1;
        }
        int mask = 0;
        for (StudentCharacteristic c : data.characteristicsOf(student)) {
            if (c.period().overlaps(period)) {
                mask |= 1 << c.characteristic().ordinal();
            }
        }
        int key = person << CHARACTERISTICS | mask;
        SubgroupSet shared = subgroupSets.get(key);
        if (shared == null) {
            // two threads may build the same combination at once: the first published set is the one shared
            subgroupSets.compareAndSet(key, null, SubgroupSet.copyOf(build(student, period)));
            shared = subgroupSets.get(key);
        }
        return shared;
    }

    private Set<Subgroup> build(StudentId student, DateRange period) {
        Set<Subgroup> out = new HashSet<>();
        data.student(student).ifPresent(s -> {
            out.add(Subgroup.of(s.sex()));
            out.add(Subgroup.of(s.raceEthnicity()));
        });
        for (StudentCharacteristic c : data.characteristicsOf(student)) {
            if (c.period().overlaps(period)) {
                out.add(Subgroup.of(c.characteristic()));
            }
        }
        return out;
    }
}
