package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas responses are checked against: the AuthZEN working group's schemas of the access evaluation request
 * and response (src/test/resources/authzen, with their source and license), and this project's schemas of the search
 * response and the PDP metadata, written from the specification's text.
 */
final class Schemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final Schema EVALUATION_REQUEST = load("evaluation-request.schema.json");
    static final Schema EVALUATION_RESPONSE = load("evaluation-response.schema.json");
    static final Schema SEARCH_RESPONSE = load("search-response.schema.json");
    static final Schema METADATA = load("pdp-metadata.schema.json");

    private Schemas() {}

    private static Schema load(String name) {
        InputStream in = Schemas.class.getResourceAsStream("/authzen/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /authzen/" + name);
        }
        // The working group's $id values are relative ("authzen-evaluation-request"): resolve them against a base.
        return REGISTRY.getSchema(SchemaLocation.of("https://schemas.communityschools.invalid/authzen/" + name), in,
                InputFormat.JSON);
    }

    static void assertValid(Schema schema, JsonNode node) {
        assertThat(schema.validate(node)).as("schema errors of %s", node).isEmpty();
    }

    /** An access evaluation response, or an evaluations response whose every item is one. */
    static void assertEvaluationResponse(JsonNode node) {
        if (node.has("evaluations")) {
            assertThat(node.get("evaluations").isArray()).isTrue();
            node.get("evaluations").forEach(e -> assertValid(EVALUATION_RESPONSE, e));
        } else {
            assertValid(EVALUATION_RESPONSE, node);
        }
    }
}
