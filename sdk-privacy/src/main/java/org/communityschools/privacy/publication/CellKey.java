package org.communityschools.privacy.publication;

import java.util.Objects;

/**
 * The address of a cell of a {@link CountTable}: a row label and a column label (a one-dimensional table has a
 * single column). {@link #toString()} gives {@code row/column}. Immutable and thread-safe.
 *
 * @param row    the label in the row dimension
 * @param column the label in the column dimension
 */
public record CellKey(String row, String column) {
    /**
     * Checks that both labels are present.
     *
     * @param row the label in the row dimension
     * @param column the label in the column dimension
     */
    public CellKey {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
    }

    /**
     * {@return the cell at {@code row} and {@code column}}
     *
     * @param row the row label
     * @param column the column label
     */
    public static CellKey of(String row, String column) {
        return new CellKey(row, column);
    }

    @Override
    public String toString() {
        return row + "/" + column;
    }
}
