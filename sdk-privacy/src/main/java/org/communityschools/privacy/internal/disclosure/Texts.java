package org.communityschools.privacy.internal.disclosure;

import java.util.Objects;

/** Checks on the short texts of a disclosure (purpose, threat, recipients). Messages never repeat the text. */
public final class Texts {
    private Texts() {}

    /** Non-blank, at most {@code max} characters, no control characters, no unpaired surrogates. */
    public static String check(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters and not be blank, had " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(name + " must not contain control characters (position " + i + ")");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException(name + " must be well-formed Unicode (unpaired surrogate at " + i + ")");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(name + " must be well-formed Unicode (unpaired surrogate at " + i + ")");
            }
        }
        return value;
    }
}
