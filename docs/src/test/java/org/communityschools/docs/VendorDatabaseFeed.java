package org.communityschools.docs;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.AuthenticationMethod;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.Grantor;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * The worked example of docs/live-data.md, "Keeping the SDK current from your own database": a vendor's student
 * information system keeps consents and attendance marks in tables of its own shape, a trigger logs the key of every
 * changed row to an outbox, and this feed turns what the outbox logged since its cursor into one batch for a
 * {@link LiveDistrict}. Run against a real PostgreSQL by {@code LiveDataPostgresExampleTest}.
 */
final class VendorDatabaseFeed {
    // tag::schema[]
    /** The vendor's tables (its own names and codes), the outbox and the feed's cursor. */
    static final String SCHEMA = """
            create table pupil_consent (
              consent_ref  text primary key,
              pupil_no     text not null,
              signed_by    text not null,           -- 'parent' or 'student'
              partner_org  text not null,
              reason       text not null,
              shares       text not null,           -- 'attendance,programs'
              signed_on    date not null,
              signed_how   text not null,           -- 'paper' or 'portal'
              withdrawn_on date
            );
            create table attendance_mark (
              pupil_no text, campus text, day date,
              mark     char(1) not null,            -- A unexcused, E excused, T tardy
              note     text,
              primary key (pupil_no, campus, day)
            );
            create table sdk_outbox (
              seq bigserial primary key,
              tbl text not null,
              pk  jsonb not null,
              at  timestamptz not null default now()
            );
            create table sdk_cursor (seq bigint not null);
            insert into sdk_cursor values (0);

            -- every insert, update and delete logs the row's key (and, when an update changes the key, the old key too)
            create function sdk_outbox_log() returns trigger language plpgsql as $$
            declare
              k_new jsonb := '{}';
              k_old jsonb := '{}';
              i int;
            begin
              for i in 0 .. tg_nargs - 1 loop
                if tg_op <> 'DELETE' then k_new := k_new || jsonb_build_object(tg_argv[i], to_jsonb(new) -> tg_argv[i]); end if;
                if tg_op <> 'INSERT' then k_old := k_old || jsonb_build_object(tg_argv[i], to_jsonb(old) -> tg_argv[i]); end if;
              end loop;
              if tg_op <> 'INSERT' and k_old <> k_new then insert into sdk_outbox (tbl, pk) values (tg_table_name, k_old); end if;
              if tg_op <> 'DELETE' then insert into sdk_outbox (tbl, pk) values (tg_table_name, k_new); end if;
              return null;
            end $$;
            create trigger pupil_consent_outbox after insert or update or delete on pupil_consent
              for each row execute function sdk_outbox_log('consent_ref');
            create trigger attendance_mark_outbox after insert or update or delete on attendance_mark
              for each row execute function sdk_outbox_log('pupil_no', 'campus', 'day');
            """;
    // end::schema[]

    // tag::feed[]
    private final LiveDistrict live;

    VendorDatabaseFeed(LiveDistrict live) {
        this.live = live;
    }

    /**
     * Applies the rows logged after the cursor as one batch and moves the cursor in the same transaction. The outbox
     * says which rows changed; the tables say what they are now: a row that exists is upserted, a row that is gone is
     * deleted (when the district has it). So a pull that is repeated after a crash applies the same state again.
     *
     * @throws org.communityschools.core.live.BatchRejectedException located at {@code sdk_outbox:<seq>}; nothing was
     *                                                               applied and the cursor did not move
     */
    DistrictVersion pull(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try {
            long cursor = query(db, "select seq from sdk_cursor for update", r -> r.getLong(1)).orElseThrow();
            Map<RecordKey, Row> changed = new LinkedHashMap<>();
            long last = cursor;
            try (PreparedStatement q = db.prepareStatement("select seq, tbl, pk::text from sdk_outbox where seq > ? order by seq")) {
                q.setLong(1, cursor);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        last = r.getLong(1);
                        Row row = read(db, r.getString(2), r.getString(3), new ChangeOrigin("sdk_outbox", last));
                        changed.remove(row.key());
                        changed.put(row.key(), row);   // the last change of a key counts, at its own place
                    }
                }
            }
            if (changed.isEmpty()) {
                db.commit();
                return live.current();
            }
            DistrictData now = live.current().data();
            ChangeBatch.Builder batch = ChangeBatch.builder();
            for (Row row : changed.values()) {
                if (row.record().isPresent()) {
                    batch.upsert(row.record().get(), row.origin());
                } else if (holds(now, row.key())) {
                    batch.delete(row.key(), row.origin());
                }
            }
            DistrictVersion v = live.apply(batch.build());   // whole or not at all
            try (PreparedStatement u = db.prepareStatement("update sdk_cursor set seq = ?")) {
                u.setLong(1, last);
                u.executeUpdate();
            }
            db.commit();
            return v;
        } catch (RuntimeException | SQLException e) {
            db.rollback();
            throw e;
        }
    }

    /** A changed row: its key in the district data and its current record (empty when the row is gone). */
    private record Row(RecordKey key, Optional<Object> record, ChangeOrigin origin) {}

    private static Row read(Connection db, String table, String pk, ChangeOrigin origin) throws SQLException {
        Map<String, String> k = keyValues(pk);
        return switch (table) {
            case "pupil_consent" -> new Row(RecordKey.of(DataFile.CONSENTS, k.get("consent_ref")),
                    query(db, "select * from pupil_consent where consent_ref = ?", VendorDatabaseFeed::consent,
                            k.get("consent_ref")).map(Object.class::cast), origin);
            case "attendance_mark" -> new Row(RecordKey.of(DataFile.ATTENDANCE, k.get("pupil_no"), k.get("campus"), k.get("day")),
                    query(db, "select * from attendance_mark where pupil_no = ? and campus = ? and day = ?::date",
                            VendorDatabaseFeed::attendance, k.get("pupil_no"), k.get("campus"), k.get("day")).map(Object.class::cast), origin);
            default -> throw new IllegalStateException("no feed for table " + table);
        };
    }

    /** The vendor's consent row as the SDK's consent. */
    private static Consent consent(ResultSet r) throws SQLException {
        Date withdrawn = r.getDate("withdrawn_on");
        return new Consent(ConsentId.of(r.getString("consent_ref")), StudentId.of(r.getString("pupil_no")),
                r.getString("signed_by").equals("parent") ? Grantor.PARENT : Grantor.ELIGIBLE_STUDENT,
                OrganizationId.of(r.getString("partner_org")), r.getString("reason"),
                Arrays.stream(r.getString("shares").split(","))
                        .map(s -> DataCategory.valueOf(s.strip().toUpperCase(Locale.ROOT))).collect(Collectors.toSet()),
                r.getDate("signed_on").toLocalDate(),
                r.getString("signed_how").equals("paper") ? AuthenticationMethod.WET_SIGNATURE : AuthenticationMethod.ELECTRONIC,
                Optional.ofNullable(withdrawn).map(Date::toLocalDate));
    }

    /** The vendor's attendance mark as the SDK's attendance record (a whole day for an absence). */
    private static AttendanceRecord attendance(ResultSet r) throws SQLException {
        AttendanceCategory category = switch (r.getString("mark")) {
            case "A" -> AttendanceCategory.UNEXCUSED_ABSENCE;
            case "E" -> AttendanceCategory.EXCUSED_ABSENCE;
            case "T" -> AttendanceCategory.TARDY;
            default -> throw new IllegalArgumentException("unknown mark " + r.getString("mark"));
        };
        return AttendanceRecord.of(StudentId.of(r.getString("pupil_no")), SchoolId.of(r.getString("campus")),
                r.getDate("day").toLocalDate(), category, Optional.empty(), Optional.ofNullable(r.getString("note")));
    }
    // end::feed[]

    /** Whether the district holds a record with this key (the feed deletes only those). */
    private static boolean holds(DistrictData data, RecordKey key) {
        StudentId student = StudentId.of(key.values().get(0));
        return switch (key.file()) {
            case CONSENTS -> data.consents().stream().anyMatch(c -> c.id().value().equals(key.values().get(0)));
            case ATTENDANCE -> data.attendance().recordsOf(student).stream().anyMatch(a -> RecordKey.of(a).equals(key));
            default -> false;
        };
    }

    /** {@code {"campus": "SCH0001", "day": "2016-10-12", ...}} as text values. */
    private static Map<String, String> keyValues(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : new tools.jackson.databind.ObjectMapper().readTree(json).properties()) {
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** The first row of a query, mapped. */
    static <T> Optional<T> query(Connection db, String sql, RowMapper<T> mapper, String... parameters) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(mapper.map(r)) : Optional.empty();
            }
        }
    }

    /** Runs statements (the schema). */
    static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
