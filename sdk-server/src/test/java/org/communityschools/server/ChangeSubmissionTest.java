package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.server.Fixture.post;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.Policies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /data/v1/changes} on a live district with a journal: a submitted revocation is decided on at once (and
 * certainly by a request that passes the answer's version as its consistency token), an invalid batch changes nothing
 * and lists every violation by change, a caller without the change scope is refused, and a restarted service replays
 * the journal.
 */
class ChangeSubmissionTest {
    @TempDir
    Path journal;

    private LiveDistrict district;
    private RunningService service;

    @BeforeEach
    void open() {
        district = LiveDistrict.builder().data(Fixture.DATA).journal(journal).build();
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        district.close();
    }

    private RunningService start(LiveDistrict live, Identity identity) {
        LivePolicyEngine engine = LivePolicyEngine.builder().policy(Policies.defaultPolicy()).zone(Fixture.ZONE)
                .district(live).build();
        service = DecisionService.builder().liveEngine(engine).disclosureLog(DisclosureLogs.inMemory())
                .identity(identity).clock(Fixture.CLOCK).build().start("127.0.0.1", 0);
        return service;
    }

    /**
     * The revocation of the viewer's access: the delete of every staff assignment and student-staff relationship of
     * {@link Fixture#VIEWER}, the records the default policy's school-official and relationship rules read. Without
     * them the viewer holds no role at any school and no relationship with any student, so no rule permits anything.
     */
    static ObjectNode revocation() {
        ObjectNode body = Fixture.JSON.createObjectNode();
        ArrayNode changes = body.putArray("changes");
        List<Object> records = new ArrayList<>();
        Fixture.DATA.staffAssignments().stream().filter(a -> a.staffId().equals(Fixture.VIEWER)).forEach(records::add);
        Fixture.DATA.relationshipsOfStaff(Fixture.VIEWER).forEach(records::add);
        assertThat(records).isNotEmpty();
        for (Object r : records) {
            RecordKey key = RecordKey.of(r);
            ObjectNode change = changes.addObject();
            change.put("op", "delete");
            change.put("file", key.file().fileName());
            ObjectNode record = change.putObject("record");
            List<String> columns = RecordKey.columns(key.file());
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i), key.values().get(i));
            }
        }
        return body;
    }

    private Fixture.Reply evaluate(long dataVersion, String... auth) {
        String token = dataVersion < 0 ? "" : ",'data_version':" + dataVersion;
        return post(service.uri(), "/access/v1/evaluation", Fixture.json("{'subject':{'type':'staff','id':'"
                + Fixture.VIEWER.value() + "'},'resource':{'type':'student','id':'" + Fixture.STUDENT.value() + "'},"
                + "'action':{'name':'view'},'context':{'purpose':'" + Fixture.PURPOSE + "'" + token + "}}"), auth);
    }

    @Test
    void aSubmittedRevocationIsDecidedOnFromTheVersionItsAnswerNames() {
        start(district, Identity.insecureDemo());
        assertThat(evaluate(-1).json().get("decision").booleanValue()).isTrue();
        int deletes = revocation().get("changes").size();

        Fixture.Reply r = post(service.uri(), "/data/v1/changes", revocation().toString());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data_version").longValue()).isEqualTo(1);
        assertThat(r.json().get("applied").intValue()).isEqualTo(deletes);
        Fixture.Reply after = evaluate(1);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("decision").booleanValue()).isFalse();
        assertThat(after.json().get("context").get("data_version").longValue()).isEqualTo(1);
        assertThat(district.current().data().relationshipsOfStaff(Fixture.VIEWER)).isEmpty();
    }

    @Test
    void aTokenFromTheFutureIsABadRequest() {
        start(district, Identity.insecureDemo());

        Fixture.Reply r = evaluate(7);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("context.data_version 7 is not a version of this service's data");
    }

    @Test
    void aBatchBreakingFieldRulesChangesNothingAndListsEveryViolation() throws IOException {
        start(district, Identity.insecureDemo());
        StudentStaffRelationship rel = Fixture.DATA.studentStaffRelationships().get(0);
        String body = Fixture.json("{'changes':["
                // 0: a valid delete, not applied because the batch is rejected
                + revocation().get("changes").get(0).toString().replace('"', '\'') + ","
                // 1: February 30th is no date (the reader's field.format); the relationship code is unknown
                + "{'op':'upsert','file':'student_staff.csv','record':{'student_id':'" + rel.studentId().value()
                + "','staff_id':'" + rel.staffId().value() + "','relationship':'BEST_FRIEND','begin_date':'2018-02-30'}},"
                // 2: a column the file does not have
                + "{'op':'delete','file':'consents.csv','record':{'consent_id':'C1','shoe_size':'9'}},"
                // 3: an operation that does not exist, a file that does not exist
                + "{'op':'merge','file':'shoes.csv','record':{}},"
                // 4: a cell that is not text
                + "{'op':'delete','file':'consents.csv','record':{'consent_id':7}},"
                // 5: a line break in a cell
                + "{'op':'delete','file':'consents.csv','record':{'consent_id':'C1\\nC2'}}]}");
        long journalBytes = journalBytes();

        Fixture.Reply r = post(service.uri(), "/data/v1/changes", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode v = r.json().get("violations");
        List<String> located = new ArrayList<>();
        v.forEach(x -> located.add(x.path("change").asInt(-1) + " " + x.path("field").asString("") + " " + x.get("rule").asString()));
        assertThat(located).contains("2 shoe_size change.unknown-column", "3 op delta.op", "3 file change.file",
                "4 consent_id change.cell-type",
                "5 consent_id field.control-character");
        // the reader's rules are reached only when every change has a valid shape; alone, change 1 breaks them
        assertThat(district.current().number()).isZero();
        assertThat(journalBytes()).isEqualTo(journalBytes);

        String readerOnly = body.replaceAll(",\\{\"op\":\"delete\",\"file\":\"consents.csv\".*\\]\\}$", "]}");
        Fixture.Reply second = post(service.uri(), "/data/v1/changes", readerOnly);

        assertThat(second.status()).isEqualTo(400);
        List<String> rules = new ArrayList<>();
        second.json().get("violations").forEach(x -> rules.add(x.path("change").asInt(-1) + " " + x.path("field").asString("")));
        assertThat(rules).contains("1 relationship", "1 begin_date");
        assertThat(district.current().number()).isZero();
        assertThat(evaluate(-1).json().get("decision").booleanValue()).isTrue();
        assertThat(journalBytes()).isEqualTo(journalBytes);
    }

    @Test
    void aBatchBreakingCrossRecordRulesChangesNothing() {
        start(district, Identity.insecureDemo());
        String body = Fixture.json("{'changes':["
                + revocation().get("changes").get(0).toString().replace('"', '\'') + ","
                + "{'op':'delete','file':'consents.csv','record':{'consent_id':'NO-SUCH-CONSENT'}}]}");

        Fixture.Reply r = post(service.uri(), "/data/v1/changes", body);

        assertThat(r.status()).isEqualTo(400);
        JsonNode first = r.json().get("violations").get(0);
        assertThat(first.get("change").intValue()).isEqualTo(1);
        assertThat(first.get("rule").asString()).isEqualTo("change.unknown-key");
        assertThat(district.current().number()).isZero();
    }

    @Test
    void onlyATokenWithTheChangeScopeMaySubmit() {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        try {
            Identity identity = Identity.builder().issuer(provider.issuerUrl(BearerTokenTest.ISSUER_ID).toString())
                    .audience(BearerTokenTest.AUDIENCE).jwksUri(provider.jwksUrl(BearerTokenTest.ISSUER_ID).uri())
                    .trustedClients(BearerTokenTest.SIS).changeScope("district.changes").build();
            start(district, identity);
            String staff = BearerTokenTest.token(provider, "teacher-portal",
                    Map.of("staff_id", Fixture.VIEWER.value(), "azp", "teacher-portal"), BearerTokenTest.AUDIENCE, 3600);
            String sis = BearerTokenTest.token(provider, BearerTokenTest.SIS, Map.of("azp", BearerTokenTest.SIS),
                    BearerTokenTest.AUDIENCE, 3600);
            String sync = BearerTokenTest.token(provider, "sis-sync",
                    Map.of("azp", "sis-sync", "scope", "openid district.changes"), BearerTokenTest.AUDIENCE, 3600);

            Fixture.Reply byStaff = post(service.uri(), "/data/v1/changes", revocation().toString(), "Authorization", "Bearer " + staff);
            Fixture.Reply bySis = post(service.uri(), "/data/v1/changes", revocation().toString(), "Authorization", "Bearer " + sis);
            Fixture.Reply anonymous = post(service.uri(), "/data/v1/changes", revocation().toString());

            assertThat(byStaff.status()).isEqualTo(403);
            assertThat(byStaff.body()).contains("change scope");
            assertThat(bySis.status()).isEqualTo(403);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(district.current().number()).isZero();

            Fixture.Reply bySync = post(service.uri(), "/data/v1/changes", revocation().toString(), "Authorization", "Bearer " + sync);

            assertThat(bySync.status()).isEqualTo(200);
            assertThat(evaluate(bySync.json().get("data_version").longValue(), "Authorization", "Bearer " + staff)
                    .json().get("decision").booleanValue()).isFalse();
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void aRestartedServiceReplaysTheJournal() {
        start(district, Identity.insecureDemo());
        long version = post(service.uri(), "/data/v1/changes", revocation().toString()).json().get("data_version").longValue();
        service.close();
        service = null;
        district.close();

        district = LiveDistrict.builder().journal(journal).build();
        start(district, Identity.insecureDemo());

        assertThat(district.current().number()).isEqualTo(version);
        Fixture.Reply r = evaluate(version);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("decision").booleanValue()).isFalse();
    }

    /** A zip of files named and written as given (name, text, name, text, ...). */
    static byte[] zip(String... entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new java.util.zip.ZipEntry(entries[i]));
                z.write(entries[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Fixture.Reply postZip(byte[] body) {
        return Fixture.send(java.net.http.HttpRequest.newBuilder(service.uri().resolve("/data/v1/changes"))
                .header("Content-Type", "application/zip").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void aZippedDeltaDirectoryIsAppliedOrRejectedWithItsFileAndLine() throws IOException {
        start(district, Identity.insecureDemo());
        StaffAssignment first = Fixture.DATA.staffAssignments().stream()
                .filter(a -> a.staffId().equals(Fixture.VIEWER)).findFirst().orElseThrow();
        String header = "op,staff_id,organization_id,role,begin_date,end_date\r\n";
        String delete = "delete," + first.staffId().value() + "," + first.organizationId().value() + "," + first.role().name()
                + "," + first.period().start() + ",\r\n";

        // line 3 has a role the directory does not know; nothing is applied, line 2 included
        Fixture.Reply bad = postZip(zip("delta/staff_assignments.csv", header + delete + "upsert,T9,SCH0001,JUGGLER,2018-01-01,\r\n"));

        assertThat(bad.status()).isEqualTo(400);
        JsonNode v = bad.json().get("violations");
        assertThat(v.get(0).get("file").asString()).isEqualTo("staff_assignments.csv");
        assertThat(v.get(0).get("line").intValue()).isEqualTo(3);
        assertThat(v.get(0).get("field").asString()).isEqualTo("role");
        assertThat(district.current().number()).isZero();

        Fixture.Reply good = postZip(zip("delta/staff_assignments.csv", header + delete));

        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().get("data_version").longValue()).isEqualTo(1);
        assertThat(district.current().data().staffAssignments()).doesNotContain(first);

        assertThat(postZip("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(400);
        Fixture.Reply unknown = postZip(zip("shoes.csv", "op,size\r\n"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("'shoes.csv' is not a CSV file of the district data directory");
        assertThat(district.current().number()).isEqualTo(1);
    }

    @Test
    void aServiceOnFixedDataHasNoChangeEndpoint() {
        try (RunningService fixed = Fixture.demoService()) {
            Fixture.Reply r = post(fixed.uri(), "/data/v1/changes", revocation().toString());

            assertThat(r.status()).isEqualTo(404);
        }
    }

    private long journalBytes() throws IOException {
        try (Stream<Path> files = Files.walk(journal)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
