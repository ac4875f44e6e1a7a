package org.communityschools.core.internal.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.internal.index.DataBridge;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.InterventionId;

/** The records of a {@link DistrictData} by file and by key, as changes address them. Stateless. */
public final class Records {
    private Records() {}

    /** Visits the records of {@code file} in the order {@code data} lists them (attendance by student then date). */
    public static void forEach(DistrictData data, DataFile file, Consumer<Object> action) {
        switch (file) {
            case ORGANIZATIONS -> data.organizations().forEach(action);
            case SCHOOLS -> data.schools().forEach(action);
            case PARTNERSHIPS -> data.partnerships().forEach(action);
            case STUDENTS -> data.students().forEach(action);
            case STUDENT_CHARACTERISTICS -> data.studentCharacteristics().forEach(action);
            case CALENDAR -> {
                for (InstructionalCalendar c : data.calendars().values()) {
                    for (LocalDate day : c.days()) {
                        action.accept(new InstructionalDay(c.school(), day));
                    }
                }
            }
            case ENROLLMENTS -> data.enrollments().forEach(action);
            case DIPLOMAS -> data.diplomas().forEach(action);
            case ATTENDANCE -> data.attendance().forEachRecord(action);
            case BEHAVIOR -> data.behaviorIncidents().forEach(action);
            case COURSE_MARKS -> data.courseMarks().forEach(action);
            case STAFF -> data.staff().forEach(action);
            case STAFF_ASSIGNMENTS -> data.staffAssignments().forEach(action);
            case STUDENT_STAFF -> data.studentStaffRelationships().forEach(action);
            case INTERVENTIONS -> data.interventions().forEach(action);
            case INTERVENTION_PARTICIPANTS -> data.interventionParticipants().forEach(action);
            case CONSENTS -> data.consents().forEach(action);
            case MEETINGS -> data.meetings().meetings().forEach(action);
            case AGENDA_ITEMS -> data.meetings().agendaItems().forEach(action);
            case ACTION_STEPS -> data.meetings().actionSteps().forEach(action);
            case AGREEMENTS -> data.agreements().forEach(action);
        }
    }

    /** The records of {@code data} with this key (usually none or one), found through the indexes. */
    public static List<Object> withKey(DistrictData data, RecordKey key) {
        List<String> v = key.values();
        List<?> candidates = switch (key.file()) {
            case ORGANIZATIONS -> data.organization(OrganizationId.of(v.get(0))).stream().toList();
            case SCHOOLS -> data.school(SchoolId.of(v.get(0))).stream().toList();
            case PARTNERSHIPS -> yearOf(v.get(2)) == null ? List.of()
                    : data.partnershipsOf(SchoolId.of(v.get(0)), yearOf(v.get(2)));
            case STUDENTS -> data.student(StudentId.of(v.get(0))).stream().toList();
            case STUDENT_CHARACTERISTICS -> data.characteristicsOf(StudentId.of(v.get(0)));
            case CALENDAR -> calendarDay(data, v);
            case ENROLLMENTS -> data.enrollmentsOf(StudentId.of(v.get(0)));
            case DIPLOMAS -> data.diplomasOf(StudentId.of(v.get(0)));
            case ATTENDANCE -> data.attendance().recordsOf(StudentId.of(v.get(0)), SchoolId.of(v.get(1)));
            case BEHAVIOR -> incident(data, v.get(0));
            case COURSE_MARKS -> data.courseMarksOf(StudentId.of(v.get(0)));
            case STAFF -> data.staff(StaffId.of(v.get(0))).stream().toList();
            case STAFF_ASSIGNMENTS -> data.assignmentsOf(StaffId.of(v.get(0)));
            case STUDENT_STAFF -> data.relationshipsOfStudent(StudentId.of(v.get(0)));
            case INTERVENTIONS -> data.intervention(InterventionId.of(v.get(0))).stream().toList();
            case INTERVENTION_PARTICIPANTS -> data.participantsOf(StudentId.of(v.get(1)));
            case CONSENTS -> consent(data, v.get(0));
            case MEETINGS -> data.meetings().meeting(org.communityschools.core.model.MeetingId.of(v.get(0))).stream().toList();
            case AGENDA_ITEMS -> data.meetings().agendaOf(org.communityschools.core.model.MeetingId.of(v.get(0)));
            case ACTION_STEPS -> data.meetings().actionStep(org.communityschools.core.model.ActionStepId.of(v.get(0)))
                    .stream().toList();
            case AGREEMENTS -> data.agreementHistory(AgreementId.of(v.get(0))).map(h -> h.versions()).orElse(List.of());
        };
        List<Object> out = new ArrayList<>(1);
        for (Object r : candidates) {
            if (RecordKey.of(r).equals(key)) {
                out.add(r);
            }
        }
        return out;
    }

    private static SchoolYear yearOf(String text) {
        try {
            return SchoolYear.of(Integer.parseInt(text));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<?> calendarDay(DistrictData data, List<String> v) {
        LocalDate day;
        try {
            day = LocalDate.parse(v.get(1));
        } catch (RuntimeException e) {
            return List.of();
        }
        SchoolId school = SchoolId.of(v.get(0));
        return data.calendar(school).isInstructionalDay(day) ? List.of(new InstructionalDay(school, day)) : List.of();
    }

    private static List<?> incident(DistrictData data, String id) {
        var incidents = DataBridge.get().index(data).incidents;
        int i = incidents.indexOf(id);
        return i < 0 ? List.of() : List.of(incidents.record(i));
    }

    private static List<?> consent(DistrictData data, String id) {
        var consents = DataBridge.get().index(data).consents;
        int i = consents.indexOf(id);
        return i < 0 ? List.of() : List.of(consents.record(i));
    }

    /** The student a record belongs to, if it belongs to one. */
    public static StudentId studentOf(Object r) {
        if (r instanceof AttendanceRecord a) {
            return a.studentId();
        } else if (r instanceof Enrollment e) {
            return e.studentId();
        } else if (r instanceof Consent c) {
            return c.studentId();
        } else if (r instanceof StudentStaffRelationship s) {
            return s.studentId();
        } else if (r instanceof org.communityschools.core.model.Student s) {
            return s.id();
        } else if (r instanceof BehaviorIncident b) {
            return b.studentId();
        } else if (r instanceof CourseMark m) {
            return m.studentId();
        } else if (r instanceof StudentCharacteristic c) {
            return c.studentId();
        } else if (r instanceof Diploma d) {
            return d.studentId();
        } else if (r instanceof InterventionParticipant p) {
            return p.studentId();
        }
        return null;
    }

    /** The staff member a record belongs to, if it belongs to one. */
    public static StaffId staffOf(Object r) {
        if (r instanceof StaffAssignment a) {
            return a.staffId();
        } else if (r instanceof org.communityschools.core.model.Staff s) {
            return s.id();
        } else if (r instanceof StudentStaffRelationship s) {
            return s.staffId();
        }
        return null;
    }

    /** The student key column of a key, when the file's records belong to a student; else null. */
    public static String studentIdOf(RecordKey key) {
        return switch (key.file()) {
            case STUDENTS, STUDENT_CHARACTERISTICS, ENROLLMENTS, DIPLOMAS, ATTENDANCE, COURSE_MARKS, STUDENT_STAFF ->
                    key.values().get(0);
            case INTERVENTION_PARTICIPANTS -> key.values().get(1);
            default -> null;
        };
    }

    /** Files whose records belong to one student and are indexed by student. */
    public static final Set<DataFile> STUDENT_FILES = java.util.EnumSet.of(DataFile.STUDENT_CHARACTERISTICS,
            DataFile.ENROLLMENTS, DataFile.DIPLOMAS, DataFile.ATTENDANCE, DataFile.BEHAVIOR, DataFile.COURSE_MARKS,
            DataFile.STUDENT_STAFF, DataFile.INTERVENTION_PARTICIPANTS, DataFile.CONSENTS);
}
