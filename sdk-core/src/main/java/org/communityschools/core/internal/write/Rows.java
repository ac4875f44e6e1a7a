package org.communityschools.core.internal.write;

import static org.communityschools.core.internal.io.Values.formatBoolean;
import static org.communityschools.core.internal.io.Values.formatDayShare;
import static org.communityschools.core.internal.io.Values.formatDecimal;
import static org.communityschools.core.internal.io.Values.formatEnum;
import static org.communityschools.core.internal.io.Values.formatEnumSet;
import static org.communityschools.core.internal.io.Values.formatGrade;
import static org.communityschools.core.internal.io.Values.formatOptional;
import static org.communityschools.core.internal.io.Values.formatSchoolYear;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.Subject;

/**
 * One row of each CSV file, in the column order of {@link org.communityschools.core.data.DataFile}, formatted into
 * a {@link CsvRow}. Every value is formatted through {@link Values} (dates by {@link CsvRow#date}, the same ISO
 * text as {@link Values#formatDate}). Date ranges are written as the directory wants them: a begin
 * date and an inclusive last day, empty when open-ended.
 */
public final class Rows {
    private Rows() {}

    public static void organization(CsvRow r, Organization o) {
        r.cell(o.id().value()).cell(o.name()).cell(formatEnum(o.type())).end();
    }

    public static void school(CsvRow r, School s) {
        r.cell(s.id().value()).cell(s.name()).cell(s.districtId().value()).cell(formatGrade(s.lowGrade()))
                .cell(formatGrade(s.highGrade())).cell(formatEnum(s.schoolType())).end();
    }

    public static void partnership(CsvRow r, Partnership p) {
        r.cell(p.schoolId().value()).cell(p.organizationId().value()).cell(formatSchoolYear(p.schoolYear()))
                .cell(formatEnum(p.role())).end();
    }

    public static void student(CsvRow r, Student s) {
        r.cell(s.id().value()).cell(s.firstName()).cell(s.lastName()).date(s.birthDate()).cell(formatEnum(s.sex()))
                .cell(formatEnum(s.raceEthnicity())).cell(formatOptional(s.ninthGradeCohort(), Values::formatSchoolYear))
                .cell(formatBoolean(s.directoryOptOut())).end();
    }

    public static void characteristic(CsvRow r, StudentCharacteristic c) {
        r.cell(c.studentId().value()).cell(formatEnum(c.characteristic())).date(c.period().start());
        lastDay(r, c.period()).end();
    }

    public static void calendar(CsvRow r, InstructionalDay d) {
        r.cell(d.schoolId().value()).date(d.date()).end();
    }

    public static void enrollment(CsvRow r, Enrollment e) {
        r.cell(e.studentId().value()).cell(e.schoolId().value()).date(e.entryDate()).cell(formatGrade(e.entryGrade()));
        optionalDate(r, e.exitWithdrawDate()).cell(formatOptional(e.exitWithdrawType(), Values::formatEnum))
                .cell(e.exitWithdrawType().isPresent() ? formatBoolean(e.exitDocumented()) : "").end();
    }

    public static void diploma(CsvRow r, Diploma d) {
        r.cell(d.studentId().value()).cell(d.schoolId().value()).date(d.awardDate()).cell(formatEnum(d.diplomaType())).end();
    }

    /** The duration is written only when it differs from the category's default, so typical rows leave it empty. */
    public static void attendance(CsvRow r, AttendanceRecord a) {
        boolean isDefault = a.category().defaultDuration().map(a.duration()::equals).orElse(false);
        attendance(r, a.studentId(), a.schoolId(), a.date(), a.category(), isDefault ? null : a.duration(),
                a.reason().orElse(""));
    }

    /**
     * An attendance row from its values, for a writer that builds no {@link AttendanceRecord} (the generator):
     * {@code duration} {@code null} when it is the category's default (the empty cell), {@code reason} empty for none.
     */
    public static void attendance(CsvRow r, StudentId student, SchoolId school, LocalDate date, AttendanceCategory category,
                                  DayShare duration, String reason) {
        r.cell(student.value()).cell(school.value()).date(date).cell(formatEnum(category))
                .cell(duration == null ? "" : formatDayShare(duration)).cell(reason).end();
    }

    public static void behavior(CsvRow r, BehaviorIncident b) {
        r.cell(b.incidentId().value()).cell(b.studentId().value()).cell(b.schoolId().value()).date(b.date())
                .cell(formatEnum(b.behavior())).cell(b.description().orElse("")).cell(formatEnum(b.action()))
                .cell(formatDecimal(b.actionDays())).end();
    }

    public static void courseMark(CsvRow r, CourseMark m) {
        courseMark(r, m.studentId(), m.schoolId(), m.schoolYear(), m.term(), m.courseCode(), m.courseTitle(), m.subject(),
                formatOptional(m.numericMark(), Values::formatDecimal), m.letterMark().orElse(""), m.result(),
                m.creditsAttempted(), m.creditsEarned(), m.termEndDate().orElse(null));
    }

    /**
     * A course mark row from its values, for a writer that builds no {@link CourseMark} (the generator):
     * {@code numericMark} already formatted ({@link Values#formatDecimal}; empty for none), {@code letterMark} empty
     * for none, {@code termEnd} {@code null} for none.
     */
    public static void courseMark(CsvRow r, StudentId student, SchoolId school, SchoolYear year, String term, String code,
                                  String title, Subject subject, String numericMark, String letterMark,
                                  CourseResult result, BigDecimal attempted, BigDecimal earned, LocalDate termEnd) {
        r.cell(student.value()).cell(school.value()).cell(formatSchoolYear(year)).cell(term).cell(code).cell(title)
                .cell(formatEnum(subject)).cell(numericMark).cell(letterMark).cell(formatEnum(result))
                .cell(formatDecimal(attempted)).cell(formatDecimal(earned));
        (termEnd == null ? r.empty() : r.date(termEnd)).end();
    }

    public static void staff(CsvRow r, Staff s) {
        r.cell(s.id().value()).cell(s.firstName()).cell(s.lastName()).cell(s.employerId().value()).end();
    }

    public static void staffAssignment(CsvRow r, StaffAssignment a) {
        r.cell(a.staffId().value()).cell(a.organizationId().value()).cell(formatEnum(a.role())).date(a.period().start());
        lastDay(r, a.period()).end();
    }

    public static void studentStaff(CsvRow r, StudentStaffRelationship s) {
        r.cell(s.studentId().value()).cell(s.staffId().value()).cell(formatEnum(s.relationship()))
                .date(s.period().start());
        lastDay(r, s.period()).end();
    }

    public static void intervention(CsvRow r, Intervention i) {
        r.cell(i.id().value()).cell(formatEnum(i.type())).cell(i.providerId().value()).cell(i.schoolId().value())
                .cell(i.description().orElse("")).end();
    }

    public static void interventionParticipant(CsvRow r, InterventionParticipant p) {
        r.cell(p.interventionId().value()).cell(p.studentId().value()).cell(formatOptional(p.staffId(), StaffId::value))
                .date(p.period().start());
        lastDay(r, p.period()).cell(p.goal().orElse("")).cell(formatEnum(p.status()))
                .cell(formatOptional(p.recordedBy(), StaffId::value)).cell(formatOptional(p.recordedAt(), Values::formatInstant)).end();
    }

    public static void consent(CsvRow r, Consent c) {
        r.cell(c.id().value()).cell(c.studentId().value()).cell(formatEnum(c.grantor())).cell(c.recipientId().value())
                .cell(c.purpose()).cell(formatEnumSet(c.categories())).date(c.signedDate())
                .cell(formatEnum(c.authentication()));
        optionalDate(r, c.revokedDate()).end();
    }

    public static void meeting(CsvRow r, org.communityschools.core.model.Meeting m) {
        r.cell(m.id().value()).cell(m.schoolId().value()).date(m.date()).cell(m.purpose())
                .cell(m.participants().stream().map(StaffId::value).collect(java.util.stream.Collectors.joining("|"))).end();
    }

    public static void agendaItem(CsvRow r, org.communityschools.core.model.AgendaItem a) {
        r.cell(a.meetingId().value()).cell(Values.formatInt(a.number())).cell(formatOptional(a.studentId(), s -> s.value()))
                .cell(formatOptional(a.group(), g -> g)).cell(formatEnum(a.reason())).cell(formatOptional(a.notes(), n -> n)).end();
    }

    public static void actionStep(CsvRow r, org.communityschools.core.model.ActionStep s) {
        r.cell(s.id().value()).cell(s.meetingId().value()).cell(s.what()).cell(s.ownerId().value()).date(s.dueDate())
                .cell(formatOptional(s.studentId(), x -> x.value())).cell(formatOptional(s.group(), g -> g))
                .cell(formatOptional(s.interventionId(), x -> x.value())).cell(formatEnum(s.status()));
        optionalDate(r, s.completionDate()).cell(s.recordedBy().value()).cell(Values.formatInstant(s.recordedAt())).end();
    }

    /** The inclusive last day of a range, or the empty cell when it is open-ended. */
    private static CsvRow lastDay(CsvRow r, DateRange range) {
        return optionalDate(r, range.lastDay());
    }

    private static CsvRow optionalDate(CsvRow r, Optional<LocalDate> date) {
        return date.isPresent() ? r.date(date.get()) : r.empty();
    }
}
