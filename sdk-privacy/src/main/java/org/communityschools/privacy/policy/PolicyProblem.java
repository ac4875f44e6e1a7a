package org.communityschools.privacy.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One reason a policy was refused, with where it is and which rule of the format it breaks: for a loaded file the
 * source, line and column and the JSON pointer of the offending value ({@code default-policy.yaml:41:9 /rules/3/fields/0});
 * for a policy built in Java the rule and attribute ({@code rules[3] 'teacher-roster' fields[0]}). The code names the
 * broken rule in a stable, machine-readable form ({@code one-document}, {@code field-unknown}; docs/privacy-policy.md
 * lists them); the message states the rule and the offending value. Immutable and thread-safe.
 *
 * @param location where the problem is
 * @param code     the rule broken: lower-case words joined by hyphens
 * @param message  what is wrong
 */
public record PolicyProblem(String location, String code, String message) {
    private static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z]+)*");

    /**
     * Checks that nothing is missing and that the code has the form of a code.
     *
     * @param location where the problem is
     * @param code the rule broken: lower-case words joined by hyphens
     * @param message what is wrong
     */
    public PolicyProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a problem code is lower-case words joined by hyphens, was '" + code + "'");
        }
    }

    /** {@code location: code: message}. */
    @Override
    public String toString() {
        return location + ": " + code + ": " + message;
    }
}
