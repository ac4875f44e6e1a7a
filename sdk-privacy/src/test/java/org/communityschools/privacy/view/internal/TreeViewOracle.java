package org.communityschools.privacy.view.internal;

import java.time.LocalDate;
import java.util.EnumSet;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.Student;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.RowFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test oracle of the record view: the tree-based assembler as it was before the view was made faster (sdk-privacy
 * {@code ViewAssembler} of the commit before), kept unchanged so that a property can check the shipped view writes the
 * same bytes and gives the same account. Original description: builds the tree of a student record view: walks the catalog, copies only permitted fields, applies the decision's
 * masks, and records why each permitted field is absent. Any doubt leaves a field out. One instance per view; not
 * thread-safe.
 */
public final class TreeViewOracle {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The result: the tree, the fields written, the permitted fields left out with why, and the masks applied. */
    public record Result(ObjectNode tree, SortedSet<FieldPath> shown, SortedMap<FieldPath, String> absent,
                         SortedMap<FieldPath, MaskTransform> masked) {}

    private final DistrictData data;
    private final Decision decision;
    private final FieldCatalog catalog;
    private final Map<FieldPath, Set<MaskTransform>> masks = new TreeMap<>();
    private final SortedSet<FieldPath> shown = new TreeSet<>();
    /** The child fields written into the records of the parent being filled; shown only if the parent is. */
    private final SortedSet<FieldPath> pendingChildren = new TreeSet<>();
    private final SortedMap<FieldPath, String> absent = new TreeMap<>();
    private final SortedMap<FieldPath, MaskTransform> masked = new TreeMap<>();
    private final Map<FieldPath, Set<RowFilter>> rows = new TreeMap<>();

    private TreeViewOracle(DistrictData data, Decision decision, FieldCatalog catalog) {
        this.data = data;
        this.decision = decision;
        this.catalog = catalog;
        for (Obligation o : decision.obligations()) {
            if (o instanceof Obligation.MaskField m) {
                masks.computeIfAbsent(m.field(), k -> EnumSet.noneOf(MaskTransform.class)).add(m.transform());
            } else if (o instanceof Obligation.RestrictRows r) {
                rows.computeIfAbsent(r.field(), k -> EnumSet.noneOf(RowFilter.class)).add(r.filter());
            }
        }
    }

    /** Assembles the view of {@code decision}'s student from {@code data} against {@code catalog}. */
    public static Result assemble(DistrictData data, Decision decision, FieldCatalog catalog) {
        return new TreeViewOracle(data, decision, catalog).run();
    }

    private Result run() {
        ObjectNode root = F.objectNode();
        for (FieldPath p : decision.permittedFields()) {
            if (catalog.field(p).isEmpty()) {
                absent.put(p, "not in the field catalog");
            }
        }
        Optional<Student> student;
        try {
            student = decision.permitsAny() ? data.student(decision.student()) : Optional.empty();
        } catch (RuntimeException e) {
            student = Optional.empty();
        }
        if (student.isEmpty()) {
            for (FieldPath p : decision.permittedFields()) {
                absent.putIfAbsent(p, "the student is not in the district data");
            }
            return new Result(root, shown, absent, masked);
        }
        OracleFillers.StudentData s = new OracleFillers.StudentData(data, student.get());
        for (DataField f : catalog.fields()) {
            if (f.path().depth() != 2 || !decision.permits(f.path())) {
                continue;
            }
            top(f, s, root);
        }
        // permitted fields below a parent that is not shown are never written
        for (FieldPath p : decision.permittedFields()) {
            if (p.depth() > 2 && !shown.contains(p) && !absent.containsKey(p)) {
                Optional<FieldPath> parent = p.parent();
                absent.put(p, parent.isPresent() && !shown.contains(parent.get())
                        ? "its parent field " + parent.get() + " is not shown"
                        : "no value in this student's records");
            }
        }
        return new Result(inCategoryOrder(root), shown, absent, masked);
    }

    /** The top-level objects in the order of {@link DataCategory}: identity first, case notes last. */
    private static ObjectNode inCategoryOrder(ObjectNode root) {
        ObjectNode out = F.objectNode();
        for (DataCategory c : DataCategory.values()) {
            JsonNode group = root.get(c.name().toLowerCase(Locale.ROOT));
            if (group != null) {
                out.set(c.name().toLowerCase(Locale.ROOT), group);
            }
        }
        return out;
    }

    private void top(DataField f, OracleFillers.StudentData s, ObjectNode root) {
        FieldPath p = f.path();
        if (f.source().isEmpty()) {
            absent.put(p, "no source in the district data directory");
            return;
        }
        Optional<OracleFillers.TopFiller> filler = OracleFillers.top(p.value());
        Set<RowFilter> filters = rows.getOrDefault(p, Set.of());
        if (filters.size() > 1) {
            absent.put(p, "conflicting row restrictions " + filters);
            return;
        }
        if (filters.size() == 1) {
            RowFilter rf = filters.iterator().next();
            filler = OracleFillers.restricted(p.value(), rf, decision.requester());
            if (filler.isEmpty()) {
                absent.put(p, "the record view does not support the row restriction " + rf + " on this field");
                return;
            }
        }
        if (filler.isEmpty()) {
            absent.put(p, "the record view does not know how to fill this field");
            return;
        }
        String category = f.category().name().toLowerCase(Locale.ROOT);
        String key = p.segments().get(1);
        JsonNode existing = root.get(category);
        if (existing != null && existing.has(key)) {
            absent.put(p, "another field already holds the key " + category + "." + key);
            return;
        }
        Optional<JsonNode> value;
        pendingChildren.clear();
        try {
            value = filler.get().fill(s, (segment, record, into) -> child(p, segment, record, into));
            if (value.isPresent()) {
                value = mask(p, value.get());
            }
        } catch (RuntimeException e) {
            absent.put(p, "could not be filled (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (value.isEmpty()) {
            absent.putIfAbsent(p, "no value in this student's records");
            return;
        }
        ObjectNode group = existing instanceof ObjectNode o ? o : root.putObject(category);
        group.set(key, value.get());
        shown.add(p);
        shown.addAll(pendingChildren);
    }

    private void child(FieldPath parent, String segment, Object record, ObjectNode into) {
        String text = parent.value() + "." + segment;
        if (!FieldPath.isWellFormed(text)) {
            return;
        }
        FieldPath p = FieldPath.of(text);
        Optional<DataField> f = catalog.field(p);
        if (f.isEmpty() || !decision.permits(p)) {
            return;
        }
        if (f.get().source().isEmpty()) {
            absent.put(p, "no source in the district data directory");
            return;
        }
        if (rows.containsKey(p)) {
            absent.put(p, "the record view does not support the row restriction " + rows.get(p) + " on this field");
            return;
        }
        if (into.has(segment)) {
            absent.put(p, "the parent record already holds the key " + segment);
            return;
        }
        Optional<OracleFillers.ChildFiller> filler = OracleFillers.child(p.value());
        if (filler.isEmpty()) {
            absent.put(p, "the record view does not know how to fill this field");
            return;
        }
        try {
            Optional<JsonNode> value = filler.get().fill(record);
            if (value.isPresent()) {
                value = mask(p, value.get());
            }
            if (value.isPresent()) {
                into.set(segment, value.get());
                pendingChildren.add(p);
            }
        } catch (RuntimeException e) {
            absent.put(p, "could not be filled (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Applies the field's masks; empty (and the reason recorded) when the field must not be shown. */
    private Optional<JsonNode> mask(FieldPath p, JsonNode value) {
        Set<MaskTransform> ts = masks.getOrDefault(p, Set.of());
        if (ts.isEmpty()) {
            return Optional.of(value);
        }
        if (ts.contains(MaskTransform.REMOVE)) {
            absent.put(p, "removed by the mask " + MaskTransform.REMOVE);
            masked.put(p, MaskTransform.REMOVE);
            return Optional.empty();
        }
        if (ts.size() > 1) {
            absent.put(p, "conflicting masks " + ts);
            return Optional.empty();
        }
        MaskTransform t = ts.iterator().next();
        Optional<JsonNode> out = Masks.apply(t, value);
        if (out.isEmpty()) {
            absent.put(p, "the mask " + t + " does not apply to this field");
        } else {
            masked.put(p, t);
        }
        return out;
    }

    /** The masking transforms, each total on its own kind of value and empty on any other. */
    public static final class Masks {
        private Masks() {}

        /** Applies {@code t} to {@code value}; empty when the transform does not apply to that kind of value. */
        public static Optional<JsonNode> apply(MaskTransform t, JsonNode value) {
            return switch (t) {
                case BIRTH_YEAR_ONLY -> birthYear(value);
                case INITIALS -> initials(value);
                case REMOVE -> Optional.empty();
            };
        }

        private static Optional<JsonNode> birthYear(JsonNode value) {
            if (!value.isString()) {
                return Optional.empty();
            }
            try {
                return Optional.of(F.numberNode(LocalDate.parse(value.asString()).getYear()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private static Optional<JsonNode> initials(JsonNode value) {
            if (!value.isObject()) {
                return Optional.empty();
            }
            Optional<String> first = initial(value.get("first_name"));
            Optional<String> last = initial(value.get("last_name"));
            if (first.isEmpty() && last.isEmpty()) {
                return Optional.empty();
            }
            ObjectNode o = F.objectNode();
            o.put("initials", first.orElse("") + last.orElse(""));
            return Optional.of(o);
        }

        /** The initial of a name: its first letter, upper case, followed by a period. */
        public static Optional<String> initial(@org.jspecify.annotations.Nullable JsonNode name) {
            if (name == null || !name.isString()) {
                return Optional.empty();
            }
            String s = name.asString().strip();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                if (Character.isLetter(cp)) {
                    return Optional.of(new String(Character.toChars(Character.toUpperCase(cp))) + ".");
                }
                i += Character.charCount(cp);
            }
            return Optional.empty();
        }
    }

}
