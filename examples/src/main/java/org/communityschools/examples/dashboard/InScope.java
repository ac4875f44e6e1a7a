package org.communityschools.examples.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;

/**
 * The figures a page derives from one student's records, computed only from the records a {@link Decision} lets the
 * viewer see: a record counts when the scope of a grant of its field covers it
 * ({@link org.communityschools.privacy.policy.RecordScope}, the rule a record view applies), so a rate, a count or a
 * chart never carries a record that the student page withholds (a Success Mentor whose caseload began in October sees
 * no September in it). Stateless.
 */
final class InScope {
    private InScope() {}

    /** Whether a grant of {@code field} covers a record of {@code school} dated {@code date}. */
    static boolean covers(Decision decision, FieldPath field, SchoolId school, LocalDate date) {
        return decision.covers(field, school, date, date);
    }

    /** Whether a grant of {@code field} covers some day of {@code [first, last]} at {@code school} (a school-year record). */
    static boolean coversAny(Decision decision, FieldPath field, SchoolId school, LocalDate first, LocalDate last) {
        return decision.covers(field, school, first, last);
    }

    /**
     * The student's attendance in {@code year} as the decision lets the viewer see it: the days enrolled only where a
     * grant of {@code attendance.records} covers them, and the attendance records of the version read (those recorded
     * in the dashboard among them) only those in scope. The accumulator answers
     * year to date as of any day; empty (no member) when the decision permits no attendance.
     */
    static AttendanceAccumulator attendance(DistrictData data, Decision decision, SchoolYear year) {
        AttendanceAccumulator acc = AttendanceAccumulator.of(year, ChronicAbsenceDefinition.FEDERAL);
        FieldPath field = Pages.ATTENDANCE;
        if (!decision.permits(field)) {
            return acc;
        }
        List<SchoolId> schools = new ArrayList<>();
        for (Enrollment e : data.enrollmentsOf(decision.student())) {
            LocalDate first = e.entryDate().isBefore(year.firstDay()) ? year.firstDay() : e.entryDate();
            LocalDate last = e.exitWithdrawDate().filter(x -> x.isBefore(year.lastDay())).orElse(year.lastDay());
            if (last.isBefore(first)) {
                continue;
            }
            for (DateRange days : decision.coveredDays(field, e.schoolId(), first, last)) {
                LocalDate from = days.start();
                LocalDate to = days.lastDay().filter(x -> !x.isAfter(last)).orElse(last);
                acc.enrollment(new Enrollment(e.studentId(), e.schoolId(), from, e.entryGrade(), java.util.Optional.of(to),
                        java.util.Optional.of(e.exitWithdrawType().orElse(ExitWithdrawType.OTHER)), false));
                if (!schools.contains(e.schoolId())) {
                    schools.add(e.schoolId());
                }
            }
        }
        for (SchoolId s : schools) {
            data.school(s).ifPresent(x -> acc.schoolType(s, x.schoolType()));
            for (LocalDate day : data.calendar(s).days()) {
                if (year.contains(day)) {
                    acc.instructionalDay(s, day);
                }
            }
        }
        for (AttendanceRecord r : data.attendance().recordsOf(decision.student())) {
            if (year.contains(r.date()) && covers(decision, field, r.schoolId(), r.date())) {
                acc.attendance(r);
            }
        }
        return acc;
    }
}
