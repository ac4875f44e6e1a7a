package org.communityschools.server.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.communityschools.core.model.DataCategory;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Denial;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.RecordScope;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Writes an engine {@link Decision} as the {@code context} of an AuthZEN decision (docs/service.md, "The decision
 * context"), limited to the fields the request's resource names: the permitted fields with every grant (legal basis,
 * rule, agreement or consent, record scope), the denied fields with the reason, and the obligations (record the
 * disclosure, masks, row restrictions).
 */
final class DecisionContexts {
    private DecisionContexts() {}

    /** Which fields of the decision a resource speaks of: all, one category's, or one field and the fields within it. */
    static Predicate<FieldPath> scopeOf(Requests.Resource resource, Decision decision,
                                        org.communityschools.privacy.FieldCatalog catalog) {
        if (resource.field().isPresent()) {
            FieldPath f = resource.field().get();
            return p -> p.equals(f) || p.isWithin(f);
        }
        if (resource.category().isPresent()) {
            DataCategory c = DataCategory.valueOf(resource.category().get());
            return p -> catalog.field(p).map(d -> d.category() == c).orElse(false);
        }
        return p -> true;
    }

    static ObjectNode context(Decision d, Predicate<FieldPath> inScope) {
        ObjectNode ctx = Json.object();
        ctx.put("purpose", d.purpose().code());
        ctx.put("date", d.date().toString());
        ObjectNode policy = ctx.putObject("policy");
        policy.put("id", d.policyId());
        policy.put("version", d.policyVersion());

        ArrayNode permitted = ctx.putArray("permitted");
        // the fields of one grant share its record scope: each scope is written once, then repeated as raw JSON
        java.util.Map<RecordScope, RawValue> scopes = new java.util.IdentityHashMap<>();
        for (FieldPath f : d.permittedFields()) {
            if (!inScope.test(f)) {
                continue;
            }
            List<Grant> grants = d.grantsOf(f);
            ObjectNode o = permitted.addObject();
            o.put("field", f.value());
            o.put("category", grants.get(0).category().name());
            ArrayNode gs = o.putArray("grants");
            for (Grant g : grants) {
                RawValue written = scopes.computeIfAbsent(g.scope(), sc -> new RawValue(Json.MAPPER.writeValueAsString(scope(sc))));
                ObjectNode go = gs.addObject();
                go.put("legal_basis", g.basis().name());
                go.put("rule", g.ruleId());
                g.agreement().ifPresent(a -> go.put("agreement", a.value()));
                g.consent().ifPresent(c -> go.put("consent", c.value()));
                go.putRawValue("record_scope", written);
            }
        }

        ArrayNode denied = ctx.putArray("denied");
        for (Denial den : d.denials()) {
            List<FieldPath> fields = den.fields().stream().filter(inScope).toList();
            if (fields.isEmpty()) {
                continue;
            }
            ObjectNode o = denied.addObject();
            o.put("category", den.category().name());
            ArrayNode fs = o.putArray("fields");
            fields.forEach(f -> fs.add(f.value()));
            o.put("reason", den.reason());
        }

        ArrayNode obligations = ctx.putArray("obligations");
        for (Obligation ob : d.obligations()) {
            if (ob instanceof Obligation.RecordDisclosure r) {
                recordDisclosure(r, inScope).ifPresent(obligations::add);
            } else if (ob instanceof Obligation.MaskField m) {
                if (inScope.test(m.field())) {
                    ObjectNode o = obligations.addObject();
                    o.put("type", "mask");
                    o.put("field", m.field().value());
                    o.put("transform", m.transform().name());
                }
            } else if (ob instanceof Obligation.RestrictRows r && inScope.test(r.field())) {
                ObjectNode o = obligations.addObject();
                o.put("type", "restrict_rows");
                o.put("field", r.field().value());
                o.put("filter", r.filter().name());
            }
        }
        return ctx;
    }

    private static Optional<ObjectNode> recordDisclosure(Obligation.RecordDisclosure r, Predicate<FieldPath> inScope) {
        Disclosure dis = r.disclosure();
        List<FieldPath> fields = dis.fields().stream().filter(inScope).toList();
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = Json.object();
        o.put("type", "record_disclosure");
        o.put("legal_basis", dis.legalBasis().name());
        dis.agreementId().ifPresent(a -> o.put("agreement", a.value()));
        dis.consentId().ifPresent(c -> o.put("consent", c.value()));
        o.put("ferpa_record", r.ferpaRecord());
        ArrayNode fs = o.putArray("fields");
        fields.forEach(f -> fs.add(f.value()));
        return Optional.of(o);
    }

    /** A record scope: its limits, each a label and inclusive spans of days at a school or any school. */
    static ArrayNode scope(RecordScope scope) {
        ArrayNode limits = Json.MAPPER.createArrayNode();
        for (RecordScope.Limit l : scope.limits()) {
            ObjectNode lo = limits.addObject();
            lo.put("limit", l.label());
            ArrayNode spans = lo.putArray("spans");
            for (RecordScope.Span s : l.spans()) {
                ObjectNode so = spans.addObject();
                s.school().ifPresent(x -> so.put("school", x.value()));
                so.put("first", s.first().toString());
                so.put("last", s.last().toString());
            }
        }
        return limits;
    }
}
