package org.communityschools.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.communityschools.core.data.DistrictData;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DuckDB peer must agree with the SDK on the tiny city, or its timings mean nothing. */
class DuckDbPeerTest {
    static DistrictData data;

    @BeforeAll
    static void load() {
        data = TinyCity.data();
    }

    @Test
    void duckDbSchoolCountsEqualTheSdkOnEverySchoolOfTheTinyCity() {
        var sdk = StreamsPeer.bySchoolId(ChronicAbsence.calculate(data, City.YEAR, ChronicAbsenceDefinition.FEDERAL));
        try (DuckDbPeer duck = DuckDbPeer.load(data, City.YEAR)) {
            assertThat(duck.attendanceRows).isEqualTo(data.attendance().size());
            var peer = DuckDbPeer.bySchoolId(data, duck.bySchool());
            assertThat(peer).isNotEmpty().isEqualTo(sdk);
            assertThat(sdk.values()).anySatisfy(v -> assertThat(v.get(0)).isPositive());
            // one school recomputed on its own gives the same counts as in the whole query
            int school = data.schoolIndex(sdk.keySet().iterator().next());
            assertThat(duck.school(school)).containsExactly(duck.bySchool().get(school));
        }
    }

    @Test
    void readCsvReadsEveryAttendanceRow() {
        assertThat(DuckDbPeer.readCsv(TinyCity.directory().resolve("attendance.csv"))).isEqualTo(data.attendance().size());
    }

    @Test
    void theSdkReadsEveryAttendanceRowFromTheAttendanceOnlyDirectory() {
        Path only = LoadBenchmark.attendanceOnly(TinyCity.directory());
        assertThat(City.read(only).attendance().size()).isEqualTo(data.attendance().size());
    }

    @Test
    void duckDbGraduationCountsEqualTheSdkOnEveryCohortOfTheTinyCity() {
        var cohorts = GraduationBenchmark.cohorts(data);
        var sdk = GraduationBenchmark.sdkCounts(data, cohorts);
        try (DuckDbPeer duck = DuckDbPeer.empty(City.YEAR)) {
            duck.loadGraduation(data);
            assertThat(duck.graduation()).isEqualTo(sdk);
        }
        assertThat(sdk).hasSizeGreaterThan(1);
        assertThat(sdk.values()).anySatisfy(v -> assertThat(v.get(1)).isPositive());
        assertThat(sdk.values()).anySatisfy(v -> assertThat(v.get(0)).isGreaterThan(v.get(1)));
    }
}
