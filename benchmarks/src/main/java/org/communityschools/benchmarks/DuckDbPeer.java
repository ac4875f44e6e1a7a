package org.communityschools.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The analytical-engine peer: an in-process DuckDB (org.duckdb:duckdb_jdbc) holding the same district data, loaded
 * with DuckDB's {@link DuckDBAppender} (the fastest way in from Java), and school-level chronic absence under the
 * FEDERAL definition written as one SQL query, as a district analyst without the SDK would write it. The rules are
 * the SDK's (docs/metrics.md) and {@link StreamsPeer}'s: days enrolled are the school calendar's instructional days
 * from the entry date (or the year's first day) to the exit date (or its last day) inclusive; an attendance row
 * counts in the first enrollment of its student at its school (by entry date) whose days contain it, and only on an
 * instructional day; a day is absent when out-of-school suspension, or when not present, tardy or in-school
 * suspension and at least half of the day was missed; an enrollment with no day enrolled is not counted; chronically
 * absent when absent ÷ enrolled ≥ 10%.
 *
 * <p>Tables (days as epoch-day integers, categories as ordinals, durations in ten-thousandths of a day, students and
 * schools as {@link DistrictData} indexes): {@code attendance(student, school, day, category, duration)},
 * {@code enrollment(eid, student, school, entry, exit)} with {@code eid} in the order (student, entry date), and
 * {@code calendar(school, day)}. Not thread-safe: one JDBC connection.
 */
final class DuckDbPeer implements AutoCloseable {
    private static final int NO_EXIT = Integer.MAX_VALUE;

    /**
     * School counts of one year: {@code ?1} the year's first epoch day, {@code ?2} its last, {@code ?3} a school
     * index or -1 for all schools. Instructional-day counts come from a running count over every date of the year
     * (a range join of enrollments against calendar days would be quadratic per school).
     */
    static final String CHRONIC_SQL = """
            WITH params AS (SELECT ?::INTEGER AS first_day, ?::INTEGER AS last_day, ?::INTEGER AS only_school),
            dense AS (
              SELECT s.school, d.day,
                     count(c.day) OVER (PARTITION BY s.school ORDER BY d.day) AS cum
              FROM (SELECT DISTINCT school FROM calendar, params WHERE only_school < 0 OR school = only_school) s
              CROSS JOIN params
              CROSS JOIN LATERAL (SELECT range::INTEGER AS day FROM range(params.first_day - 1, params.last_day + 1)) d
              LEFT JOIN calendar c ON c.school = s.school AND c.day = d.day),
            slot AS (
              SELECT e.eid, e.student, e.school,
                     greatest(e.entry, p.first_day) AS f,
                     least(e.exit, p.last_day) AS l
              FROM enrollment e, params p
              WHERE p.only_school < 0 OR e.school = p.only_school),
            enr AS (
              SELECT slot.*, CASE WHEN l < f THEN 0 ELSE coalesce(hi.cum, 0) - coalesce(lo.cum, 0) END AS days
              FROM slot
              LEFT JOIN dense hi ON hi.school = slot.school AND hi.day = slot.l
              LEFT JOIN dense lo ON lo.school = slot.school AND lo.day = slot.f - 1),
            absent_rows AS (
              SELECT min(enr.eid) AS eid
              FROM attendance a
              JOIN enr ON a.student = enr.student AND a.school = enr.school AND a.day BETWEEN enr.f AND enr.l AND enr.days > 0
              WHERE (a.category = %d OR (a.category NOT IN (%d, %d, %d) AND a.duration >= 5000))
                AND EXISTS (SELECT 1 FROM calendar c WHERE c.school = a.school AND c.day = a.day)
              GROUP BY a.rowid),
            absent AS (SELECT eid, count(*) AS n FROM absent_rows GROUP BY eid)
            SELECT enr.school,
                   count(*) FILTER (WHERE coalesce(absent.n, 0) * 10 >= enr.days) AS chronic,
                   count(*) AS counted
            FROM enr LEFT JOIN absent USING (eid)
            WHERE enr.days > 0
            GROUP BY enr.school
            """.formatted(AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION.ordinal(), AttendanceCategory.PRESENT.ordinal(),
            AttendanceCategory.TARDY.ordinal(), AttendanceCategory.IN_SCHOOL_SUSPENSION.ordinal());

    private final DuckDBConnection connection;
    private final PreparedStatement chronic;
    private final int firstDay;
    private final int lastDay;
    /** Seconds spent loading the tables through the appender. */
    final double loadSeconds;
    /** Attendance rows appended. */
    final int attendanceRows;

    private DuckDbPeer(DuckDBConnection connection, SchoolYear year, double loadSeconds, int attendanceRows) throws SQLException {
        this.connection = connection;
        this.firstDay = (int) year.firstDay().toEpochDay();
        this.lastDay = (int) year.lastDay().toEpochDay();
        this.chronic = connection.prepareStatement(CHRONIC_SQL);
        this.loadSeconds = loadSeconds;
        this.attendanceRows = attendanceRows;
    }

    /** A new in-memory database. */
    static DuckDBConnection open() {
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory DuckDB: " + e.getMessage(), e);
        }
    }

    /** Opens an in-memory database and loads {@code data} into it with appenders; the load time is kept. */
    static DuckDbPeer load(DistrictData data, SchoolYear year) {
        DuckDBConnection c = open();
        try {
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE attendance(student INTEGER, school INTEGER, day INTEGER, category TINYINT, duration SMALLINT)");
                s.execute("CREATE TABLE enrollment(eid INTEGER, student INTEGER, school INTEGER, entry INTEGER, exit INTEGER)");
                s.execute("CREATE TABLE calendar(school INTEGER, day INTEGER)");
            }
            int[] rows = {0};
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "attendance")) {
                data.attendance().forEach((student, school, day, category, duration) -> {
                    try {
                        a.beginRow().append(student).append(school).append(day).append((byte) category.ordinal()).append((short) duration).endRow();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    rows[0]++;
                });
            }
            List<Enrollment> enrollments = new ArrayList<>(data.enrollments());
            enrollments.removeIf(e -> data.studentIndex(e.studentId()) < 0 || data.schoolIndex(e.schoolId()) < 0);
            enrollments.sort(Comparator.comparingInt((Enrollment e) -> data.studentIndex(e.studentId())).thenComparing(Enrollment::entryDate));
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "enrollment")) {
                for (int i = 0; i < enrollments.size(); i++) {
                    Enrollment e = enrollments.get(i);
                    a.beginRow().append(i).append(data.studentIndex(e.studentId())).append(data.schoolIndex(e.schoolId()))
                            .append((int) e.entryDate().toEpochDay())
                            .append(e.exitWithdrawDate().map(d -> (int) d.toEpochDay()).orElse(NO_EXIT)).endRow();
                }
            }
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "calendar")) {
                for (int s = 0; s < data.schools().size(); s++) {
                    for (LocalDate d : data.calendar(data.schoolAt(s)).days()) {
                        a.beginRow().append(s).append((int) d.toEpochDay()).endRow();
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new DuckDbPeer(c, year, seconds, rows[0]);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("loading DuckDB failed: " + e.getMessage(), e);
        }
    }

    /** Per school index: {chronically absent, counted}. The timed work. */
    Map<Integer, long[]> bySchool() {
        return query(-1);
    }

    /** {chronically absent, counted} of one school, recomputed from the tables. */
    long[] school(int schoolIndex) {
        return query(schoolIndex).getOrDefault(schoolIndex, new long[] {0, 0});
    }

    private Map<Integer, long[]> query(int onlySchool) {
        try {
            chronic.setInt(1, firstDay);
            chronic.setInt(2, lastDay);
            chronic.setInt(3, onlySchool);
            Map<Integer, long[]> out = new TreeMap<>();
            try (ResultSet r = chronic.executeQuery()) {
                while (r.next()) {
                    out.put(r.getInt(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the chronic-absence query failed: " + e.getMessage(), e);
        }
    }

    /** An attendance correction: the row of (student, school, day) gets the category and duration (SQL UPDATE). */
    void correct(int student, int school, int day, int category, int duration) {
        try (PreparedStatement u = connection.prepareStatement(
                "UPDATE attendance SET category = ?, duration = ? WHERE student = ? AND school = ? AND day = ?")) {
            u.setByte(1, (byte) category);
            u.setShort(2, (short) duration);
            u.setInt(3, student);
            u.setInt(4, school);
            u.setInt(5, day);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the correction failed: " + e.getMessage(), e);
        }
    }

    /** The connection (for other SQL on the same tables). */
    Connection connection() {
        return connection;
    }

    /** The answer by school id: {chronically absent, counted}. */
    static Map<SchoolId, List<Long>> bySchoolId(DistrictData data, Map<Integer, long[]> bySchool) {
        return StreamsPeer.bySchoolId(data, bySchool);
    }

    /**
     * Rows of {@code attendance.csv} read by DuckDB's {@code read_csv} (header, types inferred by sniffing, as a user
     * would call it) into a new table; returns the row count.
     */
    static long readCsv(Path attendanceCsv) {
        try (DuckDBConnection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE attendance AS SELECT * FROM read_csv('" + attendanceCsv.toAbsolutePath().toString().replace("'", "''") + "', header = true)");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM attendance")) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read_csv of " + attendanceCsv.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            chronic.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
