package org.communityschools.privacy.view.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a record field (attendance records, incidents, marks...): an array of objects, kept as flat
 * name-value cells and written straight to the generator, so that no tree is built for the bulk of a record.
 * Equal, when written, to the array of objects of the same properties in the same order; {@link #toTree()} gives
 * that array. Filled once, then immutable and thread-safe.
 */
public final class Rows extends JacksonSerializable.Base implements Fillers.Out {
    /**
     * The names of the attendance records' cells (most of a view's rows), quoted and encoded once: the generator copies
     * their bytes instead of encoding each name of each row (the same bytes: plain ASCII names need no escape).
     */
    private static final Map<String, SerializableString> NAMES = Map.of(
            "date", new SerializedString("date"), "school_id", new SerializedString("school_id"),
            "category", new SerializedString("category"), "duration", new SerializedString("duration"),
            "reason", new SerializedString("reason"));

    /**
     * name, value, name, value...; a value is a String, a BigDecimal, a JsonNode, or one of {@link EncodedValues}: a
     * {@link SerializableString} (a string: a date, an enum's name) or a {@link EncodedValues.Share} (a number).
     */
    private final List<Object> cells;
    private int[] ends;
    private int count;
    private int start;

    Rows(int rows) {
        // sized for a few rows: most records of a view may lie outside its scope, and the lists grow
        int expected = Math.min(rows, 16);
        this.cells = new ArrayList<>(expected * 10);
        this.ends = new int[expected];
    }

    private boolean open;

    void startRow() {
        if (open) {
            endRow();
        }
        open = true;
        start = cells.size();
    }

    private void endRow() {
        if (count == ends.length) {
            ends = java.util.Arrays.copyOf(ends, count * 2 + 1);
        }
        ends[count++] = cells.size();
    }

    Rows end() {
        if (open) {
            endRow();
        }
        open = false;
        return this;
    }

    boolean has(String key) {
        for (int i = start; i < cells.size(); i += 2) {
            if (cells.get(i).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Like {@code ObjectNode.put}: a key already in the row keeps its place and takes the new value. */
    private void cell(String key, Object value) {
        for (int i = start; i < cells.size(); i += 2) {
            if (cells.get(i).equals(key)) {
                cells.set(i + 1, value);
                return;
            }
        }
        cells.add(key);
        cells.add(value);
    }

    @Override
    public void put(String key, @Nullable String value) {
        cell(key, value == null ? JsonNodeFactory.instance.nullNode() : value);
    }

    @Override
    public void put(String key, @Nullable BigDecimal value) {
        cell(key, value == null ? JsonNodeFactory.instance.nullNode() : value);
    }

    @Override
    public void put(String key, LocalDate value) {
        cell(key, EncodedValues.date(value));
    }

    @Override
    public void put(String key, Enum<?> value) {
        cell(key, EncodedValues.name(value));
    }

    @Override
    public void put(String key, org.communityschools.core.model.DayShare value) {
        cell(key, EncodedValues.share(value));
    }

    void put(String key, JsonNode value) {
        cell(key, value);
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        write(g);
    }

    /** Writes the rows to {@code g}, which needs no serialization context. */
    void write(JsonGenerator g) {
        g.writeStartArray();
        int i = 0;
        for (int r = 0; r < count; r++) {
            g.writeStartObject();
            for (int end = ends[r]; i < end; i += 2) {
                String name = (String) cells.get(i);
                SerializableString encoded = NAMES.get(name);
                if (encoded != null) {
                    g.writeName(encoded);
                } else {
                    g.writeName(name);
                }
                Object v = cells.get(i + 1);
                if (v instanceof SerializableString text) {
                    g.writeString(text);
                } else if (v instanceof String text) {
                    g.writeString(text);
                } else if (v instanceof EncodedValues.Share share) {
                    // the text the generator writes for a BigDecimal (its toString), raw as a number
                    g.writeRawValue(share.text());
                } else if (v instanceof BigDecimal number) {
                    g.writeNumber(number);
                } else {
                    ViewBody.write(g, (JsonNode) v);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
        serialize(g, ctxt);
    }

    /** The rows as a tree: an array of objects. */
    public ArrayNode toTree() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        for (int r = 0; r < count; r++) {
            ObjectNode o = out.addObject();
            for (int end = ends[r]; i < end; i += 2) {
                String key = (String) cells.get(i);
                Object v = cells.get(i + 1);
                if (v instanceof String text) {
                    o.put(key, text);
                } else if (v instanceof SerializableString text) {
                    o.put(key, text.getValue());
                } else if (v instanceof EncodedValues.Share share) {
                    o.put(key, share.decimal());
                } else if (v instanceof BigDecimal number) {
                    o.put(key, number);
                } else {
                    o.set(key, ((JsonNode) v).deepCopy());
                }
            }
        }
        return out;
    }
}
