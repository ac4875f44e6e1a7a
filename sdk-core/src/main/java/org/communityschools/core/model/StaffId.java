package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of a staff ({@code staff_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record StaffId(String value) implements Comparable<StaffId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public StaffId {
        Checks.identifier(value, "staff_id");
    }

    /**
     * Returns the identifier with this value; throws {@link IllegalArgumentException} when the value breaks the rule.
     *
     * @param value the identifier's text
     * @return the identifier
     */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public int compareTo(StaffId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
