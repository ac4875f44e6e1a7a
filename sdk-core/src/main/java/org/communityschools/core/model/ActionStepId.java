package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of an action step decided at a meeting ({@code action_step_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record ActionStepId(String value) implements Comparable<ActionStepId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public ActionStepId {
        Checks.identifier(value, "action_step_id");
    }

    /**
     * Returns the identifier with this value.
     *
     * @param value the identifier as written in the data
     * @return the identifier
     * @throws IllegalArgumentException when the value breaks the identifier rule
     */
    public static ActionStepId of(String value) {
        return new ActionStepId(value);
    }

    @Override
    public int compareTo(ActionStepId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
