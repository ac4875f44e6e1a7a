package org.communityschools.core.model;

import org.communityschools.core.internal.Checks;

/**
 * The identifier of a student ({@code student_id} in the district data directory): an opaque string of 1–32
 * characters without whitespace. Immutable and thread-safe; {@link #toString()} returns the value, so
 * {@code of(id.toString())} gives back an equal identifier.
 *
 * @param value the identifier as written in the data
 */
public record StudentId(String value) implements Comparable<StudentId> {
    /**
     * Checks the identifier rule.
     *
     * @param value the identifier as written in the data
     */
    public StudentId {
        Checks.identifier(value, "student_id");
    }

    /**
     * Returns the identifier with this value; throws {@link IllegalArgumentException} when the value breaks the rule.
     *
     * @param value the identifier's text
     * @return the identifier
     */
    public static StudentId of(String value) {
        return new StudentId(value);
    }

    @Override
    public int compareTo(StudentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
