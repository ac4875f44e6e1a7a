package org.communityschools.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.StudentHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Four-year adjusted cohort graduation rate of every cohort in the city (34 CFR 200.19(b)): the SDK's
 * {@link GraduationRate#calculate(DistrictData, SchoolYear, GraduationCohortDefinition)} once per cohort ({@code sdk},
 * the whole report: district, schools, characteristics, every member) against one DuckDB SQL query grouping by
 * cohort ({@code duckdb}, {@link DuckDbPeer#ACGR_SQL}: district counts only), whose adjusted cohort and graduates of
 * every cohort are checked equal to the SDK's before anything is timed. The cohorts are the distinct 9th-grade years
 * of the city's students (the generator writes four history years of high-school enrollments before the generated
 * year, so one generated year holds several cohorts).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class GraduationBenchmark {
    private DistrictData data;
    private List<SchoolYear> cohorts;
    private DuckDbPeer duck;

    /** Finds the cohorts, loads DuckDB (timed apart and printed) and checks it against the SDK. */
    @Setup(Level.Trial)
    public void prepare(CityState city) {
        data = city.data;
        cohorts = cohorts(data);
        duck = DuckDbPeer.empty(City.YEAR);
        double seconds = duck.loadGraduation(data);
        Map<Integer, List<Long>> sdk = sdkCounts(data, cohorts);
        Map<Integer, List<Long>> peer = duck.graduation();
        if (!sdk.equals(peer)) {
            throw new IllegalStateException("DuckDB and the SDK disagree on the graduation cohorts: " + peer + " vs " + sdk);
        }
        System.out.printf("%n[bench] graduation tables loaded into DuckDB in %.1f s; DuckDB equals SDK on %d cohorts %s (cohort=[adjusted, graduates])%n",
                seconds, sdk.size(), sdk);
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void close() {
        duck.close();
    }

    /** The distinct 9th-grade years of the city's students. */
    static List<SchoolYear> cohorts(DistrictData data) {
        TreeSet<SchoolYear> years = new TreeSet<>();
        for (Student s : data.students()) {
            new StudentHistory(s.id(), s.ninthGradeCohort(), data.enrollmentsOf(s.id()), List.of(), List.of()).ninthGradeYear().ifPresent(years::add);
        }
        return List.copyOf(years);
    }

    /** The SDK's district counts per cohort end year: {adjusted cohort, graduates}; cohorts without members left out. */
    static Map<Integer, List<Long>> sdkCounts(DistrictData data, List<SchoolYear> cohorts) {
        Map<Integer, List<Long>> out = new TreeMap<>();
        for (SchoolYear y : cohorts) {
            CohortCounts c = GraduationRate.calculate(data, y, GraduationCohortDefinition.FOUR_YEAR).district();
            if (c.firstTimeNinthGraders() + c.transfersIn() > 0) {
                out.put(y.endYear(), List.of((long) c.adjustedCohort(), (long) c.graduateCount()));
            }
        }
        return out;
    }

    /** The SDK: one report per cohort. */
    @Benchmark
    public Map<Integer, List<Long>> sdk() {
        return sdkCounts(data, cohorts);
    }

    /** DuckDB: one query over every cohort. */
    @Benchmark
    public Map<Integer, List<Long>> duckdb() {
        return duck.graduation();
    }
}
