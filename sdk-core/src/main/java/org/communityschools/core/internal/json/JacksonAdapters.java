package org.communityschools.core.internal.json;

import java.util.Optional;
import org.communityschools.core.data.Severity;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/** Jackson serializers and deserializers over a {@link Codec}: the bridge between the domain mapping and databind. */
public final class JacksonAdapters {
    private JacksonAdapters() {}

    /** Writes with the codec. */
    public static <T> ValueSerializer<T> serializer(Class<T> type, Codec<T> codec) {
        return new ValueSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                codec.write(value, gen);
            }

            @Override
            public Class<?> handledType() {
                return type;
            }
        };
    }

    /**
     * Reads with the codec and throws a {@link JsonRuleException} at the first error, located at the offending value.
     * Unknown properties fail when {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES} is enabled and are
     * skipped otherwise.
     */
    public static <T> ValueDeserializer<T> deserializer(Class<T> type, Codec<T> codec) {
        return new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                boolean strict = ctxt.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
                Reporter reporter = Reporter.of((severity, rule, location, field, value, message) -> {
                    if (severity == Severity.WARNING && !strict) {
                        return;
                    }
                    throw new JsonRuleException(p, message(type, rule, field, value, message, location), location, rule);
                });
                T value = codec.read(p, reporter);
                if (value == null) {
                    // every failure is reported, and the first report throws; this is a safeguard
                    throw new JsonRuleException(p, "cannot read " + type.getSimpleName(), p.currentTokenLocation(), "field.format");
                }
                return value;
            }

            @Override
            public Class<?> handledType() {
                return type;
            }
        };
    }

    private static String message(Class<?> type, String rule, Optional<String> field, Optional<String> value, String message,
                                  TokenStreamLocation location) {
        StringBuilder b = new StringBuilder(type.getSimpleName());
        field.ifPresent(f -> b.append('.').append(f));
        b.append(": ").append(message);
        value.filter(v -> !message.contains("'" + v + "'")).ifPresent(v -> b.append(" (value '").append(v).append("')"));
        b.append(" [").append(rule).append(']');
        // Jackson leaves line and column out of its own location text when the source is redacted (its default)
        if (location.getLineNr() > 0) {
            b.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        return b.toString();
    }

}
