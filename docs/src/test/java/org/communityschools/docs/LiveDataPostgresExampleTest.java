package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.Violation;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/live-data.md, "Keeping the SDK current from your own database", against a real
 * PostgreSQL: a vendor's tables, a trigger-fed outbox, {@link VendorDatabaseFeed} pulling changes into a live district,
 * and the community school director's decision on a student's homeless-program record changing when the parent's
 * withdrawal of consent is written in the vendor's table.
 */
class LiveDataPostgresExampleTest {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate DAY = LocalDate.of(2016, 10, 12);
    static final Instant NOON = DAY.atTime(12, 0).atZone(ZONE).toInstant();
    static final SchoolId SCHOOL = SchoolId.of("SCH0001");
    static final StaffId CSD = StaffId.of("SCH0001-CSD");
    static final Purpose SUPPORT = Purpose.of("student-support");
    static final String FIELD = "programs.homeless";

    @Test
    void aWithdrawalWrittenInTheVendorsTableDeniesFromTheVersionThatPullsIt(@TempDir Path dir) throws Exception {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir.resolve("city"));
        DistrictData snapshot = DistrictDataReader.builder().build().read(dir.resolve("city")).data();
        // a student of the community school, enrolled on DAY, whose consents are in force
        StudentId student = snapshot.enrollments().stream()
                .filter(e -> e.schoolId().equals(SCHOOL) && e.isEnrolledOn(DAY)).map(Enrollment::studentId).distinct()
                .filter(s -> snapshot.consentsOf(s).stream().anyMatch(c -> c.isInForceOn(DAY) && c.revokedDate().isEmpty()))
                .findFirst().orElseThrow();
        LocalDate lastWeek = snapshot.calendar(SCHOOL).days().stream().filter(d -> d.isBefore(DAY)).reduce((a, b) -> b).orElseThrow();

        try (EmbeddedPostgres pg = PostgresServer.start(); Connection db = pg.getPostgresDatabase().getConnection()) {
            VendorDatabaseFeed.execute(db, VendorDatabaseFeed.SCHEMA);
            loadConsents(db, snapshot);   // the vendor's rows as of the snapshot; the outbox starts after them
            VendorDatabaseFeed.execute(db, "truncate sdk_outbox");

            LiveDistrict live = LiveDistrict.of(snapshot);
            LivePolicyEngine policy = LivePolicyEngine.builder().policy(Policies.defaultPolicy()).zone(ZONE).district(live).build();
            DecisionCache cache = DecisionCache.builder().build();
            VendorDatabaseFeed feed = new VendorDatabaseFeed(live);
            assertThat(policy.decide(cache, CSD, student, SUPPORT, NOON, 0).permits(FIELD)).isTrue();

            // a teacher records an absence; the feed pulls it: attendance is no access fact, the cached decision stays
            sql(db, "insert into attendance_mark values (?, 'SCH0001', ?, 'A', 'no show')", student.value(), lastWeek);
            DistrictVersion v1 = feed.pull(db);
            assertThat(v1.number()).isEqualTo(1);
            assertThat(v1.data().attendance().recordsOf(student, SCHOOL)).filteredOn(a -> a.date().equals(lastWeek))
                    .extracting(AttendanceRecord::category).containsExactly(AttendanceCategory.UNEXCUSED_ABSENCE);
            assertThat(policy.decide(cache, CSD, student, SUPPORT, NOON, v1.number()).permits(FIELD)).isTrue();
            assertThat(cache.size()).isEqualTo(1);

            // the parent withdraws consent: one row updated in the vendor's table
            sql(db, "update pupil_consent set withdrawn_on = ? where pupil_no = ? and withdrawn_on is null", DAY, student.value());
            DistrictVersion v2 = feed.pull(db);
            Decision after = policy.decide(cache, CSD, student, SUPPORT, NOON, v2.number());
            assertThat(after.permits(FIELD)).isFalse();
            assertThat(after.dataVersion()).isEqualTo(2);
            assertThat(v2.data().consentsOf(student)).allSatisfy(c -> assertThat(c.isInForceOn(DAY)).isFalse());

            // the mark was a mistake: deleted in the vendor's table, deleted in the district; nothing new, no new version
            sql(db, "delete from attendance_mark where pupil_no = ?", student.value());
            DistrictVersion v3 = feed.pull(db);
            assertThat(v3.data().attendance().recordsOf(student, SCHOOL)).noneMatch(a -> a.date().equals(lastWeek)
                    && a.reason().filter("no show"::equals).isPresent());
            assertThat(feed.pull(db).number()).isEqualTo(3);

            // a mark outside the school's calendar and the student's enrollment: rejected at its outbox row, nothing
            // applied, the cursor stays
            sql(db, "insert into attendance_mark values (?, 'SCH0001', ?, 'A', null)", student.value(), LocalDate.of(2030, 1, 7));
            BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> feed.pull(db));
            assertThat(e.violations()).extracting(Violation::file, Violation::rule).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("sdk_outbox", "attendance.on-instructional-day"),
                    org.assertj.core.groups.Tuple.tuple("sdk_outbox", "attendance.within-enrollment"));
            assertThat(live.current().number()).isEqualTo(3);
            assertThat(VendorDatabaseFeed.query(db, "select seq from sdk_cursor", r -> r.getLong(1)).orElseThrow())
                    .isEqualTo(e.violations().get(0).line() - 1);
        }
        DocPages.assertQuoted("live-data.md", VendorDatabaseFeed.class, "schema");
        DocPages.assertQuoted("live-data.md", VendorDatabaseFeed.class, "feed");
    }

    private static void loadConsents(Connection db, DistrictData data) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("insert into pupil_consent values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Consent c : data.consents()) {
                p.setString(1, c.id().value());
                p.setString(2, c.studentId().value());
                p.setString(3, c.grantor() == org.communityschools.core.model.Grantor.PARENT ? "parent" : "student");
                p.setString(4, c.recipientId().value());
                p.setString(5, c.purpose());
                p.setString(6, c.categories().stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                        .collect(Collectors.joining(",")));
                p.setDate(7, Date.valueOf(c.signedDate()));
                p.setString(8, c.authentication() == org.communityschools.core.model.AuthenticationMethod.WET_SIGNATURE ? "paper" : "portal");
                p.setDate(9, c.revokedDate().map(Date::valueOf).orElse(null));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void sql(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i] instanceof LocalDate d ? Date.valueOf(d) : parameters[i]);
            }
            p.executeUpdate();
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
    }
}
