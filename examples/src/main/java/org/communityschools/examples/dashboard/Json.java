package org.communityschools.examples.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's little JSON: reading a flat request object and quoting strings for responses. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** A JSON object's members whose values are strings; anything else is a 400. */
    static Map<String, String> flatObject(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Dashboard.Refused(400, "the body must be a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new Dashboard.Refused(400, "the body must be a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isString()) {
                throw new Dashboard.Refused(400, "member '" + e.getKey() + "' must be a string");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    /** A JSON string literal. */
    static String quote(String text) {
        return MAPPER.writeValueAsString(text);
    }
}
