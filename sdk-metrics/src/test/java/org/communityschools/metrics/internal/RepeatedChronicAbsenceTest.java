package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DistrictData;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;

/**
 * A calculation repeated on the same data reuses the first one's slot layout and stays (kept with the data) and adds
 * only its own absences: the first report (its slots found, when no calculation before had this key, in three parts of
 * the enrollments on three threads), the
 * second (one thread) and the third (two) equal the oracle's,
 * every aggregate and record, so the shared columns are never written by a later calculation.
 */
class RepeatedChronicAbsenceTest {
    @Property(tries = 12)
    void aRepeatedCalculationEqualsTheOracle(@ForAll @IntRange(min = 1, max = 4) int seed, @ForAll @IntRange(min = 0, max = 6) int d,
                                             @ForAll @IntRange(min = 0, max = 300) int dayOfYear) {
        DistrictData data = ColumnarChronicAbsenceOracleTest.city(seed);
        ChronicAbsenceDefinition definition = ColumnarChronicAbsenceOracleTest.DEFINITIONS.get(d);
        LocalDate asOf = ColumnarChronicAbsenceOracleTest.YEAR.firstDay().plusDays(dayOfYear);
        ChronicAbsenceReport oracle = ChronicAbsenceEngine.calculate(new DistrictAttendanceSource(data), ColumnarChronicAbsenceOracleTest.YEAR,
                definition, asOf, 1, 1);
        for (int run = 0; run < 3; run++) {
            ChronicAbsenceReport r = ColumnarChronicAbsence.calculate(data, ColumnarChronicAbsenceOracleTest.YEAR, definition, asOf,
                    ForkJoinPool.commonPool(), run == 0 ? 3 : run, 1);
            assertThat(r).isEqualTo(oracle);
            assertThat(r.enrollments()).containsExactlyElementsOf(oracle.enrollments());
            assertThat(r.students()).containsExactlyElementsOf(oracle.students());
        }
    }
}
