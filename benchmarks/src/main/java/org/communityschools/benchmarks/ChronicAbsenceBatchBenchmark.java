package org.communityschools.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.model.SchoolId;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
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
 * School-level chronic absence of one school year (2017-18) under {@link ChronicAbsenceDefinition#FEDERAL}: the SDK's
 * batch {@link ChronicAbsence#calculate} ({@code sdk}) against a plain Java streams group-by ({@code peer},
 * {@link StreamsPeer}) and against DuckDB SQL over the same data loaded with its appender ({@code duckdb},
 * {@link DuckDbPeer}), whose per-school numerator and denominator are checked equal to the SDK's before anything is
 * timed (the trial fails otherwise), and against a sequential scan of primitive arrays as large as the attendance
 * table's columns ({@code memoryScan}: the memory-bandwidth floor of any one pass over the table).
 *
 * <p>A calculation keeps, with the data, the slot layout and stays of the last four periods it computed (they do not
 * depend on attendance), so {@code sdk} measures a repeated report on the same data; {@code sdk_firstReport}
 * measures a report that reuses nothing: as of one of eight dates in turn (the year's last eight days), each a period
 * the data kept no layout for, so every call builds its layout and stays anew.
 *
 * <p>The SDK computes the whole report (every student-enrollment, student-year, school, grade, subgroup and
 * community-school figure); the peer computes only the school counts. Run with {@code benchmarks/run}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChronicAbsenceBatchBenchmark {

    /** The peer's columns, checked against the SDK once per trial. */
    @State(Scope.Benchmark)
    public static class Peer {
        StreamsPeer peer;

        /** Builds the columns and fails the trial when the peer and the SDK disagree on any school. */
        @Setup(Level.Trial)
        public void prepare(CityState city) {
            long t0 = System.nanoTime();
            peer = new StreamsPeer(city.data, City.YEAR);
            long t1 = System.nanoTime();
            Map<SchoolId, List<Long>> sdk = StreamsPeer.bySchoolId(ChronicAbsence.calculate(city.data, City.YEAR, ChronicAbsenceDefinition.FEDERAL));
            Map<SchoolId, List<Long>> ours = StreamsPeer.bySchoolId(city.data, peer.bySchool());
            if (!sdk.equals(ours)) {
                throw new IllegalStateException("the streams peer and the SDK disagree: " + sdk.size() + " schools vs " + ours.size()
                        + "; first difference at " + sdk.keySet().stream().filter(k -> !sdk.get(k).equals(ours.get(k))).findFirst());
            }
            long chronic = sdk.values().stream().mapToLong(v -> v.get(0)).sum();
            long counted = sdk.values().stream().mapToLong(v -> v.get(1)).sum();
            System.out.printf("%n[bench] peer columns built in %.1f s; peer equals SDK on %,d schools (%,d of %,d enrollments chronically absent)%n",
                    (t1 - t0) / 1e9, sdk.size(), chronic, counted);
        }
    }

    /** The same data in an in-process DuckDB, loaded with its appender and checked against the SDK once per trial. */
    @State(Scope.Benchmark)
    public static class Duck {
        DuckDbPeer duck;

        /** Loads the tables (timed apart and printed) and fails the trial when DuckDB and the SDK disagree on any school. */
        @Setup(Level.Trial)
        public void prepare(CityState city) {
            duck = DuckDbPeer.load(city.data, City.YEAR);
            Map<SchoolId, List<Long>> sdk = StreamsPeer.bySchoolId(ChronicAbsence.calculate(city.data, City.YEAR, ChronicAbsenceDefinition.FEDERAL));
            Map<SchoolId, List<Long>> ours = DuckDbPeer.bySchoolId(city.data, duck.bySchool());
            if (!sdk.equals(ours)) {
                throw new IllegalStateException("DuckDB and the SDK disagree: " + sdk.size() + " schools vs " + ours.size()
                        + "; first difference at " + sdk.keySet().stream().filter(k -> !sdk.get(k).equals(ours.get(k))).findFirst());
            }
            System.out.printf("%n[bench] DuckDB appender load of %,d attendance rows (+ enrollments, calendars) in %.1f s (%,.0f rows/s); DuckDB equals SDK on %,d schools%n",
                    duck.attendanceRows, duck.loadSeconds, duck.attendanceRows / duck.loadSeconds, sdk.size());
        }

        /** Closes the database. */
        @TearDown(Level.Trial)
        public void close() {
            duck.close();
        }
    }

    /** Primitive arrays of the attendance table's size and layout (int day, int packed code, char school per row). */
    @State(Scope.Benchmark)
    public static class Columns {
        int[] day;
        int[] packed;
        char[] school;

        /** Fills the arrays with the table's days and schools (values do not matter to a sum). */
        @Setup(Level.Trial)
        public void fill(CityState city) {
            int n = city.data.attendance().size();
            day = new int[n];
            packed = new int[n];
            school = new char[n];
            int[] i = {0};
            city.data.attendance().forEach((student, s, d, category, duration) -> {
                int k = i[0]++;
                day[k] = d;
                packed[k] = category.ordinal() | duration << 3;
                school[k] = (char) s;
            });
            System.out.printf("%n[bench] memory scan over %,d rows, %,d bytes%n", n, 10L * n);
        }
    }

    /** The SDK's batch report. */
    @Benchmark
    public ChronicAbsenceReport sdk(CityState city) {
        return ChronicAbsence.calculate(city.data, City.YEAR, ChronicAbsenceDefinition.FEDERAL);
    }

    /** The dates {@code sdk_firstReport} turns through: more periods than the data keep layouts for. */
    @State(Scope.Thread)
    public static class Periods {
        final LocalDate[] asOf = new LocalDate[8];
        int next;

        /** The year's last eight days. */
        @Setup(Level.Trial)
        public void dates() {
            for (int k = 0; k < asOf.length; k++) {
                asOf[k] = City.YEAR.lastDay().minusDays(k);
            }
        }
    }

    /** The SDK's batch report with nothing reused from an earlier report on the same data. */
    @Benchmark
    public ChronicAbsenceReport sdk_firstReport(CityState city, Periods periods) {
        LocalDate asOf = periods.asOf[periods.next];
        periods.next = (periods.next + 1) % periods.asOf.length;
        return ChronicAbsence.calculate(city.data, City.YEAR, ChronicAbsenceDefinition.FEDERAL, asOf);
    }

    /** The streams peer's school counts. */
    @Benchmark
    public Map<Integer, long[]> peer(Peer peer) {
        return peer.peer.bySchool();
    }

    /** DuckDB's SQL over its own tables. */
    @Benchmark
    public Map<Integer, long[]> duckdb(Duck duck) {
        return duck.duck.bySchool();
    }

    /** One sequential pass summing the three columns: what reading the table costs at memory speed. */
    @Benchmark
    public long memoryScan(Columns c) {
        long sum = 0;
        int[] day = c.day;
        int[] packed = c.packed;
        char[] school = c.school;
        for (int i = 0; i < day.length; i++) {
            sum += day[i] + packed[i] + school[i];
        }
        return sum;
    }
}
