package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.server.Fixture.json;
import static org.communityschools.server.Fixture.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Checkpoint;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogException;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The record endpoint: the redacted record, recorded in the disclosure log before it is sent. */
class RecordEndpointTest {
    static String request(String staff, String student, String purpose) {
        return json("{'subject':{'type':'staff','id':'" + staff + "'},'resource':{'type':'student','id':'" + student
                + "'},'context':{'purpose':'" + purpose + "'}}");
    }

    private static RunningService start(DisclosureSink log) {
        return DecisionService.builder().engine(Fixture.ENGINE).districtData(Fixture.DATA).disclosureLog(log)
                .identity(Identity.insecureDemo()).clock(Fixture.CLOCK).build().start("127.0.0.1", 0);
    }

    @Test
    void theRecordIsSentOnlyAfterItsDisclosureIsLoggedAndTheEntriesListWhatItHolds() throws Exception {
        DisclosureSink log = DisclosureLogs.inMemory();
        try (RunningService s = start(log)) {
            Fixture.Reply r = post(s.uri(), "/records/v1/student",
                    request(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE));

            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            List<DisclosureEntry> logged = log.historyOf(Fixture.STUDENT);
            assertThat(body.get("disclosures").size()).isEqualTo(logged.size()).isPositive();
            assertThat(body.get("disclosures").get(0).get("sequence").longValue()).isEqualTo(logged.get(0).sequence());
            assertThat(body.get("disclosures").get(0).get("fields").valueStream().map(JsonNode::stringValue).toList())
                    .isEqualTo(logged.get(0).disclosure().fields().stream().map(f -> f.value()).toList());
            assertThat(body.get("record").isObject()).isTrue();
            assertThat(body.get("record").propertyNames()).isNotEmpty();

            String text = r.body().substring(r.body().indexOf("\"record\":") + 9, r.body().length() - 1);
            String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(body.get("disclosures").get(0).get("content_digest").stringValue()).isEqualTo(digest);
            assertThat(logged.get(0).disclosure().contentDigest()).contains(digest);
        }
    }

    @Test
    void whenTheLogCannotBeWrittenTheAnswerIs503AndCarriesNoRecord() {
        try (RunningService s = start(new FailingSink())) {
            Fixture.Reply r = post(s.uri(), "/records/v1/student",
                    request(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE));

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("the disclosure log could not record this disclosure, so nothing was disclosed");
        }
    }

    @Test
    void aForbiddenAndAMissingStudentGetTheSameAnswerAndNothingIsLogged() {
        DisclosureSink log = DisclosureLogs.inMemory();
        try (RunningService s = start(log)) {
            Fixture.Reply forbidden = post(s.uri(), "/records/v1/student",
                    request(Fixture.STRANGER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE));
            Fixture.Reply missing = post(s.uri(), "/records/v1/student",
                    request(Fixture.VIEWER.value(), "NOSUCH0001", Fixture.PURPOSE));

            assertThat(forbidden.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo(forbidden.body());
            assertThat(log.checkpoint()).isEmpty();
            assertThat(log.historyOf(StudentId.of("NOSUCH0001"))).isEmpty();
        }
    }

    @Test
    void theRecordIsDecidedAtTheServersTimeOnly() {
        try (RunningService s = start(DisclosureLogs.inMemory())) {
            String body = request(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE)
                    .replace("}}", ",\"time\":\"2020-01-01T00:00:00Z\"}}");

            Fixture.Reply r = post(s.uri(), "/records/v1/student", body);

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("context.time is not accepted");
        }
    }

    /** A log whose device has failed: every append throws. */
    private static final class FailingSink implements DisclosureSink {
        @Override
        public DisclosureEntry append(Disclosure disclosure) {
            throw new DisclosureLogException("the device failed");
        }

        @Override
        public List<DisclosureEntry> historyOf(StudentId student) {
            return List.of();
        }

        @Override
        public Optional<Checkpoint> checkpoint() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
