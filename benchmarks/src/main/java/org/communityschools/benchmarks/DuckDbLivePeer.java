package org.communityschools.benchmarks;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.StaffAssignment;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The live benchmarks' peer: the district's attendance, enrollments, course marks, incidents, staff assignments and
 * consents in an in-memory DuckDB, in tables of a vendor's shape (text ids, dates as epoch days), and a batch of
 * changes applied in one transaction the way a database takes a feed: the batch appended to staging tables, then
 * {@code DELETE ... USING} and {@code INSERT ... SELECT} for attendance and incidents (new rows and deletes),
 * {@code UPDATE ... FROM} then {@code INSERT} of the rows not there for marks, enrollments, assignments and consents.
 * No rule is checked (no foreign key, no calendar, no enrollment on the day): the floor of a database write.
 */
final class DuckDbLivePeer implements AutoCloseable {
    private static final String[] TABLES = {
        "attendance(student VARCHAR, school VARCHAR, day INTEGER, category VARCHAR, duration INTEGER)",
        "mark(student VARCHAR, school VARCHAR, year INTEGER, term VARCHAR, course VARCHAR, result VARCHAR)",
        "incident(id VARCHAR, student VARCHAR, school VARCHAR, day INTEGER, behavior VARCHAR)",
        "enrollment(student VARCHAR, school VARCHAR, entry INTEGER, exit INTEGER)",
        "assignment(staff VARCHAR, org VARCHAR, role VARCHAR, begin_day INTEGER, end_day INTEGER)",
        "consent(id VARCHAR, student VARCHAR, recipient VARCHAR, revoked INTEGER)",
    };
    private static final String[] APPLY = {
        "DELETE FROM attendance USING s_attendance s WHERE attendance.student = s.student AND attendance.school = s.school AND attendance.day = s.day",
        "INSERT INTO attendance SELECT * FROM s_attendance",
        "UPDATE mark SET result = s.result FROM s_mark s WHERE mark.student = s.student AND mark.school = s.school AND mark.year = s.year AND mark.term = s.term AND mark.course = s.course",
        "INSERT INTO mark SELECT * FROM s_mark s WHERE NOT EXISTS (SELECT 1 FROM mark m WHERE m.student = s.student AND m.school = s.school AND m.year = s.year AND m.term = s.term AND m.course = s.course)",
        "DELETE FROM incident USING s_incident_delete s WHERE incident.id = s.id",
        "DELETE FROM incident USING s_incident s WHERE incident.id = s.id",
        "INSERT INTO incident SELECT * FROM s_incident",
        "UPDATE enrollment SET exit = s.exit FROM s_enrollment s WHERE enrollment.student = s.student AND enrollment.school = s.school AND enrollment.entry = s.entry",
        "INSERT INTO enrollment SELECT * FROM s_enrollment s WHERE NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.student = s.student AND e.school = s.school AND e.entry = s.entry)",
        "UPDATE assignment SET end_day = s.end_day FROM s_assignment s WHERE assignment.staff = s.staff AND assignment.org = s.org AND assignment.role = s.role AND assignment.begin_day = s.begin_day",
        "INSERT INTO assignment SELECT * FROM s_assignment s WHERE NOT EXISTS (SELECT 1 FROM assignment a WHERE a.staff = s.staff AND a.org = s.org AND a.role = s.role AND a.begin_day = s.begin_day)",
        "UPDATE consent SET revoked = s.revoked FROM s_consent s WHERE consent.id = s.id",
        "INSERT INTO consent SELECT * FROM s_consent s WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.id = s.id)",
    };
    private static final String[] STAGING = {"attendance", "mark", "incident", "incident_delete", "enrollment", "assignment", "consent"};

    private final DuckDBConnection connection;
    private long rows;

    private DuckDbLivePeer(DuckDBConnection connection) {
        this.connection = connection;
    }

    /** An in-memory database holding {@code data}'s tables, loaded with appenders. */
    static DuckDbLivePeer load(DistrictData data) {
        DuckDbLivePeer peer = new DuckDbLivePeer(DuckDbPeer.open());
        try (Statement s = peer.connection.createStatement()) {
            for (String t : TABLES) {
                s.execute("CREATE TABLE " + t);
                s.execute("CREATE TABLE s_" + t);
            }
            s.execute("CREATE TABLE s_incident_delete(id VARCHAR)");
            try (Rows r = peer.rows()) {
                data.attendance().forEachRecord(x -> r.add(x));
                data.courseMarks().forEach(r::add);
                data.behaviorIncidents().forEach(r::add);
                data.enrollments().forEach(r::add);
                data.staffAssignments().forEach(r::add);
                data.consents().forEach(r::add);
            }
        } catch (SQLException | RuntimeException e) {
            peer.close();
            throw new IllegalStateException("loading DuckDB failed: " + e.getMessage(), e);
        }
        return peer;
    }

    /** Applies {@code batch} in one transaction; returns the number of rows written so far. */
    long apply(ChangeBatch batch) {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String t : STAGING) {
                    s.execute("DELETE FROM s_" + t);
                }
                try (Rows staged = stagingRows()) {
                    for (Change c : batch.changes()) {
                        if (c instanceof Change.Upsert u) {
                            staged.add(u.record());
                        } else if (c.key().file() == org.communityschools.core.data.DataFile.BEHAVIOR) {
                            staged.deleteIncident(c.key().values().get(0));
                        } else {
                            throw new IllegalArgumentException("the peer deletes incidents only: " + c.key());
                        }
                    }
                }
                for (String sql : APPLY) {
                    rows += s.executeUpdate(sql);
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB apply failed: " + e.getMessage(), e);
        }
    }

    private Rows rows() throws SQLException {
        return new Rows(connection, "");
    }

    private Rows stagingRows() throws SQLException {
        return new Rows(connection, "s_");
    }

    /** Appenders for each table (or each staging table), opened together and closed (flushed) together. */
    private static final class Rows implements AutoCloseable {
        private final DuckDBAppender attendance;
        private final DuckDBAppender mark;
        private final DuckDBAppender incident;
        private final DuckDBAppender enrollment;
        private final DuckDBAppender assignment;
        private final DuckDBAppender consent;
        private final DuckDBAppender incidentDelete;

        Rows(DuckDBConnection c, String prefix) throws SQLException {
            String schema = DuckDBConnection.DEFAULT_SCHEMA;
            attendance = c.createAppender(schema, prefix + "attendance");
            mark = c.createAppender(schema, prefix + "mark");
            incident = c.createAppender(schema, prefix + "incident");
            enrollment = c.createAppender(schema, prefix + "enrollment");
            assignment = c.createAppender(schema, prefix + "assignment");
            consent = c.createAppender(schema, prefix + "consent");
            incidentDelete = prefix.isEmpty() ? null : c.createAppender(schema, "s_incident_delete");
        }

        void add(Object record) {
            try {
                if (record instanceof AttendanceRecord a) {
                    attendance.beginRow().append(a.studentId().value()).append(a.schoolId().value())
                            .append(day(a.date())).append(a.category().name()).append(a.duration().tenThousandths()).endRow();
                } else if (record instanceof CourseMark m) {
                    mark.beginRow().append(m.studentId().value()).append(m.schoolId().value()).append(m.schoolYear().endYear())
                            .append(m.term()).append(m.courseCode()).append(m.result().name()).endRow();
                } else if (record instanceof BehaviorIncident b) {
                    incident.beginRow().append(b.incidentId().value()).append(b.studentId().value()).append(b.schoolId().value())
                            .append(day(b.date())).append(b.behavior().name()).endRow();
                } else if (record instanceof Enrollment e) {
                    enrollment.beginRow().append(e.studentId().value()).append(e.schoolId().value()).append(day(e.entryDate()))
                            .append(day(e.exitWithdrawDate())).endRow();
                } else if (record instanceof StaffAssignment a) {
                    assignment.beginRow().append(a.staffId().value()).append(a.organizationId().value()).append(a.role().name())
                            .append(day(a.period().start())).append(day(a.period().lastDay())).endRow();
                } else if (record instanceof Consent c) {
                    consent.beginRow().append(c.id().value()).append(c.studentId().value()).append(c.recipientId().value())
                            .append(day(c.revokedDate())).endRow();
                } else {
                    throw new IllegalArgumentException("the peer has no table for " + record.getClass().getSimpleName());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void deleteIncident(String id) {
            try {
                incidentDelete.beginRow().append(id).endRow();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static int day(LocalDate d) {
            return (int) d.toEpochDay();
        }

        private static int day(Optional<LocalDate> d) {
            return d.map(x -> (int) x.toEpochDay()).orElse(Integer.MAX_VALUE);
        }

        @Override
        public void close() throws SQLException {
            for (DuckDBAppender a : List.of(attendance, mark, incident, enrollment, assignment, consent)) {
                a.close();
            }
            if (incidentDelete != null) {
                incidentDelete.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
