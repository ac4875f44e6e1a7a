package org.communityschools.privacy.view;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import tools.jackson.databind.JsonNode;

/**
 * Maps written JSON back to catalog paths, independently of the view's code: a top-level key is a category's
 * lower-case name, the next key the second segment of a two-segment field of that category; inside a field's value,
 * a key that extends the field's path to a catalog field is that child field, any other key is an attribute of the
 * field itself (a structural key). Every leaf thus maps to exactly one catalog path, or to {@code UNMAPPED:...}.
 */
final class ViewPaths {
    private ViewPaths() {}

    /** Every catalog path a value of the JSON lies in (including the parents of children), plus unmapped keys. */
    static Set<String> of(JsonNode root, FieldCatalog catalog) {
        Set<String> out = new TreeSet<>();
        if (!root.isObject()) {
            out.add("UNMAPPED:<root is not an object>");
            return out;
        }
        for (Map.Entry<String, JsonNode> group : root.properties()) {
            if (!group.getValue().isObject() || group.getValue().isEmpty()) {
                out.add("UNMAPPED:" + group.getKey());
                continue;
            }
            for (Map.Entry<String, JsonNode> field : group.getValue().properties()) {
                Optional<DataField> f = catalog.fields().stream()
                        .filter(x -> x.path().depth() == 2
                                && x.category().name().toLowerCase(Locale.ROOT).equals(group.getKey())
                                && x.path().segments().get(1).equals(field.getKey()))
                        .findFirst();
                if (f.isEmpty()) {
                    out.add("UNMAPPED:" + group.getKey() + "." + field.getKey());
                } else {
                    walk(f.get().path().value(), field.getValue(), catalog, out);
                }
            }
        }
        return out;
    }

    private static void walk(String path, JsonNode value, FieldCatalog catalog, Set<String> out) {
        out.add(path);
        if (value.isArray()) {
            value.forEach(v -> walk(path, v, catalog, out));
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                String child = path + "." + e.getKey();
                walk(catalog.isKnownPath(child) ? child : path, e.getValue(), catalog, out);
            }
        }
    }
}
