package org.communityschools.metrics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceMark;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.EarlyWarningDefinition;
import org.communityschools.metrics.EarlyWarningEntry;
import org.communityschools.metrics.EarlyWarningFlag;
import org.communityschools.metrics.EarlyWarningFlag.Indicator;
import org.communityschools.metrics.EarlyWarningFlag.Level;
import org.communityschools.metrics.EarlyWarningList;

/** Computes {@link EarlyWarningList}s; see {@link org.communityschools.metrics.EarlyWarning}. Stateless. */
public final class EarlyWarningEngine {
    private EarlyWarningEngine() {}

    /** The list; arguments already checked. */
    public static EarlyWarningList evaluate(DistrictData data, SchoolId school, SchoolYear year, EarlyWarningDefinition definition,
                                            LocalDate asOf) {
        DateRange toDate = DateRange.closed(year.firstDay(), asOf);
        Set<StudentId> students = new LinkedHashSet<>();
        for (Enrollment e : data.enrollmentsAt(school)) {
            if (e.period().overlaps(toDate)) {
                students.add(e.studentId());
            }
        }
        Map<SchoolId, List<LocalDate>> days = new HashMap<>();
        List<EarlyWarningEntry> entries = new ArrayList<>();
        for (StudentId student : students) {
            entries.add(entry(data, student, school, year, definition, asOf, toDate, days));
        }
        return new EarlyWarningList(definition, school, year, asOf, entries);
    }

    /** The instructional days of {@code school} in {@code year}. */
    static List<LocalDate> daysIn(DistrictData data, SchoolId school, SchoolYear year, Map<SchoolId, List<LocalDate>> cache) {
        return cache.computeIfAbsent(school, s -> data.calendar(s).days().stream().filter(year::contains).toList());
    }

    /** The student's attendance in {@code year} up to {@code asOf}, pooled over the enrollments overlapping {@code range}. */
    static AttendanceFigures attendance(DistrictData data, StudentId student, SchoolYear year, EarlyWarningDefinition definition,
                                        LocalDate asOf, DateRange range, Map<SchoolId, List<LocalDate>> cache) {
        List<AttendanceFigures> parts = new ArrayList<>();
        for (Enrollment e : data.enrollmentsOf(student)) {
            if (!e.period().overlaps(range)) {
                continue;
            }
            List<AttendanceMark> marks = data.attendance().recordsOf(student, e.schoolId()).stream().map(AttendanceMark::of).toList();
            parts.add(ChronicAbsence.figures(definition.attendance(), daysIn(data, e.schoolId(), year, cache), e.period(), asOf, marks));
        }
        return ChronicAbsence.pool(definition.attendance(), parts);
    }

    private static EarlyWarningEntry entry(DistrictData data, StudentId student, SchoolId school, SchoolYear year,
                                           EarlyWarningDefinition def, LocalDate asOf, DateRange toDate,
                                           Map<SchoolId, List<LocalDate>> cache) {
        GradeLevel grade = null;
        LocalDate latest = null;
        for (Enrollment e : data.enrollmentsOf(student)) {
            if (e.schoolId().equals(school) && e.period().overlaps(toDate) && (latest == null || e.entryDate().isAfter(latest))) {
                latest = e.entryDate();
                grade = e.entryGrade();
            }
        }
        AttendanceFigures attendance = attendance(data, student, year, def, asOf, toDate, cache);

        int suspensions = 0;
        int incidents = 0;
        int stateOffenses = 0;
        for (BehaviorIncident i : data.incidentsOf(student)) {
            if (!toDate.contains(i.date())) {
                continue;
            }
            if (def.suspensionActions().contains(i.action())) {
                suspensions++;
            }
            if (def.incidentBehaviors().contains(i.behavior())) {
                incidents++;
            }
            if (i.behavior() == BehaviorType.STATE_OFFENSE) {
                stateOffenses++;
            }
        }

        int failed = 0;
        BigDecimal attempted = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        Map<Subject, BigDecimal> markSums = new EnumMap<>(Subject.class);
        Map<Subject, Integer> markCounts = new EnumMap<>(Subject.class);
        for (CourseMark m : data.courseMarksOf(student)) {
            // a mark counts once its term has ended on or before the date asked for (the end of the year when unknown)
            if (!m.schoolYear().equals(year) || m.finalOn().isAfter(asOf)) {
                continue;
            }
            attempted = attempted.add(m.creditsAttempted());
            earned = earned.add(m.creditsEarned());
            if (!def.courseSubjects().contains(m.subject())) {
                continue;
            }
            if (m.result() == CourseResult.FAIL) {
                failed++;
            }
            if (m.numericMark().isPresent()) {
                markSums.merge(m.subject(), m.numericMark().get(), BigDecimal::add);
                markCounts.merge(m.subject(), 1, Integer::sum);
            }
        }

        List<EarlyWarningFlag> flags = new ArrayList<>();
        attendanceFlag(def, attendance).ifPresent(flags::add);
        behaviorFlag(def, suspensions, incidents, stateOffenses).ifPresent(flags::add);
        courseFlag(def, failed, markSums, markCounts, attempted, earned).ifPresent(flags::add);
        return new EarlyWarningEntry(student, grade, attendance, suspensions, incidents, stateOffenses, failed, attempted, earned, flags);
    }

    private static Optional<EarlyWarningFlag> attendanceFlag(EarlyWarningDefinition def, AttendanceFigures f) {
        Optional<Ratio> rate = f.attendanceRate();
        if (rate.isEmpty()) {
            return Optional.empty();
        }
        Ratio r = rate.get();
        for (Level level : new Level[] {Level.AT_RISK, Level.EARLY_WARNING}) {
            Optional<Ratio> cut = level == Level.AT_RISK ? def.attendanceAtRiskBelow() : def.attendanceWarningBelow();
            if (cut.isPresent() && r.compareTo(cut.get()) < 0) {
                return Optional.of(new EarlyWarningFlag(Indicator.ATTENDANCE, level, "attendance " + r.toPercentString(1) + "% ("
                        + f.daysPresent().toPlainString() + " of " + f.daysEnrolled() + " days) < " + percent(cut.get())));
            }
        }
        return Optional.empty();
    }

    private static Optional<EarlyWarningFlag> behaviorFlag(EarlyWarningDefinition def, int suspensions, int incidents, int stateOffenses) {
        List<String> reasons = new ArrayList<>();
        if (def.suspensionsAtRisk().isPresent() && suspensions >= def.suspensionsAtRisk().get()) {
            reasons.add(count(suspensions, "suspension") + " ≥ " + def.suspensionsAtRisk().get());
        }
        if (def.stateOffensesAtRisk().isPresent() && stateOffenses >= def.stateOffensesAtRisk().get()) {
            reasons.add(count(stateOffenses, "state offense") + " ≥ " + def.stateOffensesAtRisk().get());
        }
        if (def.incidentsAtRisk().isPresent() && incidents >= def.incidentsAtRisk().get()) {
            reasons.add(count(incidents, "incident") + " ≥ " + def.incidentsAtRisk().get());
        }
        if (!reasons.isEmpty()) {
            return Optional.of(new EarlyWarningFlag(Indicator.BEHAVIOR, Level.AT_RISK, String.join("; ", reasons)));
        }
        if (def.incidentsWarning().isPresent() && incidents >= def.incidentsWarning().get()) {
            return Optional.of(new EarlyWarningFlag(Indicator.BEHAVIOR, Level.EARLY_WARNING,
                    count(incidents, "incident") + " ≥ " + def.incidentsWarning().get()));
        }
        return Optional.empty();
    }

    private static Optional<EarlyWarningFlag> courseFlag(EarlyWarningDefinition def, int failed, Map<Subject, BigDecimal> sums,
                                                         Map<Subject, Integer> counts, BigDecimal attempted, BigDecimal earned) {
        List<String> reasons = new ArrayList<>();
        if (def.failuresAtRisk().isPresent() && failed >= def.failuresAtRisk().get()) {
            reasons.add(count(failed, "failed course") + " in " + subjects(def) + " ≥ " + def.failuresAtRisk().get());
        }
        def.averageMarkAtRiskBelow().ifPresent(cut -> reasons.addAll(averagesBelow(sums, counts, cut)));
        if (def.creditsEarnedAtRiskBelow().isPresent() && attempted.signum() > 0) {
            Ratio cut = def.creditsEarnedAtRiskBelow().get();
            Ratio r = Ratio.of(earned, attempted);
            if (r.compareTo(cut) < 0) {
                reasons.add("credits earned " + earned.toPlainString() + " of " + attempted.toPlainString() + " attempted ("
                        + r.toPercentString(1) + "%) < " + percent(cut));
            }
        }
        if (!reasons.isEmpty()) {
            return Optional.of(new EarlyWarningFlag(Indicator.COURSE_PERFORMANCE, Level.AT_RISK, String.join("; ", reasons)));
        }
        if (def.averageMarkWarningBelow().isPresent()) {
            List<String> warnings = averagesBelow(sums, counts, def.averageMarkWarningBelow().get());
            if (!warnings.isEmpty()) {
                return Optional.of(new EarlyWarningFlag(Indicator.COURSE_PERFORMANCE, Level.EARLY_WARNING, String.join("; ", warnings)));
            }
        }
        return Optional.empty();
    }

    private static List<String> averagesBelow(Map<Subject, BigDecimal> sums, Map<Subject, Integer> counts, BigDecimal cut) {
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<Subject, BigDecimal> s : sums.entrySet()) {
            int n = counts.get(s.getKey());
            if (s.getValue().compareTo(cut.multiply(BigDecimal.valueOf(n))) < 0) {
                reasons.add(s.getKey() + " average mark " + s.getValue().divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN)
                        .toPlainString() + " (" + n + (n == 1 ? " mark" : " marks") + ") < " + cut.stripTrailingZeros().toPlainString());
            }
        }
        return reasons;
    }

    private static String subjects(EarlyWarningDefinition def) {
        return String.join(" or ", def.courseSubjects().stream().map(Enum::name).toList());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A cut in percent without trailing zeros: 9/10 is {@code 90%}, 7/8 is {@code 87.5%}. */
    static String percent(Ratio cut) {
        BigDecimal p = BigDecimal.valueOf(cut.numerator()).movePointRight(2)
                .divide(BigDecimal.valueOf(cut.denominator()), 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}
