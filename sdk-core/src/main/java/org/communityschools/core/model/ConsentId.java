package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of a consent ({@code consent_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record ConsentId(String value) implements Comparable<ConsentId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public ConsentId {
        Checks.identifier(value, "consent_id");
    }

    /**
     * Returns the identifier with this value; throws {@link IllegalArgumentException} when the value breaks the rule.
     *
     * @param value the identifier's text
     * @return the identifier
     */
    public static ConsentId of(String value) {
        return new ConsentId(value);
    }

    @Override
    public int compareTo(ConsentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
