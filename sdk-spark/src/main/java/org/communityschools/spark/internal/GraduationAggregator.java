package org.communityschools.spark.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortMember;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.SchoolDays;
import org.communityschools.metrics.StudentHistory;
import org.communityschools.spark.rows.CohortCountsRow;

/**
 * The adjusted-cohort status of one student as a Spark {@link Aggregator} over the student's events (grouped by
 * student): the events are gathered into the SDK's {@link StudentHistory} and handed to
 * {@link GraduationRate#calculate(java.util.Collection, SchoolYear, GraduationCohortDefinition, SchoolDays)}, with
 * school days counted from the schools' calendars (weekdays for a school without one), exactly as
 * {@code GraduationRate.calculate(DistrictData, ...)} counts them. A student's status depends on their own history
 * only, so the output is the student's per-student partials, {@link CohortCounts#of} of the district status (also
 * keyed by each characteristic held in the cohort period) and of each school's, ready to be added up with
 * {@link CohortCounts#plus}. Serializable; Spark gives each task its own copy.
 */
public final class GraduationAggregator extends StudentEventsAggregator<CohortRows> {
    private static final long serialVersionUID = 1L;

    private final Definitions.Graduation definition;
    private final int cohortYear;
    private final Broadcast<Map<String, int[]>> calendars;
    private transient GraduationCohortDefinition resolved;

    /** An aggregator of the cohort that entered grade 9 in {@code cohort}, under {@code definition}. */
    public GraduationAggregator(GraduationCohortDefinition definition, SchoolYear cohort, Broadcast<Map<String, int[]>> calendars) {
        this.definition = Definitions.Graduation.of(definition);
        this.cohortYear = cohort.endYear();
        this.calendars = calendars;
    }

    @Override
    public CohortRows finish(StudentEvents b) {
        if (resolved == null) {
            resolved = definition.definition();
        }
        CohortRows out = new CohortRows();
        if (b.events.isEmpty()) {
            return out;
        }
        StudentId student = StudentId.of(b.events.get(0).getStudentId());
        Optional<SchoolYear> stated = Optional.empty();
        List<Enrollment> enrollments = new ArrayList<>();
        List<Diploma> diplomas = new ArrayList<>();
        List<StudentCharacteristic> characteristics = new ArrayList<>();
        for (StudentEvent e : b.events) {
            switch (e.getKind()) {
                case StudentEvent.STUDENT -> stated = e.getNumber() == 0 ? Optional.empty() : Optional.of(SchoolYear.of(e.getNumber()));
                case StudentEvent.CHARACTERISTIC -> characteristics.add(new StudentCharacteristic(student,
                        StudentCharacteristicType.valueOf(e.getCode()), DateRange.closed(e.getDate(), Optional.ofNullable(e.getEndDate()))));
                case StudentEvent.ENROLLMENT -> enrollments.add(new Enrollment(student, SchoolId.of(e.getSchoolId()), e.getDate(),
                        GradeLevel.parse(e.getCode()), Optional.ofNullable(e.getEndDate()),
                        Optional.ofNullable(e.getCode2()).map(ExitWithdrawType::valueOf), e.isFlag()));
                case StudentEvent.DIPLOMA -> diplomas.add(new Diploma(student, SchoolId.of(e.getSchoolId()), e.getDate(),
                        DiplomaType.valueOf(e.getCode())));
                default -> { }
            }
        }
        Map<String, int[]> days = calendars.value();
        SchoolDays weekdays = SchoolDays.weekdays();
        SchoolDays schoolDays = (school, range) -> {
            int[] d = days.get(school.value());
            if (d == null || d.length == 0) {
                return weekdays.count(school, range);
            }
            List<LocalDate> list = new ArrayList<>(d.length);
            for (int x : d) {
                list.add(LocalDate.ofEpochDay(x));
            }
            return InstructionalCalendar.of(school, list).daysIn(range);
        };
        GraduationCohortReport report = GraduationRate.calculate(List.of(new StudentHistory(student, stated, enrollments, diplomas, characteristics)), SchoolYear.of(cohortYear),
                resolved, schoolDays);
        for (CohortMember m : report.members()) {
            CohortCounts district = CohortCounts.of(m.district());
            out.add("DISTRICT", "ALL", district);
            for (StudentCharacteristicType c : m.characteristics()) {
                out.add("CHARACTERISTIC", c.name(), district);
            }
            m.schools().forEach((school, status) -> out.add("SCHOOL", school.value(), CohortCounts.of(status)));
        }
        return out;
    }

    @Override
    public Encoder<CohortRows> outputEncoder() {
        return Encoders.bean(CohortRows.class);
    }
}
