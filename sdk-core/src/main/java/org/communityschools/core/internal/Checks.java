package org.communityschools.core.internal;

import java.util.Objects;

/** Argument checks shared by the value types. Messages state the rule and, for non-personal values, the value. */
public final class Checks {
    private Checks() {}

    /** Identifiers: 1–32 characters, no whitespace (the interchange format's rule). */
    public static String identifier(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > 32) {
            throw new IllegalArgumentException(name + " must have 1 to 32 characters, was " + value.length() + ": '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must not contain whitespace or control characters: '" + value + "'");
            }
        }
        return value;
    }

    /** Non-null and not blank; the value itself is not echoed (it may be personal data). */
    public static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!isText(value)) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Whether {@link #text} accepts a non-null {@code value}: it is not blank. */
    public static boolean isText(String value) {
        return !value.isBlank();
    }
}
