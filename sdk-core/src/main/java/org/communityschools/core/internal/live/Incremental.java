package org.communityschools.core.internal.live;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.DataBridge;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.index.Grouped;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.internal.index.LayeredList;
import org.communityschools.core.internal.index.LazySortedSet;
import org.communityschools.core.internal.read.Assembler;
import org.communityschools.core.internal.read.Violations;
import org.communityschools.core.internal.read.Where;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * The incremental path: a batch of changes to students' records (all their files), to students and staff members
 * (upserts) and to staff assignments is checked by the reader's {@link Assembler} over only what the batch concerns
 * ({@link BatchScope}: every record of each student it changes, or only the enrollments and new rows of a student whose
 * changes are all attendance rows; every assignment of each staff member it changes; the staff and interventions those
 * records refer to), against the current version's organizations, schools and calendars read in place. The new version
 * shares everything else with the current one: per-student and per-staff groups, attendance rows and tables are
 * replaced for the changed students and staff only, and only for the files they changed. Time proportional to the
 * batch and to the records of the students and staff it concerns; no copy of the attendance table. Stateless.
 */
final class Incremental {
    /** Files whose upserts and deletes the incremental path takes. */
    private static final Set<DataFile> BOTH = EnumSet.of(DataFile.STUDENT_CHARACTERISTICS, DataFile.ENROLLMENTS,
            DataFile.DIPLOMAS, DataFile.ATTENDANCE, DataFile.BEHAVIOR, DataFile.COURSE_MARKS, DataFile.STUDENT_STAFF,
            DataFile.INTERVENTION_PARTICIPANTS, DataFile.CONSENTS, DataFile.STAFF_ASSIGNMENTS);
    /** Files whose upserts (not deletes) the incremental path takes. */
    private static final Set<DataFile> UPSERTS = EnumSet.of(DataFile.STUDENTS, DataFile.STAFF);
    private static final Function<Object, Object> KEY = RecordKey::of;

    private Incremental() {}

    static boolean takes(BatchPlan plan) {
        for (Change c : plan.batch.changes()) {
            DataFile f = c.key().file();
            if (!BOTH.contains(f) && !(UPSERTS.contains(f) && c instanceof Change.Upsert)) {
                return false;
            }
        }
        return true;
    }

    /** The new data, or null when the assembler reported a broken rule. */
    static DistrictData apply(DistrictData data, BatchPlan plan, Locator locator, Assembler a, Violations violations) {
        DataBridge bridge = DataBridge.get();
        DistrictIndex ix = bridge.index(data);
        BatchScope scope = new BatchScope(data, plan);
        feed(data, ix, plan, scope, locator, a);
        DistrictIndex scoped = a.finish();
        if (violations.errorCount() > 0) {
            return null;
        }
        return bridge.wrap(layer(data, ix, plan, scope, scoped), bridge.calendars(data));
    }

    /** Feeds the assembler, in file order, with what the batch concerns. */
    private static void feed(DistrictData data, DistrictIndex ix, BatchPlan plan, BatchScope scope, Locator locator, Assembler a) {
        for (DataFile f : DataFile.values()) {
            switch (f) {
                case ORGANIZATIONS -> a.presetDirectory(ix.organizations, ix.schools, ix.calendars);
                case STUDENTS -> {
                    for (StudentId s : scope.students.keySet()) {
                        Integer i = scope.studentUpserts.get(s);
                        if (i != null) {
                            a.addAny(((Change.Upsert) plan.change(i)).record(), locator.change(i));
                        } else {
                            data.student(s).ifPresent(st -> a.add(st, Where.IN_CODE));
                        }
                    }
                }
                case STAFF -> {
                    Map<StaffId, Object> staff = new LinkedHashMap<>();
                    for (StaffId x : scope.assignments.keySet()) {
                        staff.put(x, null);
                    }
                    for (Map<DataFile, List<Object>> files : scope.students.values()) {
                        for (Object r : files.get(DataFile.STUDENT_STAFF)) {
                            staff.put(((StudentStaffRelationship) r).staffId(), null);
                        }
                        for (Object r : files.get(DataFile.INTERVENTION_PARTICIPANTS)) {
                            ((InterventionParticipant) r).staffId().ifPresent(x -> staff.put(x, null));
                            ((InterventionParticipant) r).recordedBy().ifPresent(x -> staff.put(x, null));
                        }
                    }
                    for (StaffId x : staff.keySet()) {
                        Integer i = scope.staffUpserts.get(x);
                        if (i != null) {
                            a.addAny(((Change.Upsert) plan.change(i)).record(), locator.change(i));
                        } else {
                            data.staff(x).ifPresent(st -> a.add(st, Where.IN_CODE));
                        }
                    }
                }
                case STAFF_ASSIGNMENTS -> {
                    for (List<Object> records : scope.assignments.values()) {
                        for (Object r : records) {
                            a.addAny(r, scope.where(r, locator));
                        }
                    }
                }
                case INTERVENTIONS -> {
                    Set<InterventionId> used = new LinkedHashSet<>();
                    for (Map<DataFile, List<Object>> files : scope.students.values()) {
                        for (Object r : files.get(DataFile.INTERVENTION_PARTICIPANTS)) {
                            used.add(((InterventionParticipant) r).interventionId());
                        }
                    }
                    for (InterventionId i : used) {
                        data.intervention(i).ifPresent(x -> a.add(x, Where.IN_CODE));
                    }
                }
                default -> {
                    if (Records.STUDENT_FILES.contains(f)) {
                        for (Map<DataFile, List<Object>> files : scope.students.values()) {
                            for (Object r : files.get(f)) {
                                a.addAny(r, scope.where(r, locator));
                            }
                        }
                    }
                }
            }
            a.endOfFile(f);
        }
    }

    /** The new index: the current one with the groups, rows and tables of what the batch changed replaced. */
    @SuppressWarnings("unchecked")
    private static DistrictIndex layer(DistrictData data, DistrictIndex ix, BatchPlan plan, BatchScope scope, DistrictIndex sc) {
        Map<String, Student> studentUpserts = new LinkedHashMap<>();
        Map<String, Staff> staffUpserts = new LinkedHashMap<>();
        Map<String, BehaviorIncident> incidentUpserts = new LinkedHashMap<>();
        List<String> incidentRemovals = new ArrayList<>();
        Map<String, Consent> consentUpserts = new LinkedHashMap<>();
        List<String> consentRemovals = new ArrayList<>();
        Map<DataFile, LayeredList<Object>> lists = new java.util.EnumMap<>(DataFile.class);
        for (Change c : plan.batch.changes()) {
            Object record = c instanceof Change.Upsert u ? u.record() : null;
            String id = c.key().values().get(0);
            switch (c.key().file()) {
                case STUDENTS -> studentUpserts.put(id, (Student) record);
                case STAFF -> staffUpserts.put(id, (Staff) record);
                case BEHAVIOR -> {
                    if (record != null) {
                        incidentUpserts.put(id, (BehaviorIncident) record);
                    } else {
                        incidentRemovals.add(id);
                    }
                }
                case CONSENTS -> {
                    if (record != null) {
                        consentUpserts.put(id, (Consent) record);
                    } else {
                        consentRemovals.add(id);
                    }
                }
                case ATTENDANCE -> { }
                default -> {
                    LayeredList<Object> l = lists.computeIfAbsent(c.key().file(),
                            f -> LayeredList.over((List<Object>) list(ix, f), KEY));
                    lists.put(c.key().file(), l.with(c.key(), record, !Records.withKey(data, c.key()).isEmpty()));
                }
            }
        }
        IdTable<StudentId, Student> students = ix.students.with(studentUpserts, List.of());
        IdTable<StaffId, Staff> staff = ix.staff.with(staffUpserts, List.of());
        IdTable<org.communityschools.core.model.IncidentId, BehaviorIncident> incidents =
                ix.incidents.with(incidentUpserts, incidentRemovals);
        IdTable<org.communityschools.core.model.ConsentId, Consent> consents = ix.consents.with(consentUpserts, consentRemovals);

        var characteristics = ix.characteristicsByStudent;
        var enrollments = ix.enrollmentsByStudent;
        var diplomas = ix.diplomasByStudent;
        var incidentsBy = ix.incidentsByStudent;
        var marks = ix.courseMarksByStudent;
        var relationships = ix.relationshipsByStudent;
        var participants = ix.participantsByStudent;
        var consentsBy = ix.consentsByStudent;
        Map<Integer, AttendanceColumns.Rows> rows = new HashMap<>();
        AttendanceRows.Reasons reasons = new AttendanceRows.Reasons(ix.attendance.reasons(), sc.attendance.reasons());
        Set<SchoolId> schoolsTouched = new TreeSet<>();
        Set<StaffId> staffTouched = new TreeSet<>();
        for (StudentId s : scope.students.keySet()) {
            int real = students.indexOf(s.value());
            int k = sc.students.indexOf(s.value());
            if (real < 0 || k < 0) {
                continue;
            }
            if (scope.attendanceOnly.contains(s)) {
                rows.put(real, AttendanceRows.merged(ix.attendance.rowsOf(real), ix.schools, scope.attendanceChanges.get(s),
                        reasons.rows(sc.attendance, k)));
                continue;
            }
            Set<DataFile> files = scope.changedFiles.getOrDefault(s, Set.of());
            characteristics = regroup(characteristics, files, DataFile.STUDENT_CHARACTERISTICS, real, sc.characteristicsByStudent, k);
            enrollments = regroup(enrollments, files, DataFile.ENROLLMENTS, real, sc.enrollmentsByStudent, k);
            diplomas = regroup(diplomas, files, DataFile.DIPLOMAS, real, sc.diplomasByStudent, k);
            incidentsBy = regroup(incidentsBy, files, DataFile.BEHAVIOR, real, sc.incidentsByStudent, k);
            marks = regroup(marks, files, DataFile.COURSE_MARKS, real, sc.courseMarksByStudent, k);
            relationships = regroup(relationships, files, DataFile.STUDENT_STAFF, real, sc.relationshipsByStudent, k);
            participants = regroup(participants, files, DataFile.INTERVENTION_PARTICIPANTS, real, sc.participantsByStudent, k);
            consentsBy = regroup(consentsBy, files, DataFile.CONSENTS, real, sc.consentsByStudent, k);
            if (files.contains(DataFile.ENROLLMENTS)) {
                data.enrollmentsOf(s).forEach(e -> schoolsTouched.add(e.schoolId()));
                sc.enrollmentsByStudent.get(k).forEach(e -> schoolsTouched.add(e.schoolId()));
            }
            if (files.contains(DataFile.STUDENT_STAFF)) {
                data.relationshipsOfStudent(s).forEach(r -> staffTouched.add(r.staffId()));
                sc.relationshipsByStudent.get(k).forEach(r -> staffTouched.add(r.staffId()));
            }
            if (files.contains(DataFile.ATTENDANCE)) {
                rows.put(real, reasons.rows(sc.attendance, k));
            }
        }
        Set<StudentId> changed = new java.util.LinkedHashSet<>(scope.students.keySet());
        changed.removeAll(scope.attendanceOnly);
        List<Enrollment> changedEnrollments = new ArrayList<>();
        List<StudentStaffRelationship> changedRelationships = new ArrayList<>();
        for (StudentId s : changed) {
            int k = sc.students.indexOf(s.value());
            if (k >= 0) {
                changedEnrollments.addAll(sc.enrollmentsByStudent.get(k));
                changedRelationships.addAll(sc.relationshipsByStudent.get(k));
            }
        }
        Grouped<Enrollment> bySchool = merge(ix.enrollmentsBySchool, schoolsTouched, x -> ix.schools.indexOf(x.value()),
                changed, Enrollment::studentId, Enrollment::schoolId, changedEnrollments, Assembler.ENROLLMENTS_AT_SCHOOL);
        Set<StudentId> relationshipsChecked = new java.util.HashSet<>();
        for (StudentId s : changed) {
            if (scope.fed(s, DataFile.STUDENT_STAFF)) {
                relationshipsChecked.add(s);
            }
        }
        Grouped<StudentStaffRelationship> byStaff = merge(ix.relationshipsByStaff, staffTouched,
                x -> staff.indexOf(x.value()), relationshipsChecked, StudentStaffRelationship::studentId,
                StudentStaffRelationship::staffId, changedRelationships, Assembler.RELATIONSHIPS_OF_STAFF);
        Grouped<StaffAssignment> assignmentsBy = ix.assignmentsByStaff;
        for (StaffId x : scope.assignments.keySet()) {
            int t = staff.indexOf(x.value());
            int k = sc.staff.indexOf(x.value());
            if (t >= 0 && k >= 0) {
                assignmentsBy = assignmentsBy.withGroup(t, sc.assignmentsByStaff.get(k));
            }
        }
        AttendanceColumns attendance = rows.isEmpty() && students == ix.students ? ix.attendance
                : ix.attendance.with(rows, reasons.merged(), students.size(), students::id, ix.schools::id);

        List<org.communityschools.core.model.StudentCharacteristic> characteristicList = listOf(lists, DataFile.STUDENT_CHARACTERISTICS, ix.characteristics);
        List<Enrollment> enrollmentList = listOf(lists, DataFile.ENROLLMENTS, ix.enrollments);
        List<org.communityschools.core.model.Diploma> diplomaList = listOf(lists, DataFile.DIPLOMAS, ix.diplomas);
        List<org.communityschools.core.model.CourseMark> markList = listOf(lists, DataFile.COURSE_MARKS, ix.courseMarks);
        List<StaffAssignment> assignmentList = listOf(lists, DataFile.STAFF_ASSIGNMENTS, ix.assignments);
        List<StudentStaffRelationship> relationshipList = listOf(lists, DataFile.STUDENT_STAFF, ix.relationships);
        List<InterventionParticipant> participantList = listOf(lists, DataFile.INTERVENTION_PARTICIPANTS, ix.participants);
        // captures the lists it reads, never the previous index (that would keep every earlier version reachable)
        var partnerships = ix.partnerships;
        var calendars = ix.calendars;
        var years = new LazySortedSet<>(() -> Assembler.schoolYears(partnerships, calendars, enrollmentList,
                markList, attendance));
        return new DistrictIndex(ix.organizations, ix.schools, ix.partnerships, ix.partnershipsBySchoolYear,
                ix.schoolsByOrganizationYear, students, characteristicList, characteristics, ix.calendars, enrollmentList,
                enrollments, bySchool, diplomaList, diplomas, attendance, incidents, incidentsBy, markList, marks, staff,
                assignmentList, assignmentsBy, relationshipList, byStaff, relationships, ix.interventions, participantList,
                participants, consents, consentsBy, ix.agreements, ix.agreementHistories, years,
                ix.meetings);
    }

    /** {@code groups} with the student's group from the check ({@code scoped}, index {@code k}) when {@code file} changed. */
    private static <T> Grouped<T> regroup(Grouped<T> groups, Set<DataFile> changed, DataFile file, int real, Grouped<T> scoped,
                                          int k) {
        return changed.contains(file) ? groups.withGroup(real, scoped.get(k)) : groups;
    }

    /**
     * {@code groups} (by school or staff member) with, for each key touched, the records of the changed students
     * replaced by their records after the batch, in the group's order.
     */
    private static <T, K> Grouped<T> merge(Grouped<T> groups, Set<K> touched, java.util.function.ToIntFunction<K> index,
                                           Set<StudentId> changed, Function<T, StudentId> studentOf, Function<T, K> keyOf,
                                           List<T> after, java.util.Comparator<? super T> order) {
        Grouped<T> out = groups;
        for (K key : touched) {
            int g = index.applyAsInt(key);
            List<T> group = new ArrayList<>();
            for (T r : out.get(g)) {
                if (!changed.contains(studentOf.apply(r))) {
                    group.add(r);
                }
            }
            for (T r : after) {
                if (keyOf.apply(r).equals(key)) {
                    group.add(r);
                }
            }
            group.sort(order);
            out = out.withGroup(g, group);
        }
        return out;
    }

    private static List<?> list(DistrictIndex ix, DataFile f) {
        return switch (f) {
            case STUDENT_CHARACTERISTICS -> ix.characteristics;
            case ENROLLMENTS -> ix.enrollments;
            case DIPLOMAS -> ix.diplomas;
            case ATTENDANCE -> List.of();
            case COURSE_MARKS -> ix.courseMarks;
            case STAFF_ASSIGNMENTS -> ix.assignments;
            case STUDENT_STAFF -> ix.relationships;
            case INTERVENTION_PARTICIPANTS -> ix.participants;
            default -> throw new IllegalArgumentException(f.fileName());
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> listOf(Map<DataFile, LayeredList<Object>> lists, DataFile f, List<T> unchanged) {
        LayeredList<Object> l = lists.get(f);
        return l == null ? unchanged : (List<T>) (List<?>) l;
    }
}
