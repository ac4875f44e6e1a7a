package org.communityschools.privacy.policy;

import java.util.Objects;

/**
 * One reason a policy was refused, with where it is: for a loaded file the source, line and column and the JSON
 * pointer of the offending value ({@code default-policy.yaml:41:9 /rules/3/fields/0}); for a policy built in Java the
 * rule and attribute ({@code rules[3] 'teacher-roster' fields[0]}). The message states the rule that was broken and
 * the offending value. Immutable and thread-safe.
 *
 * @param location where the problem is
 * @param message  what is wrong
 */
public record PolicyProblem(String location, String message) {
    /** Checks that nothing is missing. */
    public PolicyProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
