package org.communityschools.privacy.view.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.model.DataCategory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;
import tools.jackson.databind.node.ValueNode;

/**
 * The top level of a student record view: for each {@link DataCategory} shown, its fields in the order they were
 * filled, written straight to the generator in category order (identity first, case notes last) instead of being
 * kept as a tree of object nodes and copied into that order. Writes the same text as the object
 * {@code {"identity":{...},"attendance":{...}}} of the same keys and values. Filled by one {@link ViewAssembler}, then
 * immutable and thread-safe.
 */
public final class ViewBody extends JacksonSerializable.Base {
    /** The top-level key of each {@link DataCategory}, by ordinal: its lower-case name. */
    static final String[] CATEGORY_KEYS = Arrays.stream(DataCategory.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    /** The same keys, quoted and encoded once (the generator copies their bytes). */
    private static final SerializableString[] CATEGORY_NAMES = Arrays.stream(CATEGORY_KEYS)
            .map(SerializedString::new).toArray(SerializableString[]::new);

    /** The keys and values of each category's fields, by category ordinal; null for a category with none. */
    private final String[][] keys = new String[CATEGORY_KEYS.length][];
    private final JsonNode[][] values = new JsonNode[CATEGORY_KEYS.length][];
    private final int[] sizes = new int[CATEGORY_KEYS.length];

    ViewBody() {}

    /** Whether the category of ordinal {@code category} already holds {@code key}. */
    boolean has(int category, String key) {
        String[] k = keys[category];
        for (int i = 0; i < sizes[category]; i++) {
            if (k[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code key} (not yet held, {@link #has}) with {@code value} to the category of ordinal {@code category}. */
    void put(int category, String key, JsonNode value) {
        int n = sizes[category];
        if (keys[category] == null) {
            keys[category] = new String[4];
            values[category] = new JsonNode[4];
        } else if (n == keys[category].length) {
            keys[category] = Arrays.copyOf(keys[category], n * 2);
            values[category] = Arrays.copyOf(values[category], n * 2);
        }
        keys[category][n] = key;
        values[category][n] = value;
        sizes[category] = n + 1;
    }

    /**
     * Whether nothing is shown (the view writes {@code {}}).
     *
     * @return whether no category holds a field
     */
    public boolean isEmpty() {
        for (int n : sizes) {
            if (n > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The top-level keys written, in category order.
     *
     * @return the lower-case names of the categories that hold a field
     */
    public Set<String> categories() {
        Set<String> out = new LinkedHashSet<>();
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] > 0) {
                out.add(CATEGORY_KEYS[c]);
            }
        }
        return out;
    }

    /**
     * Writes the view to {@code g}, which needs no serialization context: the values of a view are strings, numbers,
     * nulls, objects, arrays and record rows, written here (a null as {@code null}, as Jackson's default does).
     *
     * @param g the generator
     */
    public void write(JsonGenerator g) {
        g.writeStartObject(this);
        for (int c = 0; c < sizes.length; c++) {
            int n = sizes[c];
            if (n == 0) {
                continue;
            }
            g.writeName(CATEGORY_NAMES[c]);
            g.writeStartObject(null, n);
            String[] k = keys[c];
            JsonNode[] v = values[c];
            for (int i = 0; i < n; i++) {
                g.writeName(k[i]);
                write(g, v[i]);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes {@code node} as Jackson's default serialization of a tree does, without a serialization context. */
    static void write(JsonGenerator g, JsonNode node) {
        if (node instanceof POJONode p && p.getPojo() instanceof Rows rows) {
            rows.write(g);
        } else if (node instanceof ObjectNode o) {
            g.writeStartObject(o, o.size());
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                g.writeName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode a) {
            g.writeStartArray(a, a.size());
            for (int i = 0; i < a.size(); i++) {
                write(g, a.get(i));
            }
            g.writeEndArray();
        } else if (node.isNull()) {
            g.writeNull();
        } else if (node.isString()) {
            g.writeString(node.asString());
        } else if (node instanceof ValueNode && (node.isNumber() || node.isBoolean())) {
            // numbers and booleans write themselves with the generator alone
            node.serialize(g, null);
        } else {
            throw new IllegalStateException("a view holds no " + node.getNodeType() + " value");
        }
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        write(g);
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
        serialize(g, ctxt);
    }
}
