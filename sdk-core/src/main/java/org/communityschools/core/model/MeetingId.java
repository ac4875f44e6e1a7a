package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of a school team's meeting ({@code meeting_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record MeetingId(String value) implements Comparable<MeetingId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public MeetingId {
        Checks.identifier(value, "meeting_id");
    }

    /**
     * Returns the identifier with this value.
     *
     * @param value the identifier as written in the data
     * @return the identifier
     * @throws IllegalArgumentException when the value breaks the identifier rule
     */
    public static MeetingId of(String value) {
        return new MeetingId(value);
    }

    @Override
    public int compareTo(MeetingId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
