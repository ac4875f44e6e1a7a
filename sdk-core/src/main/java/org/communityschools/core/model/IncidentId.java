package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of a incident ({@code incident_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record IncidentId(String value) implements Comparable<IncidentId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public IncidentId {
        Checks.identifier(value, "incident_id");
    }

    /**
     * Returns the identifier with this value; throws {@link IllegalArgumentException} when the value breaks the rule.
     *
     * @param value the identifier's text
     * @return the identifier
     */
    public static IncidentId of(String value) {
        return new IncidentId(value);
    }

    @Override
    public int compareTo(IncidentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
