package org.communityschools.core.internal.synth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.communityschools.core.internal.synth.CityPlan.Level;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.AuthenticationMethod;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Grantor;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.Subject;

/**
 * Simulates one student's school career through the generated years and appends its records to a {@link Batch}.
 * High-school students also get their enrollments in the history years before the first generated year, and the
 * students of the last history cohorts who left before the first year are simulated there (see
 * docs/synthetic-city.md, "History years"), so that adjusted cohort graduation rates are complete.
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

    private static final String[] EXCUSE = {"ILLNESS", "MEDICAL_APPOINTMENT", "RELIGIOUS_OBSERVANCE", "FAMILY_EMERGENCY",
        "COURT_APPEARANCE"};
    private static final String[] INCIDENT = {"Disruptive behavior in class", "Repeated defiance of staff directions",
        "Physical altercation with another student", "Leaving class without permission", "Use of a phone during a test",
        "Bullying reported by a classmate", "Damage to school property"};
    private static final Subject[] SUBJECTS = {Subject.ELA, Subject.MATH, Subject.SCIENCE, Subject.SOCIAL_STUDIES, Subject.OTHER};
    private static final String[][] HIGH_TITLES = {
        {"English 9", "Algebra I", "Living Environment", "Global History I", "Physical Education"},
        {"English 10", "Geometry", "Earth Science", "Global History II", "Physical Education"},
        {"English 11", "Algebra II", "Chemistry", "US History", "Physical Education"},
        {"English 12", "Precalculus", "Physics", "Government and Economics", "Physical Education"}};
    private static final String[] CODE = {"ELA", "MAT", "SCI", "SOC", "PHE"};

    private static final ExitWithdrawType[] LEAVE_KINDS = {ExitWithdrawType.TRANSFERRED, ExitWithdrawType.EMIGRATED,
        ExitWithdrawType.DIED, ExitWithdrawType.DROPPED_OUT, ExitWithdrawType.GED_PROGRAM, ExitWithdrawType.EXPELLED,
        ExitWithdrawType.INCARCERATED};

    private final CityPlan plan;

    StudentSimulator(CityPlan plan) {
        this.plan = plan;
    }

    /** Where and when a student first appears. {@code grade} -1: a newcomer whose grade is drawn. */
    record Origin(int year, int grade, int zone, int elementaryChoice, boolean midYear) {}

    /** One stretch of enrollment at one school within a year, in day indexes, both included. */
    private static final class Segment {
        SchoolPlan school;
        int first;
        int last;
        ExitWithdrawType exit;
        boolean documented;
        LocalDate exitDate;
        int absentDays;
    }

    void simulate(int index, Origin origin, Batch out) {
        if (origin.year() < 0) {
            historyLeaver(index, origin, out);
            return;
        }
        SplittableRandom rng = Mix.random(plan.seed, Mix.STUDENT, index);
        StudentId id = StudentId.of("S" + pad(index + 1, 8));
        double z = rng.nextGaussian();
        double ability = -0.5 * z + 0.87 * rng.nextGaussian();
        double need = plan.zoneNeed[origin.zone()];
        boolean econ = rng.nextDouble() < Math.min(0.95, 0.68 + 0.12 * need + 0.08 * z);
        boolean englishLearner = rng.nextDouble() < 0.13;
        boolean disability = rng.nextDouble() < 0.19 + 0.04 * Math.max(0, z);
        int homelessYear = rng.nextDouble() < 0.09 + 0.03 * Math.max(0, z) ? origin.year() + rng.nextInt(plan.years - origin.year()) : -1;
        double persistent = STUDENT_SD * z + (econ ? 0.10 : 0) + (disability ? 0.10 : 0);

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
                ? history(index, id, grade, retainedBefore, hsYears, zone, out) : null;
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
                SchoolPlan target = moveTarget(school, grade, zone, z, rng);
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
                    incidents = incident(id, seg, days, mark, rng, incidents, grade, out, null);
                }
                if (s == segments - 1 && leave == ExitWithdrawType.EXPELLED) {
                    incidents = incident(id, seg, days, mark, rng, incidents, grade, out, seg.last);
                }
                double tardy = 0.02 + 0.15 * rate;
                int mentoringFrom = mentored && s == 0 ? Math.max(seg.first, MENTORING_START_DAY) : -1;
                for (int d = seg.first; d <= seg.last; d++) {
                    double dayRate = d < mentoringFrom ? rateBeforeMentoring : rate;
                    enrolled++;
                    AttendanceCategory category = null;
                    Optional<DayShare> duration = Optional.empty();
                    Optional<String> reason = Optional.empty();
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
                                duration = Optional.of(DayShare.HALF_DAY);
                            } else if (w < 0.40) {
                                category = AttendanceCategory.EXCUSED_ABSENCE;
                                reason = Optional.of(EXCUSE[rng.nextInt(EXCUSE.length)]);
                            } else {
                                category = AttendanceCategory.UNEXCUSED_ABSENCE;
                            }
                        } else if (v < dayRate + tardy) {
                            category = AttendanceCategory.TARDY;
                        } else if (v < dayRate + tardy + 0.004) {
                            category = AttendanceCategory.EARLY_DEPARTURE;
                            if (rng.nextBoolean()) {
                                duration = Optional.of(DayShare.ofTenThousandths(2500));
                            }
                        }
                    }
                    if (category != null) {
                        out.attendance.add(AttendanceRecord.of(id, seg.school.id, days.get(d), category, duration, reason));
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
                yearFailures = courseMarks(id, year, t, grade, ability, absenceRate, segs, segments, rng, out);
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
                out.enrollments.add(new Enrollment(id, seg.school.id, entry, gradeLevel(grade), Optional.of(exitDate),
                        Optional.of(seg.exit), seg.documented));
                relationships(id, seg, t, grade, days, exitDate, mentored && s == 0, year, rng, out);
                if (!consented && seg.school.community && rng.nextDouble() < 0.07) {
                    consented = true;
                    consent(id, seg, days, birth, rng, out);
                }
            }
            if (diploma != null) {
                out.diplomas.add(new Diploma(id, lastSeg.school.id, awarded, diploma));
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
        out.students.add(student);
        if (firstEntry == null) {
            return;
        }
        if (econ) {
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED,
                    DateRange.startingOn(firstEntry)));
        }
        if (englishLearner) {
            int exitYear = origin.year() + 1 + rng.nextInt(plan.years + 3);
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.ENGLISH_LEARNER,
                    exitYear < plan.years ? DateRange.closed(firstEntry, plan.year(exitYear).lastDay())
                            : DateRange.startingOn(firstEntry)));
        }
        if (disability) {
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.DISABILITY,
                    DateRange.startingOn(firstEntry)));
        }
        if (homelessYear >= 0) {
            LocalDate begin = plan.calendars.get(homelessYear).get(rng.nextInt(120));
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.HOMELESS,
                    DateRange.closed(begin, begin.plusDays(60 + rng.nextInt(270)))));
        }
    }

    /**
     * The enrollments, in the history years, of a student in high school in the first generated year after
     * {@code hsYears} earlier years of high school: one per year at the zone's high school, in the grade that leads to
     * the student's grade (a repeated year if {@code retainedBefore}), a few joining the district in a later year (some
     * in mid-year), a few moving in mid-year from another zone's high school (exit {@code TRANSFERRED}, documented or,
     * for about one in seven, not). Drawn from the student's own history stream; returns the first entry date.
     */
    private LocalDate history(int index, StudentId id, int grade, int retainedBefore, int hsYears, int zone, Batch out) {
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
        int before = out.enrollments.size();
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
                out.enrollments.add(new Enrollment(id, school.id, days.get(start), level, Optional.of(days.get(moveDay - 1)),
                        Optional.of(ExitWithdrawType.TRANSFERRED), rng.nextDouble() < 0.85));
                school = plan.schoolFor(zone, 9, 0);
                start = moveDay + rng.nextInt(4);
            }
            out.enrollments.add(new Enrollment(id, school.id, days.get(start), level, Optional.of(days.get(Calendars.DAYS - 1)),
                    Optional.of(ExitWithdrawType.END_OF_YEAR), true));
        }
        return out.enrollments.get(before).entryDate();
    }

    /**
     * A candidate first-time ninth grader of a history cohort ({@code origin.year()} years back), simulated through the
     * history years with the generated years' exit hazards, mid-year moves and retention (failures drawn from the
     * year's absence rate, without writing the days). Only a candidate who leaves before the first generated year is
     * written: a student whose enrollments all lie in the history years, so that the cohort's dropouts, removals and
     * other leavers are in the data. The others stand for the students already enrolled in the first year.
     */
    private void historyLeaver(int index, Origin origin, Batch out) {
        SplittableRandom rng = Mix.random(plan.seed, Mix.HISTORY, index);
        StudentId id = StudentId.of("S" + pad(index + 1, 8));
        double z = rng.nextGaussian();
        double ability = -0.5 * z + 0.87 * rng.nextGaussian();
        double need = plan.zoneNeed[origin.zone()];
        boolean econ = rng.nextDouble() < Math.min(0.95, 0.68 + 0.12 * need + 0.08 * z);
        boolean englishLearner = rng.nextDouble() < 0.13;
        boolean disability = rng.nextDouble() < 0.19 + 0.04 * Math.max(0, z);
        double persistent = STUDENT_SD * z + (econ ? 0.10 : 0) + (disability ? 0.10 : 0);
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
                SchoolPlan target = moveTarget(school, grade, zone, z, rng);
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
        out.students.add(new Student(id, Names.first(rng), Names.last(rng), birth, sex(rng), race(rng),
                Optional.of(plan.year(origin.year())), rng.nextDouble() < 0.03));
        out.enrollments.addAll(enrollments);
        if (hse != null) {
            out.diplomas.add(new Diploma(id, lastEnrollment.schoolId(), hse, DiplomaType.HSE));
        }
        DateRange enrolled = DateRange.closed(firstEntry, lastDay);
        if (econ) {
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED, enrolled));
        }
        if (englishLearner) {
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.ENGLISH_LEARNER, enrolled));
        }
        if (disability) {
            out.characteristics.add(new StudentCharacteristic(id, StudentCharacteristicType.DISABILITY, enrolled));
        }
    }

    /** Where a student moves within the district in mid-year: another zone's school, or a transfer school. */
    private SchoolPlan moveTarget(SchoolPlan from, int grade, int zone, double z, SplittableRandom rng) {
        if (grade >= 9 && from.level != Level.TRANSFER && z > 0.3 && rng.nextDouble() < 0.5) {
            return plan.transferSchools.get(rng.nextInt(plan.transferSchools.size()));
        }
        if (from.level == Level.TRANSFER) {
            return null;
        }
        int zones = plan.spec.zones();
        if (zones == 1) {
            return grade <= 5 ? plan.schoolFor(zone, grade, from.index % 4 == 0 ? 1 : 0) : null;
        }
        int other = (zone + 1 + rng.nextInt(zones - 1)) % zones;
        return plan.schoolFor(other, grade, rng.nextInt(2));
    }

    /** Draws one incident in a segment; marks suspension days. Returns the incident count. */
    private static int incident(StudentId id, Segment seg, List<LocalDate> days, byte[] mark, SplittableRandom rng,
                                int count, int grade, Batch out, Integer expulsionDay) {
        DisciplineActionType action;
        int actionDays;
        int day;
        if (expulsionDay != null) {
            action = DisciplineActionType.EXPULSION;
            actionDays = 0;
            day = expulsionDay;
            if (mark[day] != 0) {
                return count;
            }
        } else {
            double a = rng.nextDouble();
            if (a < 0.25) {
                action = DisciplineActionType.NONE;
                actionDays = 0;
            } else if (a < 0.45) {
                action = DisciplineActionType.REMOVAL_FROM_CLASSROOM;
                actionDays = 0;
            } else if (a < 0.65) {
                action = DisciplineActionType.IN_SCHOOL_SUSPENSION;
                actionDays = 1 + rng.nextInt(3);
            } else if (a < 0.95) {
                action = DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION;
                actionDays = rng.nextDouble() < 0.05 && grade >= 6 ? 10 + rng.nextInt(11) : 1 + rng.nextInt(5);
            } else {
                action = DisciplineActionType.OTHER;
                actionDays = 0;
            }
            int room = seg.last - seg.first - actionDays;
            if (room < 0) {
                return count;
            }
            day = seg.first + rng.nextInt(room + 1);
            for (int d = day; d <= day + actionDays; d++) {
                if (mark[d] != 0) {
                    return count;
                }
            }
        }
        mark[day] = 3;
        byte m = action == DisciplineActionType.IN_SCHOOL_SUSPENSION ? (byte) 1 : (byte) 2;
        if (action == DisciplineActionType.IN_SCHOOL_SUSPENSION || action == DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION) {
            for (int d = day + 1; d <= day + actionDays; d++) {
                mark[d] = m;
            }
        }
        BehaviorType behavior = switch (rng.nextInt(10)) {
            case 0 -> BehaviorType.STATE_OFFENSE;
            case 1, 2 -> BehaviorType.SCHOOL_VIOLATION;
            case 3 -> BehaviorType.OTHER;
            default -> BehaviorType.SCHOOL_CODE_OF_CONDUCT;
        };
        Optional<String> description = rng.nextDouble() < 0.8 ? Optional.of(INCIDENT[rng.nextInt(INCIDENT.length)]) : Optional.empty();
        out.behavior.add(new BehaviorIncident(IncidentId.of(id.value() + "-I" + (count + 1)), id, seg.school.id, days.get(day),
                behavior, description, action, BigDecimal.valueOf(actionDays)));
        return count + 1;
    }

    /** Course marks of one year; returns the number of failed courses. */
    private int courseMarks(StudentId id, SchoolYear year, int t, int grade, double ability, double absenceRate,
                            Segment[] segs, int segments, SplittableRandom rng, Batch out) {
        boolean high = grade >= 9;
        int[][] terms = high ? new int[][] {{0, plan.semesterEnd[t]}, {plan.semesterEnd[t] + 1, Calendars.DAYS - 1}}
                : new int[][] {{0, Calendars.DAYS - 1}};
        String[] termNames = high ? new String[] {"S1", "S2"} : new String[] {"FY"};
        int subjects = high ? 5 : 4;
        int failed = 0;
        for (int k = 0; k < terms.length; k++) {
            int termStart = terms[k][0];
            int termEnd = terms[k][1];
            Segment at = null;
            boolean withdrawn = false;
            for (int s = 0; s < segments; s++) {
                Segment seg = segs[s];
                if (seg.first <= termEnd && seg.last >= termEnd) {
                    at = seg;
                } else if (s == segments - 1 && seg.last < termEnd && seg.last >= termStart && seg.exit == null) {
                    at = seg;
                    withdrawn = true;
                }
            }
            if (at == null) {
                continue;
            }
            Optional<LocalDate> termEndDate = Optional.of(plan.calendars.get(t).get(termEnd));
            for (int j = 0; j < subjects; j++) {
                String title = high ? HIGH_TITLES[grade - 9][j] : (j == 0 ? "English " : j == 1 ? "Mathematics " : j == 2 ? "Science " : "Social Studies ") + grade;
                String code = CODE[j] + pad(grade, 2) + (high ? "-" + (k + 1) : "");
                BigDecimal attempted = high ? BigDecimal.ONE : BigDecimal.ZERO;
                if (withdrawn) {
                    out.courseMarks.add(new CourseMark(id, at.school.id, year, termNames[k], code, title, SUBJECTS[j],
                            Optional.empty(), Optional.of("W"), CourseResult.WITHDRAWN, attempted, BigDecimal.ZERO, termEndDate));
                    continue;
                }
                double mark = 84 + 6 * ability - 120 * (absenceRate - 0.05) + 6 * rng.nextGaussian() + (j == 4 ? 6 : 0);
                int m = (int) Math.max(20, Math.min(100, Math.round(mark)));
                boolean pass = m >= 65;
                if (!pass) {
                    failed++;
                }
                out.courseMarks.add(new CourseMark(id, at.school.id, year, termNames[k], code, title, SUBJECTS[j],
                        Optional.of(BigDecimal.valueOf(m)), Optional.of(letter(m)), pass ? CourseResult.PASS : CourseResult.FAIL,
                        attempted, pass ? attempted : BigDecimal.ZERO, termEndDate));
            }
        }
        return failed;
    }

    /** Teachers, and a Success Mentor for students chronically absent the year before, in a community school. */
    private static void relationships(StudentId id, Segment seg, int t, int grade, List<LocalDate> days, LocalDate exitDate,
                                      boolean mentored, SchoolYear year, SplittableRandom rng, Batch out) {
        SchoolPlan school = seg.school;
        LocalDate entry = days.get(seg.first);
        LocalDate last = days.get(seg.last);
        DateRange period = DateRange.closed(entry, last);
        int first = rng.nextInt(school.teachers);
        out.studentStaff.add(new StudentStaffRelationship(id, school.teacher(first), RelationshipType.TEACHER_OF, period));
        if (grade >= 6) {
            int second = (first + 1 + rng.nextInt(school.teachers - 1)) % school.teachers;
            out.studentStaff.add(new StudentStaffRelationship(id, school.teacher(second), RelationshipType.TEACHER_OF, period));
        }
        if (mentored && school.community && seg.last >= MENTORING_START_DAY) {
            LocalDate begin = days.get(Math.max(seg.first, MENTORING_START_DAY));
            DateRange caseload = DateRange.closed(begin, last);
            var mentor = school.mentor(rng.nextInt(school.mentors));
            out.studentStaff.add(new StudentStaffRelationship(id, mentor, RelationshipType.MENTOR_OF, caseload));
            ParticipationStatus status = seg.last == Calendars.DAYS - 1 ? ParticipationStatus.COMPLETED : ParticipationStatus.DISCONTINUED;
            out.participants.add(new InterventionParticipant(CityGenerator.successMentorId(school, year), id,
                    Optional.of(mentor), caseload, Optional.of("Attend at least 90% of school days"), status));
        }
    }

    private void consent(StudentId id, Segment seg, List<LocalDate> days, LocalDate birth, SplittableRandom rng, Batch out) {
        LocalDate signed = days.get(seg.first).plusDays(rng.nextInt(30));
        boolean adult = !birth.plusYears(18).isAfter(signed);
        Optional<LocalDate> revoked = rng.nextDouble() < 0.12 ? Optional.of(signed.plusDays(30 + rng.nextInt(200))) : Optional.empty();
        out.consents.add(new Consent(ConsentId.of(id.value() + "-C1"), id, adult ? Grantor.ELIGIBLE_STUDENT : Grantor.PARENT,
                plan.cbos.get(seg.school.leadCbo), "Expanded learning, health and family support services",
                EnumSet.of(DataCategory.ATTENDANCE, DataCategory.COURSEWORK, DataCategory.PROGRAMS, DataCategory.INTERVENTIONS),
                signed, rng.nextBoolean() ? AuthenticationMethod.ELECTRONIC : AuthenticationMethod.WET_SIGNATURE, revoked));
    }

    static double gradeEffect(int grade) {
        if (grade == 0) {
            return 0.15;
        }
        if (grade <= 5) {
            return -0.12;
        }
        if (grade <= 8) {
            return 0.0;
        }
        return grade == 9 ? 0.40 : 0.30;
    }

    static GradeLevel gradeLevel(int grade) {
        return grade == 0 ? GradeLevel.KG : GradeLevel.ofNumber(grade);
    }

    private static String letter(int mark) {
        return mark >= 90 ? "A" : mark >= 80 ? "B" : mark >= 70 ? "C" : mark >= 65 ? "D" : "F";
    }

    private static Sex sex(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < 0.488 ? Sex.FEMALE : u < 0.995 ? Sex.MALE : u < 0.997 ? Sex.NON_BINARY : Sex.NOT_SELECTED;
    }

    private static RaceEthnicity race(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < 0.41 ? RaceEthnicity.HISPANIC : u < 0.67 ? RaceEthnicity.BLACK : u < 0.83 ? RaceEthnicity.ASIAN
                : u < 0.98 ? RaceEthnicity.WHITE : u < 0.985 ? RaceEthnicity.AMERICAN_INDIAN
                : u < 0.99 ? RaceEthnicity.PACIFIC_ISLANDER : u < 0.997 ? RaceEthnicity.MULTIRACIAL : RaceEthnicity.NOT_REPORTED;
    }

    private static int poisson(double lambda, SplittableRandom rng) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rng.nextDouble();
        while (p > l) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Whether a row of this category (as the generator writes it) makes an absent day: half a day or more missed. */
    private static boolean isAbsentDay(AttendanceCategory c) {
        return c == AttendanceCategory.EXCUSED_ABSENCE || c == AttendanceCategory.UNEXCUSED_ABSENCE
                || c == AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION || c == AttendanceCategory.PARTIAL;
    }
}
