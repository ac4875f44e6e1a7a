package org.communityschools.metrics;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;

/** A one-school district assembled in code for tests: a weekday calendar and students enrolled all year. */
final class SmallDistrict {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static final SchoolId A = SchoolId.of("A");
    static final OrganizationId DISTRICT = OrganizationId.of("D1");
    static final OrganizationId CBO = OrganizationId.of("C1");

    final List<LocalDate> calendar;
    final DistrictDataBuilder builder = DistrictData.builder();
    private int incidents;
    private int marks;

    SmallDistrict(int days) {
        calendar = weekdays(LocalDate.of(2017, 9, 7), days);
        builder.add(new Organization(DISTRICT, "City District", OrganizationType.DISTRICT))
                .add(new Organization(CBO, "Helping Hands", OrganizationType.COMMUNITY_ORGANIZATION))
                .add(new School(A, "School A", DISTRICT, GradeLevel.G06, GradeLevel.G12, SchoolType.REGULAR));
        for (LocalDate d : calendar) {
            builder.add(new InstructionalDay(A, d));
        }
    }

    static List<LocalDate> weekdays(LocalDate from, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** A student enrolled at A from calendar day {@code fromDay} to the end of the year. */
    StudentId student(String id, int fromDay) {
        StudentId s = StudentId.of(id);
        builder.add(new Student(s, "First", "Last", LocalDate.of(2004, 1, 1), Sex.FEMALE, RaceEthnicity.WHITE, Optional.empty(), false))
                .add(new Enrollment(s, A, calendar.get(fromDay), GradeLevel.G09, Optional.empty(), Optional.empty(), false));
        return s;
    }

    StudentId student(String id) {
        return student(id, 0);
    }

    /** Absent (unexcused) on calendar days {@code from} (inclusive) to {@code to} (exclusive). */
    SmallDistrict absent(StudentId s, int from, int to) {
        for (int i = from; i < to; i++) {
            builder.add(AttendanceRecord.of(s, A, calendar.get(i), AttendanceCategory.UNEXCUSED_ABSENCE, Optional.empty(), Optional.empty()));
        }
        return this;
    }

    /** Absent (unexcused) on calendar day {@code day}. */
    SmallDistrict absentOn(StudentId s, int day) {
        return absent(s, day, day + 1);
    }

    SmallDistrict incident(StudentId s, BehaviorType behavior, DisciplineActionType action) {
        BigDecimal days = action == DisciplineActionType.NONE ? BigDecimal.ZERO : BigDecimal.ONE;
        builder.add(new BehaviorIncident(IncidentId.of("I" + (++incidents)), s, A, calendar.get(incidents % calendar.size()), behavior,
                Optional.empty(), action, days));
        return this;
    }

    SmallDistrict mark(StudentId s, Subject subject, CourseResult result, Optional<BigDecimal> numeric) {
        return mark(s, subject, result, numeric, Optional.empty());
    }

    /** A course mark whose term ends on {@code termEnd} (when absent, at the end of the school year). */
    SmallDistrict mark(StudentId s, Subject subject, CourseResult result, Optional<BigDecimal> numeric, Optional<LocalDate> termEnd) {
        BigDecimal earned = result == CourseResult.PASS ? BigDecimal.ONE : BigDecimal.ZERO;
        marks++;
        builder.add(new CourseMark(s, A, YEAR, "T" + marks, "C" + marks, "Course " + marks, subject, numeric, Optional.empty(), result,
                BigDecimal.ONE, earned, termEnd));
        return this;
    }

    DistrictData build() {
        return builder.build();
    }

    /**
     * A change batch of generated changes, each a record and whether to delete it (rather than upsert it); a change
     * whose record key an earlier change of the list already names is left out, as a batch names each key once.
     */
    static ChangeBatch batchOf(List<Object[]> changes) {
        ChangeBatch.Builder b = ChangeBatch.builder();
        List<RecordKey> keys = new ArrayList<>();
        for (Object[] c : changes) {
            RecordKey k = RecordKey.of(c[0]);
            if (keys.contains(k)) {
                continue;
            }
            keys.add(k);
            if ((Boolean) c[1]) {
                b.delete(k);
            } else {
                b.upsert(c[0]);
            }
        }
        return b.build();
    }
}
