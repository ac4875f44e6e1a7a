package org.communityschools.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.SchoolAttendance;
import org.communityschools.spark.internal.ChronicAbsenceAggregator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Spark result equals the single-machine calculator's on a {@code district}-preset SyntheticCity (Lakeview
 * Public Schools, one school year, at a twentieth of its students per school so that the module's tests stay within their two minutes on
 * two shared cores; the schools, calendars, partnerships and every kind of history are those of the preset).
 */
class SparkMetricsEqualToSingleMachineTest {
    static final double SCALE = 0.05;
    static final SchoolYear YEAR = SchoolYear.of(2018);

    @TempDir
    static Path dir;

    static DistrictData single;
    static SparkDistrictData spark;

    @BeforeAll
    static void generateOnce() {
        SyntheticCity.builder().preset(Preset.DISTRICT).seed(7).scale(SCALE).years(YEAR, YEAR).build().writeTo(dir);
        single = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        SparkSession session = LocalSpark.session();
        spark = SparkDistrictReader.csv(session).read(dir.toString()).cache().requireValid();
    }

    static Stream<Arguments> definitions() {
        LocalDate yearEnd = YEAR.lastDay();
        LocalDate midYear = LocalDate.of(2018, 1, 31);
        return Stream.of(
                Arguments.of(ChronicAbsenceDefinition.FEDERAL, yearEnd),
                Arguments.of(ChronicAbsenceDefinition.NYSED, yearEnd),
                Arguments.of(ChronicAbsenceDefinition.NYSED, midYear),
                Arguments.of(ChronicAbsenceDefinition.NYC_LEGACY, yearEnd),
                Arguments.of(ChronicAbsenceDefinition.CRDC, yearEnd),
                Arguments.of(ChronicAbsenceDefinition.CALIFORNIA, yearEnd));
    }

    @ParameterizedTest(name = "{0} as of {1}")
    @MethodSource("definitions")
    void chronicAbsenceEqualsTheSingleMachineReportInEveryGroup(ChronicAbsenceDefinition definition, LocalDate asOf) {
        ChronicAbsenceReport expected = ChronicAbsence.calculate(single, YEAR, definition, asOf);
        ChronicAbsenceResult actual = SparkChronicAbsence.calculate(spark, YEAR, definition, asOf);
        Map<String, Map<String, AttendanceAggregate>> got = byDimension(actual);

        assertThat(got.get("SCHOOL")).isEqualTo(keyed(expected.schools(), k -> k.value(), SchoolAttendance::enrollments));
        assertThat(got.get("DISTRICT")).isEqualTo(Map.of("ALL", expected.district()));
        assertThat(got.get("DISTRICT_POOLED")).isEqualTo(Map.of("ALL", expected.districtPooled()));
        assertThat(got.get("DISTRICT_PER_ENROLLMENT")).isEqualTo(Map.of("ALL", expected.districtPerEnrollment()));
        assertThat(got.get("GRADE")).isEqualTo(keyed(expected.byGrade(), g -> g.code(), a -> a));
        assertThat(got.get("SUBGROUP")).isEqualTo(keyed(expected.bySubgroup(), ChronicAbsenceAggregator::key, a -> a));
        java.util.Map<Boolean, AttendanceAggregate> byStatus = new java.util.TreeMap<>();
        expected.byCommunitySchool().otherSchools().ifPresent(a -> byStatus.put(false, a));
        expected.byCommunitySchool().communitySchools().ifPresent(a -> byStatus.put(true, a));
        assertThat(got.get("COMMUNITY_SCHOOL")).isEqualTo(keyed(byStatus, String::valueOf, a -> a));
        // the attendance rate is the aggregate's: equal aggregates, equal rates
        assertThat(got.get("DISTRICT").get("ALL").attendanceRate()).isEqualTo(expected.district().attendanceRate());
    }

    static Stream<Arguments> cohorts() {
        return Stream.of(
                Arguments.of(GraduationCohortDefinition.FOUR_YEAR, SchoolYear.of(2015)),
                Arguments.of(GraduationCohortDefinition.FIVE_YEAR, SchoolYear.of(2014)),
                Arguments.of(GraduationCohortDefinition.SIX_YEAR, SchoolYear.of(2014)));
    }

    @ParameterizedTest(name = "{0}, cohort {1}")
    @MethodSource("cohorts")
    void graduationRateEqualsTheSingleMachineReportForDistrictSchoolsAndCharacteristics(GraduationCohortDefinition definition,
                                                                                       SchoolYear cohort) {
        GraduationCohortReport expected = GraduationRate.calculate(single, cohort, definition);
        SparkGraduationRate.GraduationResult actual = SparkGraduationRate.calculate(spark, cohort, definition);

        assertThat(expected.district().adjustedCohort()).as("a cohort to compare").isPositive();
        assertThat(actual.collect("DISTRICT")).isEqualTo(Map.of("ALL", expected.district()));
        assertThat(actual.collect("SCHOOL")).isEqualTo(keyed(expected.schools(), k -> k.value(), c -> c));
        Map<String, CohortCounts> characteristics = keyed(expected.byCharacteristic(), Enum::name, c -> c);
        characteristics.values().removeIf(c -> c.firstTimeNinthGraders() + c.transfersIn() == 0);
        assertThat(actual.collect("CHARACTERISTIC")).isEqualTo(characteristics);
    }

    private static Map<String, Map<String, AttendanceAggregate>> byDimension(ChronicAbsenceResult result) {
        Map<String, Map<String, AttendanceAggregate>> out = new TreeMap<>();
        for (var r : result.aggregates().collectAsList()) {
            out.computeIfAbsent(r.getDimension(), k -> new TreeMap<>()).put(r.getGroupKey(), r.toAggregate());
        }
        for (String d : List.of("SCHOOL", "DISTRICT", "DISTRICT_POOLED", "DISTRICT_PER_ENROLLMENT", "GRADE", "SUBGROUP", "COMMUNITY_SCHOOL")) {
            out.putIfAbsent(d, Map.of());
        }
        return out;
    }

    private static <K, V, W> Map<String, W> keyed(Map<K, V> m, Function<K, String> key, Function<V, W> value) {
        Map<String, W> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(key.apply(k), value.apply(v)));
        return out;
    }
}
