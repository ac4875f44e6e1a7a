package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.Sensitivity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/** Reads a policy document (the format of docs/privacy-policy.md) into a validated {@link Policy}. */
final class PolicyReader {
    private static final List<String> TOP = List.of("id", "version", "description", "purposes", "directoryFields", "rules",
            "emergency");
    private static final List<String> EMERGENCY = List.of("roles", "fields");
    private static final List<String> RULE = List.of("id", "effect", "description", "roles", "relationship",
            "relationshipTypes", "fields", "basis", "purposes", "authorizes", "masks", "rows", "history",
            "priorSchoolYears");
    private static final List<String> MASK = List.of("field", "transform");
    private static final List<String> ROW = List.of("field", "filter");

    private final List<PolicyProblem> problems = new ArrayList<>();
    private final Map<String, String> positions = new HashMap<>();

    private PolicyReader() {}

    static Policy read(ObjectMapper mapper, String text, String source, FieldCatalog catalog) {
        return new PolicyReader().policy(Tree.document(mapper, text, source), catalog);
    }

    private Policy policy(Tree.Node root, FieldCatalog catalog) {
        index(root);
        Tree.@Nullable Obj top = object(root, TOP, List.of("id", "version", "purposes", "rules"));
        if (top == null) {
            throw new PolicyValidationException(problems);
        }
        String id = text(top.members().get("id"));
        Integer version = integer(top.members().get("version"));
        String description = Optional.ofNullable(top.members().get("description")).map(this::text).orElse("");
        TreeMap<Purpose, String> purposes = new TreeMap<>();
        Tree.Node ps = top.members().get("purposes");
        if (ps instanceof Tree.Obj o) {
            for (var e : o.members().entrySet()) {
                String d = text(e.getValue());
                try {
                    purposes.put(Purpose.of(e.getKey()), d == null ? "" : d);
                } catch (IllegalArgumentException ex) {
                    problem(e.getValue(), "purpose-code", ex.getMessage());
                }
            }
        } else if (ps != null) {
            problem(ps, "wrong-type", "purposes is a mapping from purpose code to description, was " + ps.kind());
        }
        List<String> directory = strings(top.members().get("directoryFields"));
        List<Rule> rules = new ArrayList<>();
        Tree.Node rs = top.members().get("rules");
        if (rs instanceof Tree.Arr a) {
            for (Tree.Node n : a.items()) {
                rule(n).ifPresent(rules::add);
            }
        } else if (rs != null) {
            problem(rs, "wrong-type", "rules is a list, was " + rs.kind());
        }
        Optional<EmergencyAccess> emergency = Optional.empty();
        Tree.Node em = top.members().get("emergency");
        if (em != null) {
            emergency = emergency(em);
        }
        if (!problems.isEmpty() || id == null || version == null) {
            throw new PolicyValidationException(problems);
        }
        return PolicyChecker.check(id, version, description, catalog, purposes, directory, rules, emergency,
                Locator.forFile(positions));
    }

    private Optional<Rule> rule(Tree.Node n) {
        int before = problems.size();
        Tree.@Nullable Obj o = object(n, RULE, List.of("id", "effect", "roles", "relationship", "fields"));
        if (o == null) {
            return Optional.empty();
        }
        Map<String, Tree.Node> m = o.members();
        String id = text(m.get("id"));
        Effect effect = one(m.get("effect"), Effect.class, "effect");
        String description = Optional.ofNullable(m.get("description")).map(this::text).orElse("");
        Set<StaffRole> roles = many(m.get("roles"), StaffRole.class, "role");
        Relationship relationship = one(m.get("relationship"), Relationship.class, "relationship");
        Set<RelationshipType> types = many(m.get("relationshipTypes"), RelationshipType.class, "relationship type");
        List<String> fields = strings(m.get("fields"));
        LegalBasis basis = m.containsKey("basis") ? one(m.get("basis"), LegalBasis.class, "legal basis") : null;
        Set<Purpose> purposes = new LinkedHashSet<>();
        List<String> codes = strings(m.get("purposes"));
        for (int j = 0; j < codes.size(); j++) {
            try {
                purposes.add(Purpose.of(codes.get(j)));
            } catch (IllegalArgumentException e) {
                problem(((Tree.Arr) m.get("purposes")).items().get(j), "purpose-code", e.getMessage());
            }
        }
        if (effect == Effect.FORBID && m.get("purposes") instanceof Tree.Arr none && none.items().isEmpty()) {
            problem(none, "forbid-purposes-empty", "a forbid rule lists at least one purpose, or leaves 'purposes' out "
                    + "to apply to every purpose; an empty list reads as 'no purpose' but would forbid for every purpose");
        }
        Set<Sensitivity> authorizes = many(m.get("authorizes"), Sensitivity.class, "overlay");
        List<Mask> masks = new ArrayList<>();
        Tree.Node ms = m.get("masks");
        if (ms instanceof Tree.Arr a) {
            for (Tree.Node mn : a.items()) {
                Tree.@Nullable Obj mo = object(mn, MASK, MASK);
                if (mo != null) {
                    String field = text(mo.members().get("field"));
                    MaskTransform transform = one(mo.members().get("transform"), MaskTransform.class, "mask transform");
                    if (field != null && transform != null) {
                        if (FieldPath.isWellFormed(field)) {
                            masks.add(new Mask(FieldPath.of(field), transform));
                        } else {
                            problem(mo.members().get("field"), "field-path", "a mask names a field path such as identity.name; was '"
                                    + field + "'");
                        }
                    }
                }
            }
        } else if (ms != null) {
            problem(ms, "wrong-type", "masks is a list, was " + ms.kind());
        }
        List<RowRestriction> rows = new ArrayList<>();
        Tree.Node rs = m.get("rows");
        if (rs instanceof Tree.Arr a) {
            for (Tree.Node rn : a.items()) {
                Tree.@Nullable Obj ro = object(rn, ROW, ROW);
                if (ro != null) {
                    String field = text(ro.members().get("field"));
                    RowFilter filter = one(ro.members().get("filter"), RowFilter.class, "row filter");
                    if (field != null && filter != null) {
                        if (FieldPath.isWellFormed(field)) {
                            rows.add(new RowRestriction(FieldPath.of(field), filter));
                        } else {
                            problem(ro.members().get("field"), "field-path", "a row restriction names a field path such as "
                                    + "interventions.participation; was '" + field + "'");
                        }
                    }
                }
            }
        } else if (rs != null) {
            problem(rs, "wrong-type", "rows is a list, was " + rs.kind());
        }
        HistoryWindow.Kind window = m.containsKey("history")
                ? one(m.get("history"), HistoryWindow.Kind.class, "history window") : HistoryWindow.Kind.RELATIONSHIP;
        Integer prior = 0;
        Tree.Node pn = m.get("priorSchoolYears");
        if (pn != null) {
            prior = integer(pn);
        }
        if (problems.size() > before || id == null || effect == null || relationship == null || window == null
                || prior == null) {
            return Optional.empty();
        }
        HistoryWindow history;
        try {
            history = new HistoryWindow(window, prior);
        } catch (IllegalArgumentException e) {
            problem(pn != null ? pn : n, "history-window", e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(new Rule(id, effect, description == null ? "" : description, roles, relationship, types,
                    fields, Optional.ofNullable(basis), purposes, authorizes, masks, rows, history));
        } catch (IllegalArgumentException e) {
            problem(n, "rule-shape", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<EmergencyAccess> emergency(Tree.Node n) {
        int before = problems.size();
        Tree.@Nullable Obj o = object(n, EMERGENCY, EMERGENCY);
        if (o == null) {
            return Optional.empty();
        }
        Set<StaffRole> roles = many(o.members().get("roles"), StaffRole.class, "role");
        List<String> fields = strings(o.members().get("fields"));
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmergencyAccess.of(roles, fields));
        } catch (IllegalArgumentException e) {
            problem(n, "emergency-shape", e.getMessage());
            return Optional.empty();
        }
    }

    private void index(Tree.Node n) {
        positions.put(n.pointer(), n.position());
        if (n instanceof Tree.Obj o) {
            o.members().values().forEach(this::index);
        } else if (n instanceof Tree.Arr a) {
            a.items().forEach(this::index);
        }
    }

    private void problem(Tree.Node n, String code, String message) {
        problems.add(new PolicyProblem(n.position() + " " + (n.pointer().isEmpty() ? "/" : n.pointer()), code, message));
    }

    private Tree.@Nullable Obj object(Tree.Node n, List<String> allowed, List<String> required) {
        if (!(n instanceof Tree.Obj o)) {
            problem(n, "wrong-type", "expected a mapping with keys " + allowed + ", was " + n.kind());
            return null;
        }
        for (var e : o.members().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), "unknown-key", "unknown key '" + e.getKey() + "'; the keys here are " + allowed);
            }
        }
        for (String r : required) {
            if (!o.members().containsKey(r)) {
                problem(o, "missing-key", "missing key '" + r + "'");
            }
        }
        return o;
    }

    private @Nullable String text(Tree.@Nullable Node n) {
        if (n == null) {
            return null;
        }
        if (n instanceof Tree.Scalar s && s.text() != null) {
            return s.text();
        }
        problem(n, "wrong-type", "expected a text value, was " + (n instanceof Tree.Scalar ? "null" : n.kind()));
        return null;
    }

    private @Nullable Integer integer(Tree.@Nullable Node n) {
        if (n == null) {
            return null;
        }
        if (n instanceof Tree.Scalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
            try {
                return Integer.valueOf(s.text());
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        problem(n, "wrong-type", "expected a whole number");
        return null;
    }

    private List<String> strings(Tree.@Nullable Node n) {
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof Tree.Arr a)) {
            problem(n, "wrong-type", "expected a list, was " + n.kind());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Tree.Node item : a.items()) {
            String t = text(item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private <E extends Enum<E>> @Nullable E one(Tree.@Nullable Node n, Class<E> type, String what) {
        String t = text(n);
        if (t == null || n == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        problem(n, "unknown-value", "unknown " + what + " '" + t + "'; expected one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private <E extends Enum<E>> Set<E> many(Tree.@Nullable Node n, Class<E> type, String what) {
        Set<E> out = new LinkedHashSet<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof Tree.Arr a)) {
            problem(n, "wrong-type", "expected a list, was " + n.kind());
            return out;
        }
        for (Tree.Node item : a.items()) {
            E e = one(item, type, what);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }
}
