package org.communityschools.privacy.publication;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link TableProtector#protect}: the table as it would be published, whether the audit released or
 * refused it, and why. A refused table must not be published: {@link #orThrow()} and the {@link PublicationWriter}
 * refuse it. Holds no hidden value. Immutable and thread-safe.
 *
 * @param rules    the name of the rules applied
 * @param rows     the row dimension
 * @param columns  the column dimension
 * @param cells    every cell, in the order of {@link CountTable#cells()}
 * @param status   released or refused
 * @param refusals why the release was refused, one entry per unprotected cell; empty when released
 */
public record ProtectedTable(String rules, Dimension rows, Dimension columns, List<ProtectedCell> cells, Status status,
        List<String> refusals) {
    /** Whether the audit released the table. */
    public enum Status {
        /** Every hidden cell's audited range is at least as wide as the rules require. */
        RELEASED,
        /** Some hidden cell stays too narrowly determined even after all complementary suppression tried. */
        REFUSED
    }

    /**
     * Copies the lists and checks that refusals are given exactly when refused.
     *
     * @param rules the name of the rules applied
     * @param rows the row dimension
     * @param columns the column dimension
     * @param cells every cell, in the order of {@link CountTable#cells()}
     * @param status released or refused
     * @param refusals why the release was refused, one entry per unprotected cell; empty when released
     */
    public ProtectedTable {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(status, "status");
        cells = List.copyOf(cells);
        refusals = List.copyOf(refusals);
        if (cells.size() != rows.size() * columns.size()) {
            throw new IllegalArgumentException("a protected table needs one cell per row and column, had " + cells.size());
        }
        if (refusals.isEmpty() != (status == Status.RELEASED)) {
            throw new IllegalArgumentException("a refused table needs its reasons, a released one none");
        }
    }

    /** {@return this table if released} */
    public ProtectedTable orThrow() {
        if (status == Status.REFUSED) {
            throw new ReleaseRefusedException(refusals);
        }
        return this;
    }

    /**
     * {@return the cell at {@code row}, {@code column}}
     *
     * @param row the row label
     * @param column the column label
     */
    public ProtectedCell cell(String row, String column) {
        int r = rows.indexOf(row);
        int c = columns.indexOf(column);
        if (r < 0 || c < 0) {
            throw new IllegalArgumentException("no cell " + row + "/" + column);
        }
        return cells.get(r * columns.size() + c);
    }

    /**
     * {@return the cell of a one-dimensional table at {@code row}}
     *
     * @param row the row label
     */
    public ProtectedCell cell(String row) {
        return cell(row, columns.labels().get(0));
    }

    /** {@return the suppression report: every suppressed cell in table order, with its reason and audited range} */
    public List<SuppressionEntry> report() {
        return cells.stream().filter(ProtectedCell::isSuppressed)
                .map(c -> new SuppressionEntry(c.key(), c.reason().orElseThrow(), c.range().orElseThrow())).toList();
    }
}
