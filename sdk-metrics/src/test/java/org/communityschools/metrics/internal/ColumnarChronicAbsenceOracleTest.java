package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;

/**
 * The columnar chronic-absence calculation against the previous batch engine ({@link ChronicAbsenceEngine} over
 * {@link DistrictAttendanceSource}, kept here as the oracle), over generated cities: every school, grade, subgroup
 * and community-school aggregate, the district, every student-enrollment and student-year (in the same order),
 * under every preset definition and custom ones (per-enrollment aggregation, fractional days, a grade subset, an
 * excluded school type), as of any day of the year, on one to four threads.
 */
class ColumnarChronicAbsenceOracleTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    private static final Map<Long, DistrictData> CITIES = new ConcurrentHashMap<>();

    static final List<ChronicAbsenceDefinition> DEFINITIONS = List.of(
            ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED, ChronicAbsenceDefinition.NYC_LEGACY,
            ChronicAbsenceDefinition.CRDC, ChronicAbsenceDefinition.CALIFORNIA,
            ChronicAbsenceDefinition.builder("per enrollment, fractional")
                    .threshold(Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.EXCLUSIVE)
                    .dayRule(ChronicAbsenceDefinition.DayRule.FRACTIONAL)
                    .treat(AttendanceCategory.EXCUSED_ABSENCE, ChronicAbsenceDefinition.CategoryTreatment.PRESENT)
                    .aggregation(ChronicAbsenceDefinition.Aggregation.PER_ENROLLMENT).build(),
            ChronicAbsenceDefinition.builder("pooled, grades 6 to 8, minimum days")
                    .fixedDaysAbsent(12).minimumDaysEnrolled(20).minimumDaysPresent(5)
                    .grades(Set.of(GradeLevel.ofNumber(6), GradeLevel.ofNumber(7), GradeLevel.ofNumber(8)))
                    .excludeSchoolTypes(Set.of(SchoolType.TRANSFER))
                    .aggregation(ChronicAbsenceDefinition.Aggregation.POOLED).build());

    /** A city per seed: tiny ones, and small slices of the district preset (more transfers between schools). */
    static DistrictData city(long seed) {
        return CITIES.computeIfAbsent(seed, s -> {
            try {
                Path dir = Files.createTempDirectory("columnar-city");
                SyntheticCity.Builder b = SyntheticCity.builder().seed(s).years(YEAR, YEAR);
                (s % 2 == 0 ? b.preset(Preset.TINY) : b.preset(Preset.DISTRICT).scale(0.02)).build().writeTo(dir);
                DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                return data;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Provide
    Arbitrary<ChronicAbsenceDefinition> definitions() {
        return Arbitraries.of(DEFINITIONS);
    }

    @Property(tries = 40)
    void columnarReportEqualsTheOracle(@ForAll @IntRange(min = 1, max = 6) int seed,
                                       @ForAll("definitions") ChronicAbsenceDefinition definition,
                                       @ForAll @IntRange(min = -5, max = 380) int asOfDay,
                                       @ForAll @IntRange(min = 1, max = 4) int parallelism,
                                       @ForAll @IntRange(min = 1, max = 64) int minSlots) {
        DistrictData data = city(seed);
        LocalDate asOf = YEAR.firstDay().plusDays(asOfDay);
        ChronicAbsenceReport oracle = ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(data), YEAR, definition, asOf, 1, 1);
        ChronicAbsenceReport columnar = ColumnarChronicAbsence.calculate(data, YEAR, definition, asOf, ForkJoinPool.commonPool(), parallelism, minSlots);
        String what = definition.name() + " as of " + asOf + ", city " + seed + ", " + parallelism + " threads";
        if (asOfDay >= 120) {
            assertThat(oracle.students()).as("the city has students in the year: " + what).hasSizeGreaterThan(20);
        }
        assertThat(columnar.schools()).as(what).containsExactlyEntriesOf(oracle.schools());
        assertThat(columnar.district()).as(what).isEqualTo(oracle.district());
        assertThat(columnar.byGrade()).as(what).containsExactlyEntriesOf(oracle.byGrade());
        assertThat(columnar.bySubgroup()).as(what).containsExactlyEntriesOf(oracle.bySubgroup());
        assertThat(columnar.byCommunitySchool()).as(what).isEqualTo(oracle.byCommunitySchool());
        assertThat(columnar.students()).as(what).containsExactlyElementsOf(oracle.students());
        assertThat(columnar.enrollments()).as(what).containsExactlyElementsOf(oracle.enrollments());
        assertThat(columnar).as(what).isEqualTo(oracle);
        assertThat(columnar.hashCode()).isEqualTo(oracle.hashCode());
    }

    @Property(tries = 6)
    void thePublicEntryPointIsTheColumnarPath(@ForAll @IntRange(min = 1, max = 6) int seed) {
        DistrictData data = city(seed);
        assertThat(ChronicAbsence.calculate(data, YEAR, ChronicAbsenceDefinition.FEDERAL))
                .isEqualTo(ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(data), YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay()));
    }
}
