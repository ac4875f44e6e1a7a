package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.ReadLimits;

/**
 * The word-at-a-time scan of {@link PlainRows} (eight bytes per step until a byte that needs a look, rows found a
 * block at a time before they go to the sink) finds exactly the rows, cells, oddness and line feeds of a byte-at-a-time scan ({@link #oracle}, the scan as it was before), for any
 * bytes: commas, quotes, CR, LF, CR LF, tabs, spaces, control bytes, DEL, bytes of 0x80 and above, the edge bytes 0x2C,
 * 0x2D and 0x7E, at any length (not only multiples of eight), with more rows than one block of the scan, with and
 * without limits near.
 */
class PlainRowsProperties {

    @Property(tries = 2000)
    void wordScanEqualsByteScan(@ForAll("ranges") byte[] bytes, @ForAll @IntRange(min = 1, max = 8) int width,
                                @ForAll boolean tight) {
        ReadLimits limits = tight ? ReadLimits.builder().maxCellChars(12).maxLineChars(40).maxCellsPerRow(6).build()
                : ReadLimits.defaults();
        List<String> seen = new ArrayList<>();
        PlainRows scan = PlainRows.scan(bytes, width, limits, (rows, rel) -> seen.add(describe(rows, rel, width)));

        List<String> expected = new ArrayList<>();
        long[] end = oracle(bytes, width, limits, expected);

        assertThat(seen).isEqualTo(expected);
        assertThat(scan.odd()).isEqualTo(end[0] == 1);
        assertThat(scan.newlines()).isEqualTo(end[1]);
    }

    /**
     * A range in a reused buffer: scanning the first {@code bytes.length} bytes of a longer buffer (whatever bytes follow:
     * an earlier, longer range's rest) finds exactly what scanning the range alone finds, rows, oddness and line feeds.
     */
    @Property(tries = 1000)
    void aRangeInALongerBufferScansAsTheRangeAlone(@ForAll("ranges") byte[] bytes, @ForAll("ranges") byte[] rest,
                                                   @ForAll @IntRange(min = 1, max = 8) int width) {
        byte[] buffer = Arrays.copyOf(bytes, bytes.length + rest.length);
        System.arraycopy(rest, 0, buffer, bytes.length, rest.length);
        List<String> alone = new ArrayList<>();
        PlainRows expected = PlainRows.scan(bytes, width, ReadLimits.defaults(), (rows, rel) -> alone.add(describe(rows, rel, width)));
        List<String> seen = new ArrayList<>();

        PlainRows scan = PlainRows.scan(buffer, bytes.length, width, ReadLimits.defaults(),
                (rows, rel) -> seen.add(describe(rows, rel, width)));

        assertThat(seen).isEqualTo(alone);
        assertThat(scan.odd()).isEqualTo(expected.odd());
        assertThat(scan.newlines()).isEqualTo(expected.newlines());
    }

    /** Every byte alone: the special bits mark exactly the bytes outside 0x2D..0x7E, in every position of a word. */
    @Property(tries = 300)
    void specialMarksExactlyTheBytesThatNeedALook(@ForAll byte value, @ForAll @IntRange(min = 0, max = 7) int at,
                                                 @ForAll("filler") byte filler) {
        long word = 0;
        for (int i = 0; i < 8; i++) {
            word |= ((i == at ? value : filler) & 0xFFL) << (8 * i);
        }
        long special = PlainRows.special(word);
        for (int i = 0; i < 8; i++) {
            int b = (i == at ? value : filler) & 0xFF;
            boolean needsLook = b <= ',' || b >= 0x7f;
            assertThat((special >>> (8 * i + 7)) & 1).as("byte %02x at %d", b, i).isEqualTo(needsLook ? 1L : 0L);
        }
    }

    /** A worked example: "ab,cd\n" has one row of two cells, [0, 2) and [3, 5), then one line feed. */
    @Property(tries = 1)
    void workedExample() {
        byte[] b = "ab,cd\nxyz12345,0\r\n".getBytes(StandardCharsets.US_ASCII);
        List<String> seen = new ArrayList<>();

        PlainRows scan = PlainRows.scan(b, 2, ReadLimits.defaults(), (rows, rel) -> seen.add(describe(rows, rel, 2)));

        // row 0: cells "ab" [0,2) and "cd" [3,5); row 1 starts at 6: "xyz12345" [6,14) and "0" [15,16), ended by CR LF
        assertThat(seen).containsExactly("0:2:[0-2,3-5]:[ab, cd]", "1:2:[6-14,15-16]:[xyz12345, 0]");
        assertThat(scan.odd()).isFalse();
        assertThat(scan.newlines()).isEqualTo(2);
    }

    private static String describe(PlainRows rows, int rel, int width) {
        StringBuilder s = new StringBuilder().append(rel).append(':').append(rows.cells()).append(":[");
        for (int i = 0; i < Math.min(rows.cells(), width + 1); i++) {
            s.append(i == 0 ? "" : ",").append(rows.start(i)).append('-').append(rows.end(i));
        }
        return s.append("]:").append(Arrays.toString(rows.texts())).toString();
    }

    /**
     * The byte-at-a-time scan (PlainRows.scan before the word-at-a-time step), describing each row as
     * {@link #describe} does; returns {odd ? 1 : 0, newlines}.
     */
    private static long[] oracle(byte[] b, int width, ReadLimits limits, List<String> out) {
        int maxChars = Math.min(limits.maxCellChars(), limits.maxLineChars());
        int maxCells = Math.min(limits.maxCellsPerRow(), width + 1);
        int[] starts = new int[maxCells + 1];
        int[] ends = new int[maxCells + 1];
        int n = b.length;
        int p = 0;
        int rel = 0;
        while (p < n) {
            int cells = 0;
            int cellStart = p;
            int q = p;
            int end = -1;
            boolean plain = true;
            while (q < n) {
                byte c = b[q];
                if (c > ',' && c < 0x7f) {
                    q++;
                    continue;
                }
                if (c == ',') {
                    if (cells < maxCells) {
                        starts[cells] = cellStart;
                        ends[cells] = q;
                    }
                    cells++;
                    cellStart = q + 1;
                } else if (c == '\n') {
                    end = q;
                    break;
                } else if (c < 0x20 || c >= 0x7f || c == '"') {
                    if (c == '\r' && q + 1 < n && b[q + 1] == '\n') {
                        end = q;
                        break;
                    }
                    if (c != '\t') {
                        plain = false;
                        break;
                    }
                }
                q++;
            }
            int rowEnd = end < 0 ? q : end;
            if (!plain || rowEnd - p > maxChars || cells + 1 > limits.maxCellsPerRow()) {
                long nl = rel;
                for (int i = p; i < n; i++) {
                    nl += b[i] == '\n' ? 1 : 0;
                }
                return new long[] {1, nl};
            }
            if (cells < maxCells) {
                starts[cells] = cellStart;
                ends[cells] = rowEnd;
            }
            cells++;
            int next = end < 0 ? n : (b[end] == '\r' ? end + 2 : end + 1);
            if (rowEnd > p || width <= 1) {
                StringBuilder s = new StringBuilder().append(rel).append(':').append(cells).append(":[");
                for (int i = 0; i < Math.min(cells, width + 1); i++) {
                    s.append(i == 0 ? "" : ",").append(starts[i]).append('-').append(ends[i]);
                }
                List<String> texts = new ArrayList<>();
                int start = p;
                for (int i = p; i <= rowEnd; i++) {
                    if (i == rowEnd || b[i] == ',') {
                        texts.add(new String(b, start, i - start, StandardCharsets.US_ASCII));
                        start = i + 1;
                    }
                }
                out.add(s.append("]:").append(texts).toString());
            }
            if (end >= 0) {
                rel++;
            }
            p = next;
        }
        return new long[] {0, rel};
    }

    @Provide
    Arbitrary<byte[]> ranges() {
        Arbitrary<Byte> plain = Arbitraries.of((byte) 'a', (byte) 'Z', (byte) '0', (byte) '9', (byte) '-', (byte) '.',
                (byte) '_', (byte) '~');
        Arbitrary<Byte> structure = Arbitraries.of((byte) ',', (byte) ',', (byte) '\n', (byte) '\n', (byte) '\r');
        Arbitrary<Byte> edges = Arbitraries.of((byte) '"', (byte) '\t', (byte) ' ', (byte) 0, (byte) 0x1f, (byte) 0x2c,
                (byte) 0x2d, (byte) 0x7e, (byte) 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> mostlyPlain = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(14, plain), net.jqwik.api.Tuple.of(5, structure),
                net.jqwik.api.Tuple.of(1, edges), net.jqwik.api.Tuple.of(1, any));
        Arbitrary<byte[]> rowsOfCells = mostlyPlain.array(byte[].class).ofMaxSize(120);
        Arbitrary<byte[]> anyBytes = any.array(byte[].class).ofMaxSize(40);
        // more rows than the scan finds per block (256), mostly plain, sometimes an odd byte late in the range
        Arbitrary<Byte> shortRows = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, plain),
                net.jqwik.api.Tuple.of(3, Arbitraries.of((byte) ',', (byte) '\n')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) '\n')));
        Arbitrary<byte[]> manyRows = Combinators.combine(shortRows.array(byte[].class).ofMinSize(1500).ofMaxSize(4000),
                Arbitraries.oneOf(Arbitraries.just(new byte[0]), edges.array(byte[].class).ofSize(1))).as((rows, tail) -> {
                    byte[] out = Arrays.copyOf(rows, rows.length + tail.length);
                    System.arraycopy(tail, 0, out, rows.length, tail.length);
                    return out;
                });
        return Arbitraries.oneOf(rowsOfCells, rowsOfCells, rowsOfCells, anyBytes, manyRows);
    }

    @Provide
    Arbitrary<Byte> filler() {
        return Arbitraries.of((byte) 'a', (byte) '0', (byte) ',', (byte) 0x2d, (byte) 0x7e, (byte) 0x7f, (byte) 0xff);
    }
}
