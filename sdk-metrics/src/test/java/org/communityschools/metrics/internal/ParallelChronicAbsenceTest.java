package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.Subgroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch chronic-absence calculation split into ranges of students computed on several threads gives a report
 * equal to the single-threaded one: every record and aggregate equal, every list in the same order (the counts are
 * sums; the ranges are merged in order).
 */
class ParallelChronicAbsenceTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static DistrictData tiny;
    static DistrictData smallDistrict;

    @BeforeAll
    static void generate(@TempDir Path dir) {
        SyntheticCity.builder().preset(Preset.TINY).seed(5).years(YEAR, YEAR).build().writeTo(dir.resolve("tiny"));
        SyntheticCity.builder().preset(Preset.DISTRICT).seed(7).scale(0.05).years(YEAR, YEAR).build().writeTo(dir.resolve("district"));
        tiny = DistrictDataReader.builder().withoutBeanValidation().build().read(dir.resolve("tiny")).data();
        smallDistrict = DistrictDataReader.builder().withoutBeanValidation().build().read(dir.resolve("district")).data();
    }

    record Case(ChronicAbsenceDefinition definition, LocalDate asOf) {}

    static List<Case> cases() {
        return List.of(
                new Case(ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay()),
                new Case(ChronicAbsenceDefinition.NYSED, YEAR.firstDay().plusMonths(5)),
                new Case(ChronicAbsenceDefinition.NYC_LEGACY, YEAR.lastDay()));
    }

    static void assertParallelEqualsSingle(DistrictData data) {
        for (Case c : cases()) {
            ChronicAbsenceReport single = ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(data), YEAR, c.definition(), c.asOf(), 1, 1);
            assertThat(single.enrollments()).as("the city has students to split").hasSizeGreaterThan(50);
            for (int parallelism : new int[] {2, 3, 4, 7}) {
                for (int minSlots : new int[] {1, 17}) {
                    ChronicAbsenceReport parallel = ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(data), YEAR,
                            c.definition(), c.asOf(), parallelism, minSlots);
                    String what = c + " on " + parallelism + " threads, ranges of at least " + minSlots;
                    assertThat(parallel.enrollments()).as(what).containsExactlyElementsOf(single.enrollments());
                    assertThat(parallel.students()).as(what).containsExactlyElementsOf(single.students());
                    assertThat(parallel.schools()).as(what).containsExactlyEntriesOf(single.schools());
                    assertThat(parallel).as(what).isEqualTo(single);
                }
            }
        }
    }

    @Test
    void parallelReportEqualsSingleThreadedReportOnTheTinyCity() {
        assertParallelEqualsSingle(tiny);
    }

    @Test
    void parallelReportEqualsSingleThreadedReportOnASmallScaledDistrict() {
        assertParallelEqualsSingle(smallDistrict);
    }

    @Test
    void theCallingThreadAloneGivesTheSameReportAsTheOracleOnSeveralThreads() {
        ChronicAbsenceReport callerOnly = ChronicAbsence.calculate(smallDistrict, YEAR, ChronicAbsenceDefinition.FEDERAL,
                YEAR.lastDay(), Runnable::run);
        ChronicAbsenceReport parallel = ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(smallDistrict), YEAR,
                ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay(), 2, 1);
        assertThat(parallel).isEqualTo(callerOnly);
        assertThat(parallel.students()).containsExactlyElementsOf(callerOnly.students());
    }

    @Test
    void aSourceThatIsNotThreadSafeIsReadOnTheCallingThreadOnly() {
        DistrictAttendanceSource safe = new DistrictAttendanceSource(smallDistrict);
        Set<Thread> readers = ConcurrentHashMap.newKeySet();
        AttendanceSource unsafe = new AttendanceSource() {
            @Override public Iterable<Enrollment> enrollments() { return safe.enrollments(); }
            @Override public int instructionalDays(SchoolId school, DateRange range) { return safe.instructionalDays(school, range); }
            @Override public boolean isInstructionalDay(SchoolId school, LocalDate date) { return safe.isInstructionalDay(school, date); }
            @Override public void forEachAttendance(Visitor visitor) { safe.forEachAttendance(visitor); }
            @Override public SchoolType schoolType(SchoolId school) { return safe.schoolType(school); }
            @Override public boolean isCommunitySchool(SchoolId school, SchoolYear year) {
                readers.add(Thread.currentThread());
                return safe.isCommunitySchool(school, year);
            }
            @Override public Set<Subgroup> subgroups(StudentId student, DateRange period) {
                readers.add(Thread.currentThread());
                return safe.subgroups(student, period);
            }
        };
        assertThat(unsafe.isThreadSafe()).isFalse();
        ChronicAbsenceReport report = ChronicAbsenceEngine.calculate(unsafe, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay(), 4, 1);
        assertThat(readers).containsExactly(Thread.currentThread());
        assertThat(report).isEqualTo(ChronicAbsenceEngine.calculate(safe, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay(), 4, 1));
    }
}
