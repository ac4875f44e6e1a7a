package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * Many as-of dates kept current at once: a {@link LiveChronicAbsence} read as of 19 different dates (every day of
 * the twelve-weekday calendar's span, weekends included, a day before its first instructional day, the year's last day
 * and a day before the year), each first read at a different point of a random sequence of change batches (so its
 * counts are built from a different version, then moved by the later batches), equals {@link ChronicAbsence#calculate}
 * over the version followed to after each batch for the dates read then, and over the final version for every date:
 * each school, the district, the schools map, the community-school split (a LEAD partnership added or ended moves
 * its school's students to the other side in every date's counts), and a caller-declared group of students (against the
 * {@link AttendanceAccumulator}). The batches are those of {@link LiveColumnsProperties} (attendance, enrollments,
 * characteristics, student records, instructional days, a school's type, a LEAD partnership).
 */
class LiveAsOfDatesProperties {
    private static final int DAYS = 12;
    private static final SchoolId B = SchoolId.of("B");
    private static final SmallDistrict SHAPE = new SmallDistrict(DAYS);
    private static final List<LocalDate> DATES = dates();

    private static List<LocalDate> dates() {
        List<LocalDate> out = new ArrayList<>();
        LocalDate first = SHAPE.calendar.get(0);
        for (LocalDate d = first.minusDays(1); !d.isAfter(SHAPE.calendar.get(DAYS - 1)); d = d.plusDays(1)) {
            out.add(d);
        }
        out.add(SmallDistrict.YEAR.lastDay());
        out.add(SmallDistrict.YEAR.firstDay().minusDays(1));
        return List.copyOf(out);
    }

    @Property(tries = 150)
    void countsAsOfManyDatesFollowTheBatchesAndEqualTheBatchCalculation(@ForAll("batches") List<ChangeBatch> batches,
                                                                      @ForAll("reads") List<Integer> reads,
                                                                      @ForAll("definitions") ChronicAbsenceDefinition definition) {
        assertThat(DATES).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(12);
        LiveDistrict live = LiveDistrict.of(LiveColumnsProperties.start());
        LiveChronicAbsence chronic = LiveChronicAbsence.follow(live, SmallDistrict.YEAR, definition);
        int next = 0;
        for (int i = 0; i < batches.size(); i++) {
            try {
                live.apply(batches.get(i));
            } catch (BatchRejectedException e) {
                continue;
            }
            DistrictData now = live.current().data();
            // the dates read after this batch: one chosen at random (read before or not), one read for the first time
            List<LocalDate> read = new ArrayList<>(List.of(DATES.get(reads.get(i % reads.size()))));
            if (next < DATES.size()) {
                read.add(DATES.get(next++));
            }
            for (LocalDate asOf : read) {
                assertEqualsBatch(chronic, now, definition, asOf);
            }
        }
        DistrictData end = live.current().data();
        for (LocalDate asOf : DATES) {
            assertEqualsBatch(chronic, end, definition, asOf);
        }
        chronic.close();
    }

    private static void assertEqualsBatch(LiveChronicAbsence chronic, DistrictData now, ChronicAbsenceDefinition definition, LocalDate asOf) {
        ChronicAbsenceReport fresh = ChronicAbsence.calculate(now, SmallDistrict.YEAR, definition, asOf);
        Map<SchoolId, AttendanceAggregate> schools = new TreeMap<>();
        fresh.schools().forEach((id, s) -> schools.put(id, s.enrollments()));
        assertThat(chronic.schools(asOf)).as("schools as of %s", asOf).isEqualTo(schools);
        for (SchoolId school : List.of(SmallDistrict.A, B)) {
            AttendanceAggregate expected = schools.containsKey(school) ? schools.get(school) : AttendanceAccumulator
                    .of(SmallDistrict.YEAR, definition).school(school, asOf);
            assertThat(chronic.school(school, asOf)).as("school %s as of %s", school, asOf).isEqualTo(expected);
        }
        assertThat(chronic.district(asOf)).as("district as of %s", asOf).isEqualTo(fresh.district());
        assertThat(chronic.communitySchools(asOf)).as("community-school split as of %s", asOf).isEqualTo(fresh.byCommunitySchool());
        AttendanceAccumulator accumulator = AttendanceAccumulator.of(SmallDistrict.YEAR, definition).addAll(now);
        List<StudentId> group = List.of(StudentId.of("S0"), StudentId.of("S1"), StudentId.of("S3"));
        assertThat(chronic.students(group, asOf)).as("students as of %s", asOf).isEqualTo(accumulator.students(group, asOf));
    }

    @Provide
    Arbitrary<List<ChangeBatch>> batches() {
        return new LiveColumnsProperties().batches();
    }

    @Provide
    Arbitrary<List<Integer>> reads() {
        return Arbitraries.integers().between(0, DATES.size() - 1).list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<ChronicAbsenceDefinition> definitions() {
        return new LiveColumnsProperties().definitions();
    }
}
