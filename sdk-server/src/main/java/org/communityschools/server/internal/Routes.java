package org.communityschools.server.internal;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.server.Identity;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's routes and the HTTPS JSON binding of AuthZEN 1.0 (section 12): POST with {@code application/json},
 * 200 with a JSON object, errors as 400/401/403 (413 for a body over the limit; 404, 503 for the record endpoint; 500
 * for a fault) with the error message string as a {@code text/plain} body (a rejected change batch: a JSON object
 * listing every violation), the request id echoed in {@code X-Request-ID} (one is made when the
 * request has none). Every handler catches its own failures, so that mounting the routes into a host application
 * changes none of the host's error handling; a fault is logged with the request id and answered without a stack trace.
 */
public final class Routes {
    public static final String EVALUATION = "/access/v1/evaluation";
    public static final String EVALUATIONS = "/access/v1/evaluations";
    public static final String SEARCH_SUBJECT = "/access/v1/search/subject";
    public static final String SEARCH_RESOURCE = "/access/v1/search/resource";
    public static final String SEARCH_ACTION = "/access/v1/search/action";
    public static final String METADATA = "/.well-known/authzen-configuration";
    public static final String RECORD = "/records/v1/student";
    public static final String CHANGES = "/data/v1/changes";
    static final String REQUEST_ID = "X-Request-ID";

    private static final System.Logger LOG = System.getLogger(Routes.class.getName());

    private final Evaluator evaluator;
    private final Searches searches;
    private final Records records;
    private final java.util.Optional<Changes> changes;
    private final BearerTokens tokens;
    private final int maxBodyBytes;
    private final int maxChangeBytes;
    private final Optional<URI> publicUri;
    private final boolean demo;

    /** Routes over the engine; see {@code DecisionService.Builder} for the settings. */
    public Routes(Engines engines, DisclosureSink log, Identity identity, Clock clock, DecisionCache cache,
                  int maxBodyBytes, int maxChangeBytes, int pageSize, Optional<URI> publicUri) {
        this.evaluator = new Evaluator(engines, cache, clock);
        this.searches = new Searches(evaluator, pageSize);
        this.records = new Records(evaluator, log);
        this.changes = engines.district().map(Changes::new);
        this.tokens = new BearerTokens(identity, Clock.systemUTC());
        this.maxBodyBytes = maxBodyBytes;
        this.maxChangeBytes = maxChangeBytes;
        this.publicUri = publicUri;
        this.demo = identity.isInsecureDemo();
    }

    /** Registers every route on {@code config}. */
    public void registerOn(JavalinConfig config) {
        config.routes.get(METADATA, ctx -> handle(ctx, false, (caller, body) -> Json.bytes(metadata(ctx))));
        config.routes.post(EVALUATION, ctx -> handle(ctx, true,
                (caller, body) -> Json.bytes(evaluator.evaluate(caller, Requests.evaluation(body, ""), ""))));
        config.routes.post(EVALUATIONS, ctx -> handle(ctx, true, (caller, body) -> Json.bytes(evaluator.evaluations(caller, body))));
        config.routes.post(SEARCH_SUBJECT, ctx -> handle(ctx, true, (caller, body) -> Json.bytes(searches.subjects(caller, body))));
        config.routes.post(SEARCH_RESOURCE, ctx -> handle(ctx, true, (caller, body) -> Json.bytes(searches.resources(caller, body))));
        config.routes.post(SEARCH_ACTION, ctx -> handle(ctx, true, (caller, body) -> Json.bytes(searches.actions(caller, body))));
        config.routes.post(RECORD, ctx -> handle(ctx, true, records::record));
        changes.ifPresent(c -> config.routes.post(CHANGES, ctx -> handle(ctx, maxChangeBytes, true,
                (caller, zip, body) -> Json.bytes(zip ? c.submitZip(caller, body) : c.submit(caller, Json.parseObject(body))))));
    }

    /** What a route answers: from the caller and the body (JSON, or a zip where accepted), the answer's JSON bytes. */
    @FunctionalInterface
    private interface Answer {
        byte[] apply(Caller caller, boolean zip, byte[] body);
    }

    private void handle(Context ctx, boolean post, BiFunction<Caller, ObjectNode, byte[]> answer) {
        handle(ctx, post ? maxBodyBytes : -1, answer);
    }

    private void handle(Context ctx, int limit, BiFunction<Caller, ObjectNode, byte[]> answer) {
        handle(ctx, limit, false, (caller, zip, body) -> answer.apply(caller, body.length == 0 && limit < 0
                ? Json.object() : Json.parseObject(body)));
    }

    /**
     * Answers a request; {@code limit} is the largest body accepted, or -1 for a GET without body; {@code zipAccepted}
     * when the route also takes {@code application/zip}.
     */
    private void handle(Context ctx, int limit, boolean zipAccepted, Answer answer) {
        boolean post = limit >= 0;
        String requestId = requestId(ctx.header(REQUEST_ID));
        ctx.header(REQUEST_ID, requestId);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (demo) {
            ctx.header("X-Insecure-Demo", "true: no caller is authenticated; loopback only");
        }
        try {
            byte[] body = new byte[0];
            boolean zip = false;
            Caller caller = Caller.DEMO;
            if (post) {
                caller = tokens.authenticate(ctx.header("Authorization"));
                String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
                zip = zipAccepted && type.startsWith("application/zip");
                if (!zip && !type.startsWith("application/json")) {
                    throw ApiException.badRequest("the request must have Content-Type: application/json"
                            + (zipAccepted ? " (or application/zip for a delta directory)" : ""));
                }
                body = Json.readBounded(ctx.bodyInputStream(), ctx.contentLength(), limit);
            }
            byte[] out = answer.apply(caller, zip, body);
            ctx.status(200).contentType("application/json");
            // written straight to the response with its length (no copy through a result stream, no chunking)
            ctx.res().setContentLength(out.length);
            ctx.res().getOutputStream().write(out);
        } catch (ApiException e) {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            java.util.Optional<byte[]> json = e.json();
            if (json.isPresent()) {
                ctx.status(e.status()).contentType("application/json").result(json.get());
            } else {
                ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage().getBytes(StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            LOG.log(Level.DEBUG, "request " + requestId + ": the answer could not be sent (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + requestId + " to " + ctx.path() + " failed", e);
            ctx.status(500).contentType("text/plain; charset=utf-8")
                    .result(("internal error; request id " + requestId).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** This process's prefix of the request ids it makes (random, so that two processes' ids differ). */
    private static final String ID_PREFIX = UUID.randomUUID().toString().substring(0, 24);
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The caller's request id when it is a short printable string, else a new one: unique, UUID-shaped, made from a
     * random per-process prefix and a counter (not from {@code UUID.randomUUID()} per request, whose secure random
     * source all request threads would contend for).
     */
    static String requestId(String given) {
        if (given != null && !given.isEmpty() && given.length() <= 128 && printable(given)) {
            return given;
        }
        String n = Long.toHexString(IDS.incrementAndGet());
        return ID_PREFIX + "0".repeat(Math.max(0, 12 - n.length())) + n;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode metadata(Context ctx) {
        String base = publicUri.map(URI::toString).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        ObjectNode m = Json.object();
        m.put("policy_decision_point", base);
        m.put("access_evaluation_endpoint", base + EVALUATION);
        m.put("access_evaluations_endpoint", base + EVALUATIONS);
        m.put("search_subject_endpoint", base + SEARCH_SUBJECT);
        m.put("search_resource_endpoint", base + SEARCH_RESOURCE);
        m.put("search_action_endpoint", base + SEARCH_ACTION);
        return m;
    }
}
