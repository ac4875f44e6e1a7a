package org.communityschools.examples.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsenceDefinition;

/**
 * The school year's attendance kept current as events arrive: an {@link AttendanceAccumulator} fed with the data
 * directory at start, then with each attendance event recorded in the dashboard, so that every figure read afterwards
 * (the school's, the district's, a student's) includes it at once. The events recorded here are also kept so that a
 * student's page can list them with the directory's records. The accumulator is single-writer and not thread-safe, so
 * every access goes through this object's monitor.
 */
final class LiveAttendance {
    private final AttendanceAccumulator accumulator;
    private final Map<StudentId, Map<LocalDate, AttendanceRecord>> recorded = new HashMap<>();

    LiveAttendance(DistrictData data, SchoolYear year, ChronicAbsenceDefinition definition) {
        this.accumulator = AttendanceAccumulator.of(year, definition).addAll(data);
    }

    SchoolYear year() {
        return accumulator.schoolYear();
    }

    synchronized void record(AttendanceRecord record) {
        accumulator.attendance(record);
        recorded.computeIfAbsent(record.studentId(), s -> new TreeMap<>()).put(record.date(), record);
    }

    /** The events recorded in the dashboard for {@code student}, by date. */
    synchronized List<AttendanceRecord> recordedFor(StudentId student) {
        return new ArrayList<>(recorded.getOrDefault(student, Map.of()).values());
    }

    synchronized AttendanceAggregate school(SchoolId school, LocalDate asOf) {
        return accumulator.school(school, asOf);
    }

    synchronized AttendanceAggregate schools(Collection<SchoolId> schools, LocalDate asOf) {
        return accumulator.schools(schools, asOf);
    }

    synchronized AttendanceAggregate district(LocalDate asOf) {
        return accumulator.district(asOf);
    }

    synchronized AttendanceAggregate student(StudentId student, LocalDate asOf) {
        return accumulator.students(List.of(student), asOf);
    }
}
