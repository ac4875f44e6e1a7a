package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/**
 * A student who leaves a school and comes back has one stay there: its absences by category are the sum of both
 * enrollments', beside the other school's stay, in the first report as of a date (its stays found) and in a repeated
 * one (the stays reused, only the absences new). The report keeps a stay's categories where its first enrollment's
 * were counted, so this worked example, with the returning enrollment last, fails if a stay overwrites an enrollment
 * not yet summed.
 */
class StayCategoriesTest {
    private static final SchoolId B = SchoolId.of("B");

    @Test
    void aStayAtASchoolLeftAndReenteredSumsBothEnrollmentsAbsencesByCategory() {
        SmallDistrict city = new SmallDistrict(12);
        city.builder.add(new School(B, "School B", SmallDistrict.DISTRICT, GradeLevel.G06, GradeLevel.G12, SchoolType.REGULAR));
        for (LocalDate day : city.calendar) {
            city.builder.add(new InstructionalDay(B, day));
        }
        StudentId s = StudentId.of("S");
        city.builder.add(new Student(s, "First", "Last", LocalDate.of(2004, 1, 1), Sex.FEMALE, RaceEthnicity.WHITE, Optional.empty(), false));
        // A on days 0-3, B on days 4-7, A again from day 8 (an exit date is the last day enrolled)
        city.builder.add(enrollment(s, SmallDistrict.A, city.calendar.get(0), Optional.of(city.calendar.get(3))))
                .add(enrollment(s, B, city.calendar.get(4), Optional.of(city.calendar.get(7))))
                .add(enrollment(s, SmallDistrict.A, city.calendar.get(8), Optional.empty()));
        record(city, s, SmallDistrict.A, 1, AttendanceCategory.UNEXCUSED_ABSENCE);
        record(city, s, B, 5, AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION);
        record(city, s, B, 6, AttendanceCategory.UNEXCUSED_ABSENCE);
        record(city, s, SmallDistrict.A, 9, AttendanceCategory.EXCUSED_ABSENCE);
        DistrictData data = city.build();
        LocalDate asOf = city.calendar.get(11);
        // By hand: A's stay has days 0-3 and 8-11 (8 days), absent on day 1 (unexcused) and day 9 (excused);
        // B's stay has days 4-7 (4 days), absent on day 5 (out-of-school suspension, absent under FEDERAL) and day 6.
        // The student-year: 12 days, the four absences.
        for (int run = 0; run < 2; run++) { // the first report finds the stays, the second reuses them
            ChronicAbsenceReport r = ChronicAbsence.calculate(data, SmallDistrict.YEAR, ChronicAbsenceDefinition.FEDERAL, asOf);
            List<EnrollmentAttendance> stays = r.enrollments();
            assertThat(stays).extracting(EnrollmentAttendance::schoolId).as("run %d", run).containsExactly(SmallDistrict.A, B);
            assertThat(stays.get(0).figures().daysEnrolled()).isEqualTo(8);
            assertThat(days(stays.get(0).figures())).as("run %d", run).isEqualTo(Map.of(
                    AttendanceCategory.UNEXCUSED_ABSENCE, "1", AttendanceCategory.EXCUSED_ABSENCE, "1"));
            assertThat(stays.get(1).figures().daysEnrolled()).isEqualTo(4);
            assertThat(days(stays.get(1).figures())).as("run %d", run).isEqualTo(Map.of(
                    AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, "1", AttendanceCategory.UNEXCUSED_ABSENCE, "1"));
            AttendanceFigures year = r.students().get(0).figures();
            assertThat(year.daysEnrolled()).isEqualTo(12);
            assertThat(days(year)).as("run %d", run).isEqualTo(Map.of(AttendanceCategory.UNEXCUSED_ABSENCE, "2",
                    AttendanceCategory.EXCUSED_ABSENCE, "1", AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, "1"));
        }
    }

    private static Enrollment enrollment(StudentId s, SchoolId school, LocalDate entry, Optional<LocalDate> exit) {
        return new Enrollment(s, school, entry, GradeLevel.G09, exit, exit.map(x -> ExitWithdrawType.TRANSFERRED), exit.isPresent());
    }

    private static void record(SmallDistrict city, StudentId s, SchoolId school, int day, AttendanceCategory category) {
        city.builder.add(AttendanceRecord.of(s, school, city.calendar.get(day), category, Optional.empty(), Optional.empty()));
    }

    /** Days absent by category, as plain numbers (a BigDecimal's scale aside). */
    private static Map<AttendanceCategory, String> days(AttendanceFigures f) {
        Map<AttendanceCategory, String> out = new EnumMap<>(AttendanceCategory.class);
        f.daysAbsentByCategory().forEach((c, v) -> out.put(c, v.stripTrailingZeros().toPlainString()));
        return out;
    }
}
