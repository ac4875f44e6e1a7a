package org.communityschools.core.internal.json;

import java.util.Optional;
import org.communityschools.core.data.Severity;
import tools.jackson.core.TokenStreamLocation;

/**
 * Where a {@link Codec} reports a broken rule: the property being read (the top-level key of the record) and
 * whether its values are personal, so that they are redacted before they reach a message. Immutable.
 */
public final class Reporter {
    /** Replaces the value of a personal field in reports. */
    public static final String REDACTED = "<redacted>";

    /** Receives each broken rule; the JSON module throws at the first error, the file reader collects them all. */
    public interface Sink {
        /**
         * One broken rule.
         *
         * @param severity error or warning
         * @param rule     the stable rule code, such as {@code field.format}
         * @param location where the offending value (or key) starts
         * @param field    the top-level key, or empty for the whole record or file
         * @param value    the offending value, already redacted when personal, or empty
         * @param message  the rule in words
         */
        void report(Severity severity, String rule, TokenStreamLocation location, Optional<String> field,
                    Optional<String> value, String message);
    }

    private final Sink sink;
    private final Optional<String> field;
    private final boolean personal;

    private Reporter(Sink sink, Optional<String> field, boolean personal) {
        this.sink = sink;
        this.field = field;
        this.personal = personal;
    }

    /** A reporter for a whole record or file. */
    public static Reporter of(Sink sink) {
        return new Reporter(sink, Optional.empty(), false);
    }

    /** The reporter for a property of the record being read; nested properties keep the top-level key. */
    Reporter property(String name, boolean personalProperty) {
        return new Reporter(sink, field.isPresent() ? field : Optional.of(name), personal || personalProperty);
    }

    /** The top-level key this reporter reports on, if any. */
    Optional<String> field() {
        return field;
    }

    /** Reports an error on a value whose text is {@code value} (redacted here when personal). */
    void error(String rule, TokenStreamLocation location, Optional<String> value, String message) {
        sink.report(Severity.ERROR, rule, location, field, personal ? value.map(v -> REDACTED) : value, message);
    }

    /** Reports a warning that concerns a key rather than a value (inside a nested object, on the top-level key). */
    void warning(String rule, TokenStreamLocation location, Optional<String> key, String message) {
        sink.report(Severity.WARNING, rule, location, field.isPresent() ? field : key, Optional.empty(), message);
    }

    /** Reports an error on a record-level key (such as a duplicate key), not on a value. */
    void keyError(String rule, TokenStreamLocation location, String key, String message) {
        sink.report(Severity.ERROR, rule, location, Optional.of(field.orElse(key)), Optional.empty(), message);
    }
}
