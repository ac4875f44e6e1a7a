package org.communityschools.core.internal.json;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads and writes one kind of JSON value. A read starts on the value's first token and ends on its last token (the
 * closing bracket of a container), even when the value breaks a rule: then it reports every problem to the
 * {@link Reporter} and returns {@code null}, so that the caller can go on and find the next problem. Immutable and
 * thread-safe.
 *
 * @param <V> the Java type of the value
 */
public abstract class Codec<V> {
    /** Reads the value at the parser's current token, or reports the problems and returns {@code null}. */
    public abstract @Nullable V read(JsonParser p, Reporter reporter);

    /** Writes the value. */
    public abstract void write(V value, JsonGenerator g);

    /** Moves past the value whose first token is current (a no-op for scalars). */
    static void skipValue(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
    }

    /** The value's text for a report: scalars as written, containers as empty. */
    static Optional<String> text(JsonParser p) {
        JsonToken t = p.currentToken();
        return t != null && t.isScalarValue() ? Optional.ofNullable(p.getString()) : Optional.empty();
    }
}
