package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.server.Fixture.json;
import static org.communityschools.server.Fixture.post;

import java.util.ArrayList;
import java.util.List;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Subject, resource and action search (AuthZEN 1.0 section 8) with pagination. */
class SearchEndpointTest {
    private static RunningService server;

    @BeforeAll
    static void start() {
        server = Fixture.demoService();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> ids(JsonNode body) {
        Schemas.assertValid(Schemas.SEARCH_RESPONSE, body);
        List<String> out = new ArrayList<>();
        body.get("results").forEach(r -> out.add(r.has("id") ? r.get("id").stringValue() : r.get("name").stringValue()));
        return out;
    }

    @Test
    void resourceSearchListsTheStudentsTheStaffMemberCanSee() {
        String request = json("{'subject':{'type':'staff','id':'" + Fixture.VIEWER.value() + "'},"
                + "'resource':{'type':'student'},'action':{'name':'view'},'context':{'purpose':'" + Fixture.PURPOSE + "'},"
                + "'page':{'limit':1000}}");

        JsonNode body = post(server.uri(), "/access/v1/search/resource", request).json();

        List<String> expected = Fixture.ENGINE.whatCanISee(Fixture.VIEWER, Fixture.NOW).stream()
                .filter(a -> a.purpose().code().equals(Fixture.PURPOSE)).map(a -> a.student().value()).distinct().sorted().toList();
        assertThat(ids(body)).isEqualTo(expected).contains(Fixture.STUDENT.value());
        assertThat(body.get("page").get("next_token").stringValue()).isEmpty();
        assertThat(body.get("page").get("total").intValue()).isEqualTo(expected.size());
    }

    @Test
    void pagesFollowEachOtherUntilAnEmptyTokenAndCoverTheWholeResult() {
        String first = json("{'subject':{'type':'staff','id':'" + Fixture.VIEWER.value() + "'},"
                + "'resource':{'type':'student'},'action':{'name':'view'},'page':{'limit':2}}");
        JsonNode all = post(server.uri(), "/access/v1/search/resource", first.replace("'limit':2", "'limit':1000")
                .replace("\"limit\":2", "\"limit\":1000")).json();
        List<String> collected = new ArrayList<>();
        JsonNode page = post(server.uri(), "/access/v1/search/resource", first).json();
        int pages = 1;
        collected.addAll(ids(page));
        while (!page.get("page").get("next_token").stringValue().isEmpty()) {
            String next = first.replace("{\"limit\":2}", "{\"limit\":2,\"token\":\""
                    + page.get("page").get("next_token").stringValue() + "\"}");
            page = post(server.uri(), "/access/v1/search/resource", next).json();
            assertThat(page.get("page").get("count").intValue()).isLessThanOrEqualTo(2);
            collected.addAll(ids(page));
            pages++;
        }

        assertThat(collected).isEqualTo(ids(all));
        assertThat(pages).isEqualTo((ids(all).size() + 1) / 2);
    }

    @Test
    void aTokenUsedWithAChangedRequestIsABadRequest() {
        String first = json("{'subject':{'type':'staff','id':'" + Fixture.VIEWER.value() + "'},"
                + "'resource':{'type':'student'},'action':{'name':'view'},'page':{'limit':1}}");
        String token = post(server.uri(), "/access/v1/search/resource", first).json().get("page").get("next_token").stringValue();
        assertThat(token).isNotEmpty();

        Fixture.Reply r = post(server.uri(), "/access/v1/search/resource", first
                .replace(Fixture.VIEWER.value(), Fixture.STRANGER.value())
                .replace("{\"limit\":1}", "{\"limit\":1,\"token\":\"" + token + "\"}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("page.token does not continue this request");
    }

    @Test
    void subjectSearchListsWhoCanSeeAFieldOfTheStudent() {
        FieldPath field = Fixture.ENGINE.decide(Fixture.VIEWER, Fixture.STUDENT, Purpose.of(Fixture.PURPOSE), Fixture.NOW)
                .permittedFields().iterator().next();
        String request = json("{'subject':{'type':'staff'},'resource':{'type':'student','id':'" + Fixture.STUDENT.value()
                + "','properties':{'field':'" + field.value() + "'}},'action':{'name':'view'},"
                + "'context':{'purpose':'" + Fixture.PURPOSE + "'},'page':{'limit':1000}}");

        JsonNode body = post(server.uri(), "/access/v1/search/subject", request).json();

        List<String> expected = Fixture.ENGINE.whoCanSee(Fixture.STUDENT, field, Fixture.NOW).stream()
                .filter(v -> v.purpose().code().equals(Fixture.PURPOSE)).map(v -> v.staff().value()).distinct().sorted().toList();
        assertThat(ids(body)).isEqualTo(expected).contains(Fixture.VIEWER.value()).doesNotContain(Fixture.STRANGER.value());
        body.get("results").forEach(r -> assertThat(r.get("type").stringValue()).isEqualTo("staff"));
    }

    @Test
    void actionSearchOffersViewExactlyWhenSomethingMayBeSeen() {
        String template = "{'subject':{'type':'staff','id':'%s'},'resource':{'type':'student','id':'"
                + Fixture.STUDENT.value() + "'},'context':{'purpose':'" + Fixture.PURPOSE + "'}}";

        JsonNode viewer = post(server.uri(), "/access/v1/search/action", json(template.formatted(Fixture.VIEWER.value()))).json();
        JsonNode stranger = post(server.uri(), "/access/v1/search/action", json(template.formatted(Fixture.STRANGER.value()))).json();

        assertThat(ids(viewer)).containsExactly("view");
        assertThat(ids(stranger)).isEmpty();
    }
}
