package org.communityschools.benchmarks;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The incremental path (docs/metrics.md, "Incremental accumulators"): nanoseconds per attendance event fed into an
 * {@link AttendanceAccumulator} under {@link ChronicAbsenceDefinition#FEDERAL} ({@code sdk_event}, per event through
 * {@link OperationsPerInvocation}) against a plain {@link HashMap} put of the same record keyed by student, school and
 * day ({@code peer_event}: the floor of any keyed store of events, which keeps no figure up to date) and against
 * DuckDB's appender adding the event to a table ({@code duckdb_event}, likewise keeping no figure), and the cost of
 * one event followed by reading the current figures of that event's school ({@code sdk_readSchoolAfterEvent})
 * against DuckDB applying the same correction as an SQL UPDATE and recomputing that school's counts with the
 * chronic-absence query ({@code duckdb_readSchoolAfterEvent}; {@link DuckDbPeer}, checked equal to the SDK's batch
 * report on every school before timing).
 *
 * <p>Events are the attendance records of 2017-18 in date order (as a daily feed delivers them), pre-built in an
 * array. Each measurement iteration starts from an accumulator holding the year's calendars and enrollments only;
 * when the feed reaches the end of the array within an iteration it starts again, so later events are corrections
 * that replace a record with an identical one (the same O(1) table update).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccumulatorBenchmark {
    /** Events per invocation of the feeding benchmarks. */
    static final int BATCH = 1_000;

    /** The year's attendance records in date order, and the structure events (calendars, enrollments). */
    @State(Scope.Benchmark)
    public static class Feed {
        AttendanceRecord[] events;
        DistrictData data;

        /** Builds the event array outside the timed methods. */
        @Setup(Level.Trial)
        public void prepare(CityState city) {
            data = city.data;
            List<AttendanceRecord> records = new ArrayList<>(data.attendance().size());
            data.attendance().forEachRecord(r -> {
                if (City.YEAR.contains(r.date())) {
                    records.add(r);
                }
            });
            records.sort(Comparator.comparing(AttendanceRecord::date));
            events = records.toArray(AttendanceRecord[]::new);
            if (events.length < BATCH) {
                throw new IllegalStateException("too few attendance events for a batch: " + events.length);
            }
            System.out.printf("%n[bench] %,d attendance events%n", events.length);
        }

        /** An accumulator with the year's school types, calendars and enrollments, and no attendance. */
        AttendanceAccumulator structure() {
            AttendanceAccumulator acc = AttendanceAccumulator.of(City.YEAR, ChronicAbsenceDefinition.FEDERAL);
            for (School s : data.schools()) {
                acc.schoolType(s.id(), s.schoolType());
            }
            data.calendars().forEach((school, cal) -> {
                for (LocalDate d : cal.days()) {
                    if (City.YEAR.contains(d)) {
                        acc.instructionalDay(school, d);
                    }
                }
            });
            data.enrollments().forEach(acc::enrollment);
            return acc;
        }
    }

    /** A fresh accumulator per iteration and the position in the feed. */
    @State(Scope.Thread)
    public static class Fresh {
        AttendanceAccumulator acc;
        int cursor;

        /** Rebuilds the structure (untimed). */
        @Setup(Level.Iteration)
        public void reset(Feed feed) {
            acc = feed.structure();
            cursor = 0;
        }
    }

    /** The peer's store: a hash map per iteration. */
    @State(Scope.Thread)
    public static class PeerStore {
        Map<DayKey, DayShare> map;
        int cursor;

        /** A new map (untimed). */
        @Setup(Level.Iteration)
        public void reset() {
            map = new HashMap<>();
            cursor = 0;
        }
    }

    /** An accumulator holding the whole year, for reads after an event. */
    @State(Scope.Thread)
    public static class Full {
        AttendanceAccumulator acc;
        int cursor;

        /** Feeds every event once (untimed). */
        @Setup(Level.Trial)
        public void fill(Feed feed) {
            acc = feed.structure();
            for (AttendanceRecord r : feed.events) {
                acc.attendance(r);
            }
            cursor = 0;
        }
    }

    /** DuckDB holding the whole year (appender load), for events and recomputing a school after an event. */
    @State(Scope.Thread)
    public static class Duck {
        DuckDbPeer duck;
        DuckDBAppender events;
        int[] student;
        int[] school;
        int[] day;
        byte[] category;
        short[] duration;
        int cursor;

        /** Loads the tables, checks DuckDB's school counts against the SDK's batch report, and keeps the rows as corrections to replay. */
        @Setup(Level.Trial)
        public void load(CityState city) throws SQLException {
            duck = DuckDbPeer.load(city.data, City.YEAR);
            var sdk = StreamsPeer.bySchoolId(ChronicAbsence.calculate(city.data, City.YEAR, ChronicAbsenceDefinition.FEDERAL));
            if (!sdk.equals(DuckDbPeer.bySchoolId(city.data, duck.bySchool()))) {
                throw new IllegalStateException("DuckDB and the SDK disagree on the school counts");
            }
            int n = city.data.attendance().size();
            student = new int[n];
            school = new int[n];
            day = new int[n];
            category = new byte[n];
            duration = new short[n];
            int[] i = {0};
            city.data.attendance().forEach((st, sc, d, c, du) -> {
                int k = i[0]++;
                student[k] = st;
                school[k] = sc;
                day[k] = d;
                category[k] = (byte) c.ordinal();
                duration[k] = (short) du;
            });
            try (Statement s = duck.connection().createStatement()) {
                s.execute("CREATE TABLE events(student INTEGER, school INTEGER, day INTEGER, category TINYINT, duration SMALLINT)");
            }
            events = ((DuckDBConnection) duck.connection()).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events");
            System.out.printf("%n[bench] DuckDB loaded in %.1f s and equal to the SDK on %,d schools%n", duck.loadSeconds, sdk.size());
        }

        /** Closes the appender and the database. */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            events.close();
            duck.close();
        }
    }

    /** The peer's key. */
    record DayKey(StudentId student, SchoolId school, LocalDate day) {}

    /** One event into the accumulator (time per event). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public AttendanceAccumulator sdk_event(Feed feed, Fresh s) {
        AttendanceRecord[] events = feed.events;
        int c = s.cursor;
        AttendanceAccumulator acc = s.acc;
        for (int i = 0; i < BATCH; i++) {
            acc.attendance(events[c]);
            if (++c == events.length) {
                c = 0;
            }
        }
        s.cursor = c;
        return acc;
    }

    /** One event into a hash map (time per event). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Map<DayKey, DayShare> peer_event(Feed feed, PeerStore s) {
        AttendanceRecord[] events = feed.events;
        int c = s.cursor;
        Map<DayKey, DayShare> map = s.map;
        for (int i = 0; i < BATCH; i++) {
            AttendanceRecord r = events[c];
            map.put(new DayKey(r.studentId(), r.schoolId(), r.date()), r.duration());
            if (++c == events.length) {
                c = 0;
            }
        }
        s.cursor = c;
        return map;
    }

    /** One event (a correction with the same values) then the current figures of the event's school. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AttendanceAggregate sdk_readSchoolAfterEvent(Feed feed, Full s) {
        AttendanceRecord r = feed.events[s.cursor];
        if (++s.cursor == feed.events.length) {
            s.cursor = 0;
        }
        s.acc.attendance(r);
        return s.acc.school(r.schoolId());
    }

    /** DuckDB: the same correction as an SQL UPDATE, then the school's counts recomputed by the chronic-absence query. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long[] duckdb_readSchoolAfterEvent(Duck d) {
        int k = d.cursor;
        if (++d.cursor == d.student.length) {
            d.cursor = 0;
        }
        d.duck.correct(d.student[k], d.school[k], d.day[k], d.category[k], d.duration[k]);
        return d.duck.school(d.school[k]);
    }

    /** DuckDB: one event appended to an events table through the appender (time per event; no figure kept up to date). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public DuckDBAppender duckdb_event(Duck d) throws SQLException {
        DuckDBAppender a = d.events;
        int c = d.cursor;
        for (int i = 0; i < BATCH; i++) {
            a.beginRow().append(d.student[c]).append(d.school[c]).append(d.day[c]).append(d.category[c]).append(d.duration[c]).endRow();
            if (++c == d.student.length) {
                c = 0;
            }
        }
        d.cursor = c;
        return a;
    }
}
