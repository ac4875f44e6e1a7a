package org.communityschools.core.internal.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * A domain rule broken by a JSON value, thrown by the deserializers of the JSON module at the first error: a Jackson
 * {@link DatabindException} located at the offending value (not at the parser's position), whose message states the
 * property, the rule and, for non-personal properties, the value.
 */
public final class JsonRuleException extends DatabindException {
    private static final long serialVersionUID = 1L;

    private final String rule;

    JsonRuleException(JsonParser parser, String message, TokenStreamLocation location, String rule) {
        super(parser, message, location);
        this.rule = rule;
    }

    /** The stable rule code, such as {@code field.format}. */
    public String rule() {
        return rule;
    }
}
