package org.communityschools.server.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access evaluation and evaluations (AuthZEN 1.0 sections 6 and 7) mapped onto the policy engine: the subject is the
 * requester, the resource the student (or a category or field of their record), the action {@code view}, the purpose
 * taken from the context. Decisions come from a {@link DecisionCache}. Thread-safe.
 */
final class Evaluator {
    /** The most evaluations one request may carry. */
    static final int MAX_BATCH = 100;

    /**
     * What a user (not a trusted client) is told when they may see nothing of a student: the same words whether the
     * student exists or not, so that student ids cannot be enumerated.
     */
    static final String NOTHING_PERMITTED = "the requester may see nothing of this student for this purpose";

    private final Engines engines;
    private final DecisionCache cache;
    private final Clock clock;
    private final FieldCatalog catalog;

    Evaluator(Engines engines, DecisionCache cache, Clock clock) {
        this.engines = engines;
        this.cache = cache;
        this.clock = clock;
        this.catalog = engines.engine().policy().catalog();
    }

    /** The engine of a version at least {@code atLeast} (a request's {@code context.data_version}, 0 when none). */
    PolicyEngine engine(long atLeast) {
        return engines.engine(atLeast);
    }

    Engines engines() {
        return engines;
    }

    FieldCatalog catalog() {
        return catalog;
    }

    Instant now() {
        return clock.instant();
    }

    /** The decision of {@code engine} for an evaluation whose subject the caller may ask about. */
    Decision decide(Caller caller, PolicyEngine engine, StaffId staff, StudentId student, String purpose, Instant at) {
        caller.checkMayAskAbout(staff);
        return cache.decide(engine, staff, student, purposeOf(purpose, ""), at);
    }

    /** One access evaluation: {@code {"decision": …, "context": …}}. */
    ObjectNode evaluate(Caller caller, Requests.Evaluation e, String where) {
        StaffId staff = e.subject().staffId(where);
        StudentId student = e.resource().studentId(where);
        String purpose = e.context().requiredPurpose(where);
        Instant at = e.context().time().orElseGet(clock::instant);
        caller.checkMayAskAbout(staff);
        checkKnownField(e.resource(), where);
        Decision d = cache.decide(engines.engine(e.context().dataVersion()), staff, student, purposeOf(purpose, where), at);
        ObjectNode out = Json.object();
        if (!caller.trusted() && !d.permitsAny()) {
            out.put("decision", false);
            out.putObject("context").put("reason", NOTHING_PERMITTED);
            return out;
        }
        Predicate<FieldPath> scope = DecisionContexts.scopeOf(e.resource(), d, catalog);
        boolean permit = Requests.VIEW.equals(e.action()) && d.permittedFields().stream().anyMatch(scope);
        out.put("decision", permit);
        ObjectNode ctx = DecisionContexts.context(d, scope);
        ctx.put("data_version", d.dataVersion());
        if (!Requests.VIEW.equals(e.action())) {
            ctx.put("reason", "the only action is 'view'; '" + Requests.clip(e.action()) + "' is never permitted");
        } else if (!permit) {
            ctx.put("reason", d.permitsAny() ? "no field of the requested resource is permitted"
                    : "no field of this student is permitted");
        }
        out.set("context", ctx);
        return out;
    }

    /**
     * An evaluations request (AuthZEN 1.0 section 7): without {@code evaluations} (or with an empty array) it is a
     * single evaluation; otherwise each item is evaluated in order with the top-level defaults, under the semantics
     * of {@code options.evaluations_semantic}. An item whose request is malformed is denied with
     * {@code context.error}; a question the caller may not ask refuses the whole request (403).
     */
    ObjectNode evaluations(Caller caller, ObjectNode request) {
        if (request.has("evaluations") && !request.get("evaluations").isNull() && !request.get("evaluations").isArray()) {
            throw ApiException.badRequest("evaluations must be an array");
        }
        ArrayNode items = request.has("evaluations") && request.get("evaluations").isArray()
                ? (ArrayNode) request.get("evaluations") : Json.MAPPER.createArrayNode();
        String semantic = semantic(request);
        if (items.isEmpty()) {
            return evaluate(caller, Requests.evaluation(request, ""), "");
        }
        if (items.size() > MAX_BATCH) {
            throw ApiException.badRequest("evaluations holds " + items.size() + " items; at most " + MAX_BATCH + " are accepted");
        }
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("evaluations");
        for (int i = 0; i < items.size(); i++) {
            String where = "evaluations[" + i + "].";
            if (!items.get(i).isObject()) {
                throw ApiException.badRequest("evaluations[" + i + "] must be a JSON object");
            }
            ObjectNode result;
            try {
                result = evaluate(caller, Requests.item(request, (ObjectNode) items.get(i), where), where);
            } catch (ApiException ex) {
                if (ex.status() != 400) {
                    throw ex;
                }
                result = Json.object();
                result.put("decision", false);
                ObjectNode err = result.putObject("context").putObject("error");
                err.put("status", 400);
                err.put("message", ex.getMessage());
            }
            results.add(result);
            boolean decision = result.get("decision").booleanValue();
            if (semantic.equals("deny_on_first_deny") && !decision
                    || semantic.equals("permit_on_first_permit") && decision) {
                break;
            }
        }
        return out;
    }

    private static String semantic(ObjectNode request) {
        return Json.object(request, "options", "")
                .flatMap(o -> Json.string(o, "evaluations_semantic", "options."))
                .map(s -> {
                    if (!List.of("execute_all", "deny_on_first_deny", "permit_on_first_permit").contains(s)) {
                        throw ApiException.badRequest("options.evaluations_semantic must be execute_all, "
                                + "deny_on_first_deny or permit_on_first_permit, was '" + Requests.clip(s) + "'");
                    }
                    return s;
                }).orElse("execute_all");
    }

    /** A field the policy's catalog does not know is a malformed request (400), never a silent deny of nothing. */
    void checkKnownField(Requests.Resource r, String where) {
        r.field().ifPresent(f -> {
            if (catalog.field(f).isEmpty()) {
                throw ApiException.badRequest(where + "resource.properties.field '" + f.value()
                        + "' is not a field of the policy's catalog");
            }
        });
    }

    static Purpose purposeOf(String purpose, String where) {
        try {
            return Purpose.of(purpose);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(where + "context.purpose is not a well-formed purpose code");
        }
    }
}
