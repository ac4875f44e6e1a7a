package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table of counts to publish: one {@link Cell} (count of group size) for every pair of a row node and a column
 * node, where every total equals the sum of its members in both count and group size. Rows and columns are
 * {@link Dimension}s, so the same model holds a one-dimensional subgroup table (rows: "All students" over the
 * subgroups; one column), a two-dimensional table with marginal totals (subgroups × schools with a total row and a
 * total column) and hierarchies (schools within districts, grades within schools). The additive equations are what a
 * reader of the published table can use to recover a suppressed cell, and what the audit of
 * {@link TableProtector} checks.
 *
 * <p>Immutable and thread-safe. Cells are held in row-major pre-order ({@link #cells()}).
 */
public final class CountTable {
    private final Dimension rows;
    private final Dimension columns;
    private final List<Cell> cells;
    private final boolean[] withheld;
    private final Set<CellKey> withheldKeys;

    private CountTable(Dimension rows, Dimension columns, List<Cell> cells, boolean[] withheld) {
        this.rows = rows;
        this.columns = columns;
        this.cells = List.copyOf(cells);
        this.withheld = withheld.clone();
        Set<CellKey> keys = new LinkedHashSet<>();
        for (int i = 0; i < withheld.length; i++) {
            if (withheld[i]) {
                keys.add(cells.get(i).key());
            }
        }
        this.withheldKeys = Collections.unmodifiableSet(keys);
    }

    /**
     * {@return a builder for a two-dimensional table}
     *
     * @param rows the row dimension
     * @param columns the column dimension
     */
    public static Builder builder(Dimension rows, Dimension columns) {
        return new Builder(Objects.requireNonNull(rows, "rows"), Objects.requireNonNull(columns, "columns"));
    }

    /**
     * {@return a builder for a one-dimensional table: its single column is named {@code count}}
     *
     * @param rows a builder for a one-dimensional table
     */
    public static Builder builder(Dimension rows) {
        return builder(rows, Dimension.single("measure", "count"));
    }

    /** {@return the row dimension} */
    public Dimension rows() {
        return rows;
    }

    /** {@return the column dimension} */
    public Dimension columns() {
        return columns;
    }

    /** {@return whether the table has a single column} */
    public boolean isOneDimensional() {
        return columns.size() == 1;
    }

    /** {@return all cells in row-major pre-order: index {@code row * columns().size() + column}} */
    public List<Cell> cells() {
        return cells;
    }

    /**
     * The cells whose count was already suppressed in the input (such as a published file showing {@code s}), in
     * table order. Their count is unknown: {@link Cell#count()} is 0 for them and is not a value. They stay
     * suppressed in every protected table ({@link SuppressionReason#WITHHELD_IN_INPUT}).
     *
     * @return the cells withheld in the input
     */
    public Set<CellKey> withheld() {
        return withheldKeys;
    }

    /**
     * {@return whether the cell at index {@code i} of {@link #cells()} was withheld in the input}
     *
     * @param i an index into {@link #cells()}
     */
    public boolean isWithheld(int i) {
        return withheld[i];
    }

    /**
     * {@return the cell at {@code key}, if the table has it}
     *
     * @param key a cell key
     */
    public Optional<Cell> cell(CellKey key) {
        int r = rows.indexOf(key.row());
        int c = columns.indexOf(key.column());
        return r < 0 || c < 0 ? Optional.empty() : Optional.of(cells.get(r * columns.size() + c));
    }

    /**
     * {@return the cell at {@code row} and {@code column}}
     *
     * @param row the row label
     * @param column the column label
     */
    public Cell cell(String row, String column) {
        return cell(CellKey.of(row, column)).orElseThrow(() -> new IllegalArgumentException("no cell " + row + "/" + column));
    }

    /**
     * {@return the cell of a one-dimensional table at {@code row}}
     *
     * @param row the row label
     */
    public Cell cell(String row) {
        return cell(row, columns.labels().get(0));
    }

    @Override
    public String toString() {
        return "CountTable[" + rows.name() + " × " + columns.name() + ", " + cells.size() + " cells]";
    }

    /**
     * Builds a {@link CountTable}. Set every cell once; {@link #build()} checks that every cell is present and that
     * every total equals the sum of its members, in counts and in group sizes. Not thread-safe.
     */
    public static final class Builder {
        private final Dimension rows;
        private final Dimension columns;
        private final long[] counts;
        private final long[] groups;
        private final boolean[] set;
        private final boolean[] withheld;

        private Builder(Dimension rows, Dimension columns) {
            this.rows = rows;
            this.columns = columns;
            int n = rows.size() * columns.size();
            counts = new long[n];
            groups = new long[n];
            set = new boolean[n];
            withheld = new boolean[n];
        }

        /**
         * Sets the cell at {@code row}, {@code column}: {@code count} of {@code groupSize}.
         *
         * @param row the row label
         * @param column the column label
         * @param count the count, from 0 to {@code groupSize}
         * @param groupSize the size of the group counted
         * @return this builder
         */
        public Builder cell(String row, String column, long count, long groupSize) {
            int r = rows.indexOf(Objects.requireNonNull(row, "row"));
            int c = columns.indexOf(Objects.requireNonNull(column, "column"));
            if (r < 0 || c < 0) {
                throw new IllegalArgumentException("no such cell in the dimensions: " + row + "/" + column);
            }
            int i = r * columns.size() + c;
            if (set[i]) {
                throw new IllegalArgumentException("cell set twice: " + row + "/" + column);
            }
            new Cell(CellKey.of(row, column), count, groupSize); // checks the range
            counts[i] = count;
            groups[i] = groupSize;
            set[i] = true;
            return this;
        }

        /**
         * Sets the cell at {@code row}, {@code column} as withheld in the input: its group size is known, its count is
         * not (it was already suppressed at the source, such as {@code s} in a published file). A withheld cell stays
         * suppressed, and a total over it cannot be {@linkplain #fillTotals() filled}.
         *
         * @param row the row label
         * @param column the column label
         * @param groupSize the size of the group counted
         * @return this builder
         */
        public Builder withheld(String row, String column, long groupSize) {
            cell(row, column, 0, groupSize);
            withheld[rows.indexOf(row) * columns.size() + columns.indexOf(column)] = true;
            return this;
        }

        /**
         * Sets the cell of a one-dimensional table at {@code row} as withheld in the input.
         *
         * @param row the row label
         * @param groupSize the size of the group counted
         * @return this builder
         */
        public Builder withheld(String row, long groupSize) {
            if (columns.size() != 1) {
                throw new IllegalStateException("withheld(row, groupSize) is for one-dimensional tables; name the column");
            }
            return withheld(row, columns.labels().get(0), groupSize);
        }

        /**
         * Sets the cell of a one-dimensional table at {@code row}.
         *
         * @param row the row label
         * @param count the count, from 0 to {@code groupSize}
         * @param groupSize the size of the group counted
         * @return this builder
         */
        public Builder cell(String row, long count, long groupSize) {
            if (columns.size() != 1) {
                throw new IllegalStateException("cell(row, count, groupSize) is for one-dimensional tables; name the column");
            }
            return cell(row, columns.labels().get(0), count, groupSize);
        }

        /**
         * Sets the totals from the leaf cells: every cell not set yet whose row or column is a total gets the sum of
         * its members. Convenient when only the interior of the table is known.
         *
         * @return this builder
         */
        public Builder fillTotals() {
            // visit nodes in reverse pre-order so members are computed before totals
            for (int r = rows.size() - 1; r >= 0; r--) {
                for (int c = columns.size() - 1; c >= 0; c--) {
                    int i = r * columns.size() + c;
                    if (set[i]) {
                        continue;
                    }
                    List<Integer> parts = new ArrayList<>();
                    int cc = c;
                    if (!rows.childrenOf(r).isEmpty()) {
                        rows.childrenOf(r).forEach(k -> parts.add(k * columns.size() + cc));
                    } else if (!columns.childrenOf(c).isEmpty()) {
                        int rr = r;
                        columns.childrenOf(c).forEach(k -> parts.add(rr * columns.size() + k));
                    } else {
                        continue;
                    }
                    long cs = 0;
                    long gs = 0;
                    boolean complete = true;
                    for (int p : parts) {
                        complete &= set[p] && !withheld[p];
                        cs = Math.addExact(cs, counts[p]);
                        gs = Math.addExact(gs, groups[p]);
                    }
                    if (complete) {
                        counts[i] = cs;
                        groups[i] = gs;
                        set[i] = true;
                    }
                }
            }
            return this;
        }

        /** {@return the table; checks completeness and that every total is the sum of its members} */
        public CountTable build() {
            int nc = columns.size();
            List<Cell> cells = new ArrayList<>(counts.length);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < nc; c++) {
                    int i = r * nc + c;
                    CellKey key = CellKey.of(rows.labels().get(r), columns.labels().get(c));
                    if (!set[i]) {
                        throw new IllegalStateException("every cell of the table must be set, missing " + key);
                    }
                    cells.add(new Cell(key, counts[i], groups[i]));
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < nc; c++) {
                    checkSum(cells, withheld, r * nc + c, rows.childrenOf(r).stream().map(k -> k * nc).toList(), c);
                    int rr = r;
                    checkSum(cells, withheld, r * nc + c, columns.childrenOf(c).stream().map(k -> rr * nc + k).toList(), 0);
                }
            }
            return new CountTable(rows, columns, cells, withheld);
        }

        /**
         * A total equals the sum of its members in group size; in count too when no cell of the sum is withheld,
         * otherwise the known members must not exceed a known total.
         */
        private static void checkSum(List<Cell> cells, boolean[] withheld, int total, List<Integer> parts, int offset) {
            if (parts.isEmpty()) {
                return;
            }
            long cs = 0;
            long gs = 0;
            boolean unknown = withheld[total];
            for (int p : parts) {
                cs = Math.addExact(cs, cells.get(p + offset).count());
                gs = Math.addExact(gs, cells.get(p + offset).groupSize());
                unknown |= withheld[p + offset];
            }
            Cell t = cells.get(total);
            boolean countsWrong = unknown ? !withheld[total] && cs > t.count() : cs != t.count();
            if (countsWrong || gs != t.groupSize()) {
                throw new IllegalArgumentException("a total must equal the sum of its members: " + t.key() + " is "
                        + t.count() + " of " + t.groupSize() + ", its members sum to " + cs + " of " + gs);
            }
        }
    }
}
