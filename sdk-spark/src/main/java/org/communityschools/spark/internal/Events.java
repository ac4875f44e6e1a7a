package org.communityschools.spark.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.communityschools.spark.SparkDistrictData;
import org.communityschools.spark.rows.AttendanceRow;
import org.communityschools.spark.rows.CalendarRow;
import org.communityschools.spark.rows.CharacteristicRow;
import org.communityschools.spark.rows.DiplomaRow;
import org.communityschools.spark.rows.EnrollmentRow;
import org.communityschools.spark.rows.StudentRow;

/** Turns the typed tables into one Dataset of per-student events, and collects the calendars. Stateless. */
public final class Events {
    private static final Encoder<StudentEvent> ENCODER = Encoders.bean(StudentEvent.class);

    private Events() {}

    /** The events chronic absence needs for the school year {@code [first, last]}: students, characteristics, enrollments and attendance. */
    public static Dataset<StudentEvent> attendance(SparkDistrictData d, LocalDate first, LocalDate last) {
        return d.students().map((MapFunction<StudentRow, StudentEvent>) StudentEvent::of, ENCODER)
                .union(d.characteristics().map((MapFunction<CharacteristicRow, StudentEvent>) StudentEvent::of, ENCODER))
                .union(d.enrollments().filter((FilterFunction<EnrollmentRow>) e -> !e.getEntryDate().isAfter(last)
                                && (e.getExitDate() == null || !e.getExitDate().isBefore(first)))
                        .map((MapFunction<EnrollmentRow, StudentEvent>) StudentEvent::of, ENCODER))
                .union(d.attendance().filter((FilterFunction<AttendanceRow>) a -> !a.getDate().isBefore(first) && !a.getDate().isAfter(last))
                        .map((MapFunction<AttendanceRow, StudentEvent>) StudentEvent::of, ENCODER));
    }

    /** The events the ACGR needs: students (stated cohort), characteristics, enrollments and diplomas. */
    public static Dataset<StudentEvent> history(SparkDistrictData d) {
        return d.students().map((MapFunction<StudentRow, StudentEvent>) StudentEvent::of, ENCODER)
                .union(d.characteristics().map((MapFunction<CharacteristicRow, StudentEvent>) StudentEvent::of, ENCODER))
                .union(d.enrollments().map((MapFunction<EnrollmentRow, StudentEvent>) StudentEvent::of, ENCODER))
                .union(d.diplomas().map((MapFunction<DiplomaRow, StudentEvent>) StudentEvent::of, ENCODER));
    }

    /** Every school's instructional days from {@code first} to {@code last} (epoch days, sorted), collected to the driver. */
    public static Map<String, int[]> calendars(SparkDistrictData d, LocalDate first, LocalDate last) {
        Map<String, List<Integer>> days = new HashMap<>();
        for (CalendarRow r : d.calendar().filter((FilterFunction<CalendarRow>) c -> !c.getDate().isBefore(first) && !c.getDate().isAfter(last))
                .collectAsList()) {
            days.computeIfAbsent(r.getSchoolId(), k -> new ArrayList<>()).add((int) r.getDate().toEpochDay());
        }
        Map<String, int[]> out = new HashMap<>();
        days.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return out;
    }
}
