package org.communityschools.examples.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.EarlyWarningEntry;
import org.communityschools.metrics.EarlyWarningFlag;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;

/**
 * A school's early-warning list as far as one viewer may see it (the school trends page and the meeting's proposed
 * agenda): a flag is shown only when its field is permitted, every record it is computed from lies in the scope of the
 * field's grants, and the student's view shows the field; a student is listed only with a flag shown. The rows' views
 * are built here and disclosed by the caller (with the page's other views, in one group commit). Stateless.
 */
final class WarningRows {
    /** One listed student: the list's entry, the view of exactly what the row shows, and the flags shown. */
    record Row(EarlyWarningEntry entry, Pages.Facts facts, List<EarlyWarningFlag> flags) {}

    private WarningRows() {}

    /** The rows of {@code entries} this viewer may see, in list order; their views are not yet disclosed. */
    static List<Row> visible(Pages pages, Sessions.Viewer v, List<EarlyWarningEntry> entries, Instant at) {
        List<Row> out = new ArrayList<>();
        for (EarlyWarningEntry e : entries) {
            Decision decision = pages.version.decide(v, e.studentId(), at);
            if (!decision.permitsAny()) {
                continue;
            }
            Set<FieldPath> fields = new TreeSet<>(List.of(Pages.NAME, Pages.STUDENT_ID, Pages.GRADE));
            List<EarlyWarningFlag> candidates = new ArrayList<>();
            for (EarlyWarningFlag flag : e.flags()) {
                FieldPath field = fieldOf(flag.indicator());
                if (indicatorVisible(pages, decision, field)) {
                    fields.add(field);
                    candidates.add(flag);
                }
            }
            Pages.Facts f = pages.new Facts(e.studentId(), decision, Pages.catalog(fields));
            List<EarlyWarningFlag> flags = candidates.stream().filter(x -> f.shows(fieldOf(x.indicator()))).toList();
            if (!flags.isEmpty()) {
                out.add(new Row(e, f, flags));
            }
        }
        return out;
    }

    /** The field an indicator is computed from. */
    static FieldPath fieldOf(EarlyWarningFlag.Indicator indicator) {
        return switch (indicator) {
            case ATTENDANCE -> Pages.ATTENDANCE;
            case BEHAVIOR -> Pages.INCIDENTS;
            case COURSE_PERFORMANCE -> Pages.MARKS;
        };
    }

    /** A flag as the pages write it: "at risk: attendance 84.4% …". */
    static String text(EarlyWarningFlag flag) {
        return level(flag.level()) + ": " + flag.reason();
    }

    static String level(EarlyWarningFlag.Level level) {
        return level.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * Whether the decision permits the indicator's field and every record the indicator of this year to today is
     * computed from lies in the scope of a grant of it: the days enrolled and attendance records, the incidents, or the
     * course marks of the year. A flag computed from anything else would disclose records the student page withholds.
     */
    static boolean indicatorVisible(Pages pages, Decision decision, FieldPath field) {
        if (!decision.permits(field)) {
            return false;
        }
        Dashboard d = pages.d;
        DistrictData data = pages.data;
        StudentId s = decision.student();
        if (field.equals(Pages.ATTENDANCE)) {
            AttendanceAggregate scoped = InScope.attendance(data, decision, d.year).students(List.of(s), d.today);
            AttendanceAggregate all = d.live.figures.students(List.of(s), d.today);
            return scoped.daysEnrolled() == all.daysEnrolled() && scoped.daysAbsent().compareTo(all.daysAbsent()) == 0;
        }
        if (field.equals(Pages.INCIDENTS)) {
            return data.incidentsOf(s).stream().filter(x -> d.year.contains(x.date()) && !x.date().isAfter(d.today))
                    .allMatch(x -> InScope.covers(decision, field, x.schoolId(), x.date()));
        }
        return data.courseMarksOf(s).stream().filter(x -> x.schoolYear().equals(d.year))
                .allMatch(x -> InScope.coversAny(decision, field, x.schoolId(), d.year.firstDay(), d.year.lastDay()));
    }
}
