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
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.StudentId;

/**
 * Acceptance: the chronic absence figures and early-warning lists that follow a live district equal the batch
 * calculations over a fresh build of the same data after the same changes, at every step.
 */
class LiveFiguresProperties {
    private static final int DAYS = 12;
    private static final SmallDistrict SHAPE = new SmallDistrict(DAYS);

    private static DistrictData start() {
        SmallDistrict d = new SmallDistrict(DAYS);
        StudentId s0 = d.student("S0");
        d.student("S1", 2);
        d.student("S2");
        d.absent(s0, 0, 3);
        return d.build();
    }

    @Property(tries = 150)
    void liveFiguresEqualTheBatchCalculationOverTheSameVersionAtEveryStep(@ForAll("batches") List<ChangeBatch> batches) {
        LiveDistrict live = LiveDistrict.of(start());
        LiveChronicAbsence chronic = LiveChronicAbsence.follow(live, SmallDistrict.YEAR, ChronicAbsenceDefinition.NYSED);
        LiveEarlyWarning warning = LiveEarlyWarning.follow(live, SmallDistrict.YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES);
        LocalDate midYear = SHAPE.calendar.get(3);
        LiveEarlyWarning toDate = LiveEarlyWarning.follow(live, SmallDistrict.YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES, midYear);
        warning.school(SmallDistrict.A);
        toDate.school(SmallDistrict.A);
        for (ChangeBatch batch : batches) {
            try {
                live.apply(batch);
            } catch (BatchRejectedException e) {
                continue;
            }
            DistrictData now = live.current().data();
            assertThat(chronic.version()).isEqualTo(live.current().number());
            for (LocalDate asOf : List.of(SHAPE.calendar.get(3), SHAPE.calendar.get(DAYS - 1))) {
                ChronicAbsenceReport batchReport = ChronicAbsence.calculate(now, SmallDistrict.YEAR,
                        ChronicAbsenceDefinition.NYSED, asOf);
                assertThat(chronic.snapshot(asOf).district()).isEqualTo(batchReport.district());
                SchoolAttendance school = batchReport.schools().get(SmallDistrict.A);
                if (school != null) {
                    assertThat(chronic.school(SmallDistrict.A, asOf)).isEqualTo(school.enrollments());
                }
            }
            assertThat(warning.school(SmallDistrict.A)).isEqualTo(EarlyWarning.evaluate(now, SmallDistrict.A,
                    SmallDistrict.YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES));
            assertThat(toDate.school(SmallDistrict.A)).isEqualTo(EarlyWarning.evaluate(now, SmallDistrict.A,
                    SmallDistrict.YEAR, EarlyWarningDefinition.EVERYONE_GRADUATES, midYear));
        }
        chronic.close();
        warning.close();
        toDate.close();
    }

    @Provide
    Arbitrary<List<ChangeBatch>> batches() {
        Arbitrary<Integer> students = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, DAYS - 1);
        Arbitrary<Object[]> attendance = Combinators.combine(students, days,
                        Arbitraries.of(AttendanceCategory.UNEXCUSED_ABSENCE, AttendanceCategory.EXCUSED_ABSENCE,
                                AttendanceCategory.PRESENT), Arbitraries.of(true, false))
                .as((s, d, c, delete) -> new Object[] {AttendanceRecord.of(StudentId.of("S" + s), SmallDistrict.A,
                        SHAPE.calendar.get(d), c, Optional.empty(), Optional.empty()), delete});
        Arbitrary<Object[]> enrollments = Combinators.combine(students, Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(-1, DAYS - 1), Arbitraries.of(true, false))
                .as((s, entry, exit, delete) -> new Object[] {new Enrollment(StudentId.of("S" + s), SmallDistrict.A,
                        SHAPE.calendar.get(entry), GradeLevel.G09,
                        exit < entry ? Optional.empty() : Optional.of(SHAPE.calendar.get(exit)),
                        exit < entry ? Optional.empty() : Optional.of(ExitWithdrawType.TRANSFERRED), false), delete});
        Arbitrary<Object[]> calendar = Combinators.combine(days, Arbitraries.of(true, false))
                .as((d, delete) -> new Object[] {new InstructionalDay(SmallDistrict.A, SHAPE.calendar.get(d)), delete});
        Arbitrary<Object[]> change = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, attendance),
                net.jqwik.api.Tuple.of(2, enrollments), net.jqwik.api.Tuple.of(1, calendar));
        return change.list().ofMinSize(1).ofMaxSize(3).map(SmallDistrict::batchOf).list().ofMinSize(1).ofMaxSize(8);
    }
}
