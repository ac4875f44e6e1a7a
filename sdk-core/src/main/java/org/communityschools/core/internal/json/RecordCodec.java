package org.communityschools.core.internal.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * The JSON object of one record type: its properties in order (the columns of its {@code DataFile}), how each is
 * read and written, and how the record is built from them. Reading reports every problem of the object: unknown
 * keys (warnings, rule {@code header.unknown-column}), repeated keys ({@code field.duplicate}), values that are not
 * of their format ({@code field.format}), missing required values ({@code field.required}), and, when every value
 * could be read, a rule of the record's constructor ({@code field.rule}), located at the value the rule names.
 * JSON {@code null} counts as absent. Immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordCodec<T> extends Codec<T> {
    /** Rule code: a key that is not a property of the record (a warning). */
    public static final String UNKNOWN = "header.unknown-column";
    /** Rule code: a required property is absent or null. */
    public static final String REQUIRED = "field.required";
    /** Rule code: a key appears twice in one object. */
    public static final String DUPLICATE = "field.duplicate";
    /** Rule code: the record's constructor rejected the values (an end before a begin, say). */
    public static final String RULE = "field.rule";
    /** Rule code: the value is not a JSON object. */
    public static final String STRUCTURE = "json.structure";

    private static final Pattern LEADING_NAME = Pattern.compile("^([a-z][a-z_]*)\\b");

    /**
     * One property: its key, codec, whether it is required and personal, and how to get it from a record.
     *
     * @param <T> the record type
     * @param <V> the property's type
     */
    public static final class Prop<T, V> {
        final String name;
        final Codec<V> codec;
        final boolean required;
        final boolean personal;
        final Function<T, Optional<V>> getter;
        final int index;

        Prop(int index, String name, Codec<V> codec, boolean required, boolean personal, Function<T, Optional<V>> getter) {
            this.index = index;
            this.name = name;
            this.codec = codec;
            this.required = required;
            this.personal = personal;
            this.getter = getter;
        }

        /** The JSON key. */
        public String name() {
            return name;
        }
    }

    /** The values read for one object, by property; given to the record's factory. */
    public static final class Got {
        private final Object[] values;
        private final Map<String, ? extends Prop<?, ?>> byName;

        private Got(Object[] values, Map<String, ? extends Prop<?, ?>> byName) {
            this.values = values;
            this.byName = byName;
        }

        /** The value read for key {@code name}, empty when it is absent, unknown or could not be read. */
        public Optional<Object> value(String name) {
            Prop<?, ?> prop = byName.get(name);
            Object v = prop == null ? null : values[prop.index];
            return v == null || v == FAILED ? Optional.empty() : Optional.of(v);
        }

        /** The value of a required property. */
        @SuppressWarnings("unchecked")
        public <V> V get(Prop<?, V> prop) {
            return (V) Objects.requireNonNull(values[prop.index], prop.name);
        }

        /** The value of an optional property, empty when absent. */
        @SuppressWarnings("unchecked")
        public <V> Optional<V> opt(Prop<?, V> prop) {
            return Optional.ofNullable((V) values[prop.index]);
        }
    }

    /**
     * Collects the properties of a record type in order; each is declared once.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {
        private final Class<T> type;
        private final Predicate<String> personal;
        private final List<Prop<T, ?>> props = new ArrayList<>();

        private Builder(Class<T> type, Predicate<String> personal) {
            this.type = type;
            this.personal = personal;
        }

        /** A property that is always present. */
        public <V> Prop<T, V> required(String name, Codec<V> codec, Function<T, V> getter) {
            return add(new Prop<>(props.size(), name, codec, true, personal.test(name), t -> Optional.of(getter.apply(t))));
        }

        /** A property that may be absent (omitted when written). */
        public <V> Prop<T, V> optional(String name, Codec<V> codec, Function<T, Optional<V>> getter) {
            return add(new Prop<>(props.size(), name, codec, false, personal.test(name), getter));
        }

        /** A property that may be absent on input (the factory supplies a default) but is always written. */
        public <V> Prop<T, V> defaulted(String name, Codec<V> codec, Function<T, V> getter) {
            return add(new Prop<>(props.size(), name, codec, false, personal.test(name), t -> Optional.of(getter.apply(t))));
        }

        private <V> Prop<T, V> add(Prop<T, V> prop) {
            for (Prop<T, ?> p : props) {
                if (p.name.equals(prop.name)) {
                    throw new IllegalArgumentException("property declared twice: " + prop.name);
                }
            }
            props.add(prop);
            return prop;
        }

        /** The codec that builds records with {@code factory} (which may throw {@link IllegalArgumentException}). */
        public RecordCodec<T> build(Function<Got, T> factory) {
            return new RecordCodec<>(type, List.copyOf(props), factory);
        }
    }

    /** A builder for {@code type}, whose properties named by {@code personal} hold personal data. */
    public static <T> Builder<T> builder(Class<T> type, Predicate<String> personal) {
        return new Builder<>(type, personal);
    }

    private final Class<T> type;
    private final List<Prop<T, ?>> props;
    private final Map<String, Prop<T, ?>> byName;
    private final Function<Got, T> factory;

    private RecordCodec(Class<T> type, List<Prop<T, ?>> props, Function<Got, T> factory) {
        this.type = type;
        this.props = props;
        this.factory = factory;
        Map<String, Prop<T, ?>> m = new HashMap<>();
        for (Prop<T, ?> p : props) {
            m.put(p.name, p);
        }
        this.byName = Map.copyOf(m);
    }

    /** The record type. */
    public Class<T> type() {
        return type;
    }

    /** The property keys, in the order they are written. */
    public List<String> names() {
        return props.stream().map(Prop::name).toList();
    }

    @Override
    public @Nullable T read(JsonParser p, Reporter reporter) {
        return read(p, reporter, got -> { });
    }

    /**
     * Reads like {@link #read(JsonParser, Reporter)}; when the object is rejected, {@code rejected} receives the values
     * that could be read (so that a caller can tell which record was rejected).
     */
    public @Nullable T read(JsonParser p, Reporter reporter, Consumer<Got> rejected) {
        TokenStreamLocation start = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.PROPERTY_NAME) {
            reporter.error(STRUCTURE, start, text(p), "must be a JSON object");
            skipValue(p);
            return null;
        }
        int n = props.size();
        Object[] values = new Object[n];
        TokenStreamLocation[] locations = new TokenStreamLocation[n];
        boolean ok = true;
        for (t = t == JsonToken.START_OBJECT ? p.nextToken() : t; t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            Prop<T, ?> prop = byName.get(name);
            if (prop == null) {
                reporter.warning(UNKNOWN, p.currentTokenLocation(), Optional.of(name), "unknown property '" + name + "' is ignored");
                p.nextToken();
                skipValue(p);
                continue;
            }
            int i = prop.index;
            if (locations[i] != null) {
                reporter.keyError(DUPLICATE, p.currentTokenLocation(), name, name + " must appear once in an object");
                p.nextToken();
                skipValue(p);
                ok = false;
                continue;
            }
            p.nextToken();
            locations[i] = p.currentTokenLocation();
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            Object v = prop.codec.read(p, reporter.property(name, prop.personal));
            if (v == null) {
                ok = false;
                values[i] = FAILED;
            } else {
                values[i] = v;
            }
        }
        for (Prop<T, ?> prop : props) {
            if (prop.required && values[prop.index] == null) {
                TokenStreamLocation at = locations[prop.index];
                reporter.property(prop.name, prop.personal).error(REQUIRED, at == null ? start : at, Optional.empty(),
                        prop.name + " is required");
                ok = false;
            }
        }
        Got got = new Got(values, byName);
        if (!ok) {
            rejected.accept(got);
            return null;
        }
        try {
            return factory.apply(got);
        } catch (IllegalArgumentException | NullPointerException e) {
            rejected.accept(got);
            String message = Objects.requireNonNullElse(e.getMessage(), "invalid " + type.getSimpleName());
            Matcher m = LEADING_NAME.matcher(message);
            Prop<T, ?> named = m.find() ? byName.get(m.group(1)) : null;
            Reporter r = named == null ? reporter : reporter.property(named.name, named.personal);
            TokenStreamLocation at = named == null || locations[named.index] == null ? start : locations[named.index];
            if (e instanceof NullPointerException) {
                r.error(REQUIRED, at, Optional.empty(), message + " is required");
            } else {
                r.error(RULE, at, Optional.empty(), message);
            }
            return null;
        }
    }

    private static final Object FAILED = new Object();

    @Override
    public void write(T value, JsonGenerator g) {
        g.writeStartObject();
        for (Prop<T, ?> prop : props) {
            writeProp(prop, value, g);
        }
        g.writeEndObject();
    }

    private static <T, V> void writeProp(Prop<T, V> prop, T value, JsonGenerator g) {
        Optional<V> v = prop.getter.apply(value);
        if (v.isPresent()) {
            g.writeName(prop.name);
            prop.codec.write(v.get(), g);
        }
    }
}
