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
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
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
     * (a range join of enrollments against calendar days would be quadratic per school). An attendance row joins at
     * most one enrollment: enrollments of one student at one school never overlap (rule
     * {@code enrollment.no-overlap-at-school} of the data directory), so "the first enrollment that contains it" needs
     * no tie-break in SQL.
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
            absent AS (
              SELECT enr.eid, count(*) AS n
              FROM attendance a
              JOIN enr ON a.student = enr.student AND a.school = enr.school AND a.day BETWEEN enr.f AND enr.l AND enr.days > 0
              WHERE (a.category = %d OR (a.category NOT IN (%d, %d, %d) AND a.duration >= 5000))
                AND EXISTS (SELECT 1 FROM calendar c WHERE c.school = a.school AND c.day = a.day)
              GROUP BY enr.eid)
            SELECT enr.school,
                   count(*) FILTER (WHERE coalesce(absent.n, 0) * 10 >= enr.days) AS chronic,
                   count(*) AS counted
            FROM enr LEFT JOIN absent USING (eid)
            WHERE enr.days > 0
            GROUP BY enr.school
            """.formatted(AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION.ordinal(), AttendanceCategory.PRESENT.ordinal(),
            AttendanceCategory.TARDY.ordinal(), AttendanceCategory.IN_SCHOOL_SUSPENSION.ordinal());

    /**
     * District four-year ACGR counts of every cohort (34 CFR 200.19(b); the SDK's rules in docs/metrics.md, default
     * {@code FOUR_YEAR} definition): per cohort (school year of first entry into grade 9, as its end year), the
     * adjusted cohort and the graduates. A student's cohort is the stated one, otherwise the earliest high-school
     * enrollment's school year minus one per grade above 9; a member has a high-school enrollment that began on or
     * before the cut-off (August 31 of the fourth year); a graduate has a regular or advanced diploma awarded on or
     * before the cut-off; a member who is not a graduate, not enrolled in high school on the cut-off, and whose last
     * high-school enrollment begun by the cut-off ended with a documented transfer, emigration or death is removed.
     */
    static final String ACGR_SQL = """
            WITH hs AS (
              SELECT *, year(DATE '1970-01-01' + entry) + CASE WHEN month(DATE '1970-01-01' + entry) >= 7 THEN 1 ELSE 0 END AS entry_year
              FROM history WHERE grade >= %1$d),
            derived AS (SELECT student, min(entry_year - (grade - %1$d)) AS y FROM hs GROUP BY student),
            cohort AS (
              SELECT s.student, coalesce(s.stated, d.y) AS y,
                     make_date(coalesce(s.stated, d.y) + 3, 8, 31) - DATE '1970-01-01' AS cutoff
              FROM student s LEFT JOIN derived d USING (student)
              WHERE coalesce(s.stated, d.y) IS NOT NULL),
            last_hs AS (
              SELECT c.student, c.y, c.cutoff, max(hs.ord) AS last_ord
              FROM cohort c JOIN hs ON hs.student = c.student AND hs.entry <= c.cutoff
              GROUP BY c.student, c.y, c.cutoff),
            member AS (
              SELECT l.student, l.y, l.cutoff, hs.exit_type AS last_exit_type, hs.documented AS last_documented
              FROM last_hs l JOIN hs ON hs.student = l.student AND hs.ord = l.last_ord),
            status AS (
              SELECT m.*,
                     EXISTS (SELECT 1 FROM diploma d WHERE d.student = m.student AND d.type IN (%2$d, %3$d) AND d.award <= m.cutoff) AS graduate,
                     EXISTS (SELECT 1 FROM hs WHERE hs.student = m.student AND hs.entry <= m.cutoff AND hs.exit >= m.cutoff) AS enrolled_on_cutoff
              FROM member m)
            SELECT y,
                   count(*) FILTER (WHERE graduate OR enrolled_on_cutoff OR NOT last_documented
                                    OR coalesce(last_exit_type, -1) NOT IN (%4$d, %5$d, %6$d)) AS adjusted,
                   count(*) FILTER (WHERE graduate) AS graduates
            FROM status GROUP BY y ORDER BY y
            """.formatted(org.communityschools.core.model.GradeLevel.G09.ordinal(), DiplomaType.REGULAR.ordinal(), DiplomaType.ADVANCED.ordinal(),
            ExitWithdrawType.TRANSFERRED.ordinal(), ExitWithdrawType.EMIGRATED.ordinal(), ExitWithdrawType.DIED.ordinal());

    private final DuckDBConnection connection;
    private PreparedStatement chronic;
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

    /** An in-memory database with no table yet, for {@link #loadGraduation}. */
    static DuckDbPeer empty(SchoolYear year) {
        try {
            return new DuckDbPeer(open(), year, 0, 0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
            if (chronic == null) {
                chronic = connection.prepareStatement(CHRONIC_SQL);
            }
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

    /**
     * Loads what the graduation rate needs (once): {@code student(student, stated)} with the stated cohort's end
     * year, {@code history(student, ord, school, entry, exit, grade, exit_type, documented)} with every enrollment in
     * the student's order, and {@code diploma(student, type, award)}; returns the seconds taken.
     */
    double loadGraduation(DistrictData data) {
        long t0 = System.nanoTime();
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE student(student INTEGER, stated INTEGER)");
                s.execute("CREATE TABLE history(student INTEGER, ord INTEGER, school INTEGER, entry INTEGER, exit INTEGER, grade TINYINT, exit_type TINYINT, documented BOOLEAN)");
                s.execute("CREATE TABLE diploma(student INTEGER, type TINYINT, award INTEGER)");
            }
            try (DuckDBAppender st = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "student");
                 DuckDBAppender h = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "history");
                 DuckDBAppender d = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "diploma")) {
                for (int i = 0; i < data.students().size(); i++) {
                    Student student = data.students().get(i);
                    int idx = data.studentIndex(student.id());
                    st.beginRow().append(idx);
                    if (student.ninthGradeCohort().isPresent()) {
                        st.append(student.ninthGradeCohort().get().endYear());
                    } else {
                        st.appendNull();
                    }
                    st.endRow();
                    List<Enrollment> enrollments = data.enrollmentsOf(student.id());
                    for (int k = 0; k < enrollments.size(); k++) {
                        Enrollment e = enrollments.get(k);
                        h.beginRow().append(idx).append(k).append(data.schoolIndex(e.schoolId())).append((int) e.entryDate().toEpochDay())
                                .append(e.exitWithdrawDate().map(x -> (int) x.toEpochDay()).orElse(NO_EXIT))
                                .append((byte) e.entryGrade().ordinal());
                        if (e.exitWithdrawType().isPresent()) {
                            h.append((byte) e.exitWithdrawType().get().ordinal());
                        } else {
                            h.appendNull();
                        }
                        h.append(e.exitDocumented()).endRow();
                    }
                    for (Diploma dip : data.diplomasOf(student.id())) {
                        d.beginRow().append(idx).append((byte) dip.diplomaType().ordinal()).append((int) dip.awardDate().toEpochDay()).endRow();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading the graduation tables failed: " + e.getMessage(), e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Per cohort (end year of its 9th-grade school year): {adjusted cohort, graduates}. The timed work. */
    Map<Integer, List<Long>> graduation() {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(ACGR_SQL)) {
            Map<Integer, List<Long>> out = new TreeMap<>();
            while (r.next()) {
                out.put(r.getInt(1), List.of(r.getLong(2), r.getLong(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the graduation query failed: " + e.getMessage(), e);
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

    /**
     * DuckDB's {@code read_csv} of every {@code .csv} file of {@code dir} (in name order), each into a table of its own
     * in one in-memory database, as an analyst would load the export; returns the rows read in all.
     */
    static long readCsvs(Path dir) {
        List<Path> files;
        try (var list = java.nio.file.Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long rows = 0;
        try (DuckDBConnection c = open(); Statement s = c.createStatement()) {
            for (Path f : files) {
                String table = "t_" + f.getFileName().toString().replace(".csv", "");
                s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('"
                        + f.toAbsolutePath().toString().replace("'", "''") + "', header = true)");
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    rows += r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read_csv of " + dir.getFileName() + " failed: " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            if (chronic != null) {
                chronic.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
