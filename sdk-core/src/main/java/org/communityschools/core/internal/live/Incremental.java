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
 * (every record of each student it changes, every assignment of each staff member it changes, and the organizations,
 * schools, calendars, staff and interventions those records refer to), and the new version shares everything else
 * with the current one: per-student and per-staff groups, attendance rows and tables are replaced for the changed
 * students and staff only. Time proportional to the batch and to the records of the students and staff it concerns,
 * plus the organizations and schools (which the check re-reads to keep their indexes); no copy of the attendance
 * table. Stateless.
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
        Scope scope = new Scope(data, plan);
        feed(data, ix, plan, scope, locator, a);
        DistrictIndex scoped = a.finish();
        if (violations.errorCount() > 0) {
            return null;
        }
        return bridge.wrap(layer(data, ix, plan, scope, scoped), bridge.calendars(data));
    }

    /** The students and staff a batch concerns, and their records after the batch, file by file. */
    private static final class Scope {
        final Map<StudentId, Map<DataFile, List<Object>>> students = new LinkedHashMap<>();
        final Map<StudentId, Integer> studentUpserts = new HashMap<>();
        final Map<StaffId, List<Object>> assignments = new LinkedHashMap<>();
        final Map<StaffId, Integer> staffUpserts = new HashMap<>();
        /** Change index of each record of a change. */
        final Map<Object, Integer> fromChange = new java.util.IdentityHashMap<>();

        /** Students whose only changes are attendance rows: their other records stay as they are. */
        final Set<StudentId> attendanceOnly = new java.util.HashSet<>();
        /** The files each student's changes touch. */
        final Map<StudentId, Set<DataFile>> changedFiles = new HashMap<>();
        /** The attendance changes of the attendance-only students. */
        final Map<StudentId, List<Change>> attendanceChanges = new HashMap<>();

        Scope(DistrictData data, BatchPlan plan) {
            List<Change> changes = plan.batch.changes();
            Map<StudentId, List<Integer>> byStudent = new LinkedHashMap<>();
            Map<StaffId, List<Integer>> byStaff = new LinkedHashMap<>();
            Set<StudentId> notOnlyAttendance = new java.util.HashSet<>();
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                DataFile f = c.key().file();
                if (c instanceof Change.Upsert u) {
                    fromChange.put(u.record(), i);
                }
                if (f == DataFile.STUDENTS) {
                    StudentId s = ((Student) ((Change.Upsert) c).record()).id();
                    studentUpserts.put(s, i);
                    byStudent.computeIfAbsent(s, k -> new ArrayList<>());
                    notOnlyAttendance.add(s);
                } else if (f == DataFile.STAFF) {
                    StaffId s = ((Staff) ((Change.Upsert) c).record()).id();
                    staffUpserts.put(s, i);
                    byStaff.computeIfAbsent(s, k -> new ArrayList<>());
                } else if (f == DataFile.STAFF_ASSIGNMENTS) {
                    byStaff.computeIfAbsent(StaffId.of(c.key().values().get(0)), k -> new ArrayList<>()).add(i);
                } else {
                    Set<StudentId> owners = new LinkedHashSet<>();
                    String keyed = Records.studentIdOf(c.key());
                    if (keyed != null) {
                        owners.add(StudentId.of(keyed));
                    } else {
                        if (c instanceof Change.Upsert u) {
                            owners.add(Records.studentOf(u.record()));
                        }
                        for (Object r : Records.withKey(data, c.key())) {
                            owners.add(Records.studentOf(r));
                        }
                    }
                    for (StudentId s : owners) {
                        byStudent.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                        changedFiles.computeIfAbsent(s, k -> EnumSet.noneOf(DataFile.class)).add(f);
                        if (f != DataFile.ATTENDANCE) {
                            notOnlyAttendance.add(s);
                        }
                    }
                }
            }
            for (Map.Entry<StudentId, List<Integer>> e : byStudent.entrySet()) {
                StudentId student = e.getKey();
                Map<DataFile, List<Object>> files = new java.util.EnumMap<>(DataFile.class);
                if (!notOnlyAttendance.contains(student)) {
                    attendanceOnly.add(student);
                    List<Change> own = new ArrayList<>();
                    List<Object> upserts = new ArrayList<>();
                    for (int i : e.getValue()) {
                        own.add(changes.get(i));
                        if (changes.get(i) instanceof Change.Upsert u) {
                            upserts.add(u.record());
                        }
                    }
                    attendanceChanges.put(student, own);
                    for (DataFile f : Records.STUDENT_FILES) {
                        files.put(f, f == DataFile.ENROLLMENTS ? new ArrayList<>(data.enrollmentsOf(student))
                                : f == DataFile.ATTENDANCE ? upserts : new ArrayList<>());
                    }
                    students.put(student, files);
                    continue;
                }
                Map<DataFile, Map<RecordKey, Change>> byFile = new java.util.EnumMap<>(DataFile.class);
                for (int i : e.getValue()) {
                    Change c = changes.get(i);
                    byFile.computeIfAbsent(c.key().file(), f -> new HashMap<>()).put(c.key(), c);
                }
                for (DataFile f : Records.STUDENT_FILES) {
                    Map<RecordKey, Change> own = byFile.getOrDefault(f, Map.of());
                    List<Object> records = new ArrayList<>();
                    for (Object r : current(data, f, student)) {
                        if (own.isEmpty() || !own.containsKey(RecordKey.of(r))) {
                            records.add(r);
                        }
                    }
                    for (Change c : own.values()) {
                        if (c instanceof Change.Upsert u && student.equals(Records.studentOf(u.record()))) {
                            records.add(u.record());
                        }
                    }
                    files.put(f, records);
                }
                students.put(student, files);
            }
            for (Map.Entry<StaffId, List<Integer>> e : byStaff.entrySet()) {
                List<Object> records = new ArrayList<>(data.assignmentsOf(e.getKey()));
                for (int i : e.getValue()) {
                    Change c = changes.get(i);
                    records.removeIf(r -> RecordKey.of(r).equals(c.key()));
                    if (c instanceof Change.Upsert u) {
                        records.add(u.record());
                    }
                }
                assignments.put(e.getKey(), records);
            }
        }

        Where where(Object record, Locator locator) {
            Integer i = fromChange.get(record);
            return i != null ? locator.change(i) : locator.existing(record);
        }
    }

    private static List<?> current(DistrictData data, DataFile f, StudentId s) {
        return switch (f) {
            case STUDENT_CHARACTERISTICS -> data.characteristicsOf(s);
            case ENROLLMENTS -> data.enrollmentsOf(s);
            case DIPLOMAS -> data.diplomasOf(s);
            case ATTENDANCE -> data.attendance().recordsOf(s);
            case BEHAVIOR -> data.incidentsOf(s);
            case COURSE_MARKS -> data.courseMarksOf(s);
            case STUDENT_STAFF -> data.relationshipsOfStudent(s);
            case INTERVENTION_PARTICIPANTS -> data.participantsOf(s);
            case CONSENTS -> data.consentsOf(s);
            default -> throw new IllegalArgumentException(f.fileName());
        };
    }

    /** Feeds the assembler, in file order, with what the batch concerns. */
    private static void feed(DistrictData data, DistrictIndex ix, BatchPlan plan, Scope scope, Locator locator, Assembler a) {
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
    private static DistrictIndex layer(DistrictData data, DistrictIndex ix, BatchPlan plan, Scope scope, DistrictIndex sc) {
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
        Reasons reasons = new Reasons(ix.attendance.reasons(), sc.attendance.reasons());
        Set<SchoolId> schoolsTouched = new TreeSet<>();
        Set<StaffId> staffTouched = new TreeSet<>();
        for (StudentId s : scope.students.keySet()) {
            int real = students.indexOf(s.value());
            int k = sc.students.indexOf(s.value());
            if (real < 0 || k < 0) {
                continue;
            }
            if (scope.attendanceOnly.contains(s)) {
                rows.put(real, merged(ix.attendance.rowsOf(real), ix.schools, scope.attendanceChanges.get(s),
                        reasons.rows(sc.attendance, k)));
                continue;
            }
            Set<DataFile> files = scope.changedFiles.getOrDefault(s, Set.of());
            if (files.contains(DataFile.STUDENT_CHARACTERISTICS)) {
                characteristics = characteristics.withGroup(real, sc.characteristicsByStudent.get(k));
            }
            if (files.contains(DataFile.ENROLLMENTS)) {
                enrollments = enrollments.withGroup(real, sc.enrollmentsByStudent.get(k));
                for (Enrollment e : data.enrollmentsOf(s)) {
                    schoolsTouched.add(e.schoolId());
                }
                for (Enrollment e : sc.enrollmentsByStudent.get(k)) {
                    schoolsTouched.add(e.schoolId());
                }
            }
            if (files.contains(DataFile.DIPLOMAS)) {
                diplomas = diplomas.withGroup(real, sc.diplomasByStudent.get(k));
            }
            if (files.contains(DataFile.BEHAVIOR)) {
                incidentsBy = incidentsBy.withGroup(real, sc.incidentsByStudent.get(k));
            }
            if (files.contains(DataFile.COURSE_MARKS)) {
                marks = marks.withGroup(real, sc.courseMarksByStudent.get(k));
            }
            if (files.contains(DataFile.STUDENT_STAFF)) {
                relationships = relationships.withGroup(real, sc.relationshipsByStudent.get(k));
                for (StudentStaffRelationship r : data.relationshipsOfStudent(s)) {
                    staffTouched.add(r.staffId());
                }
                for (StudentStaffRelationship r : sc.relationshipsByStudent.get(k)) {
                    staffTouched.add(r.staffId());
                }
            }
            if (files.contains(DataFile.INTERVENTION_PARTICIPANTS)) {
                participants = participants.withGroup(real, sc.participantsByStudent.get(k));
            }
            if (files.contains(DataFile.CONSENTS)) {
                consentsBy = consentsBy.withGroup(real, sc.consentsByStudent.get(k));
            }
            if (files.contains(DataFile.ATTENDANCE)) {
                rows.put(real, reasons.rows(sc.attendance, k));
            }
        }
        Set<StudentId> changed = new java.util.LinkedHashSet<>(scope.students.keySet());
        changed.removeAll(scope.attendanceOnly);
        Grouped<Enrollment> bySchool = ix.enrollmentsBySchool;
        for (SchoolId school : schoolsTouched) {
            int c = ix.schools.indexOf(school.value());
            List<Enrollment> group = new ArrayList<>();
            for (Enrollment e : bySchool.get(c)) {
                if (!changed.contains(e.studentId())) {
                    group.add(e);
                }
            }
            for (StudentId s : changed) {
                int k = sc.students.indexOf(s.value());
                for (Enrollment e : k < 0 ? List.<Enrollment>of() : sc.enrollmentsByStudent.get(k)) {
                    if (e.schoolId().equals(school)) {
                        group.add(e);
                    }
                }
            }
            group.sort(Assembler.ENROLLMENTS_AT_SCHOOL);
            bySchool = bySchool.withGroup(c, group);
        }
        Grouped<StudentStaffRelationship> byStaff = ix.relationshipsByStaff;
        for (StaffId x : staffTouched) {
            int t = staff.indexOf(x.value());
            List<StudentStaffRelationship> group = new ArrayList<>();
            for (StudentStaffRelationship r : byStaff.get(t)) {
                if (!changed.contains(r.studentId())) {
                    group.add(r);
                }
            }
            for (StudentId s : changed) {
                int k = sc.students.indexOf(s.value());
                for (StudentStaffRelationship r : k < 0 ? List.<StudentStaffRelationship>of() : sc.relationshipsByStudent.get(k)) {
                    if (r.staffId().equals(x)) {
                        group.add(r);
                    }
                }
            }
            group.sort(Assembler.RELATIONSHIPS_OF_STAFF);
            byStaff = byStaff.withGroup(t, group);
        }
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
        var years = new LazySortedSet<>(() -> Assembler.schoolYears(ix.partnerships, ix.calendars, enrollmentList,
                markList, attendance));
        return new DistrictIndex(ix.organizations, ix.schools, ix.partnerships, ix.partnershipsBySchoolYear,
                ix.schoolsByOrganizationYear, students, characteristicList, characteristics, ix.calendars, enrollmentList,
                enrollments, bySchool, diplomaList, diplomas, attendance, incidents, incidentsBy, markList, marks, staff,
                assignmentList, assignmentsBy, relationshipList, byStaff, relationships, ix.interventions, participantList,
                participants, consents, consentsBy, ix.agreements, ix.agreementHistories, years);
    }

    /**
     * A student's rows after attendance changes: the current rows less those whose (school, day) a change addresses,
     * plus the rows the changes add, in store order (date, then school).
     */
    private static AttendanceColumns.Rows merged(AttendanceColumns.Rows current, IdTable<SchoolId, ?> schools,
                                                 List<Change> changes, AttendanceColumns.Rows added) {
        Set<Long> addressed = new java.util.HashSet<>();
        for (Change c : changes) {
            List<String> k = c.key().values();
            addressed.add(((long) java.time.LocalDate.parse(k.get(2)).toEpochDay() << 16) | schools.indexOf(k.get(1)));
        }
        int n = 0;
        int total = current.size() + added.size();
        char[] school = new char[total];
        int[] day = new int[total];
        int[] packed = new int[total];
        for (int r = 0; r < current.size(); r++) {
            if (!addressed.contains(((long) current.day()[r] << 16) | current.school()[r])) {
                school[n] = current.school()[r];
                day[n] = current.day()[r];
                packed[n++] = current.packed()[r];
            }
        }
        for (int r = 0; r < added.size(); r++) {
            school[n] = added.school()[r];
            day[n] = added.day()[r];
            packed[n++] = added.packed()[r];
        }
        long[] order = new long[n];
        int minDay = Integer.MAX_VALUE;
        for (int r = 0; r < n; r++) {
            minDay = Math.min(minDay, day[r]);
        }
        for (int r = 0; r < n; r++) {
            order[r] = ((long) (day[r] - minDay) << 40) | ((long) school[r] << 24) | r;
        }
        java.util.Arrays.sort(order);
        char[] s2 = new char[n];
        int[] d2 = new int[n];
        int[] p2 = new int[n];
        for (int i = 0; i < n; i++) {
            int r = (int) (order[i] & 0xFFFFFF);
            s2[i] = school[r];
            d2[i] = day[r];
            p2[i] = packed[r];
        }
        return new AttendanceColumns.Rows(s2, d2, p2);
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

    /** The reason dictionary of the new version: the current one, extended by the reasons the changed rows bring. */
    private static final class Reasons {
        private final String[] live;
        private final String[] scoped;
        private final List<String> added = new ArrayList<>();
        private Map<String, Integer> codes;

        Reasons(String[] live, String[] scoped) {
            this.live = live;
            this.scoped = scoped;
        }

        private int code(String reason) {
            if (codes == null) {
                codes = new HashMap<>();
                for (int i = 0; i < live.length; i++) {
                    codes.put(live[i], i + 1);
                }
            }
            Integer c = codes.get(reason);
            if (c == null) {
                if (live.length + added.size() >= AttendanceColumns.MAX_REASONS) {
                    throw new IllegalStateException("at most " + AttendanceColumns.MAX_REASONS + " distinct reasons are supported");
                }
                added.add(reason);
                c = live.length + added.size();
                codes.put(reason, c);
            }
            return c;
        }

        AttendanceColumns.Rows rows(AttendanceColumns scopedColumns, int student) {
            int from = scopedColumns.start(student);
            int n = scopedColumns.end(student) - from;
            char[] school = new char[n];
            int[] day = new int[n];
            int[] packed = new int[n];
            for (int i = 0; i < n; i++) {
                int r = from + i;
                school[i] = (char) scopedColumns.school(r);
                day[i] = scopedColumns.epochDay(r);
                int p = scopedColumns.packed(r);
                int reason = p & 0x7FFF;
                packed[i] = reason == 0 ? p : (p & ~0x7FFF) | code(scoped[reason - 1]);
            }
            return new AttendanceColumns.Rows(school, day, packed);
        }

        String[] merged() {
            if (added.isEmpty()) {
                return live;
            }
            String[] out = java.util.Arrays.copyOf(live, live.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                out[live.length + i] = added.get(i);
            }
            return out;
        }
    }
}
