package org.communityschools.core.internal.write;

import static org.communityschools.core.internal.io.Values.formatBoolean;
import static org.communityschools.core.internal.io.Values.formatDate;
import static org.communityschools.core.internal.io.Values.formatDayShare;
import static org.communityschools.core.internal.io.Values.formatDecimal;
import static org.communityschools.core.internal.io.Values.formatEnum;
import static org.communityschools.core.internal.io.Values.formatEnumSet;
import static org.communityschools.core.internal.io.Values.formatGrade;
import static org.communityschools.core.internal.io.Values.formatOptional;
import static org.communityschools.core.internal.io.Values.formatSchoolYear;

import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * The cells of one row of each CSV file, in the column order of {@link org.communityschools.core.data.DataFile}.
 * Every value is formatted through {@link Values}. Dates ranges are written as the directory wants them: a begin
 * date and an inclusive last day, empty when open-ended.
 */
public final class Rows {
    private Rows() {}

    public static String[] organization(Organization o) {
        return new String[] {o.id().value(), o.name(), formatEnum(o.type())};
    }

    public static String[] school(School s) {
        return new String[] {s.id().value(), s.name(), s.districtId().value(), formatGrade(s.lowGrade()),
                formatGrade(s.highGrade()), formatEnum(s.schoolType())};
    }

    public static String[] partnership(Partnership p) {
        return new String[] {p.schoolId().value(), p.organizationId().value(), formatSchoolYear(p.schoolYear()),
                formatEnum(p.role())};
    }

    public static String[] student(Student s) {
        return new String[] {s.id().value(), s.firstName(), s.lastName(), formatDate(s.birthDate()), formatEnum(s.sex()),
                formatEnum(s.raceEthnicity()), formatOptional(s.ninthGradeCohort(), Values::formatSchoolYear),
                formatBoolean(s.directoryOptOut())};
    }

    public static String[] characteristic(StudentCharacteristic c) {
        return new String[] {c.studentId().value(), formatEnum(c.characteristic()), formatDate(c.period().start()),
                lastDay(c.period())};
    }

    public static String[] calendar(InstructionalDay d) {
        return new String[] {d.schoolId().value(), formatDate(d.date())};
    }

    public static String[] enrollment(Enrollment e) {
        return new String[] {e.studentId().value(), e.schoolId().value(), formatDate(e.entryDate()),
                formatGrade(e.entryGrade()), formatOptional(e.exitWithdrawDate(), Values::formatDate),
                formatOptional(e.exitWithdrawType(), Values::formatEnum),
                e.exitWithdrawType().isPresent() ? formatBoolean(e.exitDocumented()) : ""};
    }

    public static String[] diploma(Diploma d) {
        return new String[] {d.studentId().value(), d.schoolId().value(), formatDate(d.awardDate()),
                formatEnum(d.diplomaType())};
    }

    /** The duration is written only when it differs from the category's default, so typical rows leave it empty. */
    public static String[] attendance(AttendanceRecord a) {
        boolean isDefault = a.category().defaultDuration().map(a.duration()::equals).orElse(false);
        return new String[] {a.studentId().value(), a.schoolId().value(), formatDate(a.date()), formatEnum(a.category()),
                isDefault ? "" : formatDayShare(a.duration()), a.reason().orElse("")};
    }

    public static String[] behavior(BehaviorIncident b) {
        return new String[] {b.incidentId().value(), b.studentId().value(), b.schoolId().value(), formatDate(b.date()),
                formatEnum(b.behavior()), b.description().orElse(""), formatEnum(b.action()),
                formatDecimal(b.actionDays())};
    }

    public static String[] courseMark(CourseMark m) {
        return new String[] {m.studentId().value(), m.schoolId().value(), formatSchoolYear(m.schoolYear()), m.term(),
                m.courseCode(), m.courseTitle(), formatEnum(m.subject()),
                formatOptional(m.numericMark(), Values::formatDecimal), m.letterMark().orElse(""),
                formatEnum(m.result()), formatDecimal(m.creditsAttempted()), formatDecimal(m.creditsEarned()),
                formatOptional(m.termEndDate(), Values::formatDate)};
    }

    public static String[] staff(Staff s) {
        return new String[] {s.id().value(), s.firstName(), s.lastName(), s.employerId().value()};
    }

    public static String[] staffAssignment(StaffAssignment a) {
        return new String[] {a.staffId().value(), a.organizationId().value(), formatEnum(a.role()),
                formatDate(a.period().start()), lastDay(a.period())};
    }

    public static String[] studentStaff(StudentStaffRelationship r) {
        return new String[] {r.studentId().value(), r.staffId().value(), formatEnum(r.relationship()),
                formatDate(r.period().start()), lastDay(r.period())};
    }

    public static String[] intervention(Intervention i) {
        return new String[] {i.id().value(), formatEnum(i.type()), i.providerId().value(), i.schoolId().value(),
                i.description().orElse("")};
    }

    public static String[] interventionParticipant(InterventionParticipant p) {
        return new String[] {p.interventionId().value(), p.studentId().value(),
                formatOptional(p.staffId(), StaffId::value), formatDate(p.period().start()), lastDay(p.period()),
                p.goal().orElse(""), formatEnum(p.status())};
    }

    public static String[] consent(Consent c) {
        return new String[] {c.id().value(), c.studentId().value(), formatEnum(c.grantor()), c.recipientId().value(),
                c.purpose(), formatEnumSet(c.categories()), formatDate(c.signedDate()), formatEnum(c.authentication()),
                formatOptional(c.revokedDate(), Values::formatDate)};
    }

    public static String[] meeting(org.communityschools.core.model.Meeting m) {
        return new String[] {m.id().value(), m.schoolId().value(), formatDate(m.date()), m.purpose(),
                m.participants().stream().map(StaffId::value).collect(java.util.stream.Collectors.joining("|"))};
    }

    public static String[] agendaItem(org.communityschools.core.model.AgendaItem a) {
        return new String[] {a.meetingId().value(), Values.formatInt(a.number()), formatOptional(a.studentId(), s -> s.value()),
                formatOptional(a.group(), g -> g), formatEnum(a.reason()), formatOptional(a.notes(), n -> n)};
    }

    public static String[] actionStep(org.communityschools.core.model.ActionStep s) {
        return new String[] {s.id().value(), s.meetingId().value(), s.what(), s.ownerId().value(), formatDate(s.dueDate()),
                formatOptional(s.studentId(), x -> x.value()), formatOptional(s.group(), g -> g),
                formatOptional(s.interventionId(), x -> x.value()), formatEnum(s.status()),
                formatOptional(s.completionDate(), Values::formatDate), s.recordedBy().value(),
                Values.formatInstant(s.recordedAt())};
    }

    /** The inclusive last day of a range, or the empty cell when it is open-ended. */
    private static String lastDay(DateRange range) {
        Optional<LocalDate> last = range.lastDay();
        return formatOptional(last, Values::formatDate);
    }
}
