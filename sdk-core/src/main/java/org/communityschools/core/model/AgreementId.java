package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of a agreement ({@code agreement_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record AgreementId(String value) implements Comparable<AgreementId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public AgreementId {
        Checks.identifier(value, "agreement_id");
    }

    /**
     * Returns the identifier with this value; throws {@link IllegalArgumentException} when the value breaks the rule.
     *
     * @param value the identifier's text
     * @return the identifier
     */
    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    @Override
    public int compareTo(AgreementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
