package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table released earlier, as kept in a {@link ReleaseLedger}: its identifier, the measure it counts, its dimensions
 * (whose sums a reader can use) and what it published of each cell ({@link ReleasedCell}). It holds no hidden
 * value, only what readers of the release know, so a ledger file is no more sensitive than the releases themselves.
 *
 * <p>The <b>measure</b> names the quantity counted, for the population and period, such as
 * {@code chronic absence 2024-25}: two cells of releases of the same measure whose dimensions and labels coincide
 * (row and column dimension names with their labels, in either order) are the <em>same</em> number, and the joint
 * audit treats them as one unknown. A coordinate at the total (root) of a dimension with members counts the whole
 * population along it and is left out of the comparison, and so is the column of a one-dimensional table: every
 * table of a measure shares its grand total, and a school's row total of a schools × community-school table is the
 * school's cell of a table by school. A table of school B alone is linked to a subgroups × schools table when it is
 * built with a column dimension {@code Dimension.single("School", "B")}. Use a new measure name for a figure that
 * was revised or that counts a different period (a month-2 cumulative figure is not the month-1 figure).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id      the release's identifier, unique in its ledger (such as {@code 2025-01 school report cards})
 * @param measure what the table counts (see above)
 * @param rows    the row dimension
 * @param columns the column dimension
 * @param cells   one cell per row and column node, in row-major pre-order
 */
public record Release(String id, String measure, Dimension rows, Dimension columns, List<ReleasedCell> cells) {
    /**
     * Checks the shape: one cell per row and column, with the table's keys in table order.
     *
     * @param id the release's identifier, unique in its ledger (such as {@code 2025-01 school report cards})
     * @param measure what the table counts (see above)
     * @param rows the row dimension
     * @param columns the column dimension
     * @param cells one cell per row and column node, in row-major pre-order
     */
    public Release {
        requireText(id, "id");
        requireText(measure, "measure");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        cells = List.copyOf(cells);
        if (cells.size() != rows.size() * columns.size()) {
            throw new IllegalArgumentException("release " + id + " needs one cell per row and column, had " + cells.size());
        }
        if (rows.name().equals(columns.name()) && rows.size() > 1 && columns.size() > 1) {
            throw new IllegalArgumentException("release " + id + ": the row and column dimensions need different names, both "
                    + rows.name());
        }
        for (int i = 0; i < cells.size(); i++) {
            CellKey expected = CellKey.of(rows.labels().get(i / columns.size()), columns.labels().get(i % columns.size()));
            if (!cells.get(i).key().equals(expected)) {
                throw new IllegalArgumentException("release " + id + ": cell " + i + " must be " + expected + ", was "
                        + cells.get(i).key());
            }
        }
    }

    /**
     * The release of a protected table: published cells with their counts, hidden cells with their audited ranges.
     *
     * @param id the release's id, unique in its ledger
     * @param measure what the table counts
     * @param table the protected table
     * @return the release
     * @throws ReleaseRefusedException when the audit refused the table (a refused table is never released)
     */
    public static Release of(String id, String measure, ProtectedTable table) {
        Objects.requireNonNull(table, "table").orThrow();
        List<ReleasedCell> cells = new ArrayList<>(table.cells().size());
        for (ProtectedCell c : table.cells()) {
            cells.add(c.status() == CellStatus.PUBLISHED
                    ? new ReleasedCell(c.key(), c.count(), new AuditedRange(c.count().orElseThrow(), c.count().orElseThrow()))
                    : new ReleasedCell(c.key(), Optional.empty(), c.range().orElseThrow()));
        }
        return new Release(id, measure, table.rows(), table.columns(), cells);
    }

    /**
     * {@return the cell at {@code row}, {@code column}}
     *
     * @param row the row label
     * @param column the column label
     */
    public ReleasedCell cell(String row, String column) {
        int r = rows.indexOf(row);
        int c = columns.indexOf(column);
        if (r < 0 || c < 0) {
            throw new IllegalArgumentException("no cell " + row + "/" + column + " in release " + id);
        }
        return cells.get(r * columns.size() + c);
    }

    private static void requireText(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank() || s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must be non-blank text without control characters");
        }
    }
}
