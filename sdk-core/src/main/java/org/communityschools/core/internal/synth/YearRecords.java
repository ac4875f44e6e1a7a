package org.communityschools.core.internal.synth;

import static org.communityschools.core.internal.synth.Draws.letter;
import static org.communityschools.core.internal.synth.Draws.pad;
import static org.communityschools.core.internal.synth.StudentSimulator.MENTORING_START_DAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.internal.synth.StudentSimulator.Segment;
import org.communityschools.core.model.AuthenticationMethod;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Grantor;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.Subject;

/**
 * The records of a student's school year besides attendance and enrollment, drawn from the student's stream as
 * {@link StudentSimulator} reaches them: behavior incidents (and the suspension days they mark), course marks,
 * teacher and Success Mentor relationships, and the consent to share data with the school's lead partner.
 * Stateless between students; thread-safe.
 */
final class YearRecords {
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
    /** Course titles by grade (6-12) and subject, and codes by grade, term and subject: the same strings every year. */
    private static final String[][] TITLES = new String[13][];
    private static final String[][][] CODES = new String[13][][];

    static {
        for (int grade = 6; grade <= 12; grade++) {
            boolean high = grade >= 9;
            TITLES[grade] = new String[5];
            CODES[grade] = new String[high ? 2 : 1][5];
            for (int j = 0; j < 5; j++) {
                TITLES[grade][j] = high ? HIGH_TITLES[grade - 9][j]
                        : (j == 0 ? "English " : j == 1 ? "Mathematics " : j == 2 ? "Science " : "Social Studies ") + grade;
                for (int k = 0; k < CODES[grade].length; k++) {
                    CODES[grade][k][j] = CODE[j] + pad(grade, 2) + (high ? "-" + (k + 1) : "");
                }
            }
        }
    }
    private static final String[] MARKS = new String[101];

    static {
        for (int m = 0; m <= 100; m++) {
            MARKS[m] = Integer.toString(m);   // Values.formatDecimal(BigDecimal.valueOf(m)): a whole number
        }
    }

    private final CityPlan plan;

    YearRecords(CityPlan plan) {
        this.plan = plan;
    }

    /** Draws one incident in a segment; marks suspension days. Returns the incident count. */
    static int incident(StudentId id, Segment seg, List<LocalDate> days, byte[] mark, SplittableRandom rng,
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
        out.behavior(new BehaviorIncident(IncidentId.of(id.value() + "-I" + (count + 1)), id, seg.school.id, days.get(day),
                behavior, description, action, BigDecimal.valueOf(actionDays)));
        return count + 1;
    }

    /** Course marks of one year; returns the number of failed courses. */
    int courseMarks(StudentId id, SchoolYear year, int t, int grade, double ability, double absenceRate,
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
            LocalDate termEndDate = plan.calendars.get(t).get(termEnd);
            for (int j = 0; j < subjects; j++) {
                String title = TITLES[grade][j];
                String code = CODES[grade][k][j];
                BigDecimal attempted = high ? BigDecimal.ONE : BigDecimal.ZERO;
                if (withdrawn) {
                    out.courseMark(id, at.school.id, year, termNames[k], code, title, SUBJECTS[j], "", "W",
                            CourseResult.WITHDRAWN, attempted, BigDecimal.ZERO, termEndDate);
                    continue;
                }
                double mark = 84 + 6 * ability - 120 * (absenceRate - 0.05) + 6 * rng.nextGaussian() + (j == 4 ? 6 : 0);
                int m = (int) Math.max(20, Math.min(100, Math.round(mark)));
                boolean pass = m >= 65;
                if (!pass) {
                    failed++;
                    if (high && k == 0) {
                        at.firstTermFailures++;
                    }
                }
                out.courseMark(id, at.school.id, year, termNames[k], code, title, SUBJECTS[j], MARKS[m], letter(m),
                        pass ? CourseResult.PASS : CourseResult.FAIL, attempted, pass ? attempted : BigDecimal.ZERO,
                        termEndDate);
            }
        }
        return failed;
    }

    /**
     * Teachers, and a Success Mentor for students chronically absent the year before, in a community school; notes
     * the first teacher and the mentor on the segment for the team meetings.
     */
    static void relationships(StudentId id, Segment seg, int t, int grade, List<LocalDate> days, LocalDate exitDate,
                                      boolean mentored, SchoolYear year, SplittableRandom rng, Batch out) {
        SchoolPlan school = seg.school;
        LocalDate entry = days.get(seg.first);
        LocalDate last = days.get(seg.last);
        DateRange period = DateRange.closed(entry, last);
        int first = rng.nextInt(school.teachers);
        seg.teacher = school.teacher(first);
        seg.mentor = null;
        out.studentStaff(new StudentStaffRelationship(id, school.teacher(first), RelationshipType.TEACHER_OF, period));
        if (grade >= 6) {
            int second = (first + 1 + rng.nextInt(school.teachers - 1)) % school.teachers;
            out.studentStaff(new StudentStaffRelationship(id, school.teacher(second), RelationshipType.TEACHER_OF, period));
        }
        if (mentored && school.community && seg.last >= MENTORING_START_DAY) {
            LocalDate begin = days.get(Math.max(seg.first, MENTORING_START_DAY));
            DateRange caseload = DateRange.closed(begin, last);
            var mentor = school.mentor(rng.nextInt(school.mentors));
            seg.mentor = mentor;
            out.studentStaff(new StudentStaffRelationship(id, mentor, RelationshipType.MENTOR_OF, caseload));
            ParticipationStatus status = seg.last == Calendars.DAYS - 1 ? ParticipationStatus.COMPLETED : ParticipationStatus.DISCONTINUED;
            out.participant(new InterventionParticipant(CityGenerator.successMentorId(school, year), id,
                    Optional.of(mentor), caseload, Optional.of("Attend at least 90% of school days"), status));
        }
    }

    /** The consent of a student (or a parent) to share data with the school's lead partner, revoked for some. */
    void consent(StudentId id, Segment seg, List<LocalDate> days, LocalDate birth, SplittableRandom rng, Batch out) {
        LocalDate signed = days.get(seg.first).plusDays(rng.nextInt(30));
        boolean adult = !birth.plusYears(18).isAfter(signed);
        Optional<LocalDate> revoked = rng.nextDouble() < 0.12 ? Optional.of(signed.plusDays(30 + rng.nextInt(200))) : Optional.empty();
        out.consent(new Consent(ConsentId.of(id.value() + "-C1"), id, adult ? Grantor.ELIGIBLE_STUDENT : Grantor.PARENT,
                plan.cbos.get(seg.school.leadCbo), "Expanded learning, health and family support services",
                EnumSet.of(DataCategory.ATTENDANCE, DataCategory.COURSEWORK, DataCategory.PROGRAMS, DataCategory.INTERVENTIONS),
                signed, rng.nextBoolean() ? AuthenticationMethod.ELECTRONIC : AuthenticationMethod.WET_SIGNATURE, revoked));
    }
}
