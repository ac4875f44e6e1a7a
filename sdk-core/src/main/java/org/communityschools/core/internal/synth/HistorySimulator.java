package org.communityschools.core.internal.synth;

import static org.communityschools.core.internal.synth.Draws.gradeEffect;
import static org.communityschools.core.internal.synth.Draws.gradeLevel;
import static org.communityschools.core.internal.synth.Draws.moveTarget;
import static org.communityschools.core.internal.synth.Draws.pad;
import static org.communityschools.core.internal.synth.Draws.race;
import static org.communityschools.core.internal.synth.Draws.sex;
import static org.communityschools.core.internal.synth.StudentSimulator.DROPOUT_BASE;
import static org.communityschools.core.internal.synth.StudentSimulator.MU;
import static org.communityschools.core.internal.synth.StudentSimulator.YEAR_SD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.communityschools.core.internal.synth.CityPlan.Level;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.internal.synth.StudentSimulator.Origin;
import org.communityschools.core.internal.synth.StudentSimulator.Traits;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;

/**
 * The history years before the first generated year (see docs/synthetic-city.md, "History years"): the earlier
 * high-school enrollments of students in high school in the first year, and the students of the last history cohorts
 * who left before it, so that adjusted cohort graduation rates are complete. Each drawn from the student's own
 * history stream. Stateless between students; thread-safe.
 */
final class HistorySimulator {
    private static final ExitWithdrawType[] LEAVE_KINDS = {ExitWithdrawType.TRANSFERRED, ExitWithdrawType.EMIGRATED,
        ExitWithdrawType.DIED, ExitWithdrawType.DROPPED_OUT, ExitWithdrawType.GED_PROGRAM, ExitWithdrawType.EXPELLED,
        ExitWithdrawType.INCARCERATED};

    private final CityPlan plan;

    HistorySimulator(CityPlan plan) {
        this.plan = plan;
    }

    /**
     * The enrollments, in the history years, of a student in high school in the first generated year after
     * {@code hsYears} earlier years of high school: one per year at the zone's high school, in the grade that leads to
     * the student's grade (a repeated year if {@code retainedBefore}), a few joining the district in a later year (some
     * in mid-year), a few moving in mid-year from another zone's high school (exit {@code TRANSFERRED}, documented or,
     * for about one in seven, not). Drawn from the student's own history stream; returns the first entry date.
     */
    LocalDate history(int index, StudentId id, int grade, int retainedBefore, int hsYears, int zone, Batch out) {
        SplittableRandom rng = Mix.random(plan.seed, Mix.HISTORY, index);
        boolean[] repeated = new boolean[hsYears];
        for (int r = 0; r < retainedBefore; ) {
            int at = rng.nextInt(hsYears);
            if (!repeated[at]) {
                repeated[at] = true;
                r++;
            }
        }
        int joined = 0;
        boolean midYearEntry = false;
        if (hsYears >= 2 && rng.nextDouble() < 0.10) {
            joined = 1 + rng.nextInt(hsYears - 1);
            midYearEntry = rng.nextBoolean();
        }
        int zones = plan.spec.zones();
        int moveAt = zones > 1 && rng.nextDouble() < 0.04 * (hsYears - joined) ? joined + rng.nextInt(hsYears - joined) : -1;
        int formerZone = moveAt >= 0 ? (zone + 1 + rng.nextInt(zones - 1)) % zones : zone;
        LocalDate firstEntry = null;
        int historyGrade = 9;
        for (int i = 0; i < hsYears; i++) {
            if (i > 0 && !repeated[i - 1]) {
                historyGrade++;
            }
            if (i < joined) {
                continue;
            }
            List<LocalDate> days = plan.days(i - hsYears);
            GradeLevel level = gradeLevel(historyGrade);
            int start = i == joined && midYearEntry ? 5 + rng.nextInt(140) : 0;
            SchoolPlan school = plan.schoolFor(i <= moveAt ? formerZone : zone, 9, 0);
            if (i == moveAt) {
                int moveDay = Math.min(170, start + 15 + rng.nextInt(130));
                if (firstEntry == null) {
                    firstEntry = days.get(start);
                }
                out.enrollment(new Enrollment(id, school.id, days.get(start), level, Optional.of(days.get(moveDay - 1)),
                        Optional.of(ExitWithdrawType.TRANSFERRED), rng.nextDouble() < 0.85));
                school = plan.schoolFor(zone, 9, 0);
                start = moveDay + rng.nextInt(4);
            }
            if (firstEntry == null) {
                firstEntry = days.get(start);
            }
            out.enrollment(new Enrollment(id, school.id, days.get(start), level, Optional.of(days.get(Calendars.DAYS - 1)),
                    Optional.of(ExitWithdrawType.END_OF_YEAR), true));
        }
        return firstEntry;
    }

    /**
     * A candidate first-time ninth grader of a history cohort ({@code origin.year()} years back), simulated through the
     * history years with the generated years' exit hazards, mid-year moves and retention (failures drawn from the
     * year's absence rate, without writing the days). Only a candidate who leaves before the first generated year is
     * written: a student whose enrollments all lie in the history years, so that the cohort's dropouts, removals and
     * other leavers are in the data. The others stand for the students already enrolled in the first year.
     */
    void historyLeaver(int index, Origin origin, Batch out) {
        SplittableRandom rng = Mix.random(plan.seed, Mix.HISTORY, index);
        StudentId id = StudentId.of("S" + pad(index + 1, 8));
        Traits traits = Traits.draw(rng, plan.zoneNeed[origin.zone()]);
        double z = traits.z();
        double ability = traits.ability();
        double need = traits.need();
        boolean econ = traits.econ();
        boolean englishLearner = traits.englishLearner();
        boolean disability = traits.disability();
        double persistent = traits.persistent();
        int grade = 9;
        int zone = origin.zone();
        boolean inTransfer = false;
        int failures = 0;
        List<Enrollment> enrollments = new ArrayList<>(4);
        ExitWithdrawType leave = null;
        LocalDate hse = null;
        for (int t = origin.year(); t < 0 && leave == null; t++) {
            List<LocalDate> days = plan.days(t);
            GradeLevel level = gradeLevel(grade);
            SchoolPlan school = inTransfer ? plan.transferSchools.get(zone % plan.transferSchools.size())
                    : plan.schoolFor(zone, grade, 0);
            double dropout = Mix.sigmoid(DROPOUT_BASE + 0.8 * z - 0.3 * ability + 0.12 * Math.min(failures, 8) + 0.3 * need);
            double[] hazards = {0.022, 0.005, 0.0002, dropout, 0.007, 0.0005, grade >= 10 ? 0.001 : 0};
            double u = rng.nextDouble();
            double acc = 0;
            for (int k = 0; k < hazards.length && leave == null; k++) {
                acc += hazards[k];
                if (u < acc) {
                    leave = LEAVE_KINDS[k];
                }
            }
            boolean documented = switch (leave == null ? ExitWithdrawType.END_OF_YEAR : leave) {
                case TRANSFERRED -> rng.nextDouble() < 0.75;
                case EMIGRATED, DIED, END_OF_YEAR -> true;
                default -> false;
            };
            int last = leave != null ? 10 + rng.nextInt(165) : Calendars.DAYS - 1;
            int start = 0;
            if (rng.nextDouble() < 0.035) {
                int moveDay = 15 + rng.nextInt(130);
                int gap = rng.nextInt(4);
                SchoolPlan target = moveTarget(plan, school, grade, zone, z, rng);
                if (target != null && moveDay + gap + 5 < last) {
                    enrollments.add(new Enrollment(id, school.id, days.get(0), level, Optional.of(days.get(moveDay - 1)),
                            Optional.of(ExitWithdrawType.TRANSFERRED), true));
                    school = target;
                    start = moveDay + gap;
                    if (target.level == Level.TRANSFER) {
                        inTransfer = true;
                    } else {
                        zone = target.zone;
                    }
                }
            }
            enrollments.add(new Enrollment(id, school.id, days.get(start), level, Optional.of(days.get(last)),
                    Optional.of(leave == null ? ExitWithdrawType.END_OF_YEAR : leave), documented));
            if (leave == ExitWithdrawType.GED_PROGRAM && rng.nextDouble() < 0.35) {
                hse = days.get(last).plusDays(120 + rng.nextInt(180));
            }
            if (leave == null) {
                double rate = Math.min(0.85, Math.exp(MU + persistent + YEAR_SD * rng.nextGaussian() + school.absenceEffect
                        + gradeEffect(grade)));
                int yearFailures = 0;
                for (int c = 0; c < 10; c++) {
                    double mark = 84 + 6 * ability - 120 * (rate - 0.05) + 6 * rng.nextGaussian() + (c % 5 == 4 ? 6 : 0);
                    yearFailures += mark < 64.5 ? 1 : 0;
                }
                failures += yearFailures;
                if (yearFailures < 5) {
                    grade++;
                }
            }
        }
        if (leave == null) {
            return;
        }
        LocalDate firstEntry = enrollments.get(0).entryDate();
        Enrollment lastEnrollment = enrollments.get(enrollments.size() - 1);
        LocalDate lastDay = lastEnrollment.exitWithdrawDate().orElseThrow();
        LocalDate birth = LocalDate.of(plan.year(origin.year()).endYear() - 1 - 14, 1, 1).plusDays(rng.nextInt(365));
        out.student(new Student(id, Names.first(rng), Names.last(rng), birth, sex(rng), race(rng),
                Optional.of(plan.year(origin.year())), rng.nextDouble() < 0.03));
        enrollments.forEach(out::enrollment);
        if (hse != null) {
            out.diploma(new Diploma(id, lastEnrollment.schoolId(), hse, DiplomaType.HSE));
        }
        DateRange enrolled = DateRange.closed(firstEntry, lastDay);
        if (econ) {
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED, enrolled));
        }
        if (englishLearner) {
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.ENGLISH_LEARNER, enrolled));
        }
        if (disability) {
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.DISABILITY, enrolled));
        }
    }
}
