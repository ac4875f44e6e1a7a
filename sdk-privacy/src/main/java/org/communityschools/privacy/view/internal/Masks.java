package org.communityschools.privacy.view.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.communityschools.privacy.policy.MaskTransform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The masking transforms, each total on its own kind of value and empty on any other: used by the record view and the
 * record filter. Stateless.
 */
public final class Masks {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

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
