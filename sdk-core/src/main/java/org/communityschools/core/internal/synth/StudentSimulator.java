package org.communityschools.core.internal.synth;

import static org.communityschools.core.internal.synth.Draws.gradeEffect;
import static org.communityschools.core.internal.synth.Draws.gradeLevel;
import static org.communityschools.core.internal.synth.Draws.isAbsentDay;
import static org.communityschools.core.internal.synth.Draws.moveTarget;
import static org.communityschools.core.internal.synth.Draws.pad;
import static org.communityschools.core.internal.synth.Draws.poisson;
import static org.communityschools.core.internal.synth.Draws.race;
import static org.communityschools.core.internal.synth.Draws.sex;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.communityschools.core.internal.synth.CityPlan.Level;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;

/**
 * Simulates one student's school career through the generated years and appends its records to a {@link Batch}:
 * enrollments, days and year-end outcomes here; behavior, coursework, relationships and consent in {@link
 * YearRecords}; the history years before the first generated year in {@link HistorySimulator}.
 * Everything is drawn from the student's own random stream, so a student's records depend only on the seed, the
 * student's index and origin. Stateless between students; thread-safe.
 *
 * <p>The model: a persistent student risk and a yearly shock, plus school, grade, year and community-school effects,
 * set the log of the student's daily absence rate for the year; each instructional day is then drawn. Course marks
 * fall with the absence rate; failures hold high-school students back and lower the chance of graduating; dropout
 * hazard rises with risk. Community schools improve faster, through a school effect and Success Mentors for students
 * chronically absent the year before. Constants are tuned so that about a quarter of students are chronically absent
 * (see docs/synthetic-city.md).
 */
final class StudentSimulator {
    /** Log of the median daily absence rate of a typical student. */
    static final double MU = -3.03;
    static final double STUDENT_SD = 0.62;
    static final double YEAR_SD = 0.40;
    /** Yearly change of log absence rate, all schools, for the first three years. */
    static final double ABSENCE_TREND_ALL = -0.02;
    /** Additional yearly change in community schools. */
    static final double ABSENCE_TREND_COMMUNITY = -0.055;
    static final double MENTOR_EFFECT = -0.25;
    /** The instructional day (0-based) of the year on which Success Mentor caseloads begin. */
    static final int MENTORING_START_DAY = 15;
    static final double GRAD_BASE = 2.6;
    static final double GRAD_TREND_ALL = 0.14;
    static final double GRAD_TREND_COMMUNITY = 0.30;
    static final double DROPOUT_BASE = -4.9;
    /** Yearly change of the log-odds of dropping out, all schools and in addition in community schools. */
    static final double DROPOUT_TREND_ALL = 0.22;
    static final double DROPOUT_TREND_COMMUNITY = 0.08;
    /** Yearly growth of the share of would-be repeaters spared by credit recovery, all schools and community schools. */
    static final double RECOVERY_TREND_ALL = 0.20;
    static final double RECOVERY_TREND_COMMUNITY = 0.10;
    /** Log-odds of having repeated an earlier high-school grade, for a student of average risk. */
    static final double HS_RETENTION = -3.4;

    private static final DayShare QUARTER_DAY = DayShare.ofTenThousandths(2500);
    private static final String[] EXCUSE = {"ILLNESS", "MEDICAL_APPOINTMENT", "RELIGIOUS_OBSERVANCE", "FAMILY_EMERGENCY",
        "COURT_APPEARANCE"};


    private final CityPlan plan;
    private final HistorySimulator history;
    private final YearRecords records;

    StudentSimulator(CityPlan plan) {
        this.plan = plan;
        this.history = new HistorySimulator(plan);
        this.records = new YearRecords(plan);
    }

    /**
     * What a student brings, drawn first from the student's stream in this order: a persistent risk {@code z}, an
     * ability that falls with it, economic disadvantage (more likely in a needier zone), English learner status and a
     * disability.
     */
    record Traits(double z, double ability, double need, boolean econ, boolean englishLearner, boolean disability) {
        static Traits draw(SplittableRandom rng, double need) {
            double z = rng.nextGaussian();
            double ability = -0.5 * z + 0.87 * rng.nextGaussian();
            boolean econ = rng.nextDouble() < Math.min(0.95, 0.68 + 0.12 * need + 0.08 * z);
            boolean englishLearner = rng.nextDouble() < 0.13;
            boolean disability = rng.nextDouble() < 0.19 + 0.04 * Math.max(0, z);
            return new Traits(z, ability, need, econ, englishLearner, disability);
        }

        /** The student's lasting part of the log absence rate. */
        double persistent() {
            return STUDENT_SD * z + (econ ? 0.10 : 0) + (disability ? 0.10 : 0);
        }
    }

    /** Where and when a student first appears. {@code grade} -1: a newcomer whose grade is drawn. */
    record Origin(int year, int grade, int zone, int elementaryChoice, boolean midYear) {}

    /** One stretch of enrollment at one school within a year, in day indexes, both included. */
    static final class Segment {
        SchoolPlan school;
        int first;
        int last;
        ExitWithdrawType exit;
        boolean documented;
        LocalDate exitDate;
        int absentDays;
        /** Bookkeeping for the team meetings ({@link TeamFlag}); never drawn from, so it shifts no random stream. */
        final int[] absentBefore = new int[TeamFlag.CHECKPOINTS + 1];
        final int[] incidentsBefore = new int[TeamFlag.CHECKPOINTS + 1];
        int firstTermFailures;
        org.communityschools.core.model.StaffId teacher;
        org.communityschools.core.model.StaffId mentor;
    }

    void simulate(int index, Origin origin, Batch out) {
        if (origin.year() < 0) {
            history.historyLeaver(index, origin, out);
            return;
        }
        SplittableRandom rng = Mix.random(plan.seed, Mix.STUDENT, index);
        StudentId id = StudentId.of("S" + pad(index + 1, 8));
        Traits traits = Traits.draw(rng, plan.zoneNeed[origin.zone()]);
        double z = traits.z();
        double ability = traits.ability();
        double need = traits.need();
        boolean econ = traits.econ();
        boolean englishLearner = traits.englishLearner();
        boolean disability = traits.disability();
        int homelessYear = rng.nextDouble() < 0.09 + 0.03 * Math.max(0, z) ? origin.year() + rng.nextInt(plan.years - origin.year()) : -1;
        double persistent = traits.persistent();

        int grade = origin.grade() >= 0 ? origin.grade() : 1 + rng.nextInt(12);
        int zone = origin.zone();
        int elementaryChoice = origin.elementaryChoice();
        int retainedBefore;
        if (grade >= 9 && origin.year() == 0) {
            // As often as the generated years hold high-school students back: each grade up to this one may have been
            // repeated, within the history years.
            retainedBefore = 0;
            double p = Mix.sigmoid(HS_RETENTION + 1.3 * z);
            for (int g = 9; g <= grade; g++) {
                if (rng.nextDouble() < p && grade - 9 + retainedBefore < CityPlan.HISTORY_YEARS) {
                    retainedBefore++;
                }
            }
        } else {
            retainedBefore = grade > 0 && rng.nextDouble() < 0.08 + 0.05 * Math.max(0, z) ? 1 : 0;
        }
        int startCalendarYear = plan.year(origin.year()).endYear() - 1;
        LocalDate birth = LocalDate.of(startCalendarYear - 5 - grade - retainedBefore, 1, 1).plusDays(rng.nextInt(365));
        int hsYears = grade >= 9 ? grade - 9 + retainedBefore : 0;
        SchoolYear cohort = grade >= 9 ? plan.year(origin.year()).plusYears(-hsYears) : null;
        // Students already enrolled in the first year have a (simulated) record for the year before; newcomers do not.
        double priorYear = MU + persistent + YEAR_SD * rng.nextGaussian() + gradeEffect(grade);
        boolean prevChronic = origin.year() == 0 && Math.exp(priorYear) >= 0.1;
        int failures = grade >= 10 ? (int) Math.max(0, Math.round((hsYears) * (0.8 * z + 0.4 * rng.nextGaussian()))) : 0;
        boolean inTransfer = false;
        boolean consented = false;
        int incidents = 0;
        LocalDate firstEntry = origin.year() == 0 && hsYears > 0
                ? history.history(index, id, grade, retainedBefore, hsYears, zone, out) : null;
        Segment[] segs = {new Segment(), new Segment()};

        for (int t = origin.year(); t < plan.years; t++) {
            List<LocalDate> days = plan.calendars.get(t);
            SchoolYear year = plan.year(t);
            if (grade >= 9 && cohort == null) {
                cohort = year;
            }
            SchoolPlan school = inTransfer ? plan.transferSchools.get(zone % plan.transferSchools.size())
                    : plan.schoolFor(zone, grade, elementaryChoice);
            int start = t == origin.year() && origin.midYear() ? 5 + rng.nextInt(140) : 0;
            boolean mentored = school.community && prevChronic && start < 120 && rng.nextDouble() < 0.75;
            boolean homeless = t == homelessYear;
            double logRate = MU + persistent + YEAR_SD * rng.nextGaussian() + school.absenceEffect + gradeEffect(grade)
                    + Math.min(t, 3) * (ABSENCE_TREND_ALL + (school.community ? ABSENCE_TREND_COMMUNITY : 0))
                    + (mentored ? MENTOR_EFFECT : 0) + (homeless ? 0.35 : 0);
            double rate = Math.min(0.85, Math.exp(logRate));
            // Mentoring starts when the caseload does (instructional day 15 of the first segment): before it, no effect.
            double rateBeforeMentoring = mentored ? Math.min(0.85, Math.exp(logRate - MENTOR_EFFECT)) : rate;

            // Events of the year: at most one within-district move and one exit.
            int segments = 1;
            Segment a = segs[0];
            a.school = school;
            a.first = start;
            a.last = Calendars.DAYS - 1;
            a.exit = null;
            a.documented = false;
            a.exitDate = null;
            a.absentDays = 0;
            a.firstTermFailures = 0;
            ExitWithdrawType leave = null;
            boolean documented = false;
            double u = rng.nextDouble();
            boolean high = grade >= 9;
            double dropout = high ? Mix.sigmoid(DROPOUT_BASE + 0.8 * z - 0.3 * ability + 0.12 * Math.min(failures, 8)
                    + (hsYears >= 4 ? 1.0 : 0) + 0.3 * need
                    - Math.min(t + 1, 3) * (DROPOUT_TREND_ALL + (school.community ? DROPOUT_TREND_COMMUNITY : 0))) : 0;
            double[] hazards = {0.022, 0.005, 0.0002, dropout, high ? 0.007 : 0, high ? 0.0005 : 0, high && grade >= 10 ? 0.001 : 0};
            ExitWithdrawType[] kinds = {ExitWithdrawType.TRANSFERRED, ExitWithdrawType.EMIGRATED, ExitWithdrawType.DIED,
                ExitWithdrawType.DROPPED_OUT, ExitWithdrawType.GED_PROGRAM, ExitWithdrawType.EXPELLED, ExitWithdrawType.INCARCERATED};
            double acc = 0;
            for (int k = 0; k < hazards.length; k++) {
                acc += hazards[k];
                if (u < acc) {
                    leave = kinds[k];
                    documented = switch (leave) {
                        case TRANSFERRED -> rng.nextDouble() < 0.75;
                        case EMIGRATED, DIED -> true;
                        default -> false;
                    };
                    break;
                }
            }
            boolean earlyGraduate = leave == null && grade == 12 && hsYears == 3 && ability > 0.8 && rng.nextDouble() < 0.06;
            int exitDay = -1;
            if (leave != null) {
                exitDay = Math.max(start, 10 + rng.nextInt(165));
            } else if (earlyGraduate) {
                exitDay = plan.semesterEnd[t];
                if (exitDay < start) {
                    earlyGraduate = false;
                    exitDay = -1;
                }
            }
            int moveDay = -1;
            if (rng.nextDouble() < 0.035) {
                moveDay = start + 15 + rng.nextInt(130);
                SchoolPlan target = moveTarget(plan, school, grade, zone, z, rng);
                int gap = rng.nextInt(4);
                int until = exitDay >= 0 ? exitDay : Calendars.DAYS - 1;
                if (target != null && moveDay + gap + 5 < until) {
                    Segment b = segs[1];
                    a.last = moveDay - 1;
                    a.exit = ExitWithdrawType.TRANSFERRED;
                    a.documented = true;
                    a.exitDate = days.get(a.last);
                    b.school = target;
                    b.first = moveDay + gap;
                    b.last = until;
                    b.exit = null;
                    b.documented = false;
                    b.exitDate = null;
                    b.absentDays = 0;
                    b.firstTermFailures = 0;
                    segments = 2;
                    if (target.level == Level.TRANSFER) {
                        inTransfer = true;
                    } else {
                        zone = target.zone;
                        elementaryChoice = target.index % 4 == 1 ? 1 : 0;
                    }
                }
            }
            Segment lastSeg = segs[segments - 1];
            if (exitDay >= 0) {
                lastSeg.last = exitDay;
            }

            // Days: behavior, suspensions, attendance.
            int enrolled = 0;
            int absent = 0;
            for (int s = 0; s < segments; s++) {
                Segment seg = segs[s];
                byte[] mark = new byte[Calendars.DAYS];
                int span = seg.last - seg.first + 1;
                double incidentRate = Math.exp(-2.7 + 0.55 * z + (grade >= 6 ? 0.7 : -0.6) + (grade >= 9 ? 0.2 : 0)) * span / Calendars.DAYS;
                int n = poisson(incidentRate, rng);
                for (int k = 0; k < n; k++) {
                    incidents = YearRecords.incident(id, seg, days, mark, rng, incidents, grade, out, null);
                }
                if (s == segments - 1 && leave == ExitWithdrawType.EXPELLED) {
                    incidents = YearRecords.incident(id, seg, days, mark, rng, incidents, grade, out, seg.last);
                }
                if (seg.school.community) {
                    TeamFlag.countIncidents(seg, mark);
                }
                double tardy = 0.02 + 0.15 * rate;
                int mentoringFrom = mentored && s == 0 ? Math.max(seg.first, MENTORING_START_DAY) : -1;
                int checkpoint = seg.school.community ? TeamFlag.nextCheckpoint(seg.first) : Integer.MAX_VALUE;
                for (int d = seg.first; d <= seg.last; d++) {
                    if (d == checkpoint) {
                        seg.absentBefore[d / TeamFlag.EVERY] = seg.absentDays;
                        checkpoint = TeamFlag.nextCheckpoint(d + 1);
                    }
                    double dayRate = d < mentoringFrom ? rateBeforeMentoring : rate;
                    enrolled++;
                    AttendanceCategory category = null;
                    DayShare duration = null;
                    String reason = "";
                    if (mark[d] == 2) {
                        category = AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION;
                    } else if (mark[d] == 1) {
                        category = AttendanceCategory.IN_SCHOOL_SUSPENSION;
                    } else if (mark[d] == 0) {
                        double v = rng.nextDouble();
                        if (v < dayRate) {
                            double w = rng.nextDouble();
                            if (w < 0.07) {
                                category = AttendanceCategory.PARTIAL;
                                duration = DayShare.HALF_DAY;
                            } else if (w < 0.40) {
                                category = AttendanceCategory.EXCUSED_ABSENCE;
                                reason = EXCUSE[rng.nextInt(EXCUSE.length)];
                            } else {
                                category = AttendanceCategory.UNEXCUSED_ABSENCE;
                            }
                        } else if (v < dayRate + tardy) {
                            category = AttendanceCategory.TARDY;
                        } else if (v < dayRate + tardy + 0.004) {
                            category = AttendanceCategory.EARLY_DEPARTURE;
                            if (rng.nextBoolean()) {
                                duration = QUARTER_DAY;
                            }
                        }
                    }
                    if (category != null) {
                        out.attendance(id, seg.school.id, days.get(d), category, duration, reason);
                        if (isAbsentDay(category)) {
                            seg.absentDays++;
                            absent++;
                        }
                    }
                }
            }
            double absenceRate = enrolled == 0 ? 0 : (double) absent / enrolled;

            // Coursework for grades 6-12, with failures that follow absences.
            int yearFailures = 0;
            if (grade >= 6) {
                yearFailures = records.courseMarks(id, year, t, grade, ability, absenceRate, segs, segments, rng, out);
                if (grade >= 9) {
                    failures += yearFailures;
                }
            }

            // Year end: graduation, promotion, moves.
            boolean gone = leave != null;
            DiplomaType diploma = null;
            LocalDate awarded = null;
            if (earlyGraduate) {
                lastSeg.exit = ExitWithdrawType.GRADUATED;
                lastSeg.documented = true;
                diploma = ability > 1.2 ? DiplomaType.ADVANCED : DiplomaType.REGULAR;
                awarded = days.get(lastSeg.last);
                gone = true;
            } else if (leave != null) {
                lastSeg.exit = leave;
                lastSeg.documented = documented;
                if (leave == ExitWithdrawType.GED_PROGRAM && rng.nextDouble() < 0.35) {
                    LocalDate hse = days.get(lastSeg.last).plusDays(120 + rng.nextInt(180));
                    if (!hse.isAfter(plan.year(plan.years - 1).lastDay().plusMonths(2))) {
                        diploma = DiplomaType.HSE;
                        awarded = hse;
                    }
                }
            } else if (grade == 12 && hsYears >= 3) {
                double p = Mix.sigmoid(GRAD_BASE + 0.5 * ability - 0.4 * z - 4 * (absenceRate - 0.1)
                        + lastSeg.school.graduationEffect + (hsYears > 3 ? -0.6 : 0)
                        + Math.min(t, 3) * (GRAD_TREND_ALL + (lastSeg.school.community ? GRAD_TREND_COMMUNITY : 0)));
                double g = rng.nextDouble();
                boolean altCredential = disability && ability < -1.0 && rng.nextDouble() < 0.4;
                if (g < p) {
                    awarded = days.get(Calendars.DAYS - 1);
                } else if (g < p + (1 - p) * 0.22) {
                    awarded = LocalDate.of(year.endYear(), Month.AUGUST, 15);
                }
                if (awarded != null) {
                    gone = true;
                    if (altCredential) {
                        diploma = rng.nextBoolean() ? DiplomaType.IEP : DiplomaType.CERTIFICATE;
                        lastSeg.exit = ExitWithdrawType.OTHER;
                    } else {
                        diploma = ability > 1.0 && rng.nextDouble() < 0.7 ? DiplomaType.ADVANCED : DiplomaType.REGULAR;
                        lastSeg.exit = ExitWithdrawType.GRADUATED;
                    }
                    lastSeg.documented = true;
                    lastSeg.exitDate = awarded;
                }
            }
            for (int s = 0; s < segments; s++) {
                Segment seg = segs[s];
                if (seg.exit == null) {
                    seg.exit = ExitWithdrawType.END_OF_YEAR;
                    seg.documented = true;
                }
                LocalDate exitDate = seg.exitDate != null ? seg.exitDate : days.get(seg.last);
                LocalDate entry = days.get(seg.first);
                if (firstEntry == null) {
                    firstEntry = entry;
                }
                out.enrollment(new Enrollment(id, seg.school.id, entry, gradeLevel(grade), Optional.of(exitDate),
                        Optional.of(seg.exit), seg.documented));
                YearRecords.relationships(id, seg, t, grade, days, exitDate, mentored && s == 0, year, rng, out);
                if (seg.school.community) {
                    TeamFlag.of(index, id, seg, t, grade, plan.semesterEnd[t]).ifPresent(out::teamFlag);
                }
                if (!consented && seg.school.community && rng.nextDouble() < 0.07) {
                    consented = true;
                    records.consent(id, seg, days, birth, rng, out);
                }
            }
            if (diploma != null) {
                out.diploma(new Diploma(id, lastSeg.school.id, awarded, diploma));
            }
            if (gone) {
                break;
            }
            prevChronic = enrolled >= 20 && absent * 10 >= enrolled;
            if (grade >= 9) {
                hsYears++;
            }
            // Credit recovery, more and more of it (most in community schools), spares some high-school students a
            // repeated grade.
            boolean retained = grade >= 9 ? grade == 12 || yearFailures >= 5 && rng.nextDouble() >= Math.min(t + 1, 3)
                    * (RECOVERY_TREND_ALL + (lastSeg.school.community ? RECOVERY_TREND_COMMUNITY : 0))
                    : rng.nextDouble() < 0.008 + (absenceRate >= 0.2 ? 0.04 : 0);
            if (!retained) {
                grade++;
            }
            if (!inTransfer && rng.nextDouble() < 0.03 && plan.spec.zones() > 1) {
                zone = (zone + 1 + rng.nextInt(plan.spec.zones() - 1)) % plan.spec.zones();
                elementaryChoice = rng.nextInt(2);
            }
        }

        Student student = new Student(id, Names.first(rng), Names.last(rng), birth, sex(rng), race(rng),
                Optional.ofNullable(cohort), rng.nextDouble() < 0.03);
        out.student(student);
        if (firstEntry == null) {
            return;
        }
        if (econ) {
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED,
                    DateRange.startingOn(firstEntry)));
        }
        if (englishLearner) {
            int exitYear = origin.year() + 1 + rng.nextInt(plan.years + 3);
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.ENGLISH_LEARNER,
                    exitYear < plan.years ? DateRange.closed(firstEntry, plan.year(exitYear).lastDay())
                            : DateRange.startingOn(firstEntry)));
        }
        if (disability) {
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.DISABILITY,
                    DateRange.startingOn(firstEntry)));
        }
        if (homelessYear >= 0) {
            LocalDate begin = plan.calendars.get(homelessYear).get(rng.nextInt(120));
            out.characteristic(new StudentCharacteristic(id, StudentCharacteristicType.HOMELESS,
                    DateRange.closed(begin, begin.plusDays(60 + rng.nextInt(270)))));
        }
    }

}
