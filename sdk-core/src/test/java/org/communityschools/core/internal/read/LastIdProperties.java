package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LastId}, the parsers' "same id as the previous row" shortcut, never changes what a lookup finds: for any
 * sequence of ids (grouped in runs, with ids that are prefixes of others, unknown ids, empty cells), written at any
 * offset of one buffer that is overwritten for every row (as a worker's ranges reuse and move their bytes), the index
 * found through the shortcut, else the table, is the table's own answer.
 */
class LastIdProperties {
    private static final Map<String, Integer> TABLE = Map.of("S1", 0, "S10", 1, "S100", 2, "S2", 3, "T1", 4);

    @Property(tries = 500)
    void theShortcutFindsWhatTheTableFinds(@ForAll("ids") List<String> ids, @ForAll @IntRange(max = 7) int shift) {
        LastId last = new LastId();
        byte[] buffer = new byte[64];
        int row = 0;
        for (String id : ids) {
            int from = place(buffer, id, row++, shift);
            int to = from + id.length();
            int found = last.find(buffer, from, to);
            if (found < 0) {
                found = TABLE.getOrDefault(id, -1);
                if (found >= 0) {
                    last.remember(buffer, from, to, found);
                }
            }
            assertThat(found).isEqualTo(TABLE.getOrDefault(id, -1));
        }
    }

    /**
     * Through {@link LastId#indexOf} over a real table (which it asks to try the index after the last one first, as
     * for a file sorted by student): for rows sorted as the table was loaded, with gaps, unknown ids and runs, at
     * moving places of one buffer, every answer is the table's own.
     */
    @Property(tries = 300)
    void indexOfAnswersAsTheTable(@ForAll("sortedRows") List<String> rows, @ForAll @IntRange(max = 7) int shift) {
        org.communityschools.core.internal.index.IdTable<String, String> table =
                new org.communityschools.core.internal.index.IdTable<>(r -> r);
        for (int i = 0; i < 40; i += 1) {
            table.add(String.format("S%03d", i), "r" + i);
        }
        LastId last = new LastId();
        byte[] buffer = new byte[64];
        int row = 0;
        for (String id : rows) {
            int from = place(buffer, id, row++, shift);

            assertThat(last.indexOf(buffer, from, from + id.length(), table::indexOfAscii)).as(id)
                    .isEqualTo(table.indexOf(id));
        }
    }

    /**
     * Writes {@code id} into {@code buffer} (its old bytes overwritten) at a place that moves with the row, as a
     * worker's reused range buffer holds each row somewhere else; returns where the id starts.
     */
    private static int place(byte[] buffer, String id, int row, int shift) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(buffer, (byte) 'x');
        int from = (row * shift) % 40;
        System.arraycopy(b, 0, buffer, from, b.length);
        return from;
    }

    /** Ids S000..S049 (S040 on: unknown) in increasing order, each in a run of zero to three rows. */
    @Provide
    Arbitrary<List<String>> sortedRows() {
        return Arbitraries.integers().between(0, 3).list().ofSize(50).map(runs -> {
            List<String> rows = new java.util.ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                rows.addAll(java.util.Collections.nCopies(runs.get(i), String.format("S%03d", i)));
            }
            return rows;
        });
    }

    /**
     * A worked example: S10 is remembered; S1 (a prefix of it) and S100 (an extension) are not it, nor is an empty
     * cell; S10 again, copied to another place of a fresh buffer, is.
     */
    @Example
    void onlyTheSameBytesAreTheLastId() {
        LastId last = new LastId();
        byte[] row = "S10,S1,S100,,".getBytes(StandardCharsets.US_ASCII);
        last.remember(row, 0, 3, 1);
        assertThat(last.find(row, 0, 3)).isEqualTo(1);
        assertThat(last.find(row, 4, 6)).isEqualTo(-1);
        assertThat(last.find(row, 7, 11)).isEqualTo(-1);
        assertThat(last.find(row, 12, 12)).isEqualTo(-1);
        byte[] other = "xxS10".getBytes(StandardCharsets.US_ASCII);
        assertThat(last.find(other, 2, 5)).isEqualTo(1);
        assertThat(new LastId().find(row, 0, 3)).isEqualTo(-1);
    }

    /** Ids in runs of one to four rows: known ones, prefixes of each other, unknown ones and empty cells. */
    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> id = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(10, "S1"), net.jqwik.api.Tuple.of(6, "S10"), net.jqwik.api.Tuple.of(4, "S100"),
                net.jqwik.api.Tuple.of(6, "S2"), net.jqwik.api.Tuple.of(3, "T1"), net.jqwik.api.Tuple.of(2, "S9"),
                net.jqwik.api.Tuple.of(1, "S"), net.jqwik.api.Tuple.of(1, ""), net.jqwik.api.Tuple.of(1, "s1"));
        return Arbitraries.integers().between(1, 4).flatMap(n -> id.map(s -> java.util.Collections.nCopies(n, s)))
                .list().ofMaxSize(30).map(runs -> runs.stream().flatMap(List::stream).toList());
    }
}
