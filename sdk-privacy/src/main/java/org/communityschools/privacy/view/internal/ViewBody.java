package org.communityschools.privacy.view.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.communityschools.core.model.DataCategory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

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

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        g.writeStartObject(this);
        for (int c = 0; c < sizes.length; c++) {
            int n = sizes[c];
            if (n == 0) {
                continue;
            }
            g.writeName(CATEGORY_KEYS[c]);
            g.writeStartObject(null, n);
            String[] k = keys[c];
            JsonNode[] v = values[c];
            for (int i = 0; i < n; i++) {
                g.writeName(k[i]);
                v[i].serialize(g, ctxt);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
        serialize(g, ctxt);
    }
}
