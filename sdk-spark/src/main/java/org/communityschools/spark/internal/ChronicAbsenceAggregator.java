package org.communityschools.spark.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceSnapshot;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.EnrollmentFigures;
import org.communityschools.metrics.Subgroup;
import org.communityschools.spark.rows.AggregateRow;

/**
 * Chronic absence of one student-year as a Spark {@link Aggregator} over the student's events (grouped by student):
 * the events are gathered, then fed to the SDK's own {@link AttendanceAccumulator} (with the instructional days of the
 * student's schools from a broadcast) and read back with {@link AttendanceAccumulator#snapshot(LocalDate)}, so the
 * days enrolled, days absent, day rule, minimums and status are the SDK's. The output is the student's per-member
 * partials, {@link AttendanceAggregate#of(AttendanceFigures)} of each student-enrollment and of the pooled student-year,
 * keyed by every group the member belongs to (school, district, grade, subgroup, community-school status), ready to
 * be added up with {@link AttendanceAggregate#plus}. Subgroups follow the batch engine: sex and race/ethnicity of the
 * student record, and each characteristic held on at least one day of the member's period. Serializable; Spark
 * gives each task its own copy.
 */
public final class ChronicAbsenceAggregator extends StudentEventsAggregator<AggregateRows> {
    private static final long serialVersionUID = 1L;

    private final Definitions.Chronic definition;
    private final int schoolYear;
    private final LocalDate asOf;
    private final Broadcast<Map<String, int[]>> calendars;
    private final Broadcast<Map<String, String>> schoolTypes;
    private final Broadcast<Set<String>> communitySchools;
    private transient ChronicAbsenceDefinition resolved;

    /** An aggregator for {@code year} under {@code definition} as of {@code asOf}. */
    public ChronicAbsenceAggregator(ChronicAbsenceDefinition definition, SchoolYear year, LocalDate asOf,
                                    Broadcast<Map<String, int[]>> calendars, Broadcast<Map<String, String>> schoolTypes,
                                    Broadcast<Set<String>> communitySchools) {
        this.definition = Definitions.Chronic.of(definition);
        this.schoolYear = year.endYear();
        this.asOf = asOf;
        this.calendars = calendars;
        this.schoolTypes = schoolTypes;
        this.communitySchools = communitySchools;
    }

    private ChronicAbsenceDefinition definition() {
        if (resolved == null) {
            resolved = definition.definition();
        }
        return resolved;
    }

    @Override
    public AggregateRows finish(StudentEvents b) {
        ChronicAbsenceDefinition def = definition();
        AttendanceAccumulator acc = AttendanceAccumulator.of(SchoolYear.of(schoolYear), def);
        Set<String> fed = new HashSet<>();
        Optional<Sex> sex = Optional.empty();
        Optional<RaceEthnicity> race = Optional.empty();
        List<StudentEvent> characteristics = new ArrayList<>();
        StudentId student = null;
        for (StudentEvent e : b.events) {
            student = StudentId.of(e.getStudentId());
            switch (e.getKind()) {
                case StudentEvent.STUDENT -> {
                    sex = Optional.of(Sex.valueOf(e.getCode()));
                    race = Optional.of(RaceEthnicity.valueOf(e.getCode2()));
                }
                case StudentEvent.CHARACTERISTIC -> characteristics.add(e);
                case StudentEvent.ENROLLMENT -> {
                    SchoolId school = SchoolId.of(e.getSchoolId());
                    if (fed.add(e.getSchoolId())) {
                        String type = schoolTypes.value().get(e.getSchoolId());
                        if (type != null) {
                            acc.schoolType(school, SchoolType.valueOf(type));
                        }
                        int[] days = calendars.value().get(e.getSchoolId());
                        if (days != null) {
                            for (int d : days) {
                                acc.instructionalDay(school, LocalDate.ofEpochDay(d));
                            }
                        }
                    }
                    acc.enrollment(new Enrollment(student, school, e.getDate(), GradeLevel.parse(e.getCode()),
                            Optional.ofNullable(e.getEndDate()), Optional.ofNullable(e.getCode2()).map(ExitWithdrawType::valueOf), e.isFlag()));
                }
                case StudentEvent.ATTENDANCE -> acc.attendance(new AttendanceRecord(student, SchoolId.of(e.getSchoolId()), e.getDate(),
                        AttendanceCategory.valueOf(e.getCode()), DayShare.ofTenThousandths(e.getNumber()), Optional.empty()));
                default -> { }
            }
        }
        AggregateRows out = new AggregateRows();
        if (student == null) {
            return out;
        }
        AttendanceSnapshot snapshot = acc.snapshot(asOf);
        List<EnrollmentFigures> enrollments = snapshot.enrollments();
        if (enrollments.isEmpty()) {
            return out;
        }
        boolean pooled = def.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED;
        LocalDate first = enrollments.get(0).period().start();
        LocalDate last = null;
        for (EnrollmentFigures ef : enrollments) {
            LocalDate end = ef.period().endExclusive().orElseThrow().minusDays(1);
            last = last == null || end.isAfter(last) ? end : last;
            if (ef.period().start().isBefore(first)) {
                first = ef.period().start();
            }
        }
        DateRange studentPeriod = DateRange.closed(first, last);
        for (EnrollmentFigures ef : enrollments) {
            AttendanceAggregate one = AttendanceAggregate.of(ef.figures());
            String school = ef.schoolId().value();
            out.add("SCHOOL", school, one);
            out.add("COMMUNITY_SCHOOL", String.valueOf(communitySchools.value().contains(school)), one);
            out.add("DISTRICT_PER_ENROLLMENT", "ALL", one);
            if (!pooled) {
                out.add("DISTRICT", "ALL", one);
                out.add("GRADE", ef.grade().code(), one);
                DateRange period = enrollments.size() == 1 ? studentPeriod : ef.period();
                for (Subgroup g : subgroups(sex, race, characteristics, period)) {
                    out.add("SUBGROUP", key(g), one);
                }
            }
        }
        AttendanceFigures studentYear = snapshot.students().get(student);
        if (studentYear != null) {
            AttendanceAggregate one = AttendanceAggregate.of(studentYear);
            out.add("DISTRICT_POOLED", "ALL", one);
            if (pooled) {
                out.add("DISTRICT", "ALL", one);
                out.add("GRADE", snapshot.grades().get(student).code(), one);
                for (Subgroup g : subgroups(sex, race, characteristics, studentPeriod)) {
                    out.add("SUBGROUP", key(g), one);
                }
            }
        }
        return out;
    }

    /** The key of a subgroup in the results: {@code dimension=value}. */
    public static String key(Subgroup g) {
        return g.dimension() + "=" + g.value();
    }

    private static Set<Subgroup> subgroups(Optional<Sex> sex, Optional<RaceEthnicity> race, List<StudentEvent> characteristics,
                                           DateRange period) {
        Set<Subgroup> out = new TreeSet<>();
        sex.ifPresent(s -> out.add(Subgroup.of(s)));
        race.ifPresent(r -> out.add(Subgroup.of(r)));
        for (StudentEvent c : characteristics) {
            if (DateRange.closed(c.getDate(), Optional.ofNullable(c.getEndDate())).overlaps(period)) {
                out.add(Subgroup.of(StudentCharacteristicType.valueOf(c.getCode())));
            }
        }
        return out;
    }

    @Override
    public Encoder<AggregateRows> outputEncoder() {
        return Encoders.bean(AggregateRows.class);
    }
}
