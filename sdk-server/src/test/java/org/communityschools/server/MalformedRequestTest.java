package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.server.Fixture.json;
import static org.communityschools.server.Fixture.post;

import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests an attacker or a broken client sends: each is a 400 with the binding's error shape (an error message
 * string, here as text/plain), never a 500 or a stack trace, and the server keeps serving.
 */
class MalformedRequestTest {
    private static RunningService server;

    @BeforeAll
    static void start() {
        server = DecisionService.builder().engine(Fixture.ENGINE).districtData(Fixture.DATA)
                .disclosureLog(DisclosureLogs.inMemory()).identity(Identity.insecureDemo()).clock(Fixture.CLOCK)
                .maxBodyBytes(4096).build().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void theServerKeepsServing() {
        Fixture.Reply r = post(server.uri(), "/access/v1/evaluation", EvaluationEndpointTest.evaluation(
                Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, ""));
        assertThat(r.status()).isEqualTo(200);
    }

    private static void assertBadRequest(Fixture.Reply r, String message) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        // a request without an id gets one of the UUID's shape (a per-process random prefix and a counter)
        assertThat(r.header("X-Request-ID")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON                 | {'subject': | the request body is not valid JSON",
            "not an object            | [1,2,3] | the request body must be a JSON object",
            "empty body               | '' | the request body is empty",
            "missing subject          | {'resource':{'type':'student','id':'S1'},'action':{'name':'view'},'context':{'purpose':'p'}} | subject is required",
            "subject of wrong type    | {'subject':'staff','resource':{'type':'student','id':'S1'},'action':{'name':'view'}} | subject must be a JSON object",
            "id of wrong type         | {'subject':{'type':'staff','id':42},'resource':{'type':'student','id':'S1'},'action':{'name':'view'}} | subject.id must be a string",
            "missing resource id      | {'subject':{'type':'staff','id':'T1'},'resource':{'type':'student'},'action':{'name':'view'}} | resource.id is required",
            "missing action           | {'subject':{'type':'staff','id':'T1'},'resource':{'type':'student','id':'S1'}} | action is required",
            "missing purpose          | {'subject':{'type':'staff','id':'T1'},'resource':{'type':'student','id':'S1'},'action':{'name':'view'}} | context.purpose is required",
            "unknown subject type     | {'subject':{'type':'user','id':'T1'},'resource':{'type':'student','id':'S1'},'action':{'name':'view'},'context':{'purpose':'p'}} | subject.type must be 'staff'",
            "malformed staff id       | {'subject':{'type':'staff','id':'a b'},'resource':{'type':'student','id':'S1'},'action':{'name':'view'},'context':{'purpose':'p'}} | subject.id must be an identifier",
            "malformed time           | {'subject':{'type':'staff','id':'T1'},'resource':{'type':'student','id':'S1'},'action':{'name':'view'},'context':{'purpose':'p','time':'yesterday'}} | context.time must be a date and time",
            "unknown category         | {'subject':{'type':'staff','id':'T1'},'resource':{'type':'student','id':'S1','properties':{'category':'SHOES'}},'action':{'name':'view'},'context':{'purpose':'p'}} | must be a data category",
            "unknown field            | {'subject':{'type':'staff','id':'T1'},'resource':{'type':'student','id':'S1','properties':{'field':'shoes.size'}},'action':{'name':'view'},'context':{'purpose':'p'}} | is not a field of the policy's catalog",
            "duplicate member         | {'subject':{'type':'staff','id':'T1','id':'T2'},'resource':{'type':'student','id':'S1'},'action':{'name':'view'}} | the request body is not valid JSON",
    })
    void aMalformedEvaluationIsABadRequest(String what, String body, String message) {
        assertBadRequest(post(server.uri(), "/access/v1/evaluation", json(body)), message);
    }

    @Test
    void aBodyOverTheLimitIsContentTooLarge() {
        String padding = "x".repeat(5000);
        String body = json("{'subject':{'type':'staff','id':'T1','properties':{'pad':'" + padding + "'}}}");

        Fixture.Reply r = post(server.uri(), "/access/v1/evaluation", body);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains("larger than the limit of 4096 bytes");
    }

    @Test
    void nestingDeeperThanTheLimitIsABadRequest() {
        String body = "{\"subject\":" + "[".repeat(40) + "]".repeat(40) + "}";

        assertBadRequest(post(server.uri(), "/access/v1/evaluation", body), "the request body is not valid JSON");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsABadRequest() {
        assertBadRequest(post(server.uri(), "/access/v1/evaluation", "{}", "Content-Type", "text/plain"),
                "Content-Type: application/json");
    }

    @Test
    void unknownMembersAreIgnoredAsTheBindingRequires() {
        String body = json("{'subject':{'type':'staff','id':'" + Fixture.VIEWER.value() + "','nickname':'x'},"
                + "'resource':{'type':'student','id':'" + Fixture.STUDENT.value() + "'},'action':{'name':'view'},"
                + "'context':{'purpose':'" + Fixture.PURPOSE + "','weather':'rain'},'extension':{'a':1}}");

        Fixture.Reply r = post(server.uri(), "/access/v1/evaluation", body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("decision").booleanValue()).isTrue();
    }

    @Test
    void aBatchOverTheLimitIsABadRequest() {
        String items = ("{'resource':{'type':'student','id':'S1'}},").repeat(101);
        String body = json("{'evaluations':[" + items.substring(0, items.length() - 1) + "]}");
        DecisionService big = DecisionService.builder().engine(Fixture.ENGINE).districtData(Fixture.DATA)
                .disclosureLog(DisclosureLogs.inMemory()).identity(Identity.insecureDemo()).build();
        try (RunningService s = big.start("127.0.0.1", 0)) {
            assertBadRequest(post(s.uri(), "/access/v1/evaluations", body), "at most 100 are accepted");
        }
    }
}
