package org.communityschools.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading request bodies (bounded, strict I-JSON) and writing responses. Stateless and thread-safe. */
final class Json {
    /** The deepest nesting of a request: AuthZEN entities are shallow; deeper is an attack (binding, section 12.6). */
    static final int MAX_DEPTH = 16;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(16_384).maxNumberLength(32).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    /** The request body, at most {@code limit} bytes, else 413 (Content Too Large, RFC 9110 15.5.14). */
    static byte[] readBounded(InputStream in, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        try {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(413, "the request body is larger than the limit of " + limit + " bytes");
    }

    /** The body as a JSON object, else 400. */
    static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; a JSON object is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the request body is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** Member {@code name} of {@code obj} when present and an object; 400 when present with another type. */
    static Optional<ObjectNode> object(ObjectNode obj, String name, String where) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            throw ApiException.badRequest(where + name + " must be a JSON object");
        }
        return Optional.of((ObjectNode) n);
    }

    /** Member {@code name} of {@code obj} when present and a string; 400 when present with another type. */
    static Optional<String> string(ObjectNode obj, String name, String where) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isString()) {
            throw ApiException.badRequest(where + name + " must be a string");
        }
        return Optional.of(n.stringValue());
    }

    /** Member {@code name} of {@code obj} when present and a non-negative integer; 400 when present otherwise. */
    static Optional<Long> count(ObjectNode obj, String name, String where) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw ApiException.badRequest(where + name + " must be a non-negative integer");
        }
        return Optional.of(n.longValue());
    }

    /** Member {@code name} of {@code obj}, a string; 400 when missing or of another type. */
    static String requiredString(ObjectNode obj, String name, String where) {
        return string(obj, name, where).orElseThrow(() -> ApiException.badRequest(where + name + " is required"));
    }

    /** Member {@code name} of {@code obj} as an instant (RFC 3339 with offset) when present; 400 when malformed. */
    static Optional<Instant> instant(ObjectNode obj, String name, String where) {
        return string(obj, name, where).map(s -> {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(where + name + " must be a date and time with an offset (RFC 3339), was '"
                        + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
            }
        });
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
