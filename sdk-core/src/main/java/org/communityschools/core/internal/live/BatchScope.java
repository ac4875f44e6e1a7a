package org.communityschools.core.internal.live;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.read.Where;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;

/**
 * The students and staff a batch concerns, and their records after the batch, file by file: for the incremental path
 * ({@link Incremental}). A student whose only changes are attendance rows is "attendance-only": only the student,
 * the enrollments and the new rows are checked. Not thread-safe; one per batch.
 */
final class BatchScope {
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
    /** Students not attendance-only whose every file is checked again (see {@link #fed}). */
    private final Set<StudentId> fedAll = new java.util.HashSet<>();
    /** The attendance changes of the attendance-only students. */
    final Map<StudentId, List<Change>> attendanceChanges = new HashMap<>();

    BatchScope(DistrictData data, BatchPlan plan) {
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
            Set<DataFile> touched = changedFiles.getOrDefault(student, Set.of());
            if (studentUpserts.containsKey(student) || touched.contains(DataFile.ENROLLMENTS)) {
                fedAll.add(student);
            }
            for (DataFile f : Records.STUDENT_FILES) {
                if (!fed(student, f)) {
                    files.put(f, new ArrayList<>());
                    continue;
                }
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

    /**
     * Whether the records of {@code file} of a student who is not attendance-only are checked again (and their groups
     * taken from the check): every file when the batch upserts the student or changes the student's enrollments (the
     * rules of the other student files read the student and the enrollments: {@code enrolledBetween}), else the
     * enrollments (the context those rules read) and the files the batch changes. A file not checked keeps its records
     * and groups: what its rules read did not change.
     */
    boolean fed(StudentId student, DataFile file) {
        return file == DataFile.ENROLLMENTS || fedAll.contains(student)
                || changedFiles.getOrDefault(student, Set.of()).contains(file);
    }

    Where where(Object record, Locator locator) {
        Integer i = fromChange.get(record);
        return i != null ? locator.change(i) : locator.existing(record);
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
}
