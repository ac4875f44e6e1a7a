package org.communityschools.privacy.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a requester asks for a student's records: the legitimate educational interest of 34 CFR 99.31(a)(1) or the
 * purpose of an agreement or consent, as a short code that a {@link Policy} declares ({@code instruction},
 * {@code student-support}). A rule serves only the purposes it names; a request for a purpose the policy does not
 * declare is denied. Immutable and thread-safe; {@code of(p.code())} equals {@code p}.
 *
 * @param code lower case letters, digits and hyphens, starting with a letter, at most 64 characters
 */
public record Purpose(String code) implements Comparable<Purpose> {
    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /**
     * Checks the syntax.
     *
     * @param code lower case letters, digits and hyphens, starting with a letter, at most 64 characters
     */
    public Purpose {
        Objects.requireNonNull(code, "code");
        if (!SYNTAX.matcher(code).matches()) {
            throw new IllegalArgumentException("a purpose code has lower case letters, digits and hyphens, starts with a "
                    + "letter and has at most 64 characters, such as student-support; was '" + code + "'");
        }
    }

    /**
     * {@return the purpose with this code}
     *
     * @param code the purpose's code, such as {@code student-support}
     */
    public static Purpose of(String code) {
        return new Purpose(code);
    }

    @Override
    public int compareTo(Purpose other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
