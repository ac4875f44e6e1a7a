package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityschools.server.Fixture.json;
import static org.communityschools.server.Fixture.post;

import java.util.ArrayList;
import java.util.List;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Purpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The access evaluation and evaluations endpoints (AuthZEN 1.0 sections 6 and 7) and the PDP metadata. */
class EvaluationEndpointTest {
    private static RunningService server;
    private static final Decision DECISION = Fixture.ENGINE.decide(Fixture.VIEWER, Fixture.STUDENT,
            Purpose.of(Fixture.PURPOSE), Fixture.NOW);

    @BeforeAll
    static void start() {
        server = Fixture.demoService();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String evaluation(String staff, String student, String purpose, String resourceProperties) {
        return json("{'subject':{'type':'staff','id':'" + staff + "'},'resource':{'type':'student','id':'" + student + "'"
                + (resourceProperties.isEmpty() ? "" : ",'properties':" + resourceProperties) + "},"
                + "'action':{'name':'view'},'context':{'purpose':'" + purpose + "'}}");
    }

    @Test
    void permitCarriesEveryPermittedFieldWithItsLegalBasisScopeAndTheObligations() {
        String request = evaluation(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, "");
        Schemas.assertValid(Schemas.EVALUATION_REQUEST, Fixture.JSON.readTree(request));

        Fixture.Reply r = post(server.uri(), "/access/v1/evaluation", request);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        Schemas.assertEvaluationResponse(body);
        assertThat(body.get("decision").booleanValue()).isTrue();
        JsonNode ctx = body.get("context");
        List<String> fields = new ArrayList<>();
        ctx.get("permitted").forEach(p -> fields.add(p.get("field").stringValue()));
        assertThat(fields).containsExactlyElementsOf(DECISION.permittedFields().stream().map(FieldPath::value).toList());
        ctx.get("permitted").forEach(p -> {
            var grants = DECISION.grantsOf(FieldPath.of(p.get("field").stringValue()));
            assertThat(p.get("grants").size()).isEqualTo(grants.size());
            assertThat(p.get("grants").get(0).get("legal_basis").stringValue()).isEqualTo(grants.get(0).basis().name());
            assertThat(p.get("grants").get(0).get("rule").stringValue()).isEqualTo(grants.get(0).ruleId());
            assertThat(p.get("grants").get(0).get("record_scope").size()).isEqualTo(grants.get(0).scope().limits().size());
        });
        assertThat(ctx.get("obligations").valueStream().map(o -> o.get("type").stringValue()))
                .contains("record_disclosure");
        assertThat(ctx.get("policy").get("id").stringValue()).isEqualTo(DECISION.policyId());
        assertThat(ctx.get("date").stringValue()).isEqualTo(Fixture.TODAY.toString());
        assertThat(ctx.get("denied").size()).isEqualTo(DECISION.denials().size());
    }

    @Test
    void denialCarriesTheReasonOfEveryDeniedField() {
        Fixture.Reply r = post(server.uri(), "/access/v1/evaluation",
                evaluation(Fixture.STRANGER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, ""));

        assertThat(r.status()).isEqualTo(200);
        Schemas.assertEvaluationResponse(r.json());
        assertThat(r.json().get("decision").booleanValue()).isFalse();
        assertThat(r.json().get("context").get("permitted").size()).isZero();
        assertThat(r.json().get("context").get("denied").size()).isPositive();
        r.json().get("context").get("denied").forEach(d -> assertThat(d.get("reason").stringValue()).isNotBlank());
    }

    @Test
    void aFieldOrCategoryResourceIsDecidedForThatFieldOrCategoryOnly() {
        FieldPath permitted = DECISION.permittedFields().iterator().next();
        FieldPath denied = Fixture.ENGINE.policy().catalog().fields().stream().map(f -> f.path())
                .filter(f -> !DECISION.permits(f) && f.parent().isEmpty()).findFirst().orElseThrow();
        String category = DECISION.grantsOf(permitted).get(0).category().name();

        JsonNode yes = post(server.uri(), "/access/v1/evaluation", evaluation(Fixture.VIEWER.value(),
                Fixture.STUDENT.value(), Fixture.PURPOSE, "{'field':'" + permitted.value() + "'}")).json();
        JsonNode no = post(server.uri(), "/access/v1/evaluation", evaluation(Fixture.VIEWER.value(),
                Fixture.STUDENT.value(), Fixture.PURPOSE, "{'field':'" + denied.value() + "'}")).json();
        JsonNode byCategory = post(server.uri(), "/access/v1/evaluation", evaluation(Fixture.VIEWER.value(),
                Fixture.STUDENT.value(), Fixture.PURPOSE, "{'category':'" + category + "'}")).json();

        assertThat(yes.get("decision").booleanValue()).isTrue();
        assertThat(yes.get("context").get("permitted").valueStream().map(p -> p.get("field").stringValue()))
                .allMatch(f -> FieldPath.of(f).equals(permitted) || FieldPath.of(f).isWithin(permitted));
        assertThat(no.get("decision").booleanValue()).isFalse();
        assertThat(no.get("context").get("denied").valueStream().flatMap(d -> d.get("fields").valueStream())
                .map(JsonNode::stringValue)).contains(denied.value());
        assertThat(byCategory.get("decision").booleanValue()).isTrue();
        assertThat(byCategory.get("context").get("permitted").valueStream().map(p -> p.get("category").stringValue()))
                .containsOnly(category);
    }

    @Test
    void anActionOtherThanViewIsNeverPermitted() {
        String request = evaluation(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, "")
                .replace("\"view\"", "\"edit\"");

        JsonNode body = post(server.uri(), "/access/v1/evaluation", request).json();

        assertThat(body.get("decision").booleanValue()).isFalse();
        assertThat(body.get("context").get("reason").stringValue()).contains("only action is 'view'");
    }

    @Test
    void theRequestIdIsEchoedAndOneIsMadeWhenTheRequestHasNone() {
        String request = evaluation(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, "");

        Fixture.Reply given = post(server.uri(), "/access/v1/evaluation", request,
                "X-Request-ID", "bfe9eb29-ab87-4ca3-be83-a1d5d8305716");
        Fixture.Reply made = post(server.uri(), "/access/v1/evaluation", request);

        assertThat(given.header("X-Request-ID")).isEqualTo("bfe9eb29-ab87-4ca3-be83-a1d5d8305716");
        assertThat(made.header("X-Request-ID")).isNotBlank();
    }

    private JsonNode batch(String semantic) {
        String items = "[{'resource':{'type':'student','id':'" + Fixture.STUDENT.value() + "'}},"
                + "{'subject':{'type':'staff','id':'" + Fixture.STRANGER.value() + "'},"
                + "'resource':{'type':'student','id':'" + Fixture.STUDENT.value() + "'}},"
                + "{'resource':{'type':'student','id':'" + Fixture.STUDENT.value() + "'}}]";
        String request = json("{'subject':{'type':'staff','id':'" + Fixture.VIEWER.value() + "'},"
                + "'action':{'name':'view'},'context':{'purpose':'" + Fixture.PURPOSE + "'},"
                + (semantic.isEmpty() ? "" : "'options':{'evaluations_semantic':'" + semantic + "'},")
                + "'evaluations':" + items + "}");
        Fixture.Reply r = post(server.uri(), "/access/v1/evaluations", request);
        assertThat(r.status()).isEqualTo(200);
        Schemas.assertEvaluationResponse(r.json());
        return r.json().get("evaluations");
    }

    private static List<Boolean> decisions(JsonNode evaluations) {
        return evaluations.valueStream().map(e -> e.get("decision").booleanValue()).toList();
    }

    @Test
    void evaluationsTakeTheirDefaultsFromTheTopLevelAndExecuteAllByDefault() {
        assertThat(decisions(batch(""))).containsExactly(true, false, true);
        assertThat(decisions(batch("execute_all"))).containsExactly(true, false, true);
    }

    @Test
    void denyOnFirstDenyStopsAfterTheFirstDenial() {
        assertThat(decisions(batch("deny_on_first_deny"))).containsExactly(true, false);
    }

    @Test
    void permitOnFirstPermitStopsAfterTheFirstPermit() {
        assertThat(decisions(batch("permit_on_first_permit"))).containsExactly(true);
    }

    @Test
    void evaluationsWithoutItemsAnswerAsASingleEvaluation() {
        JsonNode body = post(server.uri(), "/access/v1/evaluations",
                evaluation(Fixture.VIEWER.value(), Fixture.STUDENT.value(), Fixture.PURPOSE, "")).json();

        Schemas.assertEvaluationResponse(body);
        assertThat(body.get("decision").booleanValue()).isTrue();
        assertThat(body.has("evaluations")).isFalse();
    }

    @Test
    void aMalformedItemIsDeniedWithItsErrorAndTheOthersAreEvaluated() {
        String request = json("{'subject':{'type':'staff','id':'" + Fixture.VIEWER.value() + "'},"
                + "'action':{'name':'view'},'context':{'purpose':'" + Fixture.PURPOSE + "'},'evaluations':["
                + "{'resource':{'type':'student','id':'" + Fixture.STUDENT.value() + "'}},{'resource':{'id':'x'}}]}");

        Fixture.Reply r = post(server.uri(), "/access/v1/evaluations", request);

        assertThat(r.status()).isEqualTo(200);
        Schemas.assertEvaluationResponse(r.json());
        assertThat(decisions(r.json().get("evaluations"))).containsExactly(true, false);
        JsonNode error = r.json().get("evaluations").get(1).get("context").get("error");
        assertThat(error.get("status").intValue()).isEqualTo(400);
        assertThat(error.get("message").stringValue()).isEqualTo("evaluations[1].resource.type is required");
    }

    @Test
    void anUnknownSemanticIsABadRequest() {
        Fixture.Reply r = post(server.uri(), "/access/v1/evaluations", json("{'options':{'evaluations_semantic':'any'},"
                + "'evaluations':[{'subject':{'type':'staff','id':'a'}}]}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("evaluations_semantic must be");
    }

    @Test
    void metadataNamesEveryEndpointUnderTheServicesAddress() {
        Fixture.Reply r = Fixture.get(server.uri(), "/.well-known/authzen-configuration");

        assertThat(r.status()).isEqualTo(200);
        Schemas.assertValid(Schemas.METADATA, r.json());
        String base = r.json().get("policy_decision_point").stringValue();
        assertThat(base).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(r.json().get("access_evaluation_endpoint").stringValue()).isEqualTo(base + "/access/v1/evaluation");
        assertThat(r.json().get("access_evaluations_endpoint").stringValue()).isEqualTo(base + "/access/v1/evaluations");
        assertThat(r.json().get("search_subject_endpoint").stringValue()).isEqualTo(base + "/access/v1/search/subject");
        assertThat(r.json().get("search_resource_endpoint").stringValue()).isEqualTo(base + "/access/v1/search/resource");
        assertThat(r.json().get("search_action_endpoint").stringValue()).isEqualTo(base + "/access/v1/search/action");
    }
}
