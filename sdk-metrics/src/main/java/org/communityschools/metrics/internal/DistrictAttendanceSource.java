package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.Subgroup;
import org.jspecify.annotations.Nullable;

/** An {@link AttendanceSource} over sdk-core's {@link DistrictData}. Not thread-safe: one source per calculation. */
public final class DistrictAttendanceSource implements AttendanceSource {
    private final DistrictData data;
    private @Nullable SchoolId lastSchool;
    private @Nullable InstructionalCalendar lastCalendar;
    private final Map<Long, SubgroupSet> subgroupSets = new HashMap<>();

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
        long key = 0;
        Optional<Student> s = data.student(student);
        if (s.isPresent()) {
            key = ((long) s.get().sex().ordinal() + 1) << 40 | ((long) s.get().raceEthnicity().ordinal() + 1) << 50;
        }
        for (StudentCharacteristic c : data.characteristicsOf(student)) {
            if (c.period().overlaps(period)) {
                int bit = c.characteristic().ordinal();
                if (bit >= 40) {
                    return SubgroupSet.copyOf(build(student, period));
                }
                key |= 1L << bit;
            }
        }
        SubgroupSet shared = subgroupSets.get(key);
        if (shared == null) {
            shared = SubgroupSet.copyOf(build(student, period));
            subgroupSets.put(key, shared);
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
