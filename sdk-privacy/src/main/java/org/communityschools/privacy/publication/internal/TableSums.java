package org.communityschools.privacy.publication.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.communityschools.privacy.publication.Dimension;

/**
 * The sums of a table ({@code total = Σ members}) as cell index lists, numbered in table order, with the numbers of
 * the sums holding each cell (a compact index: two int arrays), and the walk from a hidden cell to its connected
 * component. Immutable once built; {@link #component} writes only into the sets it is given.
 */
final class TableSums {
    private final int[][] lines;
    /** The sums holding cell i: {@code ids[start[i] .. start[i + 1])}. */
    private final int[] start;
    private final int[] ids;

    private TableSums(int[][] lines, int cells) {
        this.lines = lines;
        this.start = new int[cells + 1];
        for (int[] line : lines) {
            for (int c : line) {
                start[c + 1]++;
            }
        }
        for (int i = 0; i < cells; i++) {
            start[i + 1] += start[i];
        }
        this.ids = new int[start[cells]];
        int[] fill = Arrays.copyOf(start, cells);
        for (int l = 0; l < lines.length; l++) {
            for (int c : lines[l]) {
                ids[fill[c]++] = l;
            }
        }
    }

    /** The sums of a table with these dimensions. */
    static TableSums of(Dimension rows, Dimension columns) {
        return new TableSums(lines(rows, columns), rows.size() * columns.size());
    }

    /**
     * The sums of a table as cell index lists {@code [total, member, ...]}: for every row node and every column node
     * with members, and for every column node and every row node with members. Row lines first, in table order.
     */
    static int[][] lines(Dimension rows, Dimension columns) {
        int nc = columns.size();
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < nc; c++) {
                List<Integer> kids = columns.childrenOf(c);
                if (!kids.isEmpty()) {
                    int[] line = new int[kids.size() + 1];
                    line[0] = r * nc + c;
                    for (int k = 0; k < kids.size(); k++) {
                        line[k + 1] = r * nc + kids.get(k);
                    }
                    out.add(line);
                }
            }
        }
        for (int c = 0; c < nc; c++) {
            for (int r = 0; r < rows.size(); r++) {
                List<Integer> kids = rows.childrenOf(r);
                if (!kids.isEmpty()) {
                    int[] line = new int[kids.size() + 1];
                    line[0] = r * nc + c;
                    for (int k = 0; k < kids.size(); k++) {
                        line[k + 1] = kids.get(k) * nc + c;
                    }
                    out.add(line);
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    /** The sums, in table order (not copied: not to be changed). */
    int[][] lines() {
        return lines;
    }

    /** The numbers of the sums holding {@code cell}, in table order. */
    int[] linesOf(int cell) {
        return Arrays.copyOfRange(ids, start[cell], start[cell + 1]);
    }

    /** A connected component of hidden cells: the cells in table order and the sums holding them, in table order. */
    record Component(List<Integer> cells, List<int[]> lines) {
    }

    /**
     * The component of hidden cell {@code from}: every hidden cell reached through sums holding hidden cells, and
     * those sums. Cells and sums already in {@code seenCells} and {@code seenLines} are not walked again (they belong
     * to a component found before); the walk adds what it finds to them. Linear in the component.
     */
    Component component(int from, boolean[] hidden, Set<Integer> seenCells, Set<Integer> seenLines) {
        List<Integer> cells = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        seenCells.add(from);
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            int c = todo.poll();
            cells.add(c);
            for (int k = start[c]; k < start[c + 1]; k++) {
                int l = ids[k];
                if (seenLines.add(l)) {
                    numbers.add(l);
                    for (int d : lines[l]) {
                        if (hidden[d] && seenCells.add(d)) {
                            todo.add(d);
                        }
                    }
                }
            }
        }
        cells.sort(null); // table order, as the whole-table audit has it
        numbers.sort(null);
        List<int[]> sums = new ArrayList<>(numbers.size());
        numbers.forEach(l -> sums.add(lines[l]));
        return new Component(List.copyOf(cells), sums);
    }
}
