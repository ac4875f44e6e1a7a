package org.communityschools.privacy.publication.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.Release;
import org.communityschools.privacy.publication.ReleasedCell;
import org.jspecify.annotations.Nullable;

/**
 * What readers know from earlier releases of one measure, as one system of unknowns: cells of different releases
 * (and of the table about to be released) that denote the same number share an index. The indices
 * {@code 0 .. tableCells - 1} are the new table's cells in table order; the others are cells only earlier releases
 * hold. For each index: whether some release published it (and the value), and the intersection of the ranges the
 * releases that hid it left open. The lines are every sum of every table, in these indices.
 */
public final class PriorKnowledge {
    final int tableCells;
    final int size;
    final int[][] lines;
    final boolean[] known;
    final long[] knownValue;
    final long[] lo;
    final long[] hi;
    final String[] name;
    /** For each release, the index of each of its cells. */
    final int[][] indexOf;

    private PriorKnowledge(int tableCells, int size, int[][] lines, boolean[] known, long[] knownValue, long[] lo,
            long[] hi, String[] name, int[][] indexOf) {
        this.tableCells = tableCells;
        this.size = size;
        this.lines = lines;
        this.known = known;
        this.knownValue = knownValue;
        this.lo = lo;
        this.hi = hi;
        this.name = name;
        this.indexOf = indexOf;
    }

    /**
     * The joint system of {@code table} (may be null: the releases alone) and the {@code releases} of
     * {@code measure}; releases of other measures share no unknown with it and are left out.
     *
     * @throws IllegalArgumentException when two releases publish different values for the same cell
     */
    static PriorKnowledge of(@Nullable CountTable table, String measure, List<Release> releases) {
        Map<List<String>, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        int tableCells = 0;
        if (table != null) {
            Dimension rows = table.rows();
            Dimension cols = table.columns();
            for (int i = 0; i < table.cells().size(); i++) {
                index.put(identity(measure, rows, i / cols.size(), cols, i % cols.size()), i);
                names.add("cell " + table.cells().get(i).key());
            }
            tableCells = table.cells().size();
            lines.addAll(Arrays.asList(TableSums.lines(rows, cols)));
        }
        List<Release> same = releases.stream().filter(r -> r.measure().equals(measure)).toList();
        int[][] indexOf = new int[same.size()][];
        for (int r = 0; r < same.size(); r++) {
            Release release = same.get(r);
            int nc = release.columns().size();
            indexOf[r] = new int[release.cells().size()];
            for (int j = 0; j < release.cells().size(); j++) {
                List<String> id = identity(measure, release.rows(), j / nc, release.columns(), j % nc);
                Integer g = index.get(id);
                if (g == null) {
                    g = names.size();
                    index.put(id, g);
                    names.add("cell " + release.cells().get(j).key() + " of release '" + release.id() + "'");
                }
                indexOf[r][j] = g;
            }
            for (int[] line : TableSums.lines(release.rows(), release.columns())) {
                int[] mapped = new int[line.length];
                for (int k = 0; k < line.length; k++) {
                    mapped[k] = indexOf[r][line[k]];
                }
                lines.add(mapped);
            }
        }
        int size = names.size();
        boolean[] known = new boolean[size];
        long[] knownValue = new long[size];
        long[] lo = new long[size];
        long[] hi = new long[size];
        Arrays.fill(hi, Long.MAX_VALUE);
        String[] publishedBy = new String[size];
        for (int r = 0; r < same.size(); r++) {
            Release release = same.get(r);
            for (int j = 0; j < release.cells().size(); j++) {
                ReleasedCell cell = release.cells().get(j);
                int g = indexOf[r][j];
                if (cell.isPublished()) {
                    long v = cell.count().orElseThrow();
                    if (known[g] && knownValue[g] != v) {
                        throw new IllegalArgumentException("releases '" + publishedBy[g] + "' and '" + release.id()
                                + "' of measure '" + measure + "' publish different values for " + cell.key()
                                + " (" + knownValue[g] + " and " + v + "); a revised figure needs its own measure name");
                    }
                    known[g] = true;
                    knownValue[g] = v;
                    publishedBy[g] = release.id();
                } else {
                    lo[g] = Math.max(lo[g], cell.range().lower());
                    hi[g] = Math.min(hi[g], cell.range().upper());
                }
            }
        }
        for (int g = 0; g < size; g++) {
            if (lo[g] > hi[g] || known[g] && hi[g] != Long.MAX_VALUE && (knownValue[g] < lo[g] || knownValue[g] > hi[g])) {
                throw new IllegalArgumentException("the releases of measure '" + measure + "' contradict each other at "
                        + names.get(g) + "; a revised figure needs its own measure name");
            }
        }
        return new PriorKnowledge(tableCells, size, lines.toArray(new int[0][]), known, knownValue, lo, hi,
                names.toArray(new String[0]), indexOf);
    }

    /** The column of a one-dimensional table ({@code CountTable.builder(rows)}): no breakdown at all. */
    private static final Dimension NO_BREAKDOWN = Dimension.single("measure", "count");

    /**
     * The identity of a cell: the measure and its coordinates as {@code dimension=label}, in name order, leaving out
     * a coordinate that is the total of its dimension (the root of a dimension with members: the cell counts the
     * whole population along it, the same number as the cell of a table without that dimension) and the column of a
     * one-dimensional table. So the grand total of every table of a measure is one number, a school's row of a
     * schools × community-school table is the school's cell of a table by school, and so on.
     */
    private static List<String> identity(String measure, Dimension rows, int r, Dimension cols, int c) {
        List<String> coordinates = new ArrayList<>(2);
        if (!isTotal(rows, r)) {
            coordinates.add(rows.name() + "\u0000" + rows.labels().get(r));
        }
        if (!isTotal(cols, c)) {
            coordinates.add(cols.name() + "\u0000" + cols.labels().get(c));
        }
        coordinates.sort(null);
        List<String> id = new ArrayList<>(3);
        id.add(measure);
        id.addAll(coordinates);
        return List.copyOf(id);
    }

    private static boolean isTotal(Dimension d, int index) {
        return d.equals(NO_BREAKDOWN) || index == 0 && !d.childrenOf(0).isEmpty();
    }

    /**
     * The ranges every release's hidden cells have given all the releases together: for release {@code r} and its
     * cell {@code j}, {@code result[r][j]} is {@code {lower, upper}}, or null for a cell that release published.
     */
    public static long[][][] auditReleases(String measure, List<Release> releases) {
        PriorKnowledge k = of(null, measure, releases);
        boolean[] hidden = new boolean[k.size];
        long[] lo = new long[k.size];
        long[] hi = new long[k.size];
        for (int g = 0; g < k.size; g++) {
            hidden[g] = !k.known[g];
            lo[g] = k.lo[g];
            hi[g] = k.hi[g];
        }
        long[][] ranges;
        try {
            ranges = ExactAudit.ranges(k.lines, hidden, k.knownValue, lo, hi);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("the releases of measure '" + measure + "' admit no common table; "
                    + "a revised figure needs its own measure name");
        }
        List<Release> same = releases.stream().filter(r -> r.measure().equals(measure)).toList();
        long[][][] out = new long[same.size()][][];
        for (int r = 0; r < same.size(); r++) {
            out[r] = new long[same.get(r).cells().size()][];
            for (int j = 0; j < out[r].length; j++) {
                int g = k.indexOf[r][j];
                if (!same.get(r).cells().get(j).isPublished()) {
                    out[r][j] = k.known[g] ? new long[] {k.knownValue[g], k.knownValue[g]} : ranges[g];
                }
            }
        }
        return out;
    }
}
