package org.communityschools.privacy.extract;

import java.util.List;
import java.util.Objects;

/**
 * A set of rows of an extract that share the same values of the quasi-identifiers: a reader who knows those values
 * of a student (birth year, sex, school, ...) narrows the student to this class. k-anonymity needs every class to have
 * at least k rows. Immutable.
 *
 * @param values the shared quasi-identifier values, in the order of the quasi-identifiers
 * @param size   how many rows share them
 */
public record EquivalenceClass(List<String> values, int size) {
    /**
     * Copies the values and checks the size.
     *
     * @param values the shared quasi-identifier values, in the order of the quasi-identifiers
     * @param size how many rows share them
     */
    public EquivalenceClass {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (size < 1) {
            throw new IllegalArgumentException("an equivalence class has at least one row, had " + size);
        }
    }
}
