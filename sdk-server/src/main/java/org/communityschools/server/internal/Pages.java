package org.communityschools.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pagination of search results (AuthZEN 1.0 section 8.2): an opaque token carries the offset of the next result and a
 * fingerprint of the request it continues (every entity and the limit), so that a token used with a changed request is
 * refused (400) as the specification recommends. Results are sorted, so pages are stable while the data are.
 */
final class Pages {
    static final int MAX_LIMIT = 1000;

    private Pages() {}

    /** The requested page: where it starts and how many results it holds. */
    record Page(int offset, int limit) {}

    /** The page a search request asks for; {@code defaultLimit} when it names no limit. */
    static Page requested(ObjectNode request, int defaultLimit) {
        ObjectNode page = Json.object(request, "page", "").orElse(Json.object());
        int limit = defaultLimit;
        JsonNode l = page.get("limit");
        if (l != null && !l.isNull()) {
            if (!l.isIntegralNumber() || !l.canConvertToInt() || l.intValue() < 1 || l.intValue() > MAX_LIMIT) {
                throw ApiException.badRequest("page.limit must be an integer from 1 to " + MAX_LIMIT);
            }
            limit = l.intValue();
        }
        String token = Json.string(page, "token", "page.").orElse("");
        if (token.isEmpty()) {
            return new Page(0, limit);
        }
        String fingerprint = fingerprint(request, limit);
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("page.token is not a token this service issued");
        }
        String[] parts = decoded.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("p1") || !parts[2].equals(fingerprint) || !parts[1].matches("\\d{1,9}")) {
            throw ApiException.badRequest("page.token does not continue this request: every entity and page.limit must "
                    + "be as in the request that returned it");
        }
        return new Page(Integer.parseInt(parts[1]), limit);
    }

    /** The response: {@code page} first (next_token, count, total), then the results of the requested page. */
    static ObjectNode respond(ObjectNode request, Page page, List<ObjectNode> all) {
        int from = Math.min(page.offset(), all.size());
        int to = (int) Math.min((long) from + page.limit(), all.size());
        ObjectNode out = Json.object();
        ObjectNode p = out.putObject("page");
        p.put("next_token", to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("p1:" + to + ":" + fingerprint(request, page.limit()))
                        .getBytes(StandardCharsets.UTF_8))
                : "");
        p.put("count", to - from);
        p.put("total", all.size());
        ArrayNode results = out.putArray("results");
        all.subList(from, to).forEach(results::add);
        return out;
    }

    private static String fingerprint(ObjectNode request, int limit) {
        ObjectNode copy = Json.object();
        for (String key : new String[] {"subject", "resource", "action", "context"}) {
            if (request.has(key)) {
                copy.set(key, request.get(key));
            }
        }
        copy.put("limit", limit);
        StringBuilder b = new StringBuilder();
        canonical(copy, b);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text with every object's members sorted by name: the same for requests that differ only in member order. */
    private static void canonical(JsonNode n, StringBuilder b) {
        if (n.isObject()) {
            b.append('{');
            n.propertyNames().stream().sorted().forEach(k -> {
                b.append(Json.MAPPER.writeValueAsString(k)).append(':');
                canonical(n.get(k), b);
                b.append(',');
            });
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            n.forEach(x -> {
                canonical(x, b);
                b.append(',');
            });
            b.append(']');
        } else {
            b.append(Json.MAPPER.writeValueAsString(n));
        }
    }
}
