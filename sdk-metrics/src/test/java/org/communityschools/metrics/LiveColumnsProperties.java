package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;

/**
 * The live columns after a random sequence of change batches equal columns built from scratch on the final version:
 * {@link LiveChronicAbsence#report} against {@link ChronicAbsence#calculate} over the same data, every school, grade,
 * subgroup and community-school row, the district, and every student-enrollment and student-year record, as of two
 * dates, under a pooled and a per-enrollment definition (the latter excluding transfer schools). The batches change
 * what the columns depend on: attendance rows, enrollments at two schools (transfers, exits, a grade the definition
 * may leave out), characteristics, student records (subgroups), instructional days, a school's type and a LEAD
 * partnership (community-school status). The snapshot and a caller-declared group of students equal the
 * {@link AttendanceAccumulator}'s over the final data. One follower is read from the start (its columns are patched by every
 * batch), another first read half-way (built then, patched after).
 */
class LiveColumnsProperties {
    private static final int DAYS = 12;
    private static final SchoolId B = SchoolId.of("B");
    private static final SmallDistrict SHAPE = new SmallDistrict(DAYS);
    private static final List<ChronicAbsenceDefinition> DEFINITIONS = List.of(ChronicAbsenceDefinition.FEDERAL,
            ChronicAbsenceDefinition.builder("per enrollment, no transfer schools").threshold(org.communityschools.core.model.Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
                    .excludeSchoolTypes(java.util.Set.of(SchoolType.TRANSFER))
                    .aggregation(ChronicAbsenceDefinition.Aggregation.PER_ENROLLMENT).build());

    /** School A with every day, school B with every other day; three students, one absent on days 0 to 3. */
    static DistrictData start() {
        SmallDistrict d = new SmallDistrict(DAYS);
        d.builder.add(new School(B, "School B", SmallDistrict.DISTRICT, GradeLevel.G06, GradeLevel.G12, SchoolType.REGULAR));
        for (int i = 0; i < DAYS; i += 2) {
            d.builder.add(new InstructionalDay(B, d.calendar.get(i)));
        }
        StudentId s0 = d.student("S0");
        d.student("S1", 2);
        d.student("S2");
        d.absent(s0, 0, 3);
        return d.build();
    }

    @Property(tries = 200)
    void liveColumnsAfterTheBatchesEqualColumnsBuiltOnTheFinalVersion(@ForAll("batches") List<ChangeBatch> batches,
                                                                    @ForAll("definitions") ChronicAbsenceDefinition definition) {
        LiveDistrict live = LiveDistrict.of(start());
        LiveChronicAbsence early = LiveChronicAbsence.follow(live, SmallDistrict.YEAR, definition);
        LiveChronicAbsence late = LiveChronicAbsence.follow(live, SmallDistrict.YEAR, definition);
        List<LocalDate> dates = List.of(SHAPE.calendar.get(4), SHAPE.calendar.get(DAYS - 1));
        for (LocalDate asOf : dates) {
            early.report(asOf);
        }
        int applied = 0;
        for (ChangeBatch batch : batches) {
            try {
                live.apply(batch);
            } catch (BatchRejectedException e) {
                continue;
            }
            if (++applied == batches.size() / 2) {
                late.report(dates.get(0));
            }
        }
        DistrictData now = live.current().data();
        for (LocalDate asOf : dates) {
            ChronicAbsenceReport fresh = ChronicAbsence.calculate(now, SmallDistrict.YEAR, definition, asOf);
            for (LiveChronicAbsence follower : List.of(early, late)) {
                ChronicAbsenceReport report = follower.report(asOf);
                assertThat(report.schools()).isEqualTo(fresh.schools());
                assertThat(report.byGrade()).isEqualTo(fresh.byGrade());
                assertThat(report.bySubgroup()).isEqualTo(fresh.bySubgroup());
                assertThat(report.byCommunitySchool()).isEqualTo(fresh.byCommunitySchool());
                assertThat(report.district()).isEqualTo(fresh.district());
                assertThat(report.enrollments()).containsExactlyElementsOf(fresh.enrollments());
                assertThat(report.students()).containsExactlyElementsOf(fresh.students());
                assertThat(report).isEqualTo(fresh);
                for (SchoolId school : List.of(SmallDistrict.A, B)) {
                    SchoolAttendance s = fresh.schools().get(school);
                    if (s != null) {
                        assertThat(follower.school(school, asOf)).isEqualTo(s.enrollments());
                    }
                }
                assertThat(follower.district(asOf)).isEqualTo(fresh.district());
                // the snapshot and caller-declared groups as the event-by-event accumulator gives them over the same data
                AttendanceAccumulator accumulator = AttendanceAccumulator.of(SmallDistrict.YEAR, definition).addAll(now);
                assertThat(follower.snapshot(asOf)).isEqualTo(accumulator.snapshot(asOf));
                List<StudentId> group = List.of(StudentId.of("S0"), StudentId.of("S3"), StudentId.of("S0"));
                assertThat(follower.students(group, asOf)).isEqualTo(accumulator.students(group, asOf));
            }
        }
        LocalDate before = SmallDistrict.YEAR.firstDay().minusDays(1);
        AttendanceAccumulator accumulator = AttendanceAccumulator.of(SmallDistrict.YEAR, definition).addAll(now);
        assertThat(early.snapshot(before)).isEqualTo(accumulator.snapshot(before));
        assertThat(early.school(SmallDistrict.A, before)).isEqualTo(accumulator.school(SmallDistrict.A, before));
        assertThat(early.district(before)).isEqualTo(accumulator.district(before));
        early.close();
        late.close();
    }

    @Provide
    Arbitrary<ChronicAbsenceDefinition> definitions() {
        return Arbitraries.of(DEFINITIONS);
    }

    @Provide
    Arbitrary<List<ChangeBatch>> batches() {
        Arbitrary<StudentId> students = Arbitraries.integers().between(0, 3).map(i -> StudentId.of("S" + i));
        Arbitrary<SchoolId> schools = Arbitraries.of(SmallDistrict.A, B);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, DAYS - 1);
        Arbitrary<Boolean> delete = Arbitraries.of(true, false);
        Arbitrary<Object[]> attendance = Combinators.combine(students, schools, days,
                        Arbitraries.of(AttendanceCategory.UNEXCUSED_ABSENCE, AttendanceCategory.EXCUSED_ABSENCE,
                                AttendanceCategory.PRESENT, AttendanceCategory.PARTIAL), delete)
                .as((s, school, d, c, del) -> new Object[] {AttendanceRecord.of(s, school, SHAPE.calendar.get(d), c,
                        c == AttendanceCategory.PARTIAL ? Optional.of(DayShare.HALF_DAY) : Optional.empty(), Optional.empty()), del});
        Arbitrary<Object[]> enrollments = Combinators.combine(students, schools, Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(-1, DAYS - 1), Arbitraries.of(GradeLevel.G09, GradeLevel.G10), delete)
                .as((s, school, entry, exit, grade, del) -> new Object[] {new Enrollment(s, school, SHAPE.calendar.get(entry), grade,
                        exit < entry ? Optional.empty() : Optional.of(SHAPE.calendar.get(exit)),
                        exit < entry ? Optional.empty() : Optional.of(ExitWithdrawType.TRANSFERRED), false), del});
        Arbitrary<Object[]> characteristics = Combinators.combine(students,
                        Arbitraries.of(StudentCharacteristicType.ENGLISH_LEARNER, StudentCharacteristicType.HOMELESS), days, delete)
                .as((s, c, d, del) -> new Object[] {new StudentCharacteristic(s, c, DateRange.startingOn(SHAPE.calendar.get(d))), del});
        Arbitrary<Object[]> records = Combinators.combine(students, Arbitraries.of(Sex.values()),
                        Arbitraries.of(RaceEthnicity.WHITE, RaceEthnicity.ASIAN, RaceEthnicity.HISPANIC))
                .as((s, sex, race) -> new Object[] {new Student(s, "First", "Last", LocalDate.of(2004, 1, 1), sex, race,
                        Optional.empty(), false), false});
        Arbitrary<Object[]> calendar = Combinators.combine(schools, days, delete)
                .as((school, d, del) -> new Object[] {new InstructionalDay(school, SHAPE.calendar.get(d)), del});
        Arbitrary<Object[]> schoolType = Arbitraries.of(SchoolType.REGULAR, SchoolType.TRANSFER)
                .map(t -> new Object[] {new School(B, "School B", SmallDistrict.DISTRICT, GradeLevel.G06, GradeLevel.G12, t), false});
        Arbitrary<Object[]> partnership = Combinators.combine(schools, delete)
                .as((school, del) -> new Object[] {new Partnership(school, SmallDistrict.CBO, SmallDistrict.YEAR, PartnershipRole.LEAD), del});
        Arbitrary<Object[]> change = Arbitraries.frequencyOf(Tuple.of(6, attendance), Tuple.of(3, enrollments),
                Tuple.of(1, characteristics), Tuple.of(1, records), Tuple.of(1, calendar), Tuple.of(1, schoolType), Tuple.of(1, partnership));
        return change.list().ofMinSize(1).ofMaxSize(4).map(SmallDistrict::batchOf).list().ofMinSize(1).ofMaxSize(10);
    }
}
